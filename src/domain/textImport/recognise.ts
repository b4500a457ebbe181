// Recognises a published report from its text: the edition from its labels, the title, the
// three texts, and the values of the tables, where each value's place is certain.
import { EDITIONS } from '../editions'
import { FIRST_YEAR, cellKey, columnLabel, describeCell, findCell } from '../edition'
import type { BlockDef, CellKey, EditionDef, EditionKey, RowDef, TableDef, TextKey } from '../format'
import { AGENCY_MAX, emptyTexts, normalizeText } from '../report'
import type { ReportTexts, Values } from '../report'
import { roundAmount, resolveValues } from '../totals'
import { parseValue } from '../values'
import { type Meaning, type TableLabels, editionFromMarkers, tableLabels } from './labels'
import { baseKey, labelKey, toSimplified, unnumberedKey } from './normalize'

export interface RecognisedReport {
  /** From the labels (markers), not the year. */
  edition: EditionKey
  /** From the title 「{agency}{year}年政府信息公开工作年度报告」. */
  agency?: string
  year?: number
  /** Input cells only, values recognised with certainty. */
  values: Values
  /** 一 overview (its subsections kept as paragraphs), 五 problems, 六 other. */
  texts: ReportTexts
  /** Text before 一、总体情况 other than the title (an introduction some reports have). */
  preamble: string
  /** Values whose place is not certain: left blank. */
  unrecognised: { cell?: CellKey; line: string; reason: string }[]
  /** Extra rows some provinces add, lines not understood inside tables. */
  ignored: string[]
  /** Totals stated in the text (总计 cells) that differ from the sums of the values read. */
  totalMismatches: { cell: CellKey; stated: number; computed: number; message: string }[]
}

export type RecogniseResult = { ok: true; report: RecognisedReport } | { ok: false; error: string }

interface Line {
  raw: string
  cells: string[]
  /** Cells split by | or tabs (or a row of <td>): a cell's place in the line is its column. */
  structured: boolean
}

/** The shape of a number in a cell (the parser decides whether it is a valid one). */
const NUMBER_SHAPE = /^(?:增加|减少|增|减|[+\-−])?\s*[\d,.]*\d[\d,.]*\s*(?:件|项|个|条|元|万元?|亿元?)?$/
const NONE_SHAPE = /^(?:([-‐‒–—―−])\1?|\/|无)$/

/** A cell holding a value (possibly one the parser refuses), not a label. */
export function isValueLike(cell: string): boolean {
  const t = cell.normalize('NFKC').trim()
  return t !== '' && (NUMBER_SHAPE.test(t) || NONE_SHAPE.test(t))
}

/** 00, 012: a count never starts with 0 — two rows' values run together in a layout copy. */
const MERGED = /^[+\-−]?0\d/

const clean = (s: string) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')

function splitLine(raw: string): Line {
  const text = raw.replace(/[\s\u3000]+$/, '')
  if (/[|｜]/.test(text)) return { raw, cells: text.split(/[|｜]/).map(clean), structured: true }
  const t = text.replace(/^[\t ]+/, '')
  if (t.includes('\t')) {
    // A row copied from a table ends with a tab when its last cell is empty (an empty 总计).
    const row = raw.replace(/^[\t ]+/, '').replace(/[ \u3000\r\n]+$/, '')
    return { raw, cells: row.split('\t').map(clean), structured: true }
  }
  const one = clean(t)
  if (one === '') return { raw, cells: [], structured: false }
  // A row written with spaces (规章 0 0 0): the values are the words at the end.
  if (!isValueLike(one)) {
    const words = one.split(/[ \u3000\u00a0]+/)
    let i = words.length
    while (i > 0 && isValueLike(words[i - 1]!)) i--
    if (i < words.length && words.length > 1) {
      return { raw, cells: [...(i > 0 ? [words.slice(0, i).join(' ')] : []), ...words.slice(i)], structured: true }
    }
  }
  return { raw, cells: [one], structured: false }
}

const TITLE = /^(.+?)([12]\d{3}|[１２][０-９]{3})年度?政府信息公开(?:工作)?年度报告$/
const NOT_AGENCY = /[。，,；;：:！？!?/]/

