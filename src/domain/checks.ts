// The check engine: every rule the edition declares, the value domains, blank cells and texts.
// Blank is not 0: a rule with a blank cell is only an error once blanks cannot save it.
import { cellKey, columnLabel, describeCell, findCell, findEdition, inputCellsOf, tableOf, textsOf } from './edition'
import type { Finding } from './findings'
import { SEVERITY_ORDER } from './findings'
import type { BlockDef, CellKey, EditionDef, LinearRule, Term, ValueKind } from './format'
import type { Report } from './report'
import { type Resolved, resolveValues } from './totals'
import { domainError, formatValue } from './values'

export type CheckInput = Pick<Report, 'edition' | 'values' | 'texts'>
export type LastYearInput = Pick<Report, 'edition' | 'values'>

/** Extra checks plugged in by other modules (the narrative check reads the texts). */
export type ExtraCheck = (edition: EditionDef, report: CheckInput, resolved: Resolved) => Finding[]

export interface CheckOptions {
  /**
   * Blanks count as 0 in every rule, as on paper: for printing and exporting. Otherwise a rule
   * with blank cells that blanks could still satisfy is only pending (a notice 待填完).
   */
  final?: boolean
}

const OP_WORD = { '=': '应等于', '<=': '不应大于', '>=': '不应小于' } as const
const EPSILON = 1e-9

export function checkReport(
  edition: EditionDef,
  report: CheckInput,
  lastYear?: LastYearInput,
  extra: readonly ExtraCheck[] = [],
  options: CheckOptions = {},
): Finding[] {
  const resolved = resolveValues(edition, report.values)
  const bounds = options.final ? undefined : lazy(() => boundsOf(edition, report.values))
  const findings: Finding[] = []
  for (const rule of edition.rules) findings.push(...checkRule(edition, rule, resolved, lastYear, bounds))
  findings.push(...checkCells(edition, report))
  findings.push(...checkTexts(edition, report))
  for (const check of extra) findings.push(...check(edition, report, resolved))
  // Stable order: by severity, then as declared.
  return findings
    .map((f, i) => [f, i] as const)
    .sort((a, b) => SEVERITY_ORDER[a[0].severity] - SEVERITY_ORDER[b[0].severity] || a[1] - b[1])
    .map(([f]) => f)
}

/** values.domain for every filled input cell, blank for every empty one. */
function checkCells(edition: EditionDef, report: CheckInput): Finding[] {
  const out: Finding[] = []
  for (const cell of inputCellsOf(edition)) {
    const v = report.values[cell.key]
    if (v === undefined) {
      out.push({
        rule: 'blank',
        severity: 'notice',
        cells: [cell.key],
        message: `${describeCell(cell)}：尚未填写（没有数字请填 0）`,
      })
      continue
    }
    const problem = domainError(v, cell.column.kind)
    if (problem)
      out.push({
        rule: 'values.domain',
        severity: 'error',
        cells: [cell.key],
        message: `${describeCell(cell)}：${problem}`,
      })
  }
  return out
}

/** A text part empty or only whitespace is a blank, like an empty cell. */
function checkTexts(edition: EditionDef, report: CheckInput): Finding[] {
  return textsOf(edition)
    .filter((t) => !report.texts[t.key]?.trim())
    .map((t) => ({
      rule: 'blank',
      severity: 'notice' as const,
      cells: [],
      text: t.key,
      message: `${t.heading}：尚未填写（没有内容请填“无”）`,
    }))
}

/** The least and the most a cell can come to once its blanks are filled: [v, v] when filled. */
type Bounds = { get(key: CellKey): readonly [number, number] }

const BLANK_BOUNDS: Record<ValueKind, readonly [number, number]> = {
  count: [0, Infinity],
  amount: [0, Infinity],
  change: [-Infinity, Infinity],
}

/**
 * A cell's bounds, computed on demand (only rules that fail ask): an input cell by its value or
 * kind, a total as the sum of what it sums (its columns first, as resolveValues does).
 */
function boundsOf(edition: EditionDef, values: CheckInput['values']): Bounds {
  const memo = new Map<CellKey, readonly [number, number]>()
  const get = (key: CellKey): readonly [number, number] => {
    const known = memo.get(key)
    if (known) return known
    const cell = findCell(edition, key)
    let out: readonly [number, number] = [0, 0]
    if (cell && !cell.computed) {
      const v = values[key]
      out = v === undefined ? BLANK_BOUNDS[cell.column.kind] : [v, v]
    } else if (cell) {
      const t = cell.table.key
      const parts = cell.column.sumOf
        ? cell.column.sumOf.map((c) => cellKey(t, cell.row.key, c))
        : (cell.row.sumOf ?? []).map((r) => cellKey(t, r, cell.column.key))
      let lo = 0
      let hi = 0
      for (const p of parts) {
        const [a, b] = get(p)
        lo += a
        hi += b
      }
      out = [lo, hi]
    }
    memo.set(key, out)
    return out
  }
  return { get }
}

const lazy = <T>(make: () => T) => {
  let value: T | undefined
  return () => (value ??= make())
}

