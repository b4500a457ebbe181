// Report rows in IndexedDB. Every change is a patch applied inside one transaction to the
// row as stored, so a second tab's newer cells are never overwritten by a stale copy.
import { database, databaseModule, loadedDb, loadedModule } from './open'
import type { ReportRow } from './schema'
import { addVersion, deleteHistoryOf, versionBeforeChange } from './history'
import type { CellKey, TextKey } from '@/domain/format'
import { type EditsSinceBackup, type SnapshotReason, patchReason, sameContent } from '@/domain/history'
import type { Report } from '@/domain/report'

export interface ReportPatch {
  /** Cell key → number, or null to blank it. */
  values?: Record<CellKey, number | null>
  texts?: Partial<Record<TextKey, string>>
  agency?: string
  year?: number
  edition?: string
  /**
   * Save the report as it was before this patch as a version, for this reason (fill-blanks,
   * paste…). Without it, a patch of many cells gets one anyway ('bulk'), and any other edit an
   * automatic one at most every few minutes.
   */
  snapshot?: SnapshotReason
}

export function applyPatchTo<T extends Report>(report: T, patch: ReportPatch): T {
  const next = { ...report, values: { ...report.values }, texts: { ...report.texts } }
  for (const [k, v] of Object.entries(patch.values ?? {})) {
    if (v === null) delete next.values[k]
    else next.values[k] = v
  }
  Object.assign(next.texts, patch.texts)
  if (patch.agency !== undefined) next.agency = patch.agency
  if (patch.year !== undefined) next.year = patch.year
  if (patch.edition !== undefined) next.edition = patch.edition
  return next
}

/**
 * Applies a patch to the stored report in one transaction, with the version it calls for
 * (src/db/history.ts) and the count of edits since the last backup. When storage is full, the
 * edit is tried once more without the version: the person's edit matters more than its history.
 */
export async function patchReport(id: string, patch: ReportPatch): Promise<ReportRow> {
  try {
    return await writePatch(id, patch, true)
  } catch (e) {
    if (!isQuotaError(e)) throw e
    return writePatch(id, patch, false)
  }
}

async function writePatch(id: string, patch: ReportPatch, withHistory: boolean): Promise<ReportRow> {
  const db = loadedDb() ?? (await database())
  const tables = withHistory ? [db.reports, db.history, db.meta] : [db.reports]
  return db.transaction('rw', tables, async () => {
    const row = await db.reports.get(id)
    if (!row) throw new Error('这份报告已不在数据库中（可能已在另一个标签页中删除）')
    const now = Date.now()
    // Strictly later than what is stored: a live query's answer is then known stale by its stamp
    // (src/stores/editor.ts drops an answer older than the write it has seen commit).
    const next = { ...applyPatchTo(row, patch), updatedAt: Math.max(now, row.updatedAt + 1) }
    if (withHistory) {
      await versionBeforeChange(row, next, patchReason(patch.snapshot, Object.keys(patch.values ?? {}).length), now)
      await countEdit(now)
    }
    await db.reports.put(next)
    return next
  })
}

function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; inner?: { name?: string } } | undefined
  return /Quota/i.test(`${err?.name ?? ''} ${err?.inner?.name ?? ''}`)
}

export const EDITS_KEY = 'editsSinceBackup'

async function countEdit(now: number) {
  // Inside writePatch's transaction: the database is loaded.
  const edits = await getMeta<EditsSinceBackup>(EDITS_KEY)
  await setMeta(EDITS_KEY, edits ? { since: edits.since, count: edits.count + 1 } : { since: now, count: 1 })
}

export type { ReportRow } from './schema'

export async function getReport(id: string): Promise<ReportRow | undefined> {
  const db = loadedDb() ?? (await database())
  return db.reports.get(id)
}

/** Several stored reports by id, in that order; ids not stored are left out. */
export async function getReports(ids: readonly string[]): Promise<ReportRow[]> {
  const db = loadedDb() ?? (await database())
  return (await db.reports.bulkGet([...ids])).filter((r): r is ReportRow => Boolean(r))
}

/** The stored report of `agency` for `year`, not in the recycle bin (the newest if several). */
export async function findReport(agency: string, year: number): Promise<ReportRow | undefined> {
  const db = loadedDb() ?? (await database())
  const rows = await db.reports
    .where('[agency+year]')
    .equals([agency, year])
    .filter((r) => !r.deletedAt)
    .toArray()
  return rows.sort((a, b) => b.updatedAt - a.updatedAt)[0]
}

/**
 * Stores `row` only if `flag` is not yet set in meta, then sets it: e.g. the sample, once.
 * `idKey` also records the row's id in meta (the sample is marked 示例 by it).
 */
export async function putOnce(flag: string, row: ReportRow, idKey?: string): Promise<boolean> {
  const db = loadedDb() ?? (await database())
  return db.transaction('rw', db.reports, db.meta, async () => {
    if (await getMeta<boolean>(flag)) return false
    await db.reports.put(row)
    await setMeta(flag, true)
    if (idKey) await setMeta(idKey, row.id)
    return true
  })
}

/**
 * Marks a report final (定稿) or reopens it. The history records it: a version of the report as
 * it was made final, or as it was when reopened.
 */
export async function setReportFinal(id: string, final: boolean, now = Date.now()): Promise<ReportRow> {
  const db = loadedDb() ?? (await database())
  return db.transaction('rw', db.reports, db.history, async () => {
    const row = await db.reports.get(id)
    if (!row) throw new Error('这份报告已不在数据库中（可能已在另一个标签页中删除）')
    if (Boolean(row.final) === final) return row
    await addVersion(row, final ? 'final' : 'unfinal', now)
    const next: ReportRow = { ...row, updatedAt: now }
    if (final) next.final = true
    else delete next.final
    await db.reports.put(next)
    return next
  })
}

/**
 * Stores a whole report. When it replaces a stored one with other content (an import, a
 * compile), the stored one is first saved as a version for `reason`.
 */
export async function putReport(row: ReportRow, reason: SnapshotReason = 'replace'): Promise<string> {
  const { Dexie, db } = loadedModule() ?? (await databaseModule())
  const parent = Dexie.currentTransaction
  // Inside a caller's transaction without the history table there is nowhere to put a version.
  if (parent && !parent.storeNames.includes('history')) return db.reports.put(row)
  return db.transaction('rw', db.reports, db.history, async () => {
    const stored = await db.reports.get(row.id)
    if (stored && !sameContent(stored, row)) await versionBeforeChange(stored, row, reason, Date.now())
    return db.reports.put(row)
  })
}

export async function moveToBin(id: string) {
  const db = loadedDb() ?? (await database())
  await db.reports.update(id, { deletedAt: Date.now() })
}

export async function restoreFromBin(id: string) {
  const db = loadedDb() ?? (await database())
  await db.transaction('rw', db.reports, async () => {
    const row = await db.reports.get(id)
    if (!row) return
    delete row.deletedAt
    await db.reports.put(row)
  })
}

/** Deletes a report for good, with its versions. */
export async function purgeReport(id: string) {
  const db = loadedDb() ?? (await database())
  await db.transaction('rw', db.reports, db.history, async () => {
    await db.reports.delete(id)
    await deleteHistoryOf(id)
  })
}

export async function getMeta<T>(key: string): Promise<T | undefined> {
  const db = loadedDb() ?? (await database())
  return (await db.meta.get(key))?.value as T | undefined
}

export async function setMeta(key: string, value: unknown) {
  const db = loadedDb() ?? (await database())
  return db.meta.put({ key, value })
}
