// The printed report, as plain data: the title, the six parts in order, text paragraphs and
// every table as a grid of cells with the official merges (rowspan / colspan), the table
// layout (tableLayout.ts) with the report's values filled in. The Word file and the web page
// are written from it too.
import { getEdition } from './edition'
import type { CellKey, ColumnDef, EditionDef, TableDef, TableKey, TextKey } from './format'
import { type Report, reportTitle } from './report'
import { type LayoutRole, type LayoutRow, blockRowsOf, missingUnit, sharedHeadOf, tableLayout } from './tableLayout'
import { type Resolved, resolveValues } from './totals'
import { formatValue } from './values'

type PrintCellRole = LayoutRole

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
  /** Row labels under a 信息内容 header (二) are centred, as the official table prints them; others read from the left. */
  centredLabels: boolean
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
  const unit = missingUnit(column)
  return text === '' || !unit ? text : `${text}${unit}`
}

export function buildPrintTable(table: TableDef, resolved: Resolved): PrintTable {
  const layout = tableLayout(table)
  const fill = (row: LayoutRow): PrintRow => ({
    key: row.key,
    cells: row.cells.map(({ column, cell, ...rest }): PrintCell => {
      if (!cell || !column) return rest
      const value = resolved.get(cell)
      return { ...rest, text: printValue(value, column), cell, blank: value === undefined }
    }),
  })
  return {
    key: table.key,
    heading: table.heading,
    widths: layout.widths,
    labelColumns: layout.labelColumns,
    head: sharedHeadOf(layout).map(fill),
    sections: layout.blocks.map((block) => ({
      rows: blockRowsOf(layout, block).map(fill),
      keepTogether: block.keepTogether,
    })),
    dense: layout.dense,
    centredLabels: table.blocks.every((b) => b.rowHeader),
  }
}
