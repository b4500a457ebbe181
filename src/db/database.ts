// The IndexedDB database (Dexie). Every schema version ever shipped stays listed here:
// Dexie upgrades an older database step by step, so nothing stored is lost.
// src/db/schemaVersions.test.ts builds a database of each older version and opens it with this.
import Dexie, { type EntityTable, liveQuery } from 'dexie'
import type { Desk } from '@/domain/desk'
import { databaseLoaded } from './open'
import {
  DB_NAME,
  DB_VERSION,
  type HistoryRow,
  type MetaRow,
  type ReportRow,
  SCHEMAS,
  dbEvents,
  markDbOutdated,
} from './schema'

export { DB_NAME, DB_VERSION, SCHEMAS, dbEvents } from './schema'
export type { HistoryRow, MetaRow, ReportRow } from './schema'

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
    super(name, {
      ...(indexedDB ? { indexedDB: refuseNewer(indexedDB, () => this.markOutdated(false)) } : {}),
      // Live queries share their results frozen rather than deep-copying them for every
      // subscriber on every change: with a thousand reports stored, each write used to copy all
      // of them once per live query. Nothing may change a row read from a live query.
      cache: 'immutable',
    })
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
      markDbOutdated()
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

// For the modules of src/db, which load this one when first needed (src/db/open.ts).
export { Dexie, liveQuery }
databaseLoaded({ db, Dexie, liveQuery })
