// The printed report, as plain data: the title, the six parts in order, text paragraphs and
// every table as a grid of cells with the official merges (rowspan / colspan). Everything is
// derived from the edition's definition: column `groups` give the header rows, row `path`
// gives the nested row labels, `note` goes into the corner cell. A new edition prints as is.
import { cellKey, getEdition } from './edition'
import type { BlockDef, CellKey, ColumnDef, EditionDef, RowDef, TableDef, TableKey, TextKey } from './format'
import { type Report, reportTitle } from './report'
import { type Resolved, resolveValues } from './totals'
import { formatValue } from './values'

type PrintCellRole =
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

export interface PrintCell {
  role: PrintCellRole
  text: string
  rowspan: number
  colspan: number
  /** Value cells: the cell key (table.row.column). */
  cell?: CellKey
  /** Value cells: nobody filled it (printed empty). */
  blank?: boolean
  /** Value cells: a 总计 derived from other cells. */
  computed?: boolean
  /** The corner holds the table's note (三's 勾稽关系), printed smaller. */
  note?: boolean
  /** A short header word (自然人, 总计) is not broken over lines. */
  nowrap?: boolean
}

/** Header words up to this many characters stay on one line. */
const SHORT_HEADER = 3

export interface PrintRow {
  /** The row key for data rows; a made-up key for header rows. */
  key: string
  cells: PrintCell[]
}

/** One `<tbody>`: a block of the table (二 has five). */
interface PrintSection {
  rows: PrintRow[]
  /** Short enough to keep on one page with its heading and header. */
  keepTogether: boolean
}

export interface PrintTable {
  key: TableKey
  heading: string
  /** Relative widths of the grid columns (row-label columns first). */
  widths: number[]
  /** How many grid columns hold row labels. */
  labelColumns: number
  /** Header rows repeated on every page (`<thead>`); empty when each block has its own. */
  head: PrintRow[]
  sections: PrintSection[]
  /** Many columns: print smaller. */
  dense: boolean
}

interface PrintText {
  key: TextKey
  heading: string
  paragraphs: string[]
}

type PrintPart = { kind: 'text'; text: PrintText } | { kind: 'table'; table: PrintTable }

export interface PrintDoc {
  title: string
  /** The title in the pieces it may break between: {agency}{year}年 · 政府信息公开工作年度报告. */
  titleLines: string[]
  parts: PrintPart[]
}

/** Tables with more grid columns than this print in a smaller size. */
const DENSE_COLUMNS = 12
/** A block of at most this many rows is kept on one page with its heading. */
const KEEP_TOGETHER_ROWS = 12

/** The whole printed report of `report`, from its edition's definition. */
export function buildPrintDoc(
  report: Pick<Report, 'agency' | 'year' | 'edition' | 'values' | 'texts'>,
  edition: EditionDef = getEdition(report.edition),
): PrintDoc {
  const resolved = resolveValues(edition, report.values)
  const title = reportTitle(report)
  const head = `${report.agency}${report.year}年`
  return {
    title,
    titleLines: title.startsWith(head) && title.length > head.length ? [head, title.slice(head.length)] : [title],
    parts: edition.parts.map((part): PrintPart =>
      part.kind === 'text'
        ? {
            kind: 'text',
            text: {
              key: part.text.key,
              heading: part.text.heading,
              paragraphs: paragraphsOf(report.texts[part.text.key] ?? ''),
            },
          }
        : { kind: 'table', table: buildPrintTable(part.table, resolved) },
    ),
  }
}

/** A text part's paragraphs: one per line, blank lines dropped. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '')
}

/** The text printed in a value cell: blank stays empty; a unit the header does not name follows the number. */
export function printValue(value: number | undefined, column: ColumnDef): string {
  const text = formatValue(value, column.kind)
  if (text === '' || !column.unit || column.label.includes(column.unit)) return text
  return `${text}${column.unit}`
}

