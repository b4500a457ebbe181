// The compiling office's desks (one per year) in IndexedDB. Every change is read and written in
// one transaction, so a second tab's change to the same desk is never overwritten.
import { db } from './database'
import { type Desk, newDesk } from '@/domain/desk'

export const getDesk = (year: number) => db.desks.get(year)

/** Every desk, newest year first. */
export async function listDesks(): Promise<Desk[]> {
  return (await db.desks.toArray()).sort((a, b) => b.year - a.year)
}

/** Changes the desk of `year` (made when there is none yet) and returns it as stored. */
export function updateDesk(year: number, change: (desk: Desk, now: number) => Desk): Promise<Desk> {
  return db.transaction('rw', db.desks, async () => {
    const now = Date.now()
    const next = { ...change((await db.desks.get(year)) ?? newDesk(year, now), now), year, updatedAt: now }
    await db.desks.put(next)
    return next
  })
}
