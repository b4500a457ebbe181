// Compiling (汇总): a report whose every value is the sum of its parts (the departments' reports).
import { editionForYear, findEdition, inputCellsOf } from './edition'
import type { Finding } from './findings'
import type { CellKey, EditionDef, EditionKey } from './format'
import { type Report, type Values, createReport } from './report'
import { findLastYear, reviewReport } from './review'
import { type Resolved, resolveValues, roundAmount } from './totals'

/** What compiling needs of a report. */
export type Part = Pick<Report, 'id' | 'agency' | 'year' | 'edition' | 'values'> & { compiledFrom?: string[] }

interface Refused<T> {
  report: T
  /** Chinese, naming the department and why it cannot be summed. */
  reason: string
}

export interface Selection<T> {
  year: number
  edition: EditionDef
  parts: T[]
  refused: Refused<T>[]
}

const editionLabel = (key: string) => findEdition(key)?.name ?? `${key}年版格式`

/**
 * Splits the reports chosen for one compilation into the parts that can be summed and those
 * refused, each with its reason. The year and edition are the given ones, else those most parts
 * share (a tie goes to the later year, and to the edition the year defaults to).
 */
export function chooseParts<T extends Part>(
  reports: readonly T[],
  options: { year?: number; edition?: EditionKey } = {},
): Selection<T> | undefined {
  if (!reports.length) return undefined
  const year =
    options.year ??
    mostCommon(
      reports.map((r) => r.year),
      (a, b) => b - a,
    )
  const ofYear = reports.filter((r) => r.year === year)
  const defaultEdition = editionForYear(year)?.key
  const editionKey =
    options.edition ??
    (ofYear.length
      ? mostCommon(
          ofYear.map((r) => r.edition),
          (a, b) => Number(b === defaultEdition) - Number(a === defaultEdition),
        )
      : defaultEdition)
  const edition = editionKey ? findEdition(editionKey) : undefined
  if (!edition) return undefined

  const parts: T[] = []
  const refused: Refused<T>[] = []
  const compiledIn = new Map<string, T>()
  for (const r of reports) for (const id of r.compiledFrom ?? []) if (r.year === year) compiledIn.set(id, r)
  const taken = new Set<string>()
  for (const r of reports) {
    const container = compiledIn.get(r.id)
    const twin = taken.has(r.agency.trim())
    if (r.year !== year)
      refused.push({ report: r, reason: `「${r.agency}」是${r.year}年度的报告，本次汇总的是${year}年度` })
    else if (r.edition !== edition.key) {
      refused.push({
        report: r,
        reason: `「${r.agency}」使用${editionLabel(r.edition)}，本次汇总使用${edition.name}：两种格式的表格不同，不能相加`,
      })
    } else if (container)
      refused.push({ report: r, reason: `「${r.agency}」已计入所选的汇总报告「${container.agency}」，不能重复计入` })
    else if (twin) refused.push({ report: r, reason: `「${r.agency}」${year}年度的报告选了两份，同一机关只能计入一次` })
    else {
      parts.push(r)
      taken.add(r.agency.trim())
    }
  }
  return { year, edition, parts, refused }
}

/** The value most of `items` share; `prefer` orders a tie (negative: the first argument wins). */
function mostCommon<V>(items: readonly V[], prefer: (a: V, b: V) => number): V {
  const counts = new Map<V, number>()
  for (const v of items) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || prefer(a[0], b[0]))[0]![0]
}

/** Every input cell is the sum of the parts; blank stays blank only where every part is blank. */
export function compileValues(edition: EditionDef, parts: readonly Pick<Report, 'values'>[]): Values {
  const values: Values = {}
  for (const cell of inputCellsOf(edition)) {
    let sum = 0
    let any = false
    for (const p of parts) {
      const v = p.values[cell.key]
      if (v === undefined) continue
      sum += v
      any = true
    }
    if (any) values[cell.key] = cell.column.kind === 'amount' ? roundAmount(sum) : sum
  }
  return values
}

export function sameValues(a: Values, b: Values): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

/** A new compiled report of `agency` (the compiling body) for the selection's parts. */
export function createCompiledReport(agency: string, selection: Selection<Part>, now = Date.now()): Report {
  const report = createReport(agency, selection.year, selection.edition.key, now)
  return {
    ...report,
    values: compileValues(selection.edition, selection.parts),
    compiledFrom: selection.parts.map((p) => p.id),
  }
}

