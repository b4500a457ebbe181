// A write-ahead journal of edits not yet in IndexedDB, kept in localStorage.
//
// An edit is on screen at once but reaches IndexedDB a few milliseconds later, in a transaction
// that closing the tab aborts and a renderer crash loses. localStorage.setItem hands the edit to
// the browser synchronously, before the keystroke's handler returns, so the journal survives both.
// The next time the app starts in this browser it replays the journals of tabs that are gone.
//
// Each entry holds the values before and after the edit. A replay writes a field only where the
// database still holds the value before it: an edit that did reach the database, or that another
// tab has since overwritten with a later edit, is left alone, so a replay never undoes anything.
import { database, loadedDb } from './open'
import { type ReportPatch, patchReport } from './reports'
import type { Report } from '@/domain/report'
import { TEXT_KEYS, newId } from '@/domain/report'

const PREFIX = 'nianbao:journal:'
const LOCK_PREFIX = 'nianbao:tab:'
/** Without Web Locks (plain http), a journal not touched for this long belongs to a closed tab. */
const STALE_MS = 30_000
const HEARTBEAT_MS = 10_000

export interface JournalEntry {
  reportId: string
  before: ReportPatch
  after: ReportPatch
  at: number
}

interface JournalRecord {
  alive: number
  entries: JournalEntry[]
}

/** The fields of `patch` as they are in `report` (blank cell: null). */
export function beforeOf(report: Report, patch: ReportPatch): ReportPatch {
  const before: ReportPatch = {}
  if (patch.values)
    before.values = Object.fromEntries(Object.keys(patch.values).map((k) => [k, report.values[k] ?? null]))
  if (patch.texts)
    before.texts = Object.fromEntries(
      Object.keys(patch.texts).map((k) => [k, report.texts[k as keyof Report['texts']] ?? '']),
    )
  if (patch.agency !== undefined) before.agency = report.agency
  if (patch.edition !== undefined) before.edition = report.edition
  return before
}

/**
 * The part of a journalled edit still to write to `stored`: each field whose stored value is the
 * one before the edit. undefined when nothing is left (already written, or overwritten since).
 */
export function pendingPart(stored: Report, entry: Pick<JournalEntry, 'before' | 'after'>): ReportPatch | undefined {
  const out: ReportPatch = {}
  let any = false
  for (const [k, v] of Object.entries(entry.after.values ?? {})) {
    if (v !== null && !(typeof v === 'number' && Number.isFinite(v))) continue
    const now = stored.values[k] ?? null
    if (now !== v && now === (entry.before.values?.[k] ?? null)) {
      ;(out.values ??= {})[k] = v
      any = true
    }
  }
  for (const k of TEXT_KEYS) {
    const v = entry.after.texts?.[k]
    if (typeof v !== 'string') continue
    const now = stored.texts[k] ?? ''
    if (now !== v && now === (entry.before.texts?.[k] ?? '')) {
      ;(out.texts ??= {})[k] = v
      any = true
    }
  }
  for (const k of ['agency', 'edition'] as const) {
    const v = entry.after[k]
    if (typeof v === 'string' && stored[k] !== v && stored[k] === entry.before[k]) {
      out[k] = v
      any = true
    }
  }
  return any ? out : undefined
}

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined
  } catch {
    return undefined // disabled by the browser's settings
  }
}

type Locks = {
  request(name: string, cb: () => Promise<void>): Promise<void>
  query(): Promise<{ held?: { name?: string }[] }>
}
const locks = (): Locks | undefined => (globalThis.navigator as { locks?: Locks } | undefined)?.locks

/** This tab's journal. Entries are appended as edits are made and shifted as they are written. */
export class TabJournal {
  private entries: JournalEntry[] = []
  private heartbeat: ReturnType<typeof setInterval> | undefined

  constructor(
    private readonly storage: Storage | undefined = browserStorage(),
    readonly tabId: string = newId(),
    private readonly clock: () => number = Date.now,
  ) {
    // Held while this tab lives: another tab tells a live journal from an orphan by it.
    void locks()
      ?.request(LOCK_PREFIX + tabId, () => new Promise<void>(() => {}))
      .catch(() => {})
  }

  get key() {
    return PREFIX + this.tabId
  }

  get size() {
    return this.entries.length
  }

  append(reportId: string, before: ReportPatch, after: ReportPatch) {
    this.entries.push({ reportId, before, after, at: this.clock() })
    this.save()
  }

  /** The oldest entry has been written. */
  shift() {
    this.entries.shift()
    this.save()
  }

  private save() {
    try {
      if (!this.entries.length) {
        this.storage?.removeItem(this.key)
        clearInterval(this.heartbeat)
        this.heartbeat = undefined
        return
      }
      const record: JournalRecord = { alive: this.clock(), entries: this.entries }
      this.storage?.setItem(this.key, JSON.stringify(record))
      this.heartbeat ??= setInterval(() => this.save(), HEARTBEAT_MS)
    } catch {
      // localStorage full or disabled: IndexedDB still gets the edit, only the crash guard is off.
    }
  }
}

/**
 * Replays the journals of tabs that are gone (crashed, closed with edits in flight) and removes
 * them. Returns how many edits it wrote. A journal whose write fails stays for the next start.
 */
export async function recoverJournals(
  storage = browserStorage(),
  own?: TabJournal,
  clock: () => number = Date.now,
): Promise<number> {
  if (!storage) return 0
  const keys: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i)
    if (k?.startsWith(PREFIX) && k !== own?.key) keys.push(k)
  }
  if (!keys.length) return 0
  const held = await heldLocks()
  let written = 0
  for (const key of keys) {
    const record = parseRecord(storage.getItem(key))
    const tabId = key.slice(PREFIX.length)
    if (record && isAlive(tabId, record, held, clock())) continue
    try {
      for (const entry of record?.entries ?? []) if (await replay(entry)) written++
      storage.removeItem(key)
    } catch (e) {
      console.error('journal replay', e)
    }
  }
  return written
}

async function heldLocks(): Promise<Set<string> | undefined> {
  try {
    const state = await locks()?.query()
    return state ? new Set((state.held ?? []).map((l) => l.name ?? '')) : undefined
  } catch {
    return undefined
  }
}

function isAlive(tabId: string, record: JournalRecord, held: Set<string> | undefined, now: number): boolean {
  if (held) return held.has(LOCK_PREFIX + tabId)
  return now - record.alive < STALE_MS
}

function parseRecord(text: string | null): JournalRecord | undefined {
  if (!text) return undefined
  try {
    const r = JSON.parse(text) as Partial<JournalRecord>
    if (typeof r?.alive !== 'number' || !Array.isArray(r.entries)) return undefined
    const entries = r.entries.filter(
      (e): e is JournalEntry =>
        !!e &&
        typeof e.reportId === 'string' &&
        !!e.before &&
        typeof e.before === 'object' &&
        !!e.after &&
        typeof e.after === 'object',
    )
    return { alive: r.alive, entries }
  } catch {
    return undefined
  }
}

async function replay(entry: JournalEntry): Promise<boolean> {
  const db = loadedDb() ?? (await database())
  return db.transaction('rw', db.reports, db.history, db.meta, async () => {
    const row = await db.reports.get(entry.reportId)
    const patch = row && pendingPart(row, entry)
    if (!patch) return false
    await patchReport(entry.reportId, patch)
    return true
  })
}

/** The journal of this tab (the editor appends to it). */
export const tabJournal = new TabJournal()
