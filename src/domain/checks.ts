// The check engine: every rule the edition declares, the value domains, blank cells and texts.
// Blank is not 0: a rule with a blank cell is only an error once blanks cannot save it.
import { cellKey, columnLabel, describeCell, findCell, findEdition, inputCellsOf, tableOf, textsOf } from './edition'
import type { Finding } from './findings'
import { SEVERITY_ORDER } from './findings'
import type { BlockDef, CellKey, EditionDef, LinearRule, Term, ValueKind } from './format'
import type { Report } from './report'
import { type Resolved, partsOf, resolveValues } from './totals'
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
  const lastResolved = lazy(() => {
    const lastEdition = lastYear && findEdition(lastYear.edition)
    return lastEdition ? resolveValues(lastEdition, lastYear.values) : undefined
  })
  for (const rule of edition.rules) findings.push(...checkRule(edition, rule, resolved, lastYear, bounds, lastResolved))
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
      let lo = 0
      let hi = 0
      for (const p of partsOf(cell)) {
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

interface PlacedTerm {
  key: CellKey
  lastYear: boolean
  sign: number
}

/** A rule at one row and column of one block: its terms' cells, and how it is named. */
interface RuleInstance {
  lhs: PlacedTerm[]
  rhs: PlacedTerm[]
  /** The report's own cells it involves, each once. */
  cells: CellKey[]
  where: string
  kind: ValueKind
}

const instanceCache = new WeakMap<EditionDef, Map<LinearRule, { heading: string; list: RuleInstance[] } | null>>()

/**
 * Every place a rule applies in an edition, with its cells named: worked out once per edition
 * and rule, so that checking a province's thousand reports only adds up numbers.
 */
function ruleInstances(edition: EditionDef, rule: LinearRule) {
  let byRule = instanceCache.get(edition)
  if (!byRule) instanceCache.set(edition, (byRule = new Map()))
  let found = byRule.get(rule)
  if (found !== undefined) return found
  const table = tableOf(edition, rule.table)
  found = null
  if (table) {
    const list: RuleInstance[] = []
    const terms = [...rule.lhs, ...rule.rhs]
    for (const block of table.blocks) {
      if (!blockHolds(block, terms)) continue
      const { rows, columns } = ruleCellsIn(rule, block)
      for (const row of rows) {
        for (const column of columns) {
          const side = (list: readonly Term[]): PlacedTerm[] =>
            list.map((t) => ({
              key: cellKey(table.key, t.row ?? row, t.column ?? column),
              lastYear: Boolean(t.lastYear),
              sign: t.sign ?? 1,
            }))
          const lhs = side(rule.lhs)
          const rhs = side(rule.rhs)
          list.push({
            lhs,
            rhs,
            cells: [...new Set([...lhs, ...rhs].filter((t) => !t.lastYear).map((t) => t.key))],
            where: locate(block, rule, row, column),
            kind: block.columns.find((c) => c.key === column)?.kind ?? 'count',
          })
        }
      }
    }
    found = { heading: table.heading, list }
  }
  byRule.set(rule, found)
  return found
}

function checkRule(
  edition: EditionDef,
  rule: LinearRule,
  resolved: Resolved,
  lastYear?: LastYearInput,
  bounds?: () => Bounds,
  lastYearResolved?: () => Resolved | undefined,
): Finding[] {
  let lastResolved: Resolved | undefined
  if (rule.crossYear) {
    if (!lastYear) return []
    const lastEdition = findEdition(lastYear.edition)
    if (!lastEdition || (rule.crossYear.sameEdition && lastEdition.key !== edition.key)) return []
    lastResolved = lastYearResolved?.() ?? resolveValues(lastEdition, lastYear.values)
  }
  const placed = ruleInstances(edition, rule)
  if (!placed) return []
  const out: Finding[] = []
  const valueOf = (t: PlacedTerm) => ((t.lastYear ? lastResolved : resolved)?.get(t.key) ?? 0) * t.sign
  for (const at of placed.list) {
    let l = 0
    for (const t of at.lhs) l += valueOf(t)
    let r = 0
    for (const t of at.rhs) r += valueOf(t)
    const holds = rule.op === '=' ? Math.abs(l - r) < EPSILON : rule.op === '<=' ? l <= r + EPSILON : l >= r - EPSILON
    if (holds) continue
    const side = (list: PlacedTerm[]): SideTerm[] =>
      list.map((t) => ({ key: t.key, lastYear: t.lastYear, value: valueOf(t) }))
    const lhs = side(at.lhs)
    const rhs = side(at.rhs)
    // Not holding with blanks as 0, but blanks could still make it hold (then some are blank).
    if (bounds && couldHold(rule, lhs, rhs, bounds())) {
      out.push({
        rule: rule.id,
        severity: 'notice',
        cells: [...at.cells],
        pending: true,
        message: `${placed.heading} · ${at.where}：待填完（${rule.lhsLabel}${OP_WORD[rule.op]}${rule.rhsLabel}，填完后核对）`,
      })
      continue
    }
    const message = `${placed.heading} · ${at.where}：${rule.lhsLabel}${expression(lhs, l, at.kind)}${OP_WORD[rule.op]}${rule.rhsLabel}${rhs.length ? expression(rhs, r, at.kind) : ''}`
    out.push({ rule: rule.id, severity: rule.severity, cells: [...at.cells], message })
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

/** The rows and columns of `block` that `rule` is checked on. */
export function ruleCellsIn(rule: LinearRule, block: BlockDef): { rows: string[]; columns: string[] } {
  return {
    rows:
      rule.rows === 'each'
        ? block.rows.map((r) => r.key)
        : rule.rows.filter((k) => block.rows.some((r) => r.key === k)),
    columns:
      rule.columns === 'each'
        ? block.columns.map((c) => c.key)
        : rule.columns.filter((k) => block.columns.some((c) => c.key === k)),
  }
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