export type PartState<T> =
  { id: string; report: T; included: true } | { id: string; report?: T; included: false; reason: string }

/**
 * The parts of a stored compiled report as they stand now: a part moved to the recycle bin,
 * deleted for good, or changed to another year or edition is left out, with the reason.
 */
export function partStates<T extends Part & { deletedAt?: number }>(
  compiled: Pick<Report, 'year' | 'edition'> & { compiledFrom?: string[] },
  byId: ReadonlyMap<string, T>,
): PartState<T>[] {
  return (compiled.compiledFrom ?? []).map((id): PartState<T> => {
    const report = byId.get(id)
    if (!report) return { id, included: false, reason: '这份报告已被永久删除，未计入' }
    if (report.deletedAt)
      return { id, report, included: false, reason: `「${report.agency}」的报告在回收站中，未计入；恢复后自动计入` }
    if (report.year !== compiled.year)
      return { id, report, included: false, reason: `「${report.agency}」的报告年度已改为${report.year}年，未计入` }
    if (report.edition !== compiled.edition) {
      return {
        id,
        report,
        included: false,
        reason: `「${report.agency}」的报告已改用${editionLabel(report.edition)}，与汇总报告的格式不同，未计入`,
      }
    }
    return { id, report, included: true }
  })
}

/** The values a stored compiled report should hold now: the sum of its parts as they stand. */
export function currentCompiledValues<T extends Part & { deletedAt?: number }>(
  compiled: Pick<Report, 'year' | 'edition'> & { compiledFrom?: string[] },
  byId: ReadonlyMap<string, T>,
): Values | undefined {
  const edition = findEdition(compiled.edition)
  if (!edition) return undefined
  const parts = partStates(compiled, byId).flatMap((s) => (s.included ? [s.report] : []))
  return compileValues(edition, parts)
}

/**
 * Compiled reports whose stored values differ from the sum of their parts, with the values
 * they should hold. Reports in the recycle bin are left as they are.
 */
export function staleCompiled<T extends Part & { deletedAt?: number; final?: boolean }>(
  rows: readonly T[],
): { report: T; values: Values }[] {
  const byId = new Map(rows.map((r) => [r.id, r]))
  const out: { report: T; values: Values }[] = []
  for (const r of rows) {
    // A compiled report marked final (定稿) keeps the sums it was made final with.
    if (!r.compiledFrom || r.deletedAt || r.final) continue
    const values = currentCompiledValues(r, byId)
    if (values && !sameValues(values, r.values)) out.push({ report: r, values })
  }
  return out
}

/** Compiled reports that listed `oldId`, now listing `newId` in its place (an import replaced a part). */
export function relinkParts<T extends { compiledFrom?: string[] }>(
  rows: readonly T[],
  replaced: ReadonlyMap<string, string>,
): T[] {
  const out: T[] = []
  for (const r of rows) {
    if (!r.compiledFrom?.some((id) => replaced.has(id))) continue
    out.push({ ...r, compiledFrom: r.compiledFrom.map((id) => replaced.get(id) ?? id) })
  }
  return out
}

export interface Contribution<T> {
  report: T
  /** The part's value of the cell (a total is the part's own total); undefined = blank. */
  value: number | undefined
}

/** What each part contributes to `cell`, with the resolved values computed once per part. */
export function contributions<T extends Part>(
  edition: EditionDef,
  cell: CellKey,
  parts: readonly T[],
  resolved?: ReadonlyMap<string, Resolved>,
): Contribution<T>[] {
  return parts.map((report) => ({
    report,
    value: (resolved?.get(report.id) ?? resolveValues(edition, report.values)).get(cell),
  }))
}

export interface PartFindings<T> {
  report: T
  errors: Finding[]
  warnings: Finding[]
  blanks: number
}

/** A part's own errors and warnings (with the cross-year checks when last year's report is among `all`). */
export function partReview<T extends Part & Pick<Report, 'texts'>>(report: T, all: readonly T[] = []): PartFindings<T> {
  const findings = reviewReport(report, findLastYear(report, all))
  return {
    report,
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
    blanks: findings.filter((f) => f.rule === 'blank').length,
  }
}
