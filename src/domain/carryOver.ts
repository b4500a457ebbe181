// 新建下一年度: next year's report of the same agency, starting from last year's numbers.
// What is carried follows from the editions' cross-year rules (official-format.md, "Across
// years"): each rule says which cell of this year equals which cells of last year.
import { cellKey, columnLabel, editionForYear, findCell, getEdition, tableOf } from './edition'
import type { EditionDef, LinearRule, Term } from './format'
import { type Report, type Values, createReport, lastYear as latestYear, reportTitle, validateIdentity } from './report'
import { resolveValues } from './totals'
import { ruleCellsIn } from './checks'

export type CarryResult = { ok: true; report: Report; carried: CarriedGroup[] } | { ok: false; error: string }

interface CarriedGroup {
  rule: string
  /** e.g. 二、上年结转政府信息公开申请数量 or 上一年项目数量 */
  label: string
  cells: number
}

/**
 * Creates the report for the year after `last`: same agency, the edition of that year, cells
 * filled by every cross-year rule that applies (上年结转 always; 上一年项目数量 and 现行有效件数
 * only when both years share the edition). Texts are not carried. Not stored: the caller adds it.
 */
export function nextYearReport(
  last: Pick<Report, 'agency' | 'year' | 'edition' | 'values'>,
  now = new Date(),
): CarryResult {
  const year = last.year + 1
  const problem = validateIdentity(last.agency, year, now)
  if (problem) return { ok: false, error: year > latestYear(now) ? `不能新建${year}年度的报告：${problem}` : problem }
  const edition = editionForYear(year)
  if (!edition) return { ok: false, error: `${year}年没有适用的格式` }
  const lastEdition = getEdition(last.edition)

  const values: Values = {}
  const carried: CarriedGroup[] = []
  for (const rule of edition.rules) {
    if (!rule.crossYear || (rule.crossYear.sameEdition && lastEdition.key !== edition.key)) continue
    const cells = carryRule(edition, rule, lastEdition, last.values, values)
    if (cells) carried.push({ rule: rule.id, label: ruleLabel(edition, rule), cells })
  }

  const report = createReport(last.agency, year, edition.key, now.getTime())
  report.values = values
  report.carriedFrom = describeCarry(last, lastEdition, edition, carried)
  report.carriedFromReport = { agency: last.agency, year: last.year }
  return { ok: true, report, carried }
}

/**
 * Fills every input cell the rule's left side names with the sum of its right side: last
 * year's terms from last year's report, this year's from `values` (blank, so 0: 现行有效件数
 * starts from last year's). A cell is filled only when a term of last year is not blank.
 */
function carryRule(
  edition: EditionDef,
  rule: LinearRule,
  lastEdition: EditionDef,
  lastValues: Values,
  values: Values,
): number {
  const [target, ...more] = rule.lhs
  if (!target || more.length || rule.op !== '=' || target.lastYear) return 0
  const table = tableOf(edition, rule.table)
  if (!table) return 0
  const last = resolveValues(lastEdition, lastValues)
  let count = 0
  const terms = [...rule.lhs, ...rule.rhs]
  for (const block of table.blocks) {
    if (!terms.every((t) => !t.column || block.columns.some((c) => c.key === t.column))) continue
    const { rows, columns } = ruleCellsIn(rule, block)
    for (const row of rows) {
      for (const column of columns) {
        const key = (t: Term) => cellKey(table.key, t.row ?? row, t.column ?? column)
        const cell = findCell(edition, key(target))
        if (!cell || cell.computed) continue
        let sum = 0
        let any = false
        for (const t of rule.rhs) {
          const v = t.lastYear ? last.get(key(t)) : values[key(t)]
          if (t.lastYear && v !== undefined) any = true
          sum += (v ?? 0) * (t.sign ?? 1)
        }
        if (!any) continue
        values[cell.key] = sum + 0
        count++
      }
    }
  }
  return count
}

/** The cells a rule fills, named by the row or column its left side fixes. */
function ruleLabel(edition: EditionDef, rule: LinearRule): string {
  const target = rule.lhs[0]
  const table = tableOf(edition, rule.table)
  for (const block of table?.blocks ?? []) {
    if (target?.row) {
      const row = block.rows.find((r) => r.key === target.row)
      if (row) return row.label
    }
    if (target?.column) {
      const column = block.columns.find((c) => c.key === target.column)
      if (column) return columnLabel(column)
    }
  }
  return rule.lhsLabel
}

function describeCarry(
  last: Pick<Report, 'agency' | 'year'>,
  lastEdition: EditionDef,
  edition: EditionDef,
  carried: CarriedGroup[],
): string {
  const source = `由${reportTitle(last)}结转`
  const what = carried.length
    ? `：${carried.map((g) => `${g.label}（${g.cells}格）`).join('、')}`
    : '：上年报告中没有可结转的数字'
  const editions =
    lastEdition.key === edition.key
      ? ''
      : `。两年格式不同（${lastEdition.name} → ${edition.name}），只结转两种格式共有的内容`
  return `${source}${what}${editions}。文字部分未结转。`
}
