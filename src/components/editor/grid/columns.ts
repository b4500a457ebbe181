// One grid per official table, laid out like it, an adapter over the table layout
// (src/domain/tableLayout.ts). A table of one block (三, 四) has its header tree as column
// groups and the row labels of 三 in three label columns with spanned cells. A table of several
// blocks (二) is one sheet: each block's heading and header are rows of the grid, its values
// under them, as on paper (one grid, not one per block: each grid costs the page its own
// setup and layouts on opening).
import type { CellClassParams, ColDef, ColGroupDef, ColSpanParams, SpanRowsParams } from 'ag-grid-community'
import { cellKey } from '@/domain/edition'
import type { BlockDef, CellKey, ColumnDef, TableDef } from '@/domain/format'
import {
  type BlockLayout,
  type HeaderNode,
  type PlacedCell,
  blockRowsOf,
  columnHeader,
  placeCells,
  tableLayout,
} from '@/domain/tableLayout'
import { betweenWords } from '@/components/wordBreaks'

/** One grid row: the row key and its label at each nesting level (三 has three). */
export interface GridRow {
  key: string
  labels: string[]
  /** The level whose label is the row's own (the levels after it are covered by its span). */
  own: number
  /** In a sheet (二): what the row is, the merged cell at each grid column (labels first) and its text. */
  kind?: 'block' | 'header' | 'body'
  slots?: (PlacedCell | undefined)[]
  texts?: string[]
}

/** A table's grid: its rows, its value columns and the cell at each of their crossings. */
export interface GridModel {
  /** Several blocks, each with its heading and header as rows (二). */
  sheet: boolean
  rows: GridRow[]
  /** Value column ids, in display order. */
  colIds: string[]
  /** The cell at each row and value column; undefined on headings, headers and a merge's covered part. */
  cells: (CellKey | undefined)[][]
}

const valueColId = (i: number) => `v${i}`

/** The grid of a table: one block's rows under column headers, or every block's rows as one sheet. */
export function gridModel(table: TableDef): GridModel {
  const layout = tableLayout(table)
  if (layout.sharedHeader) {
    const block = table.blocks[0]!
    const rows = gridRows(table, block)
    return {
      sheet: false,
      rows,
      colIds: block.columns.map((c) => c.key),
      cells: rows.map((r) => block.columns.map((c) => cellKey(table.key, r.key, c.key))),
    }
  }
  const lines = layout.blocks.flatMap((b) => blockRowsOf(layout, b))
  const width = layout.labelColumns + layout.valueColumns
  const placed = placeCells(lines, width)
  const rows = lines.map((line, r): GridRow => {
    const slots = placed[r]!
    // Header texts as column headers show them: a column's with the unit it lacks, wrapping between
    // words (known ahead of time, wordBreaks.known.ts). A block's heading spans the sheet: as it is.
    const texts = slots.map((p) => {
      if (!p || p.cell.role === 'value') return ''
      return p.cell.column ? betweenWords(columnHeader(p.cell.column)) : p.cell.text
    })
    return { key: line.key, labels: [], own: 0, kind: line.kind, slots, texts }
  })
  const colIds = Array.from({ length: layout.valueColumns }, (_, i) => valueColId(i))
  const cells = placed.map((slots, r) =>
    colIds.map((_, i) => {
      const p = slots[layout.labelColumns + i]
      return p?.cell.cell && p.row === r && p.col === layout.labelColumns + i ? p.cell.cell : undefined
    }),
  )
  return { sheet: true, rows, colIds, cells }
}

const LABEL_PREFIX = '_label'
const labelColId = (level: number) => `${LABEL_PREFIX}${level}`

/** The block's layout (tableLayout.ts): label depth, row labels, header tree. */
const layoutOf = (table: TableDef, block: BlockDef) => tableLayout(table).blocks[table.blocks.indexOf(block)]!

export function gridRows(table: TableDef, block: BlockDef): GridRow[] {
  const { labelDepth, rowLabels } = layoutOf(table, block)
  return rowLabels.map(({ row, labels: own }) => {
    const labels = [...own]
    // Levels after its own repeat its label: a colSpan covers them.
    while (labels.length < labelDepth) labels.push(row.label)
    return { key: row.key, labels, own: own.length - 1 }
  })
}

