// One table of a report as CSV for Excel: a byte-order mark (so Excel reads the Chinese as
// UTF-8), CRLF lines, the official headings, group rows and labels, totals included.
import { columnLabel, getEdition, tableOf } from './edition'
import type { RowDef, TableKey } from './format'
import { type Report, reportTitle } from './report'
import { type BlockLayout, type LayoutCell, columnHeader, tableLayout } from './tableLayout'
import { resolveValues } from './totals'
import { formatValue } from './values'

export const BOM = '\uFEFF'

export function tableCsv(report: Pick<Report, 'agency' | 'year' | 'edition' | 'values'>, tableKey: TableKey): string {
  const edition = getEdition(report.edition)
  const table = tableOf(edition, tableKey)
  if (!table) throw new Error(`${edition.name}没有表格 ${tableKey}`)
  const resolved = resolveValues(edition, report.values)
  const lines: string[][] = [[reportTitle(report)], [table.heading]]
  if (table.note) lines.push([table.note])
  for (const block of tableLayout(table).blocks) {
    lines.push([])
    if (block.block.heading) lines.push([block.block.heading])
    // One header line: each column named with its distinguishing groups.
    const header = block.block.columns.map((c) => columnHeader({ ...c, label: columnLabel(c) }))
    lines.push([block.block.rowHeader ?? table.columnsCaption ?? '', ...header])
    for (const line of blockRows(block)) {
      if (line.kind === 'group') lines.push([line.label])
      else lines.push([line.row.label, ...line.values.map((c) => formatValue(resolved.get(c.cell!), c.column!.kind))])
    }
  }
  return BOM + lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n'
}

export type BlockLine =
  { kind: 'group'; label: string; depth: number } | { kind: 'row'; row: RowDef; depth: number; values: LayoutCell[] }

/**
 * A block's rows one line each, as a flat list shows them: each group row (三、本年度办理结果,
 * （三）不予公开 …) once, before the first row under it (where the layout starts its merged
 * cell); depth = how deep it nests.
 */
export function blockRows(block: BlockLayout): BlockLine[] {
  return block.body.flatMap((line): BlockLine[] => {
    const row = line.row!
    const depth = row.path?.length ?? 0
    const groups = line.cells.filter((c) => c.role === 'rowGroup')
    return [
      ...groups.map((g, i): BlockLine => ({ kind: 'group', label: g.text, depth: depth - groups.length + i })),
      { kind: 'row', row, depth, values: line.cells.filter((c) => c.role === 'value') },
    ]
  })
}

/** 「{agency}-{year}年-{table heading}.csv」, with characters illegal in file names replaced by _. */
export function csvFileName(report: Pick<Report, 'agency' | 'year' | 'edition'>, tableKey: TableKey): string {
  const heading = tableOf(getEdition(report.edition), tableKey)?.heading ?? tableKey
  return `${report.agency.trim()}-${report.year}年-${heading}.csv`.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
}

/**
 * Quotes a field when it holds a comma, quote or line break. A text Excel would run as a
 * formula (=, +, -, @ first: a hostile agency name) gets a leading ' so it shows as text;
 * numbers are left alone (-2 stays a number).
 */
export function csvField(text: string): string {
  let field = text
  if (/^[=+\-@\t\r]/.test(field) && !/^[-+]?\d+(\.\d+)?$/.test(field)) field = `'${field}`
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field
}
