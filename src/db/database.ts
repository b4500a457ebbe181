// The IndexedDB database (Dexie). Every schema version ever shipped stays listed here:
// Dexie upgrades an older database step by step, so nothing stored is lost.
// src/db/schemaVersions.test.ts builds a database of each older version and opens it with this.
import Dexie, { type EntityTable } from 'dexie'
import type { Report } from '@/domain/report'
import type { Desk } from '@/domain/desk'
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

/** Thrown (wrapped by Dexie) on every operation once the database is newer than this code. */
class DatabaseOutdatedError extends Error {
  override name = 'DatabaseOutdatedError'
  constructor() {
    super('数据库已被更新版本的本程序升级')
  }
}

export class NianbaoDb extends Dexie {
  reports!: EntityTable<ReportRow, 'id'>
  meta!: EntityTable<MetaRow, 'key'>
  history!: EntityTable<HistoryRow, 'id'>
  desks!: EntityTable<Desk, 'year'>
  /** Set once this connection must not be used any more (see dbEvents). */
  outdated = false

  constructor(name = DB_NAME) {
    const indexedDB = globalThis.indexedDB
    super(name, indexedDB ? { indexedDB: refuseNewer(indexedDB, () => this.markOutdated(false)) } : undefined)
    SCHEMAS.forEach((stores, i) => this.version(i + 1).stores(stores))

    // Another tab opens the database at a newer version: close at once (so its upgrade is not
    // blocked) and write nothing more with this tab's older code. Dexie's own handler would close
    // with auto-reopen, and the next write would reopen the newer database with the old schema.
    this.on('versionchange', () => {
      this.markOutdated()
      return false
    })
    this.on('blocked', () => void dbEvents.dispatchEvent(new Event('blocked')))
    this.on(
      'ready',
      () => {
        // Dexie opens a database newer than declared (after a VersionError) as it is; this code
        // does not know that schema, so it must not write to it.
        const native = this.backendDB()?.version ?? 0
        if (native > DB_VERSION * 10) {
          this.markOutdated()
          throw new DatabaseOutdatedError()
        }
        dbEvents.dispatchEvent(new Event('ready'))
      },
      true,
    )
  }

  /** `close`: this connection is open and must be closed (an open that failed needs nothing). */
  private markOutdated(close = true) {
    if (!this.outdated) {
      this.outdated = true
      dbEvents.dispatchEvent(new Event('outdated'))
    }
    if (close) this.close()
  }
}

/**
 * The browser's IndexedDB, except that opening without a version (Dexie's fallback after a
 * VersionError) is refused: Dexie would open a database newer than this code as it is and,
 * should that schema lack what this code declares, add it ("schema patch mode") — changing a
 * newer app's database with an older app's schema. Instead the open fails and the page asks to
 * be reloaded.
 */
function refuseNewer(factory: IDBFactory, onNewer: () => void): IDBFactory {
  return new Proxy(factory, {
    get(target, prop) {
      if (prop === 'open') {
        return (name: string, version?: number) => {
          const req = target.open(name, version ?? 1)
          req.addEventListener('error', () => {
            if (req.error?.name === 'VersionError') onNewer()
          })
          return req
        }
      }
      const value: unknown = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

export const db = new NianbaoDb()

/** This page's connection may not be used any more (a newer version of the app took over). */
export const isDbOutdated = () => db.outdated