/** The title, possibly broken over up to four lines (blank lines between are skipped). */
function findTitle(
  lines: readonly string[],
): { agency: string; year: number; lineNos: number[]; joined: string } | undefined {
  const squeezed = lines.slice(0, 40).map((l) => l.replace(/[\s\u3000]+/g, ''))
  for (let end = 0; end < squeezed.length; end++) {
    if (!squeezed[end]) continue
    // The shortest run of lines ending here that reads as a title.
    let joined = ''
    const used: number[] = []
    for (let start = end; start >= 0 && used.length < 4; start--) {
      if (!squeezed[start]) continue
      joined = squeezed[start] + joined
      used.unshift(start)
      const m = TITLE.exec(toSimplified(joined))
      if (m) {
        const agency = joined.slice(0, m[1]!.length)
        if (NOT_AGENCY.test(agency) || agency.length > AGENCY_MAX) break
        return { agency, year: Number(m[2]!.normalize('NFKC')), lineNos: used, joined }
      }
    }
  }
  return undefined
}

/** What the tables yield, cell by cell. */
class Collector {
  values: Values = {}
  stated = new Map<CellKey, { value: number; line: string }>()
  unrecognised: RecognisedReport['unrecognised'] = []
  ignored: string[] = []
  rowsFound = 0
  private conflicted = new Set<CellKey>()

  /** One row's values in column order ('' = a blank cell). */
  row(table: TableDef, block: BlockDef, row: RowDef, tokens: readonly string[], line: string) {
    this.rowsFound++
    if (tokens.length === 0) return
    if (tokens.length !== block.columns.length) {
      const name = row.label ? `“${row.label}”一行` : `${table.heading}的数字行`
      this.unrecognised.push({
        line,
        reason: `${name}有${tokens.length}个数，表中应有${block.columns.length}个（${block.columns.map(columnLabel).join('、')}），无法确定各数所在的格，已留空`,
      })
      return
    }
    tokens.forEach((token, i) => this.put(table, row, block.columns[i]!.key, token, line))
  }

  private put(table: TableDef, row: RowDef, column: string, token: string, line: string) {
    if (token === '') return
    const key = cellKey(table.key, row.key, column)
    if (MERGED.test(token.normalize('NFKC'))) {
      this.unrecognised.push({
        cell: key,
        line,
        reason: `“${token}”像是两个数连在一起（复制时两行重叠），无法确定，已留空`,
      })
      return
    }
    const def = findCellIn(table, row, column)
    if (!def) return
    const parsed = parseValue(token, def.kind)
    if (!parsed.ok) {
      this.unrecognised.push({ cell: key, line, reason: parsed.error })
      return
    }
    if (parsed.value === null) return
    if (row.sumOf || def.sumOf) {
      if (!this.stated.has(key)) this.stated.set(key, { value: parsed.value, line })
      return
    }
    if (this.conflicted.has(key)) return
    const old = this.values[key]
    if (old !== undefined && old !== parsed.value) {
      delete this.values[key]
      this.conflicted.add(key)
      this.unrecognised.push({
        cell: key,
        line,
        reason: `此格在文中出现两次，数值不同（${old}与${parsed.value}），已留空`,
      })
      return
    }
    this.values[key] = parsed.value
  }
}

function findCellIn(table: TableDef, row: RowDef, column: string) {
  for (const block of table.blocks) if (block.rows.includes(row)) return block.columns.find((c) => c.key === column)
  return undefined
}

