// The compiling office's desks (one per year) in IndexedDB. Every change is read and written in
// one transaction, so a second tab's change to the same desk is never overwritten.
import { database, loadedDb } from './open'
import { logError, watch } from './live'
import { type Desk, newDesk } from '@/domain/desk'

/** Every desk, newest year first, now and whenever one changes. */
export const watchDesks = (onValue: (desks: Desk[]) => void) =>
  watch(async () => (await loadedDb()!.desks.toArray()).sort((a, b) => b.year - a.year), onValue, logError)

/** The desk of `year` (undefined while there is none), now and whenever it changes. */
export const watchDesk = (year: number, onValue: (desk: Desk | undefined) => void) =>
  watch(() => loadedDb()!.desks.get(year), onValue, logError)

/** Changes the desk of `year` (made when there is none yet) and returns it as stored. */
export async function updateDesk(year: number, change: (desk: Desk, now: number) => Desk): Promise<Desk> {
  const db = loadedDb() ?? (await database())
  return db.transaction('rw', db.desks, async () => {
    const now = Date.now()
    const next = { ...change((await db.desks.get(year)) ?? newDesk(year, now), now), year, updatedAt: now }
    await db.desks.put(next)
    return next
  })
}
