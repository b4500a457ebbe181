// Live queries: a callback gets the answer now and again whenever the data it read changes, in
// this tab or another (Dexie's liveQuery). Stores and views watch storage only through these.
import { watchEveryReport } from './allReports'
import { databaseModule, loadedDb } from './open'
import type { ReportRow } from './schema'
import { backupStatus } from './backupStatus'
import { historyOf } from './history'
import { findReport } from './reports'

export interface Subscription {
  unsubscribe(): void
}

type OnValue<T> = (value: T) => void
type OnError = (error: unknown) => void

/**
 * The query runs once the database module is loaded (src/db/open.ts), so queries may take the
 * database with `loadedDb()!`. Unsubscribing before that stops it from ever starting.
 */
export function watch<T>(query: () => Promise<T>, onValue: OnValue<T>, onError: OnError): Subscription {
  let subscription: Subscription | undefined
  let stopped = false
  databaseModule().then(({ liveQuery }) => {
    if (!stopped) subscription = liveQuery(query).subscribe({ next: onValue, error: onError })
  }, onError)
  return {
    unsubscribe() {
      stopped = true
      subscription?.unsubscribe()
    },
  }
}

const db = () => loadedDb()!

export const logError: OnError = (e) => console.error('liveQuery', e)

/** One stored report (undefined once deleted for good). */
export const watchReport = (id: string, onValue: OnValue<ReportRow | undefined>, onError = logError) =>
  watch(() => db().reports.get(id), onValue, onError)

/** The report of the same agency for the year before `year`, not in the recycle bin. */
export const watchLastYearReport = (
  agency: string,
  year: number,
  onValue: OnValue<ReportRow | undefined>,
  onError = logError,
) => watch(() => findReport(agency, year - 1), onValue, onError)

/** A report and the same agency's report of the year before, read together. */
export const watchReportWithLastYear = (
  id: string,
  onValue: OnValue<{ row?: ReportRow; last?: ReportRow }>,
  onError = logError,
) =>
  watch(
    async () => {
      const row = await db().reports.get(id)
      return { row, last: row ? await findReport(row.agency, row.year - 1) : undefined }
    },
    onValue,
    onError,
  )

/** Every stored report, the recycle bin included (read again only where a write changed it). */
export const watchAllReports = (onValue: OnValue<ReportRow[]>, onError = logError) => watchEveryReport(onValue, onError)

/** The versions of a report, newest first. */
export const watchHistory = (reportId: string, onValue: OnValue<Awaited<ReturnType<typeof historyOf>>>) =>
  watch(() => historyOf(reportId), onValue, logError)

/** When the last backup and export were made, and the edits since. */
export const watchBackupStatus = (onValue: OnValue<Awaited<ReturnType<typeof backupStatus>>>) =>
  watch(() => backupStatus(), onValue, logError)