function checkRule(
  edition: EditionDef,
  rule: LinearRule,
  resolved: Resolved,
  lastYear?: LastYearInput,
  bounds?: () => Bounds,
): Finding[] {
  let lastResolved: Resolved | undefined
  if (rule.crossYear) {
    if (!lastYear) return []
    const lastEdition = findEdition(lastYear.edition)
    if (!lastEdition || (rule.crossYear.sameEdition && lastEdition.key !== edition.key)) return []
    lastResolved = resolveValues(lastEdition, lastYear.values)
  }
  const table = tableOf(edition, rule.table)
  if (!table) return []
  const out: Finding[] = []
  const terms = [...rule.lhs, ...rule.rhs]
  for (const block of table.blocks) {
    if (!blockHolds(block, terms)) continue
    const rows =
      rule.rows === 'each' ? block.rows.map((r) => r.key) : rule.rows.filter((k) => block.rows.some((r) => r.key === k))
    const columns =
      rule.columns === 'each'
        ? block.columns.map((c) => c.key)
        : rule.columns.filter((k) => block.columns.some((c) => c.key === k))
    for (const row of rows) {
      for (const column of columns) {
        const side = (list: readonly Term[]) =>
          list.map((t) => {
            const key = cellKey(table.key, t.row ?? row, t.column ?? column)
            const source = t.lastYear ? lastResolved : resolved
            return { key, lastYear: Boolean(t.lastYear), value: (source?.get(key) ?? 0) * (t.sign ?? 1) }
          })
        const lhs = side(rule.lhs)
        const rhs = side(rule.rhs)
        const l = sum(lhs.map((t) => t.value))
        const r = sum(rhs.map((t) => t.value))
        const holds =
          rule.op === '=' ? Math.abs(l - r) < EPSILON : rule.op === '<=' ? l <= r + EPSILON : l >= r - EPSILON
        if (holds) continue
        const cells = [...new Set([...lhs, ...rhs].filter((t) => !t.lastYear).map((t) => t.key))]
        const where = locate(block, rule, row, column)
        // Not holding with blanks as 0, but blanks could still make it hold (then some are blank).
        if (bounds && couldHold(rule, lhs, rhs, bounds())) {
          out.push({
            rule: rule.id,
            severity: 'notice',
            cells,
            pending: true,
            message: `${table.heading} · ${where}：待填完（${rule.lhsLabel}${OP_WORD[rule.op]}${rule.rhsLabel}，填完后核对）`,
          })
          continue
        }
        const kind = block.columns.find((c) => c.key === column)?.kind ?? 'count'
        const message = `${table.heading} · ${where}：${rule.lhsLabel}${expression(lhs, l, kind)}${OP_WORD[rule.op]}${rule.rhsLabel}${rhs.length ? expression(rhs, r, kind) : ''}`
        out.push({ rule: rule.id, severity: rule.severity, cells, message })
      }
    }
  }
  return out
}

interface SideTerm {
  key: CellKey
  lastYear: boolean
  value: number
}

/** Whether some filling of the blanks (counts never negative) makes the rule hold. */
function couldHold(rule: LinearRule, lhs: SideTerm[], rhs: SideTerm[], bounds: Bounds): boolean {
  const range = (side: SideTerm[], terms: readonly Term[]) => {
    let lo = 0
    let hi = 0
    side.forEach((t, i) => {
      const b = t.lastYear ? undefined : bounds.get(t.key)
      if (!b) {
        lo += t.value
        hi += t.value
        return
      }
      const sign = terms[i]!.sign ?? 1
      lo += sign > 0 ? b[0] : -b[1]
      hi += sign > 0 ? b[1] : -b[0]
    })
    return [lo, hi] as const
  }
  const [l0, l1] = range(lhs, rule.lhs)
  const [r0, r1] = range(rhs, rule.rhs)
  if (rule.op === '<=') return l0 <= r1 + EPSILON
  if (rule.op === '>=') return l1 >= r0 - EPSILON
  return l0 <= r1 + EPSILON && r0 <= l1 + EPSILON
}

/** A block takes part when it has every column the rule names. */
function blockHolds(block: BlockDef, terms: readonly Term[]): boolean {
  return terms.every((t) => !t.column || block.columns.some((c) => c.key === t.column))
}

/** Names the column when the rule sums rows, the row when it sums columns, else both. */
function locate(block: BlockDef, rule: LinearRule, row: string, column: string): string {
  const terms = [...rule.lhs, ...rule.rhs]
  const rowLabel = block.rows.find((r) => r.key === row)?.label ?? row
  const col = block.columns.find((c) => c.key === column)
  const colLabel = col ? columnLabel(col) : column
  if (terms.every((t) => t.row)) return colLabel
  if (terms.every((t) => t.column)) return rowLabel || colLabel
  return [rowLabel, colLabel].filter(Boolean).join(' · ')
}

/** （1+0=1）, or （5） for a single term; negatives in brackets after the first. */
function expression(terms: { value: number }[], total: number, kind: 'count' | 'change' | 'amount'): string {
  const fmt = (n: number) => formatValue(n, kind === 'amount' ? 'amount' : 'change')
  if (terms.length === 1) return `（${fmt(total)}）`
  const parts = terms.map((t, i) => (i > 0 && t.value < 0 ? `(${fmt(t.value)})` : fmt(t.value)))
  return `（${parts.join('+')}=${fmt(total)}）`
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

export interface FindingCounts {
  error: number
  warning: number
  notice: number
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, notice: 0 }
  for (const f of findings) counts[f.severity]++
  return counts
}
