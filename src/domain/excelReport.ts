// The report's tables as an Excel workbook: one sheet per table laid out as the official table
// (merged headers, borders, label columns wide enough, header rows frozen), numbers stored as
// numbers (amounts shown with two decimals), the title and the agency above. Written from the
// table layout; loaded only when a workbook is made.
import writeXlsxFile, { type Cell, type CellObject, type Sheet } from 'write-excel-file/universal'
import { getEdition, tablesOf } from './edition'
import type { EditionDef, TableDef } from './format'
import { type Report, reportTitle } from './report'
import {
  type LayoutCell,
  type LayoutRow,
  blockRowsOf,
  columnHeader,
  placeCells,
  sharedHeadOf,
  tableLayout,
} from './tableLayout'
import { type Resolved, resolveValues } from './totals'

const FONT = '宋体'
const BORDER = { borderStyle: 'thin', borderColor: '#000000' } as const

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export function sheetName(heading: string): string {
  return heading.replace(/[[\]:*?/\\]/g, '_').slice(0, 31)
}

function cellObject(cell: LayoutCell, resolved: Resolved, centredLabels: boolean): CellObject {
  const span = {
    ...(cell.colspan > 1 ? { columnSpan: cell.colspan } : {}),
    ...(cell.rowspan > 1 ? { rowSpan: cell.rowspan } : {}),
  }
  if (cell.role === 'value') {
    const value = resolved.get(cell.cell!)
    const amount = cell.column!.kind === 'amount'
    return {
      ...BORDER,
      ...span,
      type: Number,
      value,
      format: amount ? '0.00' : '0',
      align: 'center',
      alignVertical: 'center',
    }
  }
  const text = cell.role === 'column' && cell.column ? columnHeader(cell.column) : cell.text
  return {
    ...BORDER,
    ...span,
    type: String,
    value: text,
    wrap: true,
    align: cell.role === 'label' && !centredLabels ? 'left' : 'center',
    alignVertical: 'center',
    ...(cell.role === 'block' ? { fontWeight: 'bold' as const } : {}),
    ...(cell.note ? { fontSize: 9 } : {}),
  }
}

/** Places merged cells on the sheet's grid; a cell a merge covers stays null (framed with the merge's border). */
function place(rows: readonly LayoutRow[], width: number, resolved: Resolved, centred: boolean): Cell[][] {
  return placeCells(rows, width).map((line, r) =>
    line.map((p, c) => (p && p.row === r && p.col === c ? cellObject(p.cell, resolved, centred) : null)),
  )
}

/** Column widths in characters: label columns fit their labels (wrapped when long), value columns a header word. */
function columnWidths(table: TableDef, labelColumns: number, valueColumns: number): number[] {
  const longest = Math.max(
    4,
    ...table.blocks.flatMap((b) => [...b.rows.map((r) => [...r.label].length), [...(b.rowHeader ?? '')].length]),
  )
  const own = Math.min(40, 2 * longest + 2)
  const groups = Array.from({ length: Math.max(0, labelColumns - 1) }, (_, k) => (k === 0 ? 8 : 12))
  return [...groups, ...(labelColumns ? [own] : []), ...Array<number>(valueColumns).fill(10)]
}

function tableSheet(report: Pick<Report, 'agency' | 'year'>, table: TableDef, resolved: Resolved): Sheet<Blob> {
  const layout = tableLayout(table)
  const width = layout.labelColumns + layout.valueColumns
  const centred = table.blocks.every((b) => b.rowHeader)
  const line = (value: string, extra: Partial<CellObject> = {}): Cell[] => [
    { type: String, value, columnSpan: width, align: 'center', alignVertical: 'center', ...extra },
    ...Array<Cell>(width - 1).fill(null),
  ]
  const top: Cell[][] = [
    line(reportTitle(report), { fontWeight: 'bold', fontSize: 14, height: 28 }),
    line(`填报单位：${report.agency.trim()}　　年度：${report.year}年`, { align: 'left' }),
    line(table.heading, { fontWeight: 'bold', align: 'left' }),
  ]
  const head = place(sharedHeadOf(layout), width, resolved, centred)
  const body = layout.blocks.flatMap((block) => place(blockRowsOf(layout, block), width, resolved, centred))
  return {
    sheet: sheetName(table.heading),
    data: [...top, ...head, ...body],
    columns: columnWidths(table, layout.labelColumns, layout.valueColumns).map((w) => ({ width: w })),
    // The title rows and a repeated header stay in view while scrolling.
    stickyRowsCount: top.length + head.length,
  }
}

/** The workbook of `report`: one sheet per table, in official order. */
export function excelFile(
  report: Pick<Report, 'agency' | 'year' | 'edition' | 'values'>,
  edition: EditionDef = getEdition(report.edition),
): Promise<Blob> {
  const resolved = resolveValues(edition, report.values)
  const sheets = tablesOf(edition).map((t) => tableSheet(report, t, resolved))
  return writeXlsxFile(sheets, { fontFamily: FONT, fontSize: 11 }).toBlob()
}
