// Column and row layout of one grid, laid out like the official table: header groups from the
// edition's column groups, the row labels of 三 in three label columns with spanned cells.
import type { CellClassParams, ColDef, ColGroupDef, ColSpanParams, SpanRowsParams } from 'ag-grid-community'
import type { BlockDef, ColumnDef, TableDef } from '@/domain/format'

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

/** How many label columns a block needs: the deepest row path plus its own label; 0 when no row has a label. */
function labelDepth(block: BlockDef): number {
  if (block.rows.every((r) => !r.label)) return 0
  return Math.max(...block.rows.map((r) => (r.path?.length ?? 0) + 1))
}

export function gridRows(block: BlockDef): GridRow[] {
  const depth = labelDepth(block)
  return block.rows.map((r) => {
    const labels = [...(r.path ?? []), r.label]
    const own = labels.length - 1
    // Levels after its own repeat its label: a colSpan covers them.
    while (labels.length < depth) labels.push(r.label)
    return { key: r.key, labels, own }
  })
}

/** The header of a value column: its label, with the unit when the label does not say it. */
function columnHeader(column: ColumnDef): string {
  return column.unit && !column.label.includes(column.unit) ? `${column.label}（${column.unit}）` : column.label
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
  const depth = labelDepth(block)
  const labels = labelColumns(block, depth, o.labelWidth)
  const values = groupColumns(
    block.columns.map((c) => ({ column: c, def: valueDef(c, o) })),
    0,
  )
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
    headerName: columnHeader(column),
    flex: 1,
    minWidth: 58,
    ...o.valueColumn(column),
  }
}

/** Nests consecutive columns that share a group name, level by level. */
function groupColumns(
  list: { column: ColumnDef; def: ColDef<GridRow> }[],
  level: number,
): (ColDef<GridRow> | ColGroupDef<GridRow>)[] {
  const out: (ColDef<GridRow> | ColGroupDef<GridRow>)[] = []
  let i = 0
  while (i < list.length) {
    const group = list[i]!.column.groups?.[level]
    if (group === undefined) {
      out.push(list[i]!.def)
      i++
      continue
    }
    let j = i
    while (j < list.length && list[j]!.column.groups?.[level] === group) j++
    const children = groupColumns(list.slice(i, j), level + 1)
    out.push({
      headerName: group,
      marryChildren: true,
      wrapHeaderText: true,
      autoHeaderHeight: true,
      headerClass: 'group-heading',
      children,
    })
    i = j
  }
  return out
}

function labelColumns(block: BlockDef, depth: number, labelWidth: number): ColDef<GridRow>[] {
  if (!depth) return []
  // Outer levels are narrow, the innermost takes the rest (三: 22% · 26% · 52%).
  const shares = depth === 1 ? [1] : depth === 2 ? [0.35, 0.65] : [0.2, 0.27, 0.53]
  return shares.map((share, level): ColDef<GridRow> => ({
    colId: labelColId(level),
    headerName: level === 0 && block.rowHeader ? block.rowHeader : '',
    width: Math.round(labelWidth * share),
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