export function buildPrintTable(table: TableDef, resolved: Resolved): PrintTable {
  const labelColumns = Math.max(0, ...table.blocks.map(labelDepth))
  const valueColumns = Math.max(1, ...table.blocks.map((b) => b.columns.length))
  const gridColumns = labelColumns + valueColumns
  // One block without a heading: its header rows repeat on every page. Several blocks: each
  // block carries its heading and header rows, as the official table draws them.
  const shared = table.blocks.length === 1 && !table.blocks[0]!.heading
  const head: PrintRow[] = []
  const sections: PrintSection[] = table.blocks.map((block, b) => {
    const header = headerRows(table, block, labelColumns, valueColumns, `${b}`)
    const rows: PrintRow[] = []
    if (block.heading)
      rows.push({
        key: `block-${b}`,
        cells: [{ role: 'block', text: block.heading, rowspan: 1, colspan: gridColumns }],
      })
    if (shared) head.push(...header)
    else rows.push(...header)
    rows.push(...bodyRows(table, block, resolved, labelColumns, valueColumns))
    return { rows, keepTogether: rows.length <= KEEP_TOGETHER_ROWS }
  })
  return {
    key: table.key,
    heading: table.heading,
    widths: columnWidths(table, labelColumns, valueColumns),
    labelColumns,
    head,
    sections,
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

function sameChain(a: readonly string[], b: readonly string[], depth: number): boolean {
  for (let i = 0; i <= depth; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * The header rows of a block. Level d holds, for each column, its group at depth d (merged
 * across neighbouring columns under the same groups) or, at the column's own depth, its label
 * spanning the levels below. The corner over the row labels spans every header row.
 */
function headerRows(
  table: TableDef,
  block: BlockDef,
  labelColumns: number,
  valueColumns: number,
  id: string,
): PrintRow[] {
  const chains = block.columns.map((c) => groupChain(table, c))
  const spans = columnSpans(block, valueColumns)
  const depth = 1 + Math.max(0, ...chains.map((c) => c.length))
  const rows: PrintRow[] = []
  for (let d = 0; d < depth; d++) {
    const cells: PrintCell[] = []
    if (d === 0 && labelColumns > 0) {
      const corner: PrintCell = {
        role: 'corner',
        text: table.note ?? block.rowHeader ?? '',
        rowspan: depth,
        colspan: labelColumns,
      }
      if (table.note) corner.note = true
      cells.push(corner)
    }
    for (let i = 0; i < block.columns.length; i++) {
      const chain = chains[i]!
      if (d < chain.length) {
        // A group: only where a run of columns under the same groups starts.
        if (i > 0 && chains[i - 1]!.length > d && sameChain(chains[i - 1]!, chain, d)) continue
        let colspan = 0
        for (let j = i; j < block.columns.length && chains[j]!.length > d && sameChain(chains[j]!, chain, d); j++)
          colspan += spans[j]!
        cells.push({ role: 'group', text: chain[d]!, rowspan: 1, colspan })
      } else if (d === chain.length) {
        const label = block.columns[i]!.label
        const cell: PrintCell = { role: 'column', text: label, rowspan: depth - d, colspan: spans[i]! }
        if ([...label].length <= SHORT_HEADER) cell.nowrap = true
        cells.push(cell)
      }
    }
    rows.push({ key: `head-${id}-${d}`, cells })
  }
  return rows
}

/**
 * The data rows. A row's label sits after its path's group labels and spans the label columns
 * left; a group label is printed once, on the first row of the run of rows under it, spanning
 * the run.
 */
function bodyRows(
  table: TableDef,
  block: BlockDef,
  resolved: Resolved,
  labelColumns: number,
  valueColumns: number,
): PrintRow[] {
  const spans = columnSpans(block, valueColumns)
  const paths = block.rows.map((r) => r.path ?? [])
  return block.rows.map((row: RowDef, r): PrintRow => {
    const cells: PrintCell[] = []
    if (labelColumns > 0) {
      const path = paths[r]!
      for (let k = 0; k < path.length; k++) {
        if (r > 0 && paths[r - 1]!.length > k && sameChain(paths[r - 1]!, path, k)) continue
        let rowspan = 0
        for (let s = r; s < block.rows.length && paths[s]!.length > k && sameChain(paths[s]!, path, k); s++) rowspan++
        cells.push({ role: 'rowGroup', text: path[k]!, rowspan, colspan: 1 })
      }
      cells.push({ role: 'label', text: row.label, rowspan: 1, colspan: labelColumns - path.length })
    }
    block.columns.forEach((column, c) => {
      const key = cellKey(table.key, row.key, column.key)
      const value = resolved.get(key)
      cells.push({
        role: 'value',
        text: printValue(value, column),
        rowspan: 1,
        colspan: spans[c]!,
        cell: key,
        blank: value === undefined,
        computed: Boolean(row.sumOf || column.sumOf),
      })
    })
    return { key: row.key, cells }
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
  // About two characters a line in the outermost group column, four in the next; the label
  // column takes what long labels need, the value columns (about two characters of header a
  // line, a five-digit number) the rest. A larger number widens its column when printed.
  const labelWidth = Math.min(5, Math.max(1.3, longest / 7.5))
  const groupWidths = Array.from({ length: labelColumns - 1 }, (_, k) => (k === 0 ? 0.8 : 1.5))
  return [...groupWidths, labelWidth, ...Array<number>(valueColumns).fill(1)]
}
