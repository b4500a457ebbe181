// The editor's grids, so that a finding, a paste or a copy can reach any cell of the report:
// which grid holds a cell, the block selected for copying, refreshing them all.
import type { GridApi } from 'ag-grid-community'
import { shallowRef } from 'vue'
import type { CellKey, ColumnDef, TableKey } from '@/domain/format'
import type { GridRow } from './columns'

export interface GridEntry {
  table: TableKey
  blockIndex: number
  api: GridApi<GridRow>
  el: HTMLElement
  rows: readonly string[]
  /** Value columns, in display order. */
  columns: readonly ColumnDef[]
}

export interface Position {
  row: number
  col: number
}

/** A rectangle of cells of one grid: where it was started and where it now ends. */
export interface Selection {
  grid: GridEntry
  anchor: Position
  focus: Position
}

const grids = new Set<GridEntry>()
export const selection = shallowRef<Selection>()

export function registerGrid(entry: GridEntry) {
  grids.add(entry)
  return () => {
    grids.delete(entry)
    if (selection.value?.grid === entry) selection.value = undefined
  }
}

/** The block above (-1) or below (+1) a grid in the same table: 二's blocks read as one sheet. */
export function neighbourGrid(grid: GridEntry, step: -1 | 1): GridEntry | undefined {
  return [...grids].find((g) => g.table === grid.table && g.blockIndex === grid.blockIndex + step)
}

export function gridOfElement(el: Element | null): GridEntry | undefined {
  return [...grids].find((g) => el && g.el.contains(el))
}

/** Where a cell is: its grid and its row and column index there. */
function locate(key: CellKey): { grid: GridEntry; row: number; col: number } | undefined {
  const [table, row, column] = key.split('.')
  for (const grid of grids) {
    if (grid.table !== table) continue
    const r = grid.rows.indexOf(row ?? '')
    const c = grid.columns.findIndex((col) => col.key === column)
    if (r >= 0 && c >= 0) return { grid, row: r, col: c }
  }
  return undefined
}

export function keyAt(grid: GridEntry, p: Position): CellKey | undefined {
  const row = grid.rows[p.row]
  const col = grid.columns[p.col]
  return row !== undefined && col ? `${grid.table}.${row}.${col.key}` : undefined
}

/** Moves keyboard focus to a cell and scrolls it to the middle of the screen. */
export function focusCell(key: CellKey): boolean {
  const at = locate(key)
  if (!at) return false
  const colKey = at.grid.columns[at.col]!.key
  at.grid.api.setFocusedCell(at.row, colKey)
  const el = at.grid.el.querySelector<HTMLElement>(`[row-id="${at.grid.rows[at.row]}"] [col-id="${colKey}"]`)
  el?.scrollIntoView({ block: 'center', inline: 'nearest' })
  el?.focus({ preventScroll: true })
  return true
}

/** Redraws these cells only (value, colour, marks), in whichever grid holds each. */
export function refreshCells(keys: Iterable<CellKey>) {
  const byRow = new Map<GridEntry, Map<string, string[]>>()
  for (const key of keys) {
    const at = locate(key)
    if (!at) continue
    const rows = byRow.get(at.grid) ?? new Map<string, string[]>()
    byRow.set(at.grid, rows)
    const row = at.grid.rows[at.row]!
    const cols = rows.get(row) ?? []
    cols.push(at.grid.columns[at.col]!.key)
    rows.set(row, cols)
  }
  for (const [grid, rows] of byRow)
    for (const [row, columns] of rows) {
      const node = grid.api.getRowNode(row)
      if (node) grid.api.refreshCells({ rowNodes: [node], columns })
    }
}

/** Redraws the cells of `grid` within a rectangle (a selected block). */
export function refreshRect(grid: GridEntry, r: Rect) {
  const rowNodes = grid.rows.slice(r.top, r.bottom + 1).flatMap((k) => grid.api.getRowNode(k) ?? [])
  const columns = grid.columns.slice(r.left, r.right + 1).map((c) => c.key)
  grid.api.refreshCells({ rowNodes, columns })
}

export interface Rect {
  top: number
  bottom: number
  left: number
  right: number
}

/** The selected rectangle, normalised: top-left and bottom-right positions. */
export function selectedRect(s: Selection): Rect {
  return {
    top: Math.min(s.anchor.row, s.focus.row),
    bottom: Math.max(s.anchor.row, s.focus.row),
    left: Math.min(s.anchor.col, s.focus.col),
    right: Math.max(s.anchor.col, s.focus.col),
  }
}

/** The block a selection marks in its grid; none for a single cell. */
export function markedRect(s: Selection | undefined): Rect | undefined {
  return s && (s.anchor.row !== s.focus.row || s.anchor.col !== s.focus.col) ? selectedRect(s) : undefined
}

export function inSelection(grid: GridEntry, row: number, col: number): boolean {
  const s = selection.value
  if (!s || s.grid !== grid || (s.anchor.row === s.focus.row && s.anchor.col === s.focus.col)) return false
  const r = selectedRect(s)
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right
}
