// The database library (Dexie, src/db/database.ts) loads when storage is first used, not with the
// page: a report opened from a link or a reload is painted from one plain IndexedDB read
// (firstRead.ts) before Dexie's 30 kB are fetched. Every function of src/db reaches the database
// through here.
import type { Dexie, NianbaoDb, liveQuery } from './database'

interface DatabaseModule {
  db: NianbaoDb
  Dexie: typeof Dexie
  liveQuery: typeof liveQuery
}

let loaded: DatabaseModule | undefined
let loading: Promise<DatabaseModule> | undefined
let gate: Promise<void> = Promise.resolve()
let release: (() => void) | undefined

/**
 * Holds the loading of the database library until `releaseDatabase()` (the editor's grids are
 * painted) or `ms` have passed, whichever comes first. Storage calls made meanwhile wait.
 */
export function holdDatabase(ms = 3000) {
  gate = new Promise((resolve) => {
    release = resolve
    setTimeout(resolve, ms)
  })
}

export function releaseDatabase() {
  release?.()
}

/**
 * Resolves once the first screen is painted when the page was opened on a report (see
 * holdDatabase), at once otherwise: for other work that the first paint does not need.
 */
export const firstScreenPainted = () => gate

/** The database module, loaded on first use. */
export function databaseModule(): Promise<DatabaseModule> {
  loading ??= gate.then(() => import('./database')).then(() => loaded!)
  return loading
}

/**
 * The database once loaded, synchronously: code of src/db writes `loadedDb() ?? (await database())`,
 * so that once it is loaded no foreign promise is awaited inside a Dexie transaction or live query.
 */
export const loadedDb = () => loaded?.db

/** The database module once loaded, synchronously (as loadedDb). */
export const loadedModule = () => loaded

export const database = async () => (await databaseModule()).db

export const isDatabaseLoaded = () => loaded !== undefined

/** Called by src/db/database.ts as it is evaluated, however it was imported. */
export function databaseLoaded(module: DatabaseModule) {
  loaded = module
}