/** A table part's lines: rows by their label, the values after it in column order. */
function readTable(labels: TableLabels, lines: readonly Line[], out: Collector) {
  const table = labels.table
  let row: { block: BlockDef; row: RowDef; tokens: string[]; lines: string[] } | undefined
  /** Values with no row label before them, after `lead` (a text not understood, or a group row). */
  let loose: { lead?: string; group?: boolean; tokens: string[]; lines: string[] } | undefined
  /** The label just read, while no value has followed it. */
  let last: { text: string; meaning: Meaning } | undefined
  /** A row read by the start of its label: the lines after it may finish the label. */
  let skipRest: { text: string; meaning: Meaning } | undefined

  const flush = () => {
    if (row) out.row(table, row.block, row.row, row.tokens, row.lines.join(' | '))
    if (loose) {
      const line = [...(loose.lead !== undefined ? [loose.lead] : []), ...loose.tokens].join(' | ')
      if (loose.lead !== undefined) {
        if (!loose.group || loose.tokens.length > 0) out.ignored.push(line)
      } else if (loose.tokens.length > 0) {
        if (labels.unlabelled) out.row(table, labels.unlabelled.block, labels.unlabelled.row, loose.tokens, line)
        else
          out.unrecognised.push({
            line,
            reason: `${table.heading}：这些数字前没有可识别的行名，无法确定所在的格，已留空`,
          })
      }
    }
    row = undefined
    loose = undefined
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (line.structured) {
      // The values on the line after their label's first part (本年 （二）部分公开（区分处理的，只计 /
      // 度办 这一情形，不计其他情形） | 0 | 0 …): the rest of the label, a group's piece before it.
      const first = line.cells.findIndex(Boolean)
      const head = line.cells[first]
      if (row && row.tokens.length === 0 && last && head && !isValueLike(head)) {
        const rest = afterGroupPieces(labels, head)
        if (rest !== undefined && sameMeaning(labels.lookup(last.text + rest), last.meaning)) {
          const values = rowValues(line.cells.slice(first + 1), row.block.columns.length)
          out.row(table, row.block, row.row, values, [last.text + rest, ...values].join(' | '))
          row = undefined
          last = undefined
          continue
        }
      }
      flush()
      const wrapped = readRow(labels, line, out)
      last = wrapped
      if (wrapped) skipRest = wrapped
      continue
    }
    const cell = line.cells[0]
    if (!cell) continue
    // The rest of a label whose values came on its first line (2.其他法律行政法规禁止 | 0 … / 公开).
    if (skipRest && !isValueLike(cell)) {
      const tail = afterGroupPieces(labels, cell) ?? cell
      if (rowKeyOf(skipRest).startsWith(labelKey(skipRest.text + tail))) {
        skipRest.text += tail
        continue
      }
    }
    skipRest = undefined
    if (isValueLike(cell)) {
      const target = row ?? (loose ??= { tokens: [], lines: [] })
      target.tokens.push(cell)
      target.lines.push(cell)
      last = undefined
      continue
    }
    let meaning = labels.lookup(cell)
    const grouped = meaning ? undefined : rowAfterGroup(labels, cell)
    meaning ??= grouped
    // The rest of the label just read, wrapped onto this line (…（区分处理的， / 只计这一情形…）).
    if (!meaning && last && sameMeaning(labels.lookup(last.text + cell), last.meaning)) {
      last.text += cell
      if (row) row.lines[0] = last.text
      continue
    }
    let lead = grouped ? (afterGroupPieces(labels, cell) ?? cell) : cell
    if (!meaning && isLayoutNoise(labels, cell)) continue
    if (!meaning) {
      // A label broken over lines (本年新 / 制作数量).
      let joined = cell
      for (let j = i + 1; j < lines.length && j <= i + 2; j++) {
        const next = lines[j]!
        const c = next.cells[0]
        if (next.structured || !c || isValueLike(c)) break
        joined += c
        const m = labels.lookup(joined)
        if (m) {
          meaning = m
          lead = joined
          i = j
          break
        }
      }
    }
    flush()
    last = meaning ? { text: lead, meaning } : undefined
    if (!meaning) loose = { lead, tokens: [], lines: [] }
    else if (meaning.kind === 'row') row = { block: meaning.block, row: meaning.row, tokens: [], lines: [lead] }
    else if (meaning.kind === 'group') loose = { lead, group: true, tokens: [], lines: [] }
  }
  flush()
}

function sameMeaning(a: Meaning | undefined, b: Meaning): boolean {
  if (!a || a.kind !== b.kind) return false
  return a.kind === 'row' && b.kind === 'row'
    ? a.row === b.row
    : a.kind !== 'row' && b.kind !== 'row' && a.label === b.label
}

/**
 * A line of cells: the first row label, then one cell per column. Returns the label when only
 * its start was on the line (the rest may follow on the next lines).
 */
