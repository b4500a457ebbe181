// One grid laid out like the official table, an adapter over the table layout
// (src/domain/tableLayout.ts): its header tree as column groups, the row labels of 三 in
// three label columns with spanned cells.
import type { CellClassParams, ColDef, ColGroupDef, ColSpanParams, SpanRowsParams } from 'ag-grid-community'
import type { BlockDef, ColumnDef, TableDef } from '@/domain/format'
import { type BlockLayout, type HeaderNode, columnHeader, tableLayout } from '@/domain/tableLayout'
import { betweenWords } from '@/components/wordBreaks'

/** One grid row: the row key and its label at each nesting level (三 has three). */
export interface GridRow {
  key: string
  labels: string[]
  /** The level whose label is the row's own (the levels after it are covered by its span). */
  own: number
}

const LABEL_PREFIX = '_label'
const labelColId = (level: number) => `${LABEL_PREFIX}${level}`
export const isLabelCol = (colId: string) => colId.startsWith(LABEL_PREFIX)

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
  const columns = [...corner, ...values]
  // 二: each block is headed by its article item (第二十条第（一）项) across the whole grid.
  return block.heading
    ? [{ headerName: block.heading, headerClass: 'block-heading', marryChildren: true, children: columns }]
    : columns
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

function labelColumns(layout: BlockLayout, widths: readonly number[], labelWidth: number): ColDef<GridRow>[] {
  const depth = layout.labelDepth
  if (!depth) return []
  // The layout's relative widths: outer levels narrow, the row's own label the rest.
  const own = widths.slice(0, depth)
  const total = own.reduce((a, b) => a + b, 0)
  return own.map((w, level): ColDef<GridRow> => ({
    colId: labelColId(level),
    headerName: level === 0 && layout.block.rowHeader ? layout.block.rowHeader : '',
    width: Math.round((labelWidth * w) / total),
    suppressNavigable: true,
    editable: false,
    wrapText: true,
    autoHeight: true,
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
