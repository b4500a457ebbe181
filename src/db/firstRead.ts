// One report read with plain IndexedDB, for the editor's first paint when the page is opened on
// it (a link, a reload): the database library then loads after the grids are painted
// (src/db/open.ts). Reads only: a database that does not exist yet is not created, and the
// connection is closed at once so that it never holds up an upgrade.
import { DB_NAME, type ReportRow } from './schema'

let early: { id: string; row: Promise<ReportRow | undefined> } | undefined

/**
 * Starts reading report `id` now, as the page starts (src/openedOnReport.ts): IndexedDB reads it
 * while the app's code runs, and the editor's readReportFirst(id) takes this read.
 */
export function readReportEarly(id: string) {
  early = { id, row: read(id) }
}

export function readReportFirst(id: string): Promise<ReportRow | undefined> {
  if (early?.id !== id) return read(id)
  const { row } = early
  early = undefined
  return row
}

function read(id: string): Promise<ReportRow | undefined> {
  return new Promise((resolve) => {
    const done = (row?: ReportRow) => resolve(row)
    let req: IDBOpenDBRequest
    try {
      req = indexedDB.open(DB_NAME)
    } catch {
      return done()
    }
    // No database yet: abort, so that none is created (Dexie makes it with its schema later).
    req.onupgradeneeded = () => req.transaction?.abort()
    req.onerror = () => done()
    req.onblocked = () => done()
    req.onsuccess = () => {
      const idb = req.result
      idb.onversionchange = () => idb.close()
      try {
        const get = idb.transaction('reports', 'readonly').objectStore('reports').get(id)
        get.onsuccess = () => done(get.result as ReportRow | undefined)
        get.onerror = () => done()
      } catch {
        done()
      } finally {
        // Closes once the read's transaction is over.
        idb.close()
      }
    }
  })
}
