// Totals, findings, refused entries and marks change with every edit (here or in another tab):
// the grids redraw just the cells whose look changed, not every cell of every grid.
import { watch } from 'vue'
import { useEditorStore } from '@/stores/editor'
import { changedCells } from './changes'
import { refreshCells } from './registry'

export function useCellRefresh() {
  const editor = useEditorStore()
  watch(
    () => ({
      resolved: editor.resolved,
      findingsByCell: editor.findingsByCell,
      rejected: editor.rejected,
      marked: editor.marked,
    }),
    (next, prev) => refreshCells(changedCells(prev, next)),
  )
}