export interface ColumnOptions {
  table: TableDef
  block: BlockDef
  /** Width of the label area (all label columns together). */
  labelWidth: number
  /** Extra colDef for every value column (editor, classes, value getter). */
  valueColumn: (column: ColumnDef) => ColDef<GridRow>
}

export interface SheetOptions {
  table: TableDef
  labelWidth: number
  /** Extra colDef for every value column, by its index (value getter, editor, classes of value cells). */
  valueColumn: (index: number) => ColDef<GridRow>
}

/** The merged cell of a sheet row at a grid column. */
const slotAt = (data: GridRow | undefined, x: number) => data?.slots?.[x]
/** Only a merge's first grid column draws it: the others are covered by its colSpan. */
const spanOf = (data: GridRow | undefined, x: number) => {
  const p = slotAt(data, x)
  return p && p.col === x ? p.cell.colspan : 1
}
const SHEET_CLASS: Record<string, string> = {
  block: 'sheet-block',
  corner: 'sheet-header',
  group: 'sheet-header',
  column: 'sheet-header',
  label: 'row-label row-label-level0',
  rowGroup: 'row-label row-label-group',
}

/** Whether a sheet position is a number to type or look at (not a heading, header or label). */
const isValueSlot = (data: GridRow | undefined, x: number) => slotAt(data, x)?.cell.role === 'value'

/**
 * The columns of a sheet (二): label columns, then value columns by position. Headings and
 * headers are cells of the grid's rows, merged as the layout merges them; the grid's own header
 * row is not shown.
 */
export function sheetColumns(o: SheetOptions): ColDef<GridRow>[] {
  const layout = tableLayout(o.table)
  const labelWidths = layout.widths.slice(0, layout.labelColumns)
  const total = labelWidths.reduce((a, b) => a + b, 0)
  // A header cell over several header rows (a nested group) merges down them; neither edition
  // has one in 二, and the grid then has no row spans to work out.
  const merges = layout.blocks.some((b) =>
    b.header.some((h) => h.cells.some((c) => c.role !== 'corner' && c.rowspan > 1)),
  )
  const common = (x: number): ColDef<GridRow> => ({
    colSpan: (p: ColSpanParams<GridRow>) => spanOf(p.data, x),
    ...(merges
      ? {
          spanRows: (p: SpanRowsParams<GridRow>) => {
            const a = slotAt(p.nodeA?.data, x)
            return Boolean(a && a.cell.role !== 'value' && a === slotAt(p.nodeB?.data, x))
          },
        }
      : {}),
    suppressNavigable: (p) => !isValueSlot(p.data, x),
  })
  const textClass = (p: CellClassParams<GridRow>, x: number) => SHEET_CLASS[slotAt(p.data, x)?.cell.role ?? ''] ?? ''
  const labels = labelWidths.map((w, level): ColDef<GridRow> => ({
    ...common(level),
    colId: labelColId(level),
    width: Math.round((o.labelWidth * w) / total),
    editable: false,
    valueGetter: (p) => p.data?.texts?.[level] ?? '',
    cellClass: (p) => textClass(p, level),
  }))
  const values = Array.from({ length: layout.valueColumns }, (_, i): ColDef<GridRow> => {
    const x = layout.labelColumns + i
    const own = o.valueColumn(i)
    return {
      ...common(x),
      colId: valueColId(i),
      flex: 1,
      minWidth: 58,
      ...own,
      // The header rows' texts (a column's with the unit it lacks, as in column headers); the
      // value column's own getter and classes for the numbers.
      valueGetter: (p) => {
        if (!isValueSlot(p.data, x)) return p.data?.texts?.[x] ?? ''
        return typeof own.valueGetter === 'function' ? own.valueGetter(p) : undefined
      },
      cellClass: (p) => {
        if (!isValueSlot(p.data, x)) return textClass(p, x)
        return typeof own.cellClass === 'function' ? own.cellClass(p) : own.cellClass
      },
    }
  })
  return [...labels, ...values]
}

export function buildColumns(o: ColumnOptions): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  const { table, block } = o
  const layout = layoutOf(table, block)
  const labels = labelColumns(layout, tableLayout(table).widths, o.labelWidth)
  const values = groupColumns(layout.tree, o)
  // 三: the 勾稽关系 note in the corner above the row labels.
  const corner: (ColDef<GridRow> | ColGroupDef<GridRow>)[] =
    table.note && labels.length
      ? [
          {
            headerName: table.note,
            headerClass: 'corner-note',
            wrapHeaderText: true,
            autoHeaderHeight: true,
            marryChildren: true,
            children: labels,
          },
        ]
      : labels
  return [...corner, ...values]
}

