// The report being edited: on-screen state, live checks, undo/redo and saving.
// Edits show at once; each is queued and written to IndexedDB in order, and 已保存 shows
// only when the queue is empty. A failed write stays queued and is retried.
import { liveQuery } from 'dexie'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { type ReportRow, db } from '@/db/database'
import { storageErrorMessage } from '@/db/errors'
import { type ReportPatch, applyPatchTo, patchReport } from '@/db/reports'
import { getEdition, inputCellsOf } from '@/domain/edition'
import type { Finding } from '@/domain/findings'
import type { CellKey, TextKey } from '@/domain/format'
import { reportStatus, reviewReport } from '@/domain/review'
import { resolveValues } from '@/domain/totals'

type CellChange = Record<CellKey, number | null>
interface UndoStep {
  before: CellChange
  after: CellChange
}

const RETRY_MS = 2000

export const useEditorStore = defineStore('editor', () => {
  const report = shallowRef<ReportRow>()
  const lastYear = shallowRef<ReportRow>()
  const missing = ref(false)
  const saveState = ref<'saved' | 'saving' | 'error'>('saved')
  const saveError = ref<string>()
  const undoStack = shallowRef<UndoStep[]>([])
  const redoStack = shallowRef<UndoStep[]>([])

  const queue: ReportPatch[] = []
  let writing = false
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let subscriptions: { unsubscribe(): void }[] = []

  const edition = computed(() => (report.value ? getEdition(report.value.edition) : undefined))
  const resolved = computed(() => (edition.value && report.value ? resolveValues(edition.value, report.value.values) : new Map<CellKey, number>()))
  const findings = computed<Finding[]>(() => (report.value ? reviewReport(report.value, lastYear.value) : []))
  const status = computed(() => reportStatus(findings.value))
  /** The findings of each cell, most severe first. */
  const findingsByCell = computed(() => {
    const map = new Map<CellKey, Finding[]>()
    for (const f of findings.value) for (const c of f.cells) map.set(c, [...(map.get(c) ?? []), f])
    return map
  })

  function open(id: string) {
    close()
    missing.value = false
    subscriptions.push(
      liveQuery(() => db.reports.get(id)).subscribe({
        next: (row) => {
          if (!row) {
            missing.value = true
            report.value = undefined
            return
          }
          // Keep edits not yet written on screen over what the database (or another tab) says.
          report.value = queue.reduce(applyPatchTo, row)
          watchLastYear(row)
        },
        error: (e) => console.error(e),
      }),
    )
  }

  let lastYearKey = ''
  function watchLastYear(row: ReportRow) {
    const key = `${row.agency}\u0000${row.year}`
    if (key === lastYearKey) return
    lastYearKey = key
    subscriptions[1]?.unsubscribe()
    subscriptions[1] = liveQuery(() =>
      db.reports.where('[agency+year]').equals([row.agency, row.year - 1]).filter((r) => !r.deletedAt).first(),
    ).subscribe({ next: (r) => (lastYear.value = r), error: (e) => console.error(e) })
  }

  function close() {
    for (const s of subscriptions) s?.unsubscribe()
    subscriptions = []
    lastYearKey = ''
    report.value = undefined
    lastYear.value = undefined
    undoStack.value = []
    redoStack.value = []
  }

  function commit(patch: ReportPatch) {
    if (!report.value) return
    report.value = applyPatchTo(report.value, patch)
    queue.push(patch)
    void flush()
  }

  async function flush() {
    if (writing || !report.value) return
    writing = true
    clearTimeout(retryTimer)
    const id = report.value.id
    saveState.value = 'saving'
    while (queue.length) {
      try {
        await patchReport(id, queue[0]!)
        queue.shift()
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

  /** Sets cells (null = blank) as one undoable step; unchanged cells are left out. */
  function setCells(change: CellChange) {
    if (!report.value) return
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
    commit({ values: after })
  }

  function undo() {
    const step = undoStack.value.at(-1)
    if (!step) return
    undoStack.value = undoStack.value.slice(0, -1)
    redoStack.value = [...redoStack.value, step]
    commit({ values: step.before })
  }

  function redo() {
    const step = redoStack.value.at(-1)
    if (!step) return
    redoStack.value = redoStack.value.slice(0, -1)
    undoStack.value = [...undoStack.value, step]
    commit({ values: step.after })
  }

  /** Fills every blank input cell with 0, as one undoable step. Returns how many. */
  function fillBlanks(): number {
    if (!edition.value || !report.value) return 0
    const change: CellChange = {}
    for (const cell of inputCellsOf(edition.value)) if (!(cell.key in report.value.values)) change[cell.key] = 0
    setCells(change)
    return Object.keys(change).length
  }

  function setText(key: TextKey, text: string) {
    if (report.value && report.value.texts[key] !== text) commit({ texts: { [key]: text } })
  }

  function setIdentity(patch: Pick<ReportPatch, 'agency' | 'edition'>) {
    commit(patch)
  }

  return {
    report, lastYear, missing, edition, resolved, findings, findingsByCell, status, saveState, saveError,
    canUndo: computed(() => undoStack.value.length > 0),
    canRedo: computed(() => redoStack.value.length > 0),
    open, close, setCells, undo, redo, fillBlanks, setText, setIdentity, flush,
  }
})
