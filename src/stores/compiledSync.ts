// Keeps every compiled (汇总) report equal to the sum of its parts while the app is open: a
// live query over the reports finds compiled reports whose stored values differ from the sum
// of their parts as they stand now, and writes the sums. Started by the screens that show or
// change reports (home, editor, compile view); one subscription however many start it.
import { liveQuery } from 'dexie'
import { onScopeDispose } from 'vue'
import { db } from '@/db/database'
import { versionBeforeChange } from '@/db/history'
import { staleCompiled } from '@/domain/compile'

let users = 0
let subscription: { unsubscribe(): void } | undefined
let writing: Promise<number> | undefined
let again = false

/** Writes the sums into every stale compiled report, in one transaction. Returns how many. */
export async function syncCompiledNow(): Promise<number> {
  return db.transaction('rw', db.reports, db.history, async () => {
    const stale = staleCompiled(await db.reports.toArray())
    const now = Date.now()
    const next = stale.map(({ report, values }) => ({ ...report, values, updatedAt: now }))
    // A version before a compile changes the report, throttled: it follows every part's edit.
    for (const [i, { report }] of stale.entries()) await versionBeforeChange(report, next[i]!, 'compile', now, true)
    await db.reports.bulkPut(next)
    return stale.length
  })
}

async function sync() {
  // One write at a time; a change seen during one is handled right after it.
  if (writing) {
    again = true
    return
  }
  do {
    again = false
    writing = syncCompiledNow()
    try {
      await writing
    } catch (e) {
      console.error('汇总报告更新失败', e)
    }
    writing = undefined
  } while (again)
}

export function startCompiledSync(): () => void {
  users++
  if (users === 1) {
    // The query only looks; the write happens in sync() when something is stale.
    subscription = liveQuery(async () => staleCompiled(await db.reports.toArray()).length).subscribe({
      next: (stale) => stale && void sync(),
      error: (e) => console.error('liveQuery', e),
    })
  }
  let stopped = false
  return () => {
    if (stopped) return
    stopped = true
    if (--users === 0) {
      subscription?.unsubscribe()
      subscription = undefined
    }
  }
}

/** Runs the sync while the calling component is mounted. */
export function useCompiledSync() {
  onScopeDispose(startCompiledSync())
}