function valueDef(column: ColumnDef, o: ColumnOptions): ColDef<GridRow> {
  return {
    colId: column.key,
    // With `word-break: keep-all` (editor.css) a narrow header wraps 结果/维持, never 结果维/持.
    headerName: betweenWords(columnHeader(column)),
    flex: 1,
    minWidth: 58,
    ...o.valueColumn(column),
  }
}

/** The layout's header tree as AG Grid column groups. */
function groupColumns(nodes: readonly HeaderNode[], o: ColumnOptions): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  return nodes.map((node) =>
    node.column
      ? valueDef(node.column, o)
      : {
          headerName: node.text,
          marryChildren: true,
          wrapHeaderText: true,
          autoHeaderHeight: true,
          headerClass: 'group-heading',
          children: groupColumns(node.children, o),
        },
  )
}

/** Pixel widths of a block's label columns: outer levels narrow, the row's own label the rest. */
function labelWidths(layout: BlockLayout, widths: readonly number[], labelWidth: number): number[] {
  const own = widths.slice(0, layout.labelDepth)
  const total = own.reduce((a, b) => a + b, 0)
  return own.map((w) => Math.round((labelWidth * w) / total))
}

/** The grid's cell font (formTheme) and the row labels' box (editor.css .row-label). */
const FONT_PX = 13
const LINE_PX = FONT_PX * 1.45
const LABEL_PAD_X = 2 * 6 + 2
const LABEL_PAD_Y = 2 * 4 + 2
const ROW_PX = 30

/** A label's width in one line: Chinese characters and full-width punctuation 1em, others less (counted at 0.6em). */
function textWidth(text: string): number {
  let w = 0
  for (const ch of text) w += ch.codePointAt(0)! >= 0x2000 ? FONT_PX : FONT_PX * 0.6
  return w
}

/**
 * Each row's height, from the lines its own label takes in its label columns (labels break
 * anywhere, `word-break: break-all`): computed, not measured, as measuring every row's cells is
 * a layout of the page per row while the editor opens.
 */
export function rowHeights(table: TableDef, block: BlockDef, labelWidth: number): Map<string, number> {
  const layout = layoutOf(table, block)
  const widths = labelWidths(layout, tableLayout(table).widths, labelWidth)
  return new Map(
    gridRows(table, block).map((row) => {
      const width = widths.slice(row.own).reduce((a, b) => a + b, 0)
      const lines = Math.max(1, Math.ceil(textWidth(row.labels[row.own] ?? '') / Math.max(1, width - LABEL_PAD_X)))
      return [row.key, Math.max(ROW_PX, Math.ceil(lines * LINE_PX + LABEL_PAD_Y))]
    }),
  )
}

function labelColumns(layout: BlockLayout, widths: readonly number[], labelWidth: number): ColDef<GridRow>[] {
  const depth = layout.labelDepth
  if (!depth) return []
  return labelWidths(layout, widths, labelWidth).map((width, level): ColDef<GridRow> => ({
    colId: labelColId(level),
    headerName: level === 0 && layout.block.rowHeader ? layout.block.rowHeader : '',
    width,
    suppressNavigable: true,
    editable: false,
    wrapText: true,
    valueGetter: (p) => p.data?.labels[level] ?? '',
    colSpan: (p: ColSpanParams<GridRow>) => (p.data && p.data.own === level ? depth - level : 1),
    // A group label (三、本年度办理结果, （三）不予公开) spans the rows it heads. AG Grid's
    // validation warns that spanRows wants no colSpan (warning #315); for these read-only,
    // unfocusable label cells the two render as on paper (checked in both editions' screenshots).
    spanRows: (p: SpanRowsParams<GridRow>) => {
      const a = p.nodeA?.data
      const b = p.nodeB?.data
      return Boolean(a && b && a.own > level && b.own > level && p.valueA === p.valueB)
    },
    cellClass: (p: CellClassParams<GridRow>) => [
      'row-label',
      p.data && p.data.own > level ? 'row-label-group' : `row-label-level${level}`,
    ],
  }))
}