function readRow(labels: TableLabels, line: Line, out: Collector): { text: string; meaning: Meaning } | undefined {
  const { cells } = line
  const text = cells.filter(Boolean).join(' | ')
  if (!text) return undefined
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!
    if (!c) continue
    if (isValueLike(c)) break
    const m = labels.lookup(c) ?? rowAfterGroup(labels, c)
    const start = m ? undefined : rowByStart(labels, afterGroupPieces(labels, c) ?? c)
    const found = m ?? start
    if (found?.kind === 'row') {
      const values = rowValues(cells.slice(k + 1), found.block.columns.length)
      out.row(labels.table, found.block, found.row, values, text)
      return start ? { text: afterGroupPieces(labels, c) ?? c, meaning: found } : undefined
    }
  }
  const filled = cells.filter(Boolean)
  if (filled.every(isValueLike)) {
    const values = trimEnd(cells.slice(cells.findIndex(Boolean)))
    if (labels.unlabelled) out.row(labels.table, labels.unlabelled.block, labels.unlabelled.row, values, text)
    else
      out.unrecognised.push({
        line: text,
        reason: `${labels.table.heading}：这些数字前没有可识别的行名，无法确定所在的格，已留空`,
      })
    return
  }
  // A header line is all labels; anything else (an extra row, a cut-off cell) is ignored.
  if (filled.some((c) => isValueLike(c) || !labels.lookup(c))) out.ignored.push(text)
  return undefined
}

const headerKeysCache = new WeakMap<TableDef, string[]>()

/** The keys of every header text of a table: column labels and groups, notes, block headings. */
function headerKeys(table: TableDef): string[] {
  let keys = headerKeysCache.get(table)
  if (!keys) {
    const texts = [table.heading, table.note, table.columnsCaption]
    for (const b of table.blocks) {
      texts.push(b.heading, b.rowHeader)
      for (const c of b.columns) texts.push(c.label, ...(c.groups ?? []))
    }
    keys = [...new Set(texts.filter((t): t is string => !!t).map(labelKey))]
    headerKeysCache.set(table, keys)
  }
  return keys
}

const noiseKeysCache = new WeakMap<TableDef, string[]>()

const PAGE_FOOT = /^[-—–－―]\s*\d{1,4}\s*[-—–－―]$/

/**
 * A line of a layout copy (pdftotext -layout, a PDF copied as text) that is only pieces of the
 * table's header or group labels (自然人 商业 科研 社会 · 公益 · 理结), or a page number: nothing to read.
 */
function isLayoutNoise(labels: TableLabels, text: string): boolean {
  if (PAGE_FOOT.test(text.normalize('NFKC').trim())) return true
  let keys = noiseKeysCache.get(labels.table)
  if (!keys) noiseKeysCache.set(labels.table, (keys = [...headerKeys(labels.table), ...groupKeys(labels.table)]))
  const words = text.split(/[ \u3000\u00a0]+/).filter(Boolean)
  return (
    words.length > 0 &&
    words.every((w) => {
      const key = labelKey(w)
      return key !== '' && keys.some((k) => k.includes(key))
    })
  )
}

const groupKeysCache = new WeakMap<TableDef, string[]>()

/** The keys of the row groups of a table (三、本年度办理结果, （三）不予公开 …). */
function groupKeys(table: TableDef): string[] {
  let keys = groupKeysCache.get(table)
  if (!keys) {
    keys = [...new Set(table.blocks.flatMap((b) => b.rows.flatMap((r) => (r.path ?? []).map(labelKey))))]
    groupKeysCache.set(table, keys)
  }
  return keys
}

/**
 * The cell without the group label, or pieces of one, before its row label on the same line
 * (三、 （一）予以公开 · （三）不 4.保护第三方合法权益 · 果 1.属于国家秘密): a layout copy puts a
 * group cell's text beside whichever row shares its line. Undefined when nothing is stripped.
 */
function afterGroupPieces(labels: TableLabels, cell: string): string | undefined {
  const words = cell.split(/[ \u3000\u00a0]+/).filter(Boolean)
  let i = 0
  while (i < words.length - 1) {
    const key = labelKey(words[i]!)
    if (!key || !groupKeys(labels.table).some((g) => g.includes(key))) break
    i++
  }
  return i > 0 ? words.slice(i).join(' ') : undefined
}

