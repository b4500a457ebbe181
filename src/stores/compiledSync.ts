// Keeps every compiled (汇总) report equal to the sum of its parts while the app is open: a
// live query over the reports finds compiled reports whose stored values differ from the sum
// of their parts as they stand now, and writes the sums. Started by the screens that show or
// change reports (home, editor, compile view); one subscription however many start it.
import { onScopeDispose } from 'vue'
import { syncCompiledNow, watchStaleCompiledCount } from '@/db/exchange'

let users = 0
let subscription: { unsubscribe(): void } | undefined
let writing: Promise<number> | undefined
let again = false

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
    subscription = watchStaleCompiledCount((stale) => stale && void sync())
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
