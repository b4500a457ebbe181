// Storage for exchange and compiling: writing an import batch, a compiled report, next year's
// report, and keeping compiled reports equal to the sum of their parts.
import { database, loadedDb } from './open'
import type { ReportRow } from './schema'
import { versionBeforeChange } from './history'
import { logError, watchAllReports } from './live'
import { findReport } from './reports'
import { chooseParts, createCompiledReport, relinkParts, staleCompiled } from '@/domain/compile'
import type { ImportPlan } from '@/domain/importBatch'
import type { LeftOut, Report } from '@/domain/report'

/** The reports an import compares its files with: all stored, except the recycle bin. */
export async function reportsForImport(): Promise<ReportRow[]> {
  const db = loadedDb() ?? (await database())
  return (await db.reports.toArray()).filter((r) => !r.deletedAt)
}

/**
 * One transaction: the replaced reports go to the recycle bin, compiled reports that listed a
 * replaced part list its replacement, and the new rows are added. If anything fails nothing
 * of the batch is stored and nothing stored changes.
 */
export async function writeImportPlan(plan: ImportPlan): Promise<void> {
  const db = loadedDb() ?? (await database())
  const now = Date.now()
  await db.transaction('rw', db.reports, async () => {
    const binned = (await db.reports.bulkGet(plan.binIds)).filter((r): r is ReportRow => Boolean(r && !r.deletedAt))
    await db.reports.bulkPut(binned.map((r) => ({ ...r, deletedAt: now })))
    if (plan.replaced.size) {
      const compiled = await db.reports.filter((r) => Boolean(r.compiledFrom)).toArray()
      await db.reports.bulkPut(relinkParts(compiled, plan.replaced))
    }
    await db.reports.bulkAdd(plan.rows)
  })
}

/**
 * Adds next year's report unless that agency's report of that year is stored (then returns it,
 * and adds nothing) or `evenIfExists`.
 */
export async function addNextYearReport(next: Report, evenIfExists: boolean): Promise<ReportRow | undefined> {
  const db = loadedDb() ?? (await database())
  return db.transaction('rw', db.reports, async () => {
    const existing = await findReport(next.agency, next.year)
    if (existing && !evenIfExists) return existing
    await db.reports.add(next)
    return undefined
  })
}

/**
 * Stores a compiled report of `agency` for the stored reports `ids` (refused ones left out);
 * `leftOut` names the departments it leaves out, and why (compiling from the desk).
 */
export async function createCompiled(
  agency: string,
  ids: readonly string[],
  options: { year?: number; edition?: string; leftOut?: LeftOut[] } = {},
): Promise<string | undefined> {
  const db = loadedDb() ?? (await database())
  return db.transaction('rw', db.reports, async () => {
    const rows = (await db.reports.bulkGet([...ids])).filter((r): r is ReportRow => Boolean(r && !r.deletedAt))
    const selection = chooseParts(rows, options)
    if (!selection?.parts.length) return undefined
    const report = createCompiledReport(agency, selection)
    if (options.leftOut) report.compiledLeftOut = options.leftOut.map((x) => ({ ...x }))
    await db.reports.add(report)
    return report.id
  })
}

/** The agencies of a compiled report's parts as they are stored now, in the report's order. */
export async function partAgencies(report: Pick<Report, 'compiledFrom'>): Promise<string[] | undefined> {
  const db = loadedDb() ?? (await database())
  if (!report.compiledFrom) return undefined
  const rows = await db.reports.bulkGet(report.compiledFrom)
  return rows.flatMap((r) => (r && !r.deletedAt ? [r.agency] : []))
}

/** Writes the sums into every stale compiled report, in one transaction. Returns how many. */
export async function syncCompiledNow(): Promise<number> {
  const db = loadedDb() ?? (await database())
  return db.transaction('rw', db.reports, db.history, async () => {
    const stale = staleCompiled(await db.reports.toArray())
    const now = Date.now()
    const next = stale.map(({ report, values }) => ({ ...report, values, updatedAt: now }))
    // A version before a compile changes the report, throttled: it follows every part's edit.
    for (const [i, { report }] of stale.entries()) await versionBeforeChange(report, next[i]!, 'compile', now, true)
    await db.reports.bulkPut(next)
    return stale.length
  })
}

/** How many compiled reports hold values other than the sum of their parts. */
export const watchStaleCompiledCount = (onValue: (stale: number) => void) =>
  watchAllReports((rows) => onValue(staleCompiled(rows).length), logError)