function rowAfterGroup(labels: TableLabels, cell: string): Meaning | undefined {
  const rest = afterGroupPieces(labels, cell)
  if (rest === undefined) return undefined
  const m = labels.lookup(rest)
  return m?.kind === 'row' ? m : undefined
}

/** The key a row's label is compared with when read by its start. */
function rowKeyOf(label: { meaning: Meaning }): string {
  return label.meaning.kind === 'row' ? labelKey(label.meaning.row.label ?? '') : ''
}

/** Fewer characters than this never name a row by their start alone. */
const START_MIN = 6

/**
 * A row named by the start of its label, cut where the copy wrapped it (2.其他法律行政法规禁止):
 * only when exactly one row of the table starts so, with enough characters to be certain.
 */
function rowByStart(labels: TableLabels, cell: string): Meaning | undefined {
  const key = labelKey(cell)
  if (key.length < START_MIN) return undefined
  let rows = rowKeysCache.get(labels.table)
  if (!rows) {
    rows = labels.table.blocks.flatMap((block) =>
      block.rows.filter((row) => row.label).map((row) => ({ block, row, key: labelKey(row.label!) })),
    )
    rowKeysCache.set(labels.table, rows)
  }
  const found = rows.filter((r) => r.key.startsWith(key) && r.key !== key)
  return found.length === 1 ? { kind: 'row', block: found[0]!.block, row: found[0]!.row } : undefined
}

const rowKeysCache = new WeakMap<TableDef, { block: BlockDef; row: RowDef; key: string }[]>()

/**
 * The values after a row label. Empty cells inside a row are blank cells (| 16 | 3 |  |  | 1 |);
 * empty cells at the end are too when the row has exactly one cell per column (an empty 总计),
 * or one more, the empty cell after a closing `|`. Otherwise trailing empties are padding.
 */
function rowValues(cells: readonly string[], columns: number): string[] {
  if (cells.length === columns) return [...cells]
  if (cells.length === columns + 1 && cells[columns] === '') return cells.slice(0, columns)
  return trimEnd(cells)
}

function trimEnd(cells: readonly string[]): string[] {
  let n = cells.length
  while (n > 0 && !cells[n - 1]) n--
  return cells.slice(0, n)
}

/** Every input cell a computed cell sums. */
function inputsOf(edition: EditionDef, key: CellKey): CellKey[] {
  const cell = findCell(edition, key)
  if (!cell) return []
  if (cell.row.sumOf)
    return cell.row.sumOf.flatMap((r) => inputsOf(edition, cellKey(cell.table.key, r, cell.column.key)))
  if (cell.column.sumOf)
    return cell.column.sumOf.flatMap((c) => inputsOf(edition, cellKey(cell.table.key, cell.row.key, c)))
  return [key]
}

function markerList(edition: EditionDef): string {
  return edition.markers
    .slice(0, 3)
    .map((m) => `“${m}”`)
    .join('')
}

