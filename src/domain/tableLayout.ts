// The official layout of every table, derived once from an edition's definition: the header
// tree (column groups over columns, each with its spans), the header and body rows as a grid
// of merged cells, the row labels with their spans, units, which cells are computed and which
// blocks must stay together on a page. Grid, print, CSV, Word, Excel and the web page are thin
// adapters over it: a new edition lays out in all of them from its definition alone.
import { cellKey } from './edition'
import type { BlockDef, CellKey, ColumnDef, RowDef, TableDef } from './format'

export type LayoutRole =
  /** The top-left cell over the row labels: the table's note or the block's rowHeader. */
  | 'corner'
  /** A header group above several columns (申请人情况, 法人或其他组织, 行政诉讼…). */
  | 'group'
  /** A column's own header. */
  | 'column'
  /** A block heading across the whole table (第二十条第（一）项). */
  | 'block'
  /** An official group row label spanning the rows nested under it (三、本年度办理结果). */
  | 'rowGroup'
  /** A row's own label. */
  | 'label'
  | 'value'

export interface LayoutCell {
  role: LayoutRole
  /** Header and label text; empty for value cells (an adapter fills the value). */
  text: string
  rowspan: number
  colspan: number
  /** Value cells: the cell key (table.row.column). */
  cell?: CellKey
  /** Value cells and column headers: the column of the definition. */
  column?: ColumnDef
  /** Value cells: a 总计 derived from other cells. */
  computed?: boolean
  /** The corner holds the table's note (三's 勾稽关系), printed smaller. */
  note?: boolean
  /** A short header word (自然人, 总计) is not broken over lines. */
  nowrap?: boolean
}

export interface LayoutRow {
  /** The row key for data rows; a made-up key for heading and header rows. */
  key: string
  kind: 'block' | 'header' | 'body'
  cells: LayoutCell[]
  /** Body rows: the row of the definition. */
  row?: RowDef
}

/** A header group or a column, with what lies under it. */
export interface HeaderNode {
  text: string
  /** Set on a column's own header (a leaf). */
  column?: ColumnDef
  children: HeaderNode[]
  /** Header level it starts at (0 = top), and the levels and value columns it covers. */
  level: number
  rowspan: number
  colspan: number
}

/** A body row's labels: its group labels outermost first, then its own. */
interface RowLabels {
  row: RowDef
  labels: string[]
}

export interface BlockLayout {
  block: BlockDef
  index: number
  /** Row-label columns this block's rows need (its deepest row path plus the label itself; 0 without labels). */
  labelDepth: number
  /** The text over this block's row labels: the table's note or the block's rowHeader. */
  corner: string
  /** The header groups and columns over the value columns, outermost first. */
  tree: HeaderNode[]
  /** The block heading row, when the block has a heading. */
  heading?: LayoutRow
  /** The header rows: the corner (spanning them all) and the header tree level by level. */
  header: LayoutRow[]
  body: LayoutRow[]
  rowLabels: RowLabels[]
  /** Short enough to keep on one page with its heading and header. */
  keepTogether: boolean
}

export interface TableLayout {
  table: TableDef
  /** Grid columns holding row labels (the deepest block's). */
  labelColumns: number
  valueColumns: number
  /** Relative widths of the grid columns (row-label columns first). */
  widths: number[]
  /** One block without a heading: its header repeats on every page. Otherwise each block carries its own. */
  sharedHeader: boolean
  blocks: BlockLayout[]
  /** Many columns: print smaller. */
  dense: boolean
}

/** Tables with more grid columns than this print in a smaller size. */
const DENSE_COLUMNS = 12
/** A block of at most this many rows is kept on one page with its heading. */
const KEEP_TOGETHER_ROWS = 12
/** Header words up to this many characters stay on one line. */
const SHORT_HEADER = 3

/**
 * The unit a column's official label does not name (采购总金额 in 万元), or undefined. Documents
 * keep the official header and write it after each value (66.36万元); data views (grid, CSV,
 * Excel, where a value is a bare number) put it in the header instead: see columnHeader.
 */
export function missingUnit(column: ColumnDef): string | undefined {
  return column.unit && !column.label.includes(column.unit) ? column.unit : undefined
}

/** A column's header in a data view: its label, with the unit it lacks (采购总金额（万元）). */
export function columnHeader(column: ColumnDef): string {
  const unit = missingUnit(column)
  return unit ? `${column.label}（${unit}）` : column.label
}

const cache = new WeakMap<TableDef, TableLayout>()

