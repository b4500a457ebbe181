// Which cell's messages are shown beside it: the one under the mouse, else the focused one.
import { shallowRef } from 'vue'
import type { CellKey } from '@/domain/format'

export const hoveredCell = shallowRef<CellKey>()
export const focusedCell = shallowRef<CellKey>()

/** The grid cell element of a cell key (row ids are unique within a table). */
export function cellElement(key: CellKey): HTMLElement | null {
  const [table, row, column] = key.split('.')
  return document.querySelector<HTMLElement>(`[data-table="${table}"] [row-id="${row}"] [col-id="${column}"]`)
}
