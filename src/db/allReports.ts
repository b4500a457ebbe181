// Every stored report, the recycle bin included, kept in memory while something watches it: read
// whole once, then only the reports each write changed, in this tab or another (Dexie's
// storagemutated event names their keys). A live query over the whole table read every report
// again after every write — with a province's 1 300 reports, half a second of IndexedDB and
// copying per write, for one changed report.
import type { IntervalTree, ObservabilitySet } from 'dexie'
import { databaseModule } from './open'
import type { ReportRow } from './schema'

interface Listener {
  next(rows: ReportRow[]): void
  error(e: unknown): void
}

const listeners = new Set<Listener>()
let byId: Map<string, ReportRow> | undefined
/** The last list handed out (the same array until something changes). */
let list: ReportRow[] | undefined
/** Keys written since the last read; `all` after a write that is not a list of keys. */
let changed: Set<string> | 'all' = 'all'
let reading = false
/** Counts the times watching stopped: a read begun before a stop is not handed out after it. */
let generation = 0
let stopListening: (() => void) | undefined

/** The keys of a part of the storagemutated event; undefined when it holds a range of keys. */
function keysOf(tree: IntervalTree | undefined, out: string[] = []): string[] | undefined {
  if (!tree || !('from' in tree)) return out
  if (typeof tree.from !== 'string' || tree.from !== tree.to) return undefined
  out.push(tree.from)
  return tree.l && !keysOf(tree.l, out) ? undefined : tree.r && !keysOf(tree.r, out) ? undefined : out
}

/** Reads what changed (everything the first time) until nothing is left to read, then emits. */
async function read() {
  if (reading) return
  reading = true
  const start = generation
  try {
    const { db } = await databaseModule()
    let map = byId ?? new Map<string, ReportRow>()
    while (changed === 'all' || changed.size) {
      const what = changed
      changed = new Set()
      if (what === 'all') {
        map = new Map((await db.reports.toArray()).map((r) => [r.id, r]))
      } else {
        const ids = [...what]
        const rows = await db.reports.bulkGet(ids)
        ids.forEach((id, i) => {
          const row = rows[i]
          if (row) map.set(id, row)
          else map.delete(id)
        })
      }
    }
    // Nobody watches any more (or watching started again meanwhile, reading everything anew).
    if (start !== generation) return
    byId = map
    list = [...map.values()]
    for (const l of [...listeners]) l.next(list)
  } catch (e) {
    changed = 'all'
    if (start === generation) for (const l of [...listeners]) l.error(e)
  } finally {
    reading = false
    // Watching started again while this read was for the watchers before.
    if (start !== generation && listeners.size) void read()
  }
}

function onMutated(parts: ObservabilitySet, name: string) {
  const prefix = `idb://${name}/reports/`
  if (!(prefix in parts) && !(`${prefix}:dels` in parts)) return
  const keys = keysOf(parts[prefix])
  const dels = keysOf(parts[`${prefix}:dels`])
  if (!keys || !dels || changed === 'all') changed = 'all'
  else for (const k of [...keys, ...dels]) changed.add(k)
  void read()
}

/** Every stored report now and after every change, until unsubscribed. */
export function watchEveryReport(next: Listener['next'], error: Listener['error']) {
  const listener = { next, error }
  listeners.add(listener)
  if (!stopListening) {
    // Listening before the first read: a write during it is read again after it.
    let stopped = false
    stopListening = () => (stopped = true)
    void databaseModule().then(({ Dexie, db }) => {
      if (stopped) return
      const on = (parts: ObservabilitySet) => onMutated(parts, db.name)
      Dexie.on('storagemutated', on)
      stopListening = () => Dexie.on.storagemutated.unsubscribe(on)
      changed = 'all'
      void read()
    })
  } else if (list && !reading) {
    queueMicrotask(() => listeners.has(listener) && list && next(list))
  }
  return {
    unsubscribe() {
      listeners.delete(listener)
      if (!listeners.size) {
        stopListening?.()
        stopListening = undefined
        byId = undefined
        list = undefined
        changed = 'all'
        generation++
      }
    },
  }
}