/** The layout of one table (computed once per definition). */
export function tableLayout(table: TableDef): TableLayout {
  let layout = cache.get(table)
  if (!layout) {
    layout = build(table)
    cache.set(table, layout)
  }
  return layout
}

function build(table: TableDef): TableLayout {
  const labelColumns = Math.max(0, ...table.blocks.map(labelDepth))
  const valueColumns = Math.max(1, ...table.blocks.map((b) => b.columns.length))
  const gridColumns = labelColumns + valueColumns
  const sharedHeader = table.blocks.length === 1 && !table.blocks[0]!.heading
  const blocks = table.blocks.map((block, b): BlockLayout => {
    const spans = columnSpans(block, valueColumns)
    const tree = headerTree(table, block, spans)
    const corner = table.note ?? block.rowHeader ?? ''
    const header = headerRows(tree, corner, Boolean(table.note), labelColumns, `${b}`)
    const heading: LayoutRow | undefined = block.heading
      ? {
          key: `block-${b}`,
          kind: 'block',
          cells: [{ role: 'block', text: block.heading, rowspan: 1, colspan: gridColumns }],
        }
      : undefined
    const body = bodyRows(table, block, labelColumns, spans)
    const rows = (heading ? 1 : 0) + (sharedHeader ? 0 : header.length) + body.length
    return {
      block,
      index: b,
      labelDepth: labelDepth(block),
      corner,
      tree,
      heading,
      header,
      body,
      rowLabels: block.rows.map((row) => ({ row, labels: [...(row.path ?? []), row.label] })),
      keepTogether: rows <= KEEP_TOGETHER_ROWS,
    }
  })
  return {
    table,
    labelColumns,
    valueColumns,
    widths: columnWidths(table, labelColumns, valueColumns),
    sharedHeader,
    blocks,
    dense: gridColumns > DENSE_COLUMNS,
  }
}

/** Row-label columns a block needs: its deepest row path plus the label itself; none when no row has a label. */
function labelDepth(block: BlockDef): number {
  const labelled = Boolean(block.rowHeader) || block.rows.some((r) => r.label !== '' || (r.path?.length ?? 0) > 0)
  return labelled ? 1 + Math.max(0, ...block.rows.map((r) => r.path?.length ?? 0)) : 0
}

/** The header groups above a column, with the table's caption on top when the column does not name it. */
function groupChain(table: TableDef, column: ColumnDef): readonly string[] {
  const groups = column.groups ?? []
  return table.columnsCaption && groups[0] !== table.columnsCaption ? [table.columnsCaption, ...groups] : groups
}

/** Grid columns each of the block's columns covers: the last one stretches over what a shorter block leaves. */
function columnSpans(block: BlockDef, valueColumns: number): number[] {
  return block.columns.map((_, i) => (i === block.columns.length - 1 ? valueColumns - block.columns.length + 1 : 1))
}

/** Neighbouring columns under the same groups share one group node, level by level. */
function headerTree(table: TableDef, block: BlockDef, spans: readonly number[]): HeaderNode[] {
  const chains = block.columns.map((c) => groupChain(table, c))
  const depth = 1 + Math.max(0, ...chains.map((c) => c.length))
  const nest = (from: number, to: number, level: number): HeaderNode[] => {
    const out: HeaderNode[] = []
    let i = from
    while (i < to) {
      const group = chains[i]![level]
      if (group === undefined) {
        const column = block.columns[i]!
        out.push({
          text: column.label,
          column,
          children: [],
          level,
          rowspan: depth - level,
          colspan: spans[i]!,
        })
        i++
        continue
      }
      let j = i
      while (j < to && chains[j]![level] === group) j++
      const children = nest(i, j, level + 1)
      out.push({ text: group, children, level, rowspan: 1, colspan: children.reduce((s, c) => s + c.colspan, 0) })
      i = j
    }
    return out
  }
  return nest(0, block.columns.length, 0)
}

function headerRows(
  tree: readonly HeaderNode[],
  corner: string,
  note: boolean,
  labelColumns: number,
  id: string,
): LayoutRow[] {
  const levels: LayoutCell[][] = []
  const depth = (nodes: readonly HeaderNode[]): number =>
    Math.max(0, ...nodes.map((n) => (n.column ? n.level + n.rowspan : depth(n.children))))
  const rowsCount = Math.max(1, depth(tree))
  for (let d = 0; d < rowsCount; d++) levels.push([])
  if (labelColumns > 0) {
    const cell: LayoutCell = { role: 'corner', text: corner, rowspan: rowsCount, colspan: labelColumns }
    if (note) cell.note = true
    levels[0]!.push(cell)
  }
  const walk = (nodes: readonly HeaderNode[]) => {
    for (const n of nodes) {
      const cell: LayoutCell = {
        role: n.column ? 'column' : 'group',
        text: n.text,
        rowspan: n.rowspan,
        colspan: n.colspan,
      }
      if (n.column) cell.column = n.column
      if (n.column && [...n.text].length <= SHORT_HEADER) cell.nowrap = true
      levels[n.level]!.push(cell)
      walk(n.children)
    }
  }
  walk(tree)
  return levels.map((cells, d) => ({ key: `head-${id}-${d}`, kind: 'header', cells }))
}

