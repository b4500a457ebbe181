// What the database holds and how its connection is doing, without the database library: the
// first screen imports this, and Dexie (src/db/database.ts) loads once that screen is painted.
import type { Report } from '@/domain/report'
import type { Snapshot } from '@/domain/history'

/** A stored report; `deletedAt` set means it is in the recycle bin. */
export interface ReportRow extends Report {
  deletedAt?: number
}

export interface MetaRow {
  key: string
  value: unknown
}

/** A version of a report (src/domain/history.ts). */
export type HistoryRow = Snapshot

export const DB_NAME = 'nianbao'

/** Each shipped schema, oldest first. Never edit one that has shipped: add the next. */
export const SCHEMAS = [
  // 1: reports and app state.
  { reports: 'id, [agency+year], year, updatedAt, deletedAt', meta: 'key' },
  // 2: the version history of every report.
  { history: 'id, [reportId+at], at' },
  // 3: the compiling office's desk of each year (roster, sent back, accepted).
  { desks: 'year' },
] as const

/** The newest schema version this code knows. */
export const DB_VERSION = SCHEMAS.length

/**
 * What happens to the database connection, for the app to tell the person:
 * - `outdated`: a newer version of the app (in another tab) upgraded the database, or this page
 *   found one newer than it knows. This page stops writing and asks to be reloaded.
 * - `blocked`: this page's upgrade waits for another tab holding the old version open.
 * - `ready`: opened (after a block too).
 */
export const dbEvents = new EventTarget()

let outdated = false

/** This page's connection may not be used any more (a newer version of the app took over). */
export const isDbOutdated = () => outdated

/** Said once by each connection (NianbaoDb): this page must stop writing (see dbEvents). */
export function markDbOutdated() {
  outdated = true
  dbEvents.dispatchEvent(new Event('outdated'))
}
