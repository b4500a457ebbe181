// What the desk hands out: a department's 退回意见 (its findings in plain Chinese, as text to
// paste into a letter and as a sheet), the 问题清单 of every department and the 指标明细 (one
// row per department, one column per cell). Sheets are rows of cells, written as CSV here and as
// .xlsx by the caller.
import { type DeskRow, DESK_STATUS_LABEL } from './desk'
import { type CellDef, cellsOf, columnLabel, describeCell, findCell, getEdition, textsOf } from './edition'
import { type Finding, SEVERITY_LABEL, SEVERITY_ORDER } from './findings'
import type { EditionDef } from './format'
import { type Report, reportTitle } from './report'
import { resolveValues } from './totals'
import { BOM, csvField } from './csv'

type SheetCell = string | number | null
export type Sheet = SheetCell[][]

export interface FindingLine {
  severity: string
  part: string
  row: string
  column: string
  message: string
}

/** A finding's message without the place it starts with (「part · row：」; the place has its own columns). */
function messageOnly(f: Finding, part: string): string {
  const colon = f.message.indexOf('：')
  return part && f.message.startsWith(part) && colon > 0 ? f.message.slice(colon + 1) : f.message
}

/**
 * Each finding as part, row, column and message; blanks as one line per table (「12 个单元格尚未
 * 填写」) rather than one per cell. Errors first, then warnings, then notices.
 */
export function findingLines(report: Pick<Report, 'edition'>, findings: readonly Finding[]): FindingLine[] {
  const edition = getEdition(report.edition)
  const lines: (FindingLine & { order: number })[] = []
  const blanks = new Map<string, number>()
  for (const f of findings) {
    const cell = f.cells[0] ? findCell(edition, f.cells[0]) : undefined
    if (f.rule === 'blank') {
      if (cell) blanks.set(cell.table.heading, (blanks.get(cell.table.heading) ?? 0) + 1)
      continue
    }
    const order = SEVERITY_ORDER[f.severity]
    const severity = SEVERITY_LABEL[f.severity]
    if (cell) {
      // A rule over several rows (or columns) of one column (or row) names only what they share.
      const cells = f.cells.map((k) => findCell(edition, k)).filter((c): c is CellDef => Boolean(c))
      const oneRow = cells.every((c) => c.row.key === cell.row.key && c.blockIndex === cell.blockIndex)
      const oneColumn = cells.every((c) => c.column.key === cell.column.key)
      const row = oneRow ? [cell.block.heading, cell.row.label].filter(Boolean).join(' · ') : (cell.block.heading ?? '')
      const column = oneColumn ? columnLabel(cell.column) : ''
      lines.push({
        order,
        severity,
        part: cell.table.heading,
        row,
        column,
        message: messageOnly(f, cell.table.heading),
      })
    } else {
      const part = f.text ? (textsOf(edition).find((t) => t.key === f.text)?.heading ?? '') : ''
      lines.push({ order, severity, part, row: '', column: '', message: messageOnly(f, part) })
    }
  }
  for (const [part, n] of blanks) {
    lines.push({
      order: 3,
      severity: SEVERITY_LABEL.notice,
      part,
      row: '',
      column: '',
      message: `${n}个单元格尚未填写（没有数字请填 0）`,
    })
  }
  return lines.sort((a, b) => a.order - b.order).map(({ order: _, ...line }) => line)
}

const dateText = (t: number) => {
  const d = new Date(t)
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** The 退回意见 as text for a letter or a message: numbered, one finding a line. */
export function sendBackText(
  report: Pick<Report, 'agency' | 'year'>,
  lines: readonly FindingLine[],
  now: number,
  office = '',
): string {
  const head = [
    `关于《${reportTitle(report)}》的退回意见`,
    '',
    `${report.agency}：`,
    lines.length
      ? `经审核，贵单位报送的年度报告有以下${lines.length}处问题，请逐项核实修改后重新报送。`
      : '经审核，贵单位报送的年度报告未发现问题。',
  ]
  const body = lines.map((l, i) => {
    const where = [l.part, l.row, l.column].filter(Boolean).join(' · ')
    return `${i + 1}. 【${l.severity}】${where}：${l.message}`
  })
  return [...head, ...body, '', `${office}${office ? '\n' : ''}${dateText(now)}`].join('\n')
}

const SEND_BACK_HEADER = ['序号', '严重程度', '部分', '行', '列', '问题']

export function sendBackSheet(lines: readonly FindingLine[]): Sheet {
  return [SEND_BACK_HEADER, ...lines.map((l, i) => [i + 1, l.severity, l.part, l.row, l.column, l.message])]
}

const ISSUES_HEADER = ['部门', '状态', '严重程度', '部分', '行', '列', '问题']

/** 问题清单: every department's findings in one sheet; a department not received is one line. */
export function issuesSheet<T extends Pick<Report, 'edition'>>(rows: readonly DeskRow<T>[]): Sheet {
  const out: Sheet = [ISSUES_HEADER]
  for (const row of rows) {
    const status = DESK_STATUS_LABEL[row.status]
    if (!row.report || !row.review) {
      out.push([row.entry.agency, status, SEVERITY_LABEL.error, '', '', '', '未报送年度报告'])
      continue
    }
    for (const l of findingLines(row.report, row.review.findings))
      out.push([row.entry.agency, status, l.severity, l.part, l.row, l.column, l.message])
  }
  return out
}

/**
 * 指标明细: one row per department that sent its report, one column per cell (totals included)
 * headed with the official labels. Editions: the cells of each edition present, in official
 * order, once each.
 */
export function indicatorSheet<T extends Pick<Report, 'edition' | 'values'>>(rows: readonly DeskRow<T>[]): Sheet {
  const received = rows.filter((r) => r.report)
  const editions: EditionDef[] = []
  for (const r of received) {
    const e = getEdition(r.report!.edition)
    if (!editions.includes(e)) editions.push(e)
  }
  const columns: CellDef[] = []
  const seen = new Set<string>()
  for (const e of editions)
    for (const c of cellsOf(e))
      if (!seen.has(c.key)) {
        seen.add(c.key)
        columns.push(c)
      }
  const out: Sheet = [['部门', '状态', '格式版本', ...columns.map(describeCell)]]
  for (const r of received) {
    const edition = getEdition(r.report!.edition)
    const resolved = resolveValues(edition, r.report!.values)
    out.push([
      r.entry.agency,
      DESK_STATUS_LABEL[r.status],
      edition.name,
      ...columns.map((c) => resolved.get(c.key) ?? null),
    ])
  }
  return out
}

/** A sheet as CSV for Excel (BOM, CRLF, formula-like text neutralised). */
export function sheetCsv(sheet: Sheet): string {
  return BOM + sheet.map((row) => row.map((c) => csvField(c === null ? '' : String(c))).join(',')).join('\r\n') + '\r\n'
}

/** A file name safe on every system. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
}
