// The report being edited: on-screen state, live checks, undo/redo and saving.
// Edits show at once; each is queued and written to IndexedDB in order, and 已保存 shows
// only when the queue is empty. A failed write stays queued and is retried.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { type Subscription, watchLastYearReport, watchReport } from '@/db/live'
import { storageErrorMessage } from '@/db/errors'
import { type ReportPatch, type ReportRow, applyPatchTo, patchReport, setReportFinal } from '@/db/reports'
import { beforeOf, tabJournal } from '@/db/journal'
import { readReportFirst } from '@/db/firstRead'
import { isDatabaseLoaded, releaseDatabase } from '@/db/open'
import type { SnapshotReason } from '@/domain/history'
import { describeCell, findCell, getEdition, inputCellsOf } from '@/domain/edition'
import type { Finding } from '@/domain/findings'
import type { CellKey, TextKey } from '@/domain/format'
import type { ReportTexts, Values } from '@/domain/report'
import { reportStatus, reviewReport } from '@/domain/review'
import { resolveValues } from '@/domain/totals'
import { parseValue } from '@/domain/values'

type CellChange = Record<CellKey, number | null>
interface UndoStep {
  before: CellChange
  after: CellChange
  /** A text part's edit: what it held before and after (typing coalesced, see setText). */
  text?: { key: TextKey; before: string; after: string; at: number }
}
/** Text saved again within this long after the last save of the same part is the same undo step. */
const TEXT_STEP_MS = 1500
/** A write waiting for IndexedDB, for the report it belongs to. */
interface Pending {
  id: string
  patch: ReportPatch
}
/** What became of typed or pasted text, cell by cell. */
export interface EntryResult {
  changed: CellKey[]
  /** Cells whose text the value parser refused: the old value stays. */
  rejected: { key: CellKey; message: string }[]
  /** Computed or unknown cells: never typed into. */
  skipped: CellKey[]
}

const COMPILED_READ_ONLY = '汇总报告的数字是各部门报告之和，不能直接修改；请修改相应部门的报告，汇总会随之更新。'
const FINAL_READ_ONLY = '这份报告已定稿，不能修改；如需修改，请先点「取消定稿」。'

const RETRY_MS = 2000

/** `next`, or `prev` when it holds the same entries (so dependants see no change). */
function sameRecord<T extends Record<string, unknown>>(prev: T | undefined, next: T): T {
  if (!prev || prev === next) return next
  const keys = Object.keys(next)
  if (keys.length !== Object.keys(prev).length) return next
  return keys.every((k) => Object.is(prev[k], next[k])) ? prev : next
}

const findingKey = (f: Finding) =>
  `${f.severity}\u0000${f.rule}\u0000${f.cells.join(' ')}\u0000${f.text ?? ''}\u0000${f.message}`

/** `next` with each finding equal to one of `prev` replaced by it; `prev` itself when all are. */
function sameFindings(prev: Finding[] | undefined, next: Finding[]): Finding[] {
  if (!prev?.length) return next
  const old = new Map(prev.map((f) => [findingKey(f), f]))
  let same = prev.length === next.length
  const out = next.map((f, i) => {
    const kept = old.get(findingKey(f)) ?? f
    if (kept !== prev[i]) same = false
    return kept
  })
  return same ? prev : out
}

/** Whether two rows of one report differ only in when they were written (the echo of our own write). */
function sameContentRow(a: ReportRow, b: ReportRow): boolean {
  const keys = Object.keys(b) as (keyof ReportRow)[]
  if (keys.length !== Object.keys(a).length) return false
  return keys.every(
    (k) =>
      k === 'updatedAt' ||
      Object.is(a[k], b[k]) ||
      ((k === 'values' || k === 'texts') && sameRecord(a[k], b[k] as Record<string, unknown>) === a[k]),
  )
}

