// Which cell's messages are shown beside it: the one under the mouse, else the focused one.
import { shallowRef } from 'vue'
import type { CellKey } from '@/domain/format'

export const hoveredCell = shallowRef<CellKey>()
export const focusedCell = shallowRef<CellKey>()
