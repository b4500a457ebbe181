// One table of a report as CSV for Excel: a byte-order mark (so Excel reads the Chinese as
// UTF-8), CRLF lines, the official headings, group rows and labels, totals included.
import { columnLabel, getEdition, tableOf } from './edition'
import type { BlockDef, ColumnDef, RowDef, TableKey } from './format'
import { type Report, reportTitle } from './report'
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
  for (const block of table.blocks) {
    lines.push([])
    if (block.heading) lines.push([block.heading])
    const header = block.columns.map((c) => withUnit(c, columnLabel(c)))
    lines.push([block.rowHeader ?? table.columnsCaption ?? '', ...header])
    for (const line of blockRows(block)) {
      if (line.kind === 'group') lines.push([line.label])
      else
        lines.push([
          line.row.label,
          ...block.columns.map((c) => formatValue(resolved.get(`${table.key}.${line.row.key}.${c.key}`), c.kind)),
        ])
    }
  }
  return BOM + lines.map((cells) => cells.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** A header label with the column's unit, unless the official label already names it. */
function withUnit(column: ColumnDef, label: string): string {
  return column.unit && !label.includes(column.unit) ? `${label}（${column.unit}）` : label
}

export type BlockLine = { kind: 'group'; label: string; depth: number } | { kind: 'row'; row: RowDef; depth: number }

/**
 * A block's rows as the official table shows them: each group row (三、本年度办理结果,
 * （三）不予公开 …) once, before the first row under it; depth = how deep it nests.
 */
export function blockRows(block: BlockDef): BlockLine[] {
  const out: BlockLine[] = []
  let path: readonly string[] = []
  for (const row of block.rows) {
    const rowPath = row.path ?? []
    const first = rowPath.findIndex((p, i) => path[i] !== p)
    if (first !== -1) rowPath.slice(first).forEach((label, i) => out.push({ kind: 'group', label, depth: first + i }))
    path = rowPath
    out.push({ kind: 'row', row, depth: rowPath.length })
  }
  return out
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

export interface HeaderCell {
  label: string
  colspan: number
  rowspan: number
}

/**
 * A block's column headers as the official table nests them (申请人情况 › 法人或其他组织 ›
 * 商业企业; 行政诉讼 › 复议后起诉 › 结果维持): one list of cells per header row, spans included.
 * The row-label column is not part of it.
 */
export function headerRows(block: BlockDef): HeaderCell[][] {
  const groupsOf = (i: number) => block.columns[i]?.groups ?? []
  const depth = Math.max(0, ...block.columns.map((c) => c.groups?.length ?? 0)) + 1
  const rows: HeaderCell[][] = Array.from({ length: depth }, () => [])
  for (let level = 0; level < depth; level++) {
    for (let i = 0; i < block.columns.length;) {
      const column = block.columns[i]!
      const groups = groupsOf(i)
      if (level < groups.length) {
        const prefix = groups.slice(0, level + 1).join('\u0000')
        let j = i + 1
        while (
          j < block.columns.length &&
          groupsOf(j)
            .slice(0, level + 1)
            .join('\u0000') === prefix
        )
          j++
        rows[level]!.push({ label: groups[level]!, colspan: j - i, rowspan: 1 })
        i = j
      } else {
        if (level === groups.length)
          rows[level]!.push({ label: withUnit(column, column.label), colspan: 1, rowspan: depth - level })
        i++
      }
    }
  }
  return rows
}
