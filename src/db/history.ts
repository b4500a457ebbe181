// The history table: versions of each report, taken inside the transaction that changes the
// report so that a version and the change it precedes are stored together or not at all.
import {
  type Snapshot,
  type SnapshotReason,
  blankLike,
  changeCount,
  contentOf,
  diffContent,
  needsAutoSnapshot,
  sameContent,
  versionsToThin,
} from '@/domain/history'
import { newId } from '@/domain/report'
import { databaseModule, loadedModule } from './open'
import type { HistoryRow, ReportRow } from './schema'

export type { HistoryRow } from './schema'

type Loaded = NonNullable<ReturnType<typeof loadedModule>>

/** A report's versions in time order, as a Dexie collection. */
function versionsOf({ db, Dexie }: Loaded, reportId: string) {
  return db.history.where('[reportId+at]').between([reportId, Dexie.minKey], [reportId, Dexie.maxKey])
}

/** The report's versions, oldest first. */
export async function historyOf(reportId: string): Promise<HistoryRow[]> {
  // Once loaded, nothing but Dexie is awaited here: a live query then sees what it read.
  return versionsOf(loadedModule() ?? (await databaseModule()), reportId).toArray()
}

/** Inside a transaction: the database is loaded. */
function latestVersion(reportId: string): Promise<HistoryRow | undefined> {
  return versionsOf(loadedModule()!, reportId).last()
}

/**
 * Stores `row` (a report as it is now) as a version, then thins the report's old versions.
 * Must run inside a rw transaction over reports and history (it joins the caller's).
 */
export async function addVersion(
  row: ReportRow,
  reason: SnapshotReason,
  now: number,
  extra?: Pick<Snapshot, 'restoredFrom'>,
): Promise<HistoryRow> {
  const last = await latestVersion(row.id)
  const version: HistoryRow = {
    id: newId(),
    reportId: row.id,
    at: Math.max(now, last ? last.at + 1 : now),
    reason,
    ...contentOf(row),
    changedCells: changeCount(diffContent(last ?? blankLike(row), row)),
    ...extra,
  }
  await loadedModule()!.db.history.add(version)
  await thinHistory(row.id, now)
  return version
}

/**
 * The version an edit of `before` (stored) into `after` needs, if any: with a reason, the state
 * before it whenever it changes something; without, an automatic one at most every few minutes.
 * `throttled`: a reason, but at most every few minutes too (a compiled report rewritten each
 * time one of its parts changes).
 */
export async function versionBeforeChange(
  before: ReportRow,
  after: ReportRow,
  reason: SnapshotReason | undefined,
  now: number,
  throttled = false,
) {
  if (sameContent(before, after)) return undefined
  if (reason && !throttled) return addVersion(before, reason, now)
  if (needsAutoSnapshot(await latestVersion(before.id), before, now)) return addVersion(before, reason ?? 'auto', now)
  return undefined
}

/** Deletes the versions the thinning policy lets go. Returns how many. */
async function thinHistory(reportId: string, now: number): Promise<number> {
  const loaded = loadedModule()!
  const range = versionsOf(loaded, reportId)
  const [keys, ids] = await Promise.all([range.clone().keys(), range.clone().primaryKeys()])
  const versions = ids.map((id, i) => ({ id, at: (keys[i] as unknown as [string, number])[1] }))
  const remove = versionsToThin(versions, now)
  if (remove.length) await loaded.db.history.bulkDelete(remove)
  return remove.length
}

/**
 * Restores a version: the report gets its content back, and the state it replaces becomes a
 * version itself (reason 'restore'), so restoring loses nothing and can be undone the same way.
 */
export async function restoreVersion(versionId: string, now = Date.now()): Promise<ReportRow> {
  const { db } = loadedModule() ?? (await databaseModule())
  return db.transaction('rw', db.reports, db.history, async () => {
    const version = await db.history.get(versionId)
    if (!version) throw new Error('这个历史版本已不存在')
    const row = await db.reports.get(version.reportId)
    if (!row) throw new Error('这份报告已不在数据库中（可能已在另一个标签页中删除）')
    const next: ReportRow = { ...row, ...contentOf(version), updatedAt: now }
    if (sameContent(row, next)) return row
    await addVersion(row, 'restore', now, { restoredFrom: version.at })
    await db.reports.put(next)
    return next
  })
}

/** Saves the report as it is now as a version (for a feature about to change it from outside). */
export async function snapshotReport(
  reportId: string,
  reason: SnapshotReason,
  now = Date.now(),
): Promise<HistoryRow | undefined> {
  const { db } = loadedModule() ?? (await databaseModule())
  return db.transaction('rw', db.reports, db.history, async () => {
    const row = await db.reports.get(reportId)
    return row ? addVersion(row, reason, now) : undefined
  })
}

/** Inside a transaction: the database is loaded. */
export const deleteHistoryOf = (reportId: string) => versionsOf(loadedModule()!, reportId).delete()
