// The version history of the report being edited: the list, the differences from now, restore.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { watchHistory, watchReport } from '@/db/live'
import type { ReportRow } from '@/db/reports'
import { storageErrorMessage } from '@/db/errors'
import { type HistoryRow, restoreVersion } from '@/db/history'
import type { CellKey } from '@/domain/format'
import { describeDiff, diffContent, listVersions } from '@/domain/history'
import { useEditorStore } from './editor'

export const useHistoryStore = defineStore('history', () => {
  const reportId = ref<string>()
  const versions = shallowRef<HistoryRow[]>([])
  const current = shallowRef<ReportRow>()
  const selectedId = ref<string>()
  const error = ref<string>()
  const restoring = ref(false)
  let subscriptions: { unsubscribe(): void }[] = []

  function watch(id: string | undefined) {
    if (id === reportId.value) return
    for (const s of subscriptions) s.unsubscribe()
    subscriptions = []
    reportId.value = id
    versions.value = []
    current.value = undefined
    selectedId.value = undefined
    error.value = undefined
    if (!id) return
    subscriptions.push(
      watchHistory(id, (v) => (versions.value = v)),
      watchReport(id, (r) => (current.value = r)),
    )
  }

  const entries = computed(() => listVersions(versions.value, current.value))
  const selected = computed(() => versions.value.find((v) => v.id === selectedId.value))
  /** What the selected version holds differently from now, line by line. */
  const differences = computed(() =>
    selected.value && current.value ? describeDiff(selected.value, current.value) : [],
  )
  /** The table cells that differ between the selected version and now: for the grids to mark. */
  const changedCells = computed<ReadonlySet<CellKey>>(() =>
    selected.value && current.value ? new Set(diffContent(selected.value, current.value).cells) : new Set(),
  )

  function select(id: string | undefined) {
    selectedId.value = id === selectedId.value ? undefined : id
  }

  /** Restores a version; what it replaces becomes a version itself. Edits on screen are written first. */
  async function restore(id: string): Promise<boolean> {
    restoring.value = true
    error.value = undefined
    try {
      const editor = useEditorStore()
      if (editor.report?.id === reportId.value) {
        // Edits on screen first, so that none lands after the restore and over it.
        await editor.flush()
        for (let i = 0; editor.saveState === 'saving' && i < 200; i++) await new Promise((r) => setTimeout(r, 50))
        if (editor.saveState !== 'saved') throw new Error(editor.saveError ?? '屏幕上的修改还没有保存好，请稍后再试')
      }
      await restoreVersion(id)
      selectedId.value = undefined
      return true
    } catch (e) {
      error.value = `恢复失败，报告没有改变。${e instanceof Error && !('inner' in e) ? e.message : storageErrorMessage(e)}`
      return false
    } finally {
      restoring.value = false
    }
  }

  return {
    reportId,
    versions,
    current,
    entries,
    selectedId,
    selected,
    differences,
    changedCells,
    error,
    restoring,
    watch,
    select,
    restore,
  }
})
