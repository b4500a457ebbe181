// Spreadsheet keys the grids lack in AG Grid Community: undo/redo through the editor store
// (the grid's own undo is cleared on every data update, ag-grid issue #6737) and copy/paste of
// tab-separated blocks through the browser's copy and paste events (no clipboard module).
import { onBeforeUnmount, onMounted } from 'vue'
import { findCell } from '@/domain/edition'
import type { CellKey } from '@/domain/format'
import { formatValue } from '@/domain/values'
import { useEditorStore } from '@/stores/editor'
import { say } from './grid/notice'
import { type GridEntry, type Position, colIndex, gridOfElement, keyAt, selectedRect, selection } from './grid/registry'
import { parseTsv, toTsv } from './grid/tsv'

/** The grid whose (non-editing) cell has focus. */
function activeGrid(target: EventTarget | null): GridEntry | undefined {
  const el = (target ?? document.activeElement) as HTMLElement | null
  if (!el || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return undefined
  return gridOfElement(el)
}

/** The selected block of `grid`, or its focused cell. */
function currentRect(grid: GridEntry) {
  const s = selection.value
  if (s && s.grid === grid) return selectedRect(s)
  const f = grid.api.getFocusedCell()
  const col = f ? colIndex(grid, f.column.getColId()) : -1
  if (!f || col < 0) return undefined
  return { top: f.rowIndex, bottom: f.rowIndex, left: col, right: col }
}

export function useGridShortcuts() {
  const editor = useEditorStore()

  function onKeyDown(e: KeyboardEvent) {
    // Text boxes (a cell being edited, the text parts) keep their own undo.
    const el = e.target as HTMLElement | null
    if (
      !(e.ctrlKey || e.metaKey) ||
      e.altKey ||
      (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName)))
    )
      return
    const key = e.key.toLowerCase()
    if (key === 'z' && !e.shiftKey) editor.undo()
    else if (key === 'y' || (key === 'z' && e.shiftKey)) editor.redo()
    else return
    e.preventDefault()
  }

  function onCopy(e: ClipboardEvent) {
    const grid = activeGrid(document.activeElement)
    const rect = grid && currentRect(grid)
    if (!grid || !rect || !e.clipboardData) return
    const rows: string[][] = []
    for (let r = rect.top; r <= rect.bottom; r++) {
      const line: string[] = []
      for (let c = rect.left; c <= rect.right; c++) {
        // Where the block crosses a heading or header of 二, an empty cell.
        const key = keyAt(grid, { row: r, col: c })
        const cell = key && editor.edition ? findCell(editor.edition, key) : undefined
        line.push(key && cell ? formatValue(editor.resolved.get(key), cell.column.kind) : '')
      }
      rows.push(line)
    }
    e.clipboardData.setData('text/plain', toTsv(rows))
    e.preventDefault()
    const size = rows.length * rows[0]!.length
    say({
      kind: 'info',
      text:
        size > 1 ? `已复制 ${rows.length} 行 × ${rows[0]!.length} 列，可粘贴到 Excel 或 WPS。` : '已复制 1 个单元格。',
    })
  }

  function onPaste(e: ClipboardEvent) {
    const grid = activeGrid(document.activeElement)
    const rect = grid && currentRect(grid)
    const text = e.clipboardData?.getData('text/plain')
    if (!grid || !rect || text === undefined) return
    e.preventDefault()
    const block = parseTsv(text)
    const start: Position = { row: rect.top, col: rect.left }
    const texts: Record<CellKey, string> = {}
    let outside = 0
    block.forEach((line, i) =>
      line.forEach((cell, j) => {
        const key = keyAt(grid, { row: start.row + i, col: start.col + j })
        if (key) texts[key] = cell
        else outside++
      }),
    )
    const result = editor.enterTexts(texts)
    const parts = [`已粘贴 ${result.changed.length} 个单元格`]
    const def = editor.edition
    if (result.skipped.length) {
      const names = def
        ? result.skipped.map((k) => findCell(def, k)).map((c) => (c ? `${c.row.label}·${c.column.label}` : ''))
        : []
      parts.push(`跳过 ${result.skipped.length} 个自动计算的合计单元格（${names.join('、')}）`)
    }
    if (outside) parts.push(`${outside} 个值超出表格范围，未粘贴`)
    if (result.rejected.length) parts.push(`${result.rejected.length} 个值无法识别，这些单元格保持原值`)
    say({
      kind: result.rejected.length ? 'error' : 'info',
      text: `${parts.join('；')}。`,
      details: result.rejected.map((r) => r.message),
    })
  }

  onMounted(() => {
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('copy', onCopy)
    document.addEventListener('paste', onPaste)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('keydown', onKeyDown)
    document.removeEventListener('copy', onCopy)
    document.removeEventListener('paste', onPaste)
  })
}