export const useEditorStore = defineStore('editor', () => {
  const report = shallowRef<ReportRow>()
  const lastYear = shallowRef<ReportRow>()
  const missing = ref(false)
  const saveState = ref<'saved' | 'saving' | 'error'>('saved')
  /** The grids are painted (EditorView): parts not needed for the first paint may show now. */
  const painted = ref(false)
  const saveError = ref<string>()
  const undoStack = shallowRef<UndoStep[]>([])
  const redoStack = shallowRef<UndoStep[]>([])
  /** Text the value parser refused, by cell: shown at the cell until it gets a good value. */
  const rejected = shallowRef<ReadonlyMap<CellKey, string>>(new Map())
  /** Cells marked in the grids, e.g. those a version in the history differs in. */
  const marked = shallowRef<ReadonlySet<CellKey>>(new Set())
  /** A compiled (汇总) report's values are the sums of its parts: not typed. */
  const compiled = computed(() => Boolean(report.value?.compiledFrom))
  /** A report marked final (定稿): nothing in it changes until 取消定稿. */
  const final = computed(() => Boolean(report.value?.final))
  /** The cells cannot be typed into (compiled or final); texts only when final. */
  const readOnly = computed(() => compiled.value || final.value)
  const readOnlyMessage = computed(() => (final.value ? FINAL_READ_ONLY : COMPILED_READ_ONLY))

  const queue: Pending[] = []
  let writing = false
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let subscriptions: Subscription[] = []
  /** The newest row this tab's writes stored: a live answer older than it is stale. */
  let written: ReportRow | undefined

  const edition = computed(() => (report.value ? getEdition(report.value.edition) : undefined))
  // The database echoes every write back (liveQuery) as a new object with the same contents:
  // keep the old one then, so totals and checks are not recomputed for nothing.
  const values = computed<Values>((prev) => sameRecord(prev, report.value?.values ?? {}))
  const texts = computed<ReportTexts | undefined>((prev) => report.value && sameRecord(prev, report.value.texts))
  const resolved = computed(() =>
    edition.value ? resolveValues(edition.value, values.value) : new Map<CellKey, number>(),
  )
  // The same findings as before keep their objects (and the list its identity when nothing
  // changed): the findings panel, the callout and the grids' colours then redraw only what changed.
  const findings = computed<Finding[]>((prev) =>
    edition.value && texts.value
      ? sameFindings(
          prev,
          reviewReport({ edition: edition.value.key, values: values.value, texts: texts.value }, lastYear.value),
        )
      : [],
  )
  const status = computed(() => reportStatus(findings.value))
  /** The findings of each cell, most severe first. */
  const findingsByCell = computed(() => {
    const map = new Map<CellKey, Finding[]>()
    for (const f of findings.value) {
      for (const c of f.cells) {
        const list = map.get(c)
        if (list) list.push(f)
        else map.set(c, [f])
      }
    }
    return map
  })

  /** Edits of report `id` not yet written, applied over what the database says. */
  const pendingOver = (row: ReportRow) =>
    queue.filter((p) => p.id === row.id).reduce((r, p) => applyPatchTo(r, p.patch), row)

  let opened = 0
  function open(id: string) {
    close()
    missing.value = false
    const token = ++opened
    // Opened with the page (a link, a reload): painted from a plain read while the database
    // library waits for the grids to be painted (src/db/open.ts); its live answer follows.
    if (!isDatabaseLoaded())
      void readReportFirst(id).then((row) => {
        if (!row) releaseDatabase()
        else if (token === opened && !report.value) report.value = row
      })
    subscriptions.push(
      watchReport(id, (answer) => {
        if (!answer) {
          missing.value = true
          report.value = undefined
          return
        }
        // An answer read before one of this tab's writes committed can arrive after it: the
        // write's row is newer then (updatedAt only grows), and showing the answer would undo
        // the edit on screen (and an undo after it would start from the wrong cells).
        const row = written?.id === answer.id && written.updatedAt > answer.updatedAt ? written : answer
        // Keep edits not yet written on screen over what the database (or another tab) says.
        const next = pendingOver(row)
        const current = report.value
        // The echo of this tab's own write changes nothing on screen: keep the object, so
        // nothing that reads the report re-renders.
        if (current && current.id === next.id && sameContentRow(current, next)) current.updatedAt = next.updatedAt
        // Live answers are frozen (shared by every live query): the shown report is its own
        // object, whose stamp the line above may update.
        else report.value = Object.isFrozen(next) ? { ...next } : next
        watchLastYear(row)
      }),
    )
  }

  let lastYearKey = ''
  function watchLastYear(row: ReportRow) {
    const key = `${row.agency}\u0000${row.year}`
    if (key === lastYearKey) return
    lastYearKey = key
    subscriptions[1]?.unsubscribe()
    // Every write to the table re-runs the query: take its answer only when it changed.
    subscriptions[1] = watchLastYearReport(row.agency, row.year, (r) => {
      const prev = lastYear.value
      if (
        !r ||
        !prev ||
        r.id !== prev.id ||
        r.edition !== prev.edition ||
        sameRecord(prev.values, r.values) !== prev.values
      )
        lastYear.value = r
    })
  }

  function close() {
    painted.value = false
    for (const s of subscriptions) s?.unsubscribe()
    subscriptions = []
    lastYearKey = ''
    written = undefined
    report.value = undefined
    lastYear.value = undefined
    undoStack.value = []
    redoStack.value = []
    rejected.value = new Map()
  }

  function commit(patch: ReportPatch) {
    if (!report.value) return
    // Safety hook: journalled synchronously so closing the tab or a crash loses nothing (journal.ts).
    tabJournal.append(report.value.id, beforeOf(report.value, patch), patch)
    report.value = applyPatchTo(report.value, patch)
    queue.push({ id: report.value.id, patch })
    saveState.value = 'saving'
    afterPaint(flush)
  }

  /**
   * Runs `write` once the edit is on screen: the write and the change it echoes back stay off
   * the path from the key to the paint (the journal above already holds the edit). Hidden tabs
   * get no frames: a timer makes sure the write starts anyway.
   */
  let writeScheduled = false
  function afterPaint(write: () => Promise<void>) {
    if (writeScheduled) return
    writeScheduled = true
    const start = () => {
      if (!writeScheduled) return
      writeScheduled = false
      void write()
    }
    const frame = globalThis.requestAnimationFrame ?? ((cb: () => void) => setTimeout(cb))
    frame(() => setTimeout(start))
    setTimeout(start, 100)
  }

  /** Writes every queued edit in order; resolves when the queue is empty or a write failed. */
  async function flush() {
    if (writing) return
    writing = true
    clearTimeout(retryTimer)
    if (queue.length) saveState.value = 'saving'
    while (queue.length) {
      const next = queue[0]!
      try {
        written = await patchReport(next.id, next.patch)
        queue.shift()
        tabJournal.shift()
      } catch (e) {
        saveState.value = 'error'
        saveError.value = storageErrorMessage(e)
        writing = false
        retryTimer = setTimeout(() => void flush(), RETRY_MS)
        return
      }
    }
    writing = false
    saveError.value = undefined
    saveState.value = 'saved'
  }

  function forget(keys: Iterable<CellKey>) {
    let map: Map<CellKey, string> | undefined
    for (const k of keys) {
      if (!rejected.value.has(k)) continue
      map ??= new Map(rejected.value)
      map.delete(k)
    }
    if (map) rejected.value = map
  }

  /**
   * Sets cells (null = blank) as one undoable step; unchanged cells are left out. `snapshot`
   * saves the report as it was before as a version for that reason (many cells get one anyway).
   */
  function setCells(change: CellChange, snapshot?: SnapshotReason) {
    if (!report.value || readOnly.value) return
    forget(Object.keys(change))
    const before: CellChange = {}
    const after: CellChange = {}
    for (const [key, value] of Object.entries(change)) {
      const old = report.value.values[key] ?? null
      if (old === value) continue
      before[key] = old
      after[key] = value
    }
    if (!Object.keys(after).length) return
    undoStack.value = [...undoStack.value, { before, after }]
    redoStack.value = []
    commit(snapshot ? { values: after, snapshot } : { values: after })
  }

  /**
   * Cells as typed or pasted: each text goes through the value parser; what it accepts is
   * stored normalised, all in one undoable step; what it refuses keeps the old value and is
   * remembered with its message. Computed and unknown cells are skipped.
   */
  function enterTexts(texts: Record<CellKey, string>): EntryResult {
    const result: EntryResult = { changed: [], rejected: [], skipped: [] }
    const def = edition.value
    if (!def || !report.value) return result
    if (readOnly.value) {
      for (const key of Object.keys(texts)) result.rejected.push({ key, message: readOnlyMessage.value })
      return result
    }
    const change: CellChange = {}
    const refused = new Map(rejected.value)
    for (const [key, text] of Object.entries(texts)) {
      const cell = findCell(def, key)
      if (!cell || cell.computed) {
        result.skipped.push(key)
        continue
      }
      const parsed = parseValue(text, cell.column.kind)
      if (parsed.ok) {
        change[key] = parsed.value
        if ((report.value.values[key] ?? null) !== parsed.value) result.changed.push(key)
      } else {
        const message = `${describeCell(cell)}：${parsed.error}`
        refused.set(key, message)
        result.rejected.push({ key, message })
      }
    }
    rejected.value = refused
    setCells(change)
    return result
  }

  /** The patch that puts one side of a step back. */
  const stepPatch = (step: UndoStep, side: 'before' | 'after'): ReportPatch =>
    step.text ? { texts: { [step.text.key]: step.text[side] } } : { values: step[side] }

  function undo() {
    const step = undoStack.value.at(-1)
    if (!step || final.value) return
    undoStack.value = undoStack.value.slice(0, -1)
    redoStack.value = [...redoStack.value, step]
    forget(Object.keys(step.before))
    commit(stepPatch(step, 'before'))
  }

  function redo() {
    const step = redoStack.value.at(-1)
    if (!step || final.value) return
    redoStack.value = redoStack.value.slice(0, -1)
    undoStack.value = [...undoStack.value, step]
    forget(Object.keys(step.after))
    commit(stepPatch(step, 'after'))
  }

  /** Fills every blank input cell with 0, as one undoable step. Returns how many. */
  /** After a restore from the history, an undo would bring back values from before it. */
  function clearUndo() {
    undoStack.value = []
    redoStack.value = []
  }

  function fillBlanks(): number {
    if (!edition.value || !report.value) return 0
    const change: CellChange = {}
    for (const cell of inputCellsOf(edition.value)) if (!(cell.key in report.value.values)) change[cell.key] = 0
    setCells(change, 'fill-blanks')
    return Object.keys(change).length
  }

  /**
   * A text part as typed: one undo step per pause in typing (saves of the same part in quick
   * succession make one step).
   */
  function setText(key: TextKey, text: string, now = Date.now()) {
    if (!report.value || final.value) return
    const old = report.value.texts[key]
    if (old === text) return
    const last = undoStack.value.at(-1)
    const typing = last?.text?.key === key && last.text.after === old && now - last.text.at < TEXT_STEP_MS
    if (last?.text && typing && !redoStack.value.length)
      undoStack.value = [...undoStack.value.slice(0, -1), { ...last, text: { ...last.text, after: text, at: now } }]
    else
      undoStack.value = [
        ...undoStack.value,
        { before: {}, after: {}, text: { key, before: old, after: text, at: now } },
      ]
    redoStack.value = []
    commit({ texts: { [key]: text } })
  }

  /** Marks the report final (定稿) or reopens it, once every edit is written; a version records it. */
  async function setFinal(value: boolean) {
    const id = report.value?.id
    if (!id) return
    await flush()
    if (queue.length) throw new Error(saveError.value ?? '还有修改没有保存')
    await setReportFinal(id, value)
    clearUndo()
  }

  function setIdentity(patch: Pick<ReportPatch, 'agency' | 'edition'>) {
    commit(patch)
  }

  return {
    report,
    painted,
    lastYear,
    missing,
    edition,
    resolved,
    findings,
    findingsByCell,
    status,
    saveState,
    saveError,
    rejected,
    canUndo: computed(() => undoStack.value.length > 0 && !final.value),
    canRedo: computed(() => redoStack.value.length > 0 && !final.value),
    marked,
    compiled,
    final,
    readOnly,
    readOnlyMessage,
    setFinal,
    clearUndo,
    open,
    close,
    setCells,
    enterTexts,
    undo,
    redo,
    fillBlanks,
    setText,
    setIdentity,
    flush,
  }
})