export function recogniseText(text: string): RecogniseResult {
  const rawLines = text.replace(/\r\n?/g, '\n').split('\n')
  if (!rawLines.some((l) => l.trim())) return { ok: false, error: '内容为空：请粘贴年度报告的全文' }

  const { edition, found } = editionFromMarkers(labelKey(text))
  if (!edition) {
    const seen = EDITIONS.filter((e) => (found.get(e.key) ?? []).length > 0)
    if (seen.length > 1) {
      return {
        ok: false,
        error: `无法确定格式版本：文中同时有${seen.map((e) => `${e.name}的标签（${found.get(e.key)!.join('、')}）`).join('和')}`,
      }
    }
    return {
      ok: false,
      error: `没有找到年度报告的表格：文中没有${EDITIONS.map((e) => `${e.name}的${markerList(e)}`).join('或')}等表格标签，请粘贴包含“二、主动公开政府信息情况”表格的全文`,
    }
  }

  const title = findTitle(rawLines)
  if (title && title.year < FIRST_YEAR) {
    return { ok: false, error: `这是${title.year}年的报告，使用2019年以前的旧格式，本工具不支持` }
  }
  const titleLines = new Set(title?.lineNos)

  const parts = edition.parts.map((part) => ({
    part,
    headings: new Set([
      labelKey(part.kind === 'text' ? part.text.heading : part.table.heading),
      unnumberedKey(part.kind === 'text' ? part.text.heading : part.table.heading),
    ]),
    labels: part.kind === 'table' ? tableLabels(part.table) : undefined,
  }))
  const headingOf = (cell: string) => parts.findIndex((p) => p.headings.has(labelKey(cell)))
  /** The later table a line belongs to: by an opening label, or (inside a table) by any label of its rows. */
  const laterTable = (cells: readonly string[]) => {
    const first = cells[0]!
    const keys = [labelKey(first), baseKey(first)]
    const inTable = parts[current]?.labels !== undefined
    return parts.findIndex((p, i) => {
      if (i <= current || !p.labels) return false
      if (keys.some((k) => p.labels!.openers.has(k))) return true
      if (!inTable || parts[current]!.labels!.lookup(first)) return false
      // A row of the later table, or a header line all of whose labels are that table's.
      const words = cells.filter((c) => !isValueLike(c))
      const meanings = words.map((c) => p.labels!.lookup(c))
      return (
        meanings.some((m) => m?.kind === 'row' || m?.kind === 'group') || (words.length > 0 && meanings.every(Boolean))
      )
    })
  }

  let current = -1
  const preamble: string[] = []
  const textLines = new Map<TextKey, string[]>()
  const tableLines = new Map<number, Line[]>()
  rawLines.forEach((raw, no) => {
    // The title, and any repetition of it (a web page's <title> and its heading).
    if (titleLines.has(no) || (title && raw.replace(/[\s\u3000]+/g, '') === title.joined)) return
    const line = splitLine(raw)
    const filled = line.cells.filter(Boolean)
    if (filled.length === 1) {
      const p = headingOf(filled[0]!)
      if (p >= 0 && p >= current) {
        current = p
        return
      }
    }
    if (filled.length > 0) {
      const p = laterTable(filled)
      if (p > current) current = p
    }
    const part = parts[current]?.part
    if (!part) preamble.push(raw.trim())
    else if (part.kind === 'text') {
      const list = textLines.get(part.text.key) ?? []
      list.push(raw.trim())
      textLines.set(part.text.key, list)
    } else {
      const list = tableLines.get(current) ?? []
      list.push(line)
      tableLines.set(current, list)
    }
  })

  const out = new Collector()
  for (const [index, lines] of tableLines) readTable(parts[index]!.labels!, lines, out)
  if (out.rowsFound === 0) {
    return { ok: false, error: `没有找到可识别的表格行：请粘贴包含表格（如“${firstRowLabel(edition)}”一行）的全文` }
  }

  const resolved = resolveValues(edition, out.values)
  const totalMismatches: RecognisedReport['totalMismatches'] = []
  for (const [key, { value }] of out.stated) {
    if (!inputsOf(edition, key).every((k) => k in out.values)) continue
    const computed = resolved.get(key)
    if (computed === undefined || Math.abs(computed - value) < 1e-9) continue
    const cell = findCell(edition, key)!
    totalMismatches.push({
      cell: key,
      stated: value,
      computed: roundAmount(computed),
      message: `${describeCell(cell)}：文中的总计为${value}，各项相加为${roundAmount(computed)}`,
    })
  }

  const texts = emptyTexts()
  for (const [key, lines] of textLines) texts[key] = normalizeText(lines.join('\n'))
  const report: RecognisedReport = {
    edition: edition.key,
    values: out.values,
    texts,
    preamble: normalizeText(preamble.join('\n')),
    unrecognised: out.unrecognised,
    ignored: out.ignored,
    totalMismatches,
  }
  if (title) {
    report.agency = title.agency
    report.year = title.year
  }
  return { ok: true, report }
}

function firstRowLabel(edition: EditionDef): string {
  for (const part of edition.parts) if (part.kind === 'table') return part.table.blocks[0]?.rows[0]?.label ?? ''
  return ''
}
