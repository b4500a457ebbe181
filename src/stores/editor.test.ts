// The editor store against the live query's timing: an answer read before a write committed
// can be delivered after it. These tests drive both by hand, in every order.
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ReportPatch, ReportRow } from '@/db/reports'
import { createReport } from '@/domain/report'

const live = vi.hoisted(() => ({ emit: undefined as undefined | ((row: ReportRow | undefined) => void) }))
const writes = vi.hoisted(() => ({
  stored: undefined as ReportRow | undefined,
  pending: [] as { patch: ReportPatch; commit: () => void }[],
}))

vi.mock('@/db/live', () => ({
  watchReport: (_id: string, onValue: (row: ReportRow | undefined) => void) => {
    live.emit = onValue
    return { unsubscribe: () => (live.emit = undefined) }
  },
  watchLastYearReport: () => ({ unsubscribe() {} }),
}))

vi.mock('@/db/reports', async (original) => {
  const actual = await original<typeof import('@/db/reports')>()
  return {
    ...actual,
    // A write that commits when the test says so, with a stamp later than the stored row's.
    patchReport: (_id: string, patch: ReportPatch) =>
      new Promise<ReportRow>((resolve) => {
        writes.pending.push({
          patch,
          commit: () => {
            const row = writes.stored!
            writes.stored = { ...actual.applyPatchTo(row, patch), updatedAt: row.updatedAt + 1 }
            resolve(writes.stored)
          },
        })
      }),
  }
})

vi.mock('@/db/journal', () => ({
  beforeOf: () => ({}),
  tabJournal: { append() {}, shift() {} },
}))

const { useEditorStore } = await import('./editor')

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))
const natural = 'requests.new.natural'

/** Commits the next write; the store starts it once the edit is painted (here: on a timer). */
async function commitNext() {
  await vi.waitFor(() => expect(writes.pending.length).toBeGreaterThan(0))
  writes.pending.shift()!.commit()
  await flush()
}

describe('editor store and the live query', () => {
  let editor: ReturnType<typeof useEditorStore>
  beforeEach(() => {
    setActivePinia(createPinia())
    writes.pending = []
    writes.stored = { ...createReport('某局', 2022, '2021', 1000), values: { [natural]: 7 } }
    editor = useEditorStore()
    editor.open(writes.stored.id)
    live.emit!(writes.stored)
  })

  it('keeps a committed edit when an answer read before the write arrives after it', async () => {
    const before = writes.stored!
    editor.enterTexts({ [natural]: '8' })
    expect(editor.report?.values[natural]).toBe(8)
    await commitNext()
    // The answer the database gave before the write committed, delivered late.
    live.emit!(before)
    expect(editor.report?.values[natural]).toBe(8)
    expect(editor.saveState).toBe('saved')
    // The answer after the write changes nothing either.
    live.emit!(writes.stored)
    expect(editor.report?.values[natural]).toBe(8)
  })

  it('takes frozen live answers (shared by every live query) and the echoes that follow them', async () => {
    const frozen = (row: ReportRow) => Object.freeze({ ...row, values: Object.freeze({ ...row.values }) })
    // Another tab's edit arrives, frozen, then its echo with the same contents and a later stamp.
    const other = frozen({ ...writes.stored!, values: { [natural]: 5 }, updatedAt: 2000 })
    live.emit!(other)
    expect(() => live.emit!(frozen({ ...other, updatedAt: 2001 }))).not.toThrow()
    expect(editor.report?.values[natural]).toBe(5)
    expect(editor.report?.updatedAt).toBe(2001)
    // Editing on top of it works as ever.
    writes.stored = other
    editor.enterTexts({ [natural]: '6' })
    await commitNext()
    expect(editor.report?.values[natural]).toBe(6)
  })

  it('undoes twice to the first value with stale answers between the writes', async () => {
    const first = writes.stored!
    editor.enterTexts({ [natural]: '8' })
    await commitNext()
    const second = writes.stored!
    editor.enterTexts({ [natural]: '9' })
    await commitNext()
    live.emit!(first)
    live.emit!(second)
    editor.undo()
    await commitNext()
    live.emit!(second)
    expect(editor.report?.values[natural]).toBe(8)
    editor.undo()
    await commitNext()
    // Read while the second undo was still being written: it holds 8.
    live.emit!(second)
    expect(editor.report?.values[natural]).toBe(7)
    expect(writes.stored?.values[natural]).toBe(7)
    live.emit!(writes.stored)
    expect(editor.report?.values[natural]).toBe(7)
  })

  it('shows an edit still queued over an answer that does not have it yet', async () => {
    editor.enterTexts({ [natural]: '8' })
    live.emit!(writes.stored)
    expect(editor.report?.values[natural]).toBe(8)
    expect(editor.saveState).toBe('saving')
    await commitNext()
    expect(editor.saveState).toBe('saved')
  })

  it('takes a newer answer from another tab', async () => {
    editor.enterTexts({ [natural]: '8' })
    await commitNext()
    const other = { ...writes.stored!, values: { [natural]: 20 }, updatedAt: writes.stored!.updatedAt + 5 }
    live.emit!(other)
    expect(editor.report?.values[natural]).toBe(20)
  })
})
