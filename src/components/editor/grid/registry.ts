// The editor's grids, so that a finding, a paste or a copy can reach any cell of the report:
// which grid holds a cell, the block selected for copying, refreshing them all.
import type { GridApi } from 'ag-grid-community'
import { shallowRef } from 'vue'
import type { CellKey, TableKey } from '@/domain/format'
import type { GridRow } from './columns'

export interface GridEntry {
  table: TableKey
  api: GridApi<GridRow>
  el: HTMLElement
  /** Row ids, in display order (二's block headings and headers among them). */
  rows: readonly string[]
  /** Value column ids, in display order. */
  colIds: readonly string[]
  /** The cell at each row and value column; undefined where there is none. */
  cells: readonly (readonly (CellKey | undefined)[])[]
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
/** Where each cell of a registered grid is. */
const places = new Map<CellKey, { grid: GridEntry; row: number; col: number }>()
export const selection = shallowRef<Selection>()

export function registerGrid(entry: GridEntry) {
  grids.add(entry)
  entry.cells.forEach((line, row) => line.forEach((key, col) => key && places.set(key, { grid: entry, row, col })))
  return () => {
    grids.delete(entry)
    for (const [key, at] of places) if (at.grid === entry) places.delete(key)
    if (selection.value?.grid === entry) selection.value = undefined
  }
}

export function gridOfElement(el: Element | null): GridEntry | undefined {
  return [...grids].find((g) => el && g.el.contains(el))
}

/** Where a cell is: its grid and its row and column index there. */
const locate = (key: CellKey) => places.get(key)

export function keyAt(grid: GridEntry, p: Position): CellKey | undefined {
  return grid.cells[p.row]?.[p.col]
}

/** The value column index of a column id, -1 for a label column. */
export const colIndex = (grid: GridEntry, colId: string) => grid.colIds.indexOf(colId)

/** The grid cell element of a cell key, when it is drawn. */
export function cellElement(key: CellKey): HTMLElement | null {
  const at = locate(key)
  if (!at) return null
  return at.grid.el.querySelector<HTMLElement>(
    `[row-id="${at.grid.rows[at.row]}"] [col-id="${at.grid.colIds[at.col]}"]`,
  )
}

/** Moves keyboard focus to a cell and scrolls it to the middle of the screen. */
export function focusCell(key: CellKey): boolean {
  const at = locate(key)
  if (!at) return false
  const colId = at.grid.colIds[at.col]!
  at.grid.api.setFocusedCell(at.row, colId)
  const el = cellElement(key)
  el?.scrollIntoView({ block: 'center', inline: 'nearest' })
  el?.focus({ preventScroll: true })
  return true
}

/**
 * Redraws these cells only (value, colour, marks), in whichever grid holds each: one grid call
 * for the rows that changed in the same columns (a paste's rows, a column's totals), as each
 * call walks every drawn row of the grid.
 */
export function refreshCells(keys: Iterable<CellKey>) {
  const byGrid = new Map<GridEntry, Map<number, Set<string>>>()
  for (const key of keys) {
    const at = locate(key)
    if (!at) continue
    const rows = byGrid.get(at.grid) ?? new Map<number, Set<string>>()
    byGrid.set(at.grid, rows)
    const cols = rows.get(at.row) ?? new Set<string>()
    cols.add(at.grid.colIds[at.col]!)
    rows.set(at.row, cols)
  }
  for (const [grid, rows] of byGrid) {
    const sameColumns = new Map<string, { columns: string[]; rows: string[] }>()
    for (const [row, cols] of rows) {
      const columns = [...cols].sort()
      const group = sameColumns.get(columns.join()) ?? { columns, rows: [] }
      group.rows.push(grid.rows[row]!)
      sameColumns.set(columns.join(), group)
    }
    for (const { columns, rows: ids } of sameColumns.values()) {
      const rowNodes = ids.flatMap((id) => grid.api.getRowNode(id) ?? [])
      if (rowNodes.length) grid.api.refreshCells({ rowNodes, columns })
    }
  }
}

/** Redraws the cells of `grid` within a rectangle (a selected block). */
export function refreshRect(grid: GridEntry, r: Rect) {
  const rowNodes = grid.rows.slice(r.top, r.bottom + 1).flatMap((k) => grid.api.getRowNode(k) ?? [])
  const columns = grid.colIds.slice(r.left, r.right + 1)
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