const samePath = (a: readonly string[], b: readonly string[], depth: number) => {
  for (let i = 0; i <= depth; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * The data rows. A row's label sits after its path's group labels and spans the label columns
 * left; a group label is written once, on the first row of the run of rows under it, spanning
 * the run.
 */
function bodyRows(table: TableDef, block: BlockDef, labelColumns: number, spans: readonly number[]): LayoutRow[] {
  const paths = block.rows.map((r) => r.path ?? [])
  return block.rows.map((row, r): LayoutRow => {
    const cells: LayoutCell[] = []
    if (labelColumns > 0) {
      const path = paths[r]!
      for (let k = 0; k < path.length; k++) {
        if (r > 0 && paths[r - 1]!.length > k && samePath(paths[r - 1]!, path, k)) continue
        let rowspan = 0
        for (let s = r; s < block.rows.length && paths[s]!.length > k && samePath(paths[s]!, path, k); s++) rowspan++
        cells.push({ role: 'rowGroup', text: path[k]!, rowspan, colspan: 1 })
      }
      cells.push({ role: 'label', text: row.label, rowspan: 1, colspan: labelColumns - path.length })
    }
    block.columns.forEach((column, c) => {
      cells.push({
        role: 'value',
        text: '',
        rowspan: 1,
        colspan: spans[c]!,
        cell: cellKey(table.key, row.key, column.key),
        column,
        computed: Boolean(row.sumOf || column.sumOf),
      })
    })
    return { key: row.key, kind: 'body', cells, row }
  })
}

/**
 * Relative widths of the grid columns: value columns 1 each; row-label group columns narrow
 * (their labels run down the merged cell: the outermost, spanning most rows, narrowest); the
 * row label's own column wider for long labels.
 */
function columnWidths(table: TableDef, labelColumns: number, valueColumns: number): number[] {
  if (labelColumns === 0) return Array<number>(valueColumns).fill(1)
  const longest = Math.max(
    0,
    ...table.blocks.flatMap((b) => [...b.rows.map((r) => [...r.label].length), [...(b.rowHeader ?? '')].length]),
  )
  // About two characters a line in the outermost group column, four in the next ones; the label
  // column takes what long labels need, the value columns (about two characters of header a
  // line, a five-digit number) the rest.
  const labelWidth = Math.min(5, Math.max(1.3, longest / 7.5))
  const groupWidths = Array.from({ length: labelColumns - 1 }, (_, k) => (k === 0 ? 0.8 : 1.5))
  return [...groupWidths, labelWidth, ...Array<number>(valueColumns).fill(1)]
}

/** The rows of a block as a document writes them: heading, header (unless shared), body. */
export function blockRowsOf(layout: TableLayout, block: BlockLayout): LayoutRow[] {
  return [...(block.heading ? [block.heading] : []), ...(layout.sharedHeader ? [] : block.header), ...block.body]
}

/** The header rows repeated on every page (empty when each block carries its own). */
export function sharedHeadOf(layout: TableLayout): LayoutRow[] {
  return layout.sharedHeader ? layout.blocks[0]!.header : []
}

/** A merged cell placed on the table's grid: the cell and the row and grid column it starts at. */
export interface PlacedCell {
  cell: LayoutCell
  row: number
  col: number
}

/**
 * Places `rows` on a grid `width` columns wide, as an HTML table places its cells: each
 * position holds the merged cell covering it (the same object across a merge), undefined where
 * no cell reaches.
 */
export function placeCells(rows: readonly LayoutRow[], width: number): (PlacedCell | undefined)[][] {
  const out = rows.map(() => Array<PlacedCell | undefined>(width).fill(undefined))
  rows.forEach((row, r) => {
    let c = 0
    for (const cell of row.cells) {
      while (c < width && out[r]![c]) c++
      const placed: PlacedCell = { cell, row: r, col: c }
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++)
        for (let dc = 0; dc < cell.colspan && c + dc < width; dc++) out[r + dr]![c + dc] = placed
      c += cell.colspan
    }
  })
  return out
}
