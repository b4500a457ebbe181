// 「生成数字段落」: the sentences of 一、总体情况 (and the 信息处理费 sentence of 六 in 2021) that
// restate the tables, written from the cells so that text and table cannot disagree. Several
// phrasings, zeros read naturally, a change against last year's report when one is stored.
// Deterministic: the same numbers and phrasing give the same paragraph.
import { describeCell, findCell } from './edition'
import type { CellKey, EditionDef } from './format'
import { FEE_CELL } from './narrative'
import type { Values } from './report'
import { type Resolved, resolveValues } from './totals'

/**
 * Marks a generated paragraph so that 「生成数字段落」 can find and replace it later: a WORD JOINER
 * (U+2060) at its start. It is invisible (no width, no glyph) in the editor, in print and in PDF,
 * survives JSON, Word and HTML export, and joins nothing at a paragraph's start.
 */
export const GENERATED_MARK = '\u2060'

/** How many phrasings there are (the clerk steps through them). */
export const PHRASINGS = 3

/** A number the paragraph states, and the cells it is the sum of. */
interface Stated {
  value: number
  cells: CellKey[]
}

export interface Generated {
  /** The paragraph, without the mark; '' when nothing could be stated. */
  text: string
  /** Every number stated, in order (percentages and last year's figures excluded). */
  stated: Stated[]
  /** The cells that are blank and kept a sentence out (described for the clerk). */
  blank: string[]
}

export interface LastYear {
  edition: EditionDef
  values: Values
}

class Writer {
  stated: Stated[] = []
  blank = new Set<string>()
  constructor(
    private edition: EditionDef,
    private values: Values,
    private resolved: Resolved,
  ) {}

  /** The cells' sum when every input under them is filled, else undefined (and noted). */
  sum(keys: readonly CellKey[]): number | undefined {
    let total = 0
    for (const key of keys) {
      const cell = findCell(this.edition, key)
      if (!cell) return undefined
      const v = this.resolved.get(key)
      if (v === undefined || !inputsFilled(this.edition, key, this.values)) {
        this.blank.add(describeCell(cell))
        return undefined
      }
      total += v
    }
    return Math.round(total * 10000) / 10000
  }

  /** The number as written, recorded with its cells. */
  n(value: number, keys: readonly CellKey[]): string {
    this.stated.push({ value, cells: [...keys] })
    return String(value)
  }
}

function inputsFilled(edition: EditionDef, key: CellKey, values: Values): boolean {
  const cell = findCell(edition, key)
  if (!cell) return false
  const [table, row, column] = key.split('.') as [string, string, string]
  if (cell.row.sumOf) return cell.row.sumOf.every((r) => inputsFilled(edition, `${table}.${r}.${column}`, values))
  if (cell.column.sumOf) return cell.column.sumOf.every((c) => inputsFilled(edition, `${table}.${row}.${c}`, values))
  return key in values
}

/** Row keys of the requests table with a prefix (deny_, none_, skip_, other…). */
function rowsLike(edition: EditionDef, prefix: string): CellKey[] {
  for (const part of edition.parts) {
    if (part.kind !== 'table' || part.table.key !== 'requests') continue
    return part.table.blocks.flatMap((b) =>
      b.rows.filter((r) => r.key === prefix || r.key.startsWith(`${prefix}_`)).map((r) => `requests.${r.key}.total`),
    )
  }
  return []
}

/** 较上年增加3件、增长33.3% · 较上年减少2件 · 与上年持平 (no number of last year itself). */
function change(now: number, before: number | undefined, variant: number): string {
  if (before === undefined) return ''
  const d = now - before
  if (d === 0) return variant % 2 === 0 ? '，与上年持平' : '，与上年相同'
  const pct =
    before > 0 ? `${d > 0 ? '增长' : '下降'}${(Math.round((Math.abs(d) / before) * 1000) / 10).toFixed(1)}%` : ''
  const word = variant % 2 === 0 ? (d > 0 ? '增加' : '减少') : d > 0 ? '多' : '少'
  return `，较上年${word}${Math.abs(d)}件${pct ? `、${pct}` : ''}`
}

/**
 * The numbers paragraph of 一、总体情况: 主动公开 (规章、规范性文件，许可、处罚、强制决定),
 * 依申请公开 (收到、结转、办结及其结果、结转下年度), 行政复议和行政诉讼.
 */
export function generateOverview(
  edition: EditionDef,
  values: Values,
  variant: number,
  lastYear?: LastYear,
  resolved: Resolved = resolveValues(edition, values),
): Generated {
  const w = new Writer(edition, values, resolved)
  const v = ((variant % PHRASINGS) + PHRASINGS) % PHRASINGS
  const sentences = [active(w, edition, v), requests(w, edition, v, lastYear), appeals(w, v)].filter(Boolean)
  return { text: sentences.join(''), stated: w.stated, blank: [...w.blank] }
}

function active(w: Writer, edition: EditionDef, v: number): string {
  const made = findCell(edition, 'active.rules.issued') ? 'issued' : 'made'
  const rules = w.sum([`active.rules.${made}`])
  const normative = w.sum([`active.normative.${made}`])
  const normativeName = edition.key === '2019' ? '规范性文件' : '行政规范性文件'
  const verb = made === 'issued' ? ['制发', '印发', '制发'][v]! : ['新制作', '新制作', '制作'][v]!
  const docs: string[] = []
  if (rules !== undefined && normative !== undefined) {
    if (rules === 0 && normative === 0) docs.push(`本年度未${verb}规章和${normativeName}`)
    else {
      const parts: string[] = []
      if (rules > 0) parts.push(`${verb}规章${w.n(rules, [`active.rules.${made}`])}件`)
      if (normative > 0) parts.push(`${verb}${normativeName}${w.n(normative, [`active.normative.${made}`])}件`)
      if (rules === 0) parts.push(v === 1 ? `未${verb}规章` : '无新增规章')
      if (normative === 0) parts.push(`未${verb}${normativeName}`)
      docs.push(`本年度${parts.join('，')}`)
    }
  }
  const decisions: string[] = []
  const decision = (row: string, name: string) => {
    const key = `active.${row}.decisions`
    const n = w.sum([key])
    if (n === undefined) return
    decisions.push(n > 0 ? `${name}决定${w.n(n, [key])}件` : '')
    if (n === 0) zeroDecisions.push(name)
  }
  const zeroDecisions: string[] = []
  decision('licensing', '行政许可')
  decision('penalty', '行政处罚')
  decision('enforcement', '行政强制')
  const made_ = decisions.filter(Boolean)
  const lead = ['作出', '共作出', '依法作出'][v]!
  if (made_.length > 0) docs.push(`${lead}${made_.join('、')}`)
  if (zeroDecisions.length > 0) docs.push(`未作出${zeroDecisions.join('、')}决定`)
  if (docs.length === 0) return ''
  const opening = ['在主动公开方面，', '主动公开方面，', ''][v]!
  return `${opening}${docs.join('；')}。`
}

function requests(w: Writer, edition: EditionDef, v: number, lastYear?: LastYear): string {
  const received = w.sum(['requests.new.total'])
  const carriedIn = w.sum(['requests.carried_in.total'])
  const handled = w.sum(['requests.handled_total.total'])
  const carriedOut = w.sum(['requests.carried_out.total'])
  const out: string[] = []
  let before: number | undefined
  if (lastYear && findCell(lastYear.edition, 'requests.new.total')) {
    const prev = resolveValues(lastYear.edition, lastYear.values)
    if (inputsFilled(lastYear.edition, 'requests.new.total', lastYear.values)) before = prev.get('requests.new.total')
  }
  if (received !== undefined) {
    if (received === 0) {
      const sentence = ['本年度未收到政府信息公开申请', '本年度没有收到政府信息公开申请', '全年未收到政府信息公开申请'][
        v
      ]!
      out.push(`${sentence}${change(0, before, v)}`)
    } else {
      const lead = ['本年度共收到政府信息公开申请', '全年共收到政府信息公开申请', '本年度新收政府信息公开申请'][v]!
      out.push(`${lead}${w.n(received, ['requests.new.total'])}件${change(received, before, v)}`)
    }
  }
  if (carriedIn !== undefined) {
    out.push(
      carriedIn > 0
        ? `上年结转政府信息公开申请${w.n(carriedIn, ['requests.carried_in.total'])}件`
        : ['无上年结转的申请', '没有上年结转的申请', '无上年结转申请'][v]!,
    )
  }
  const first = out.join('，')
  const results: string[] = []
  if (handled !== undefined && handled > 0) {
    const parts: [string, CellKey[]][] = [
      ['予以公开', ['requests.open.total']],
      ['部分公开', ['requests.partial.total']],
      ['不予公开', rowsLike(edition, 'deny')],
      ['无法提供', rowsLike(edition, 'none')],
      ['不予处理', rowsLike(edition, 'skip')],
      ['其他处理', rowsLike(edition, 'other')],
    ]
    const lead = ['共办结申请', '办结申请', '共答复办结申请'][v]!
    const total = `${lead}${w.n(handled, ['requests.handled_total.total'])}件`
    const named: string[] = []
    for (const [name, keys] of parts) {
      const n = w.sum(keys)
      if (n !== undefined && n > 0) named.push(`${name}${w.n(n, keys)}件`)
    }
    results.push(`${total}${named.length > 0 ? `，其中${named.join('、')}` : ''}`)
  } else if (handled === 0) results.push(['本年度无办结的申请', '没有办结的申请', '无办结的申请'][v]!)
  if (carriedOut !== undefined) {
    results.push(
      carriedOut > 0
        ? `结转下年度继续办理${w.n(carriedOut, ['requests.carried_out.total'])}件`
        : ['无结转下年度继续办理的申请', '没有需要结转下年度办理的申请', '无结转下年度的申请'][v]!,
    )
  }
  const sentences = [first, results.join('；')].filter(Boolean)
  if (sentences.length === 0) return ''
  const opening = ['在依申请公开方面，', '依申请公开方面，', ''][v]!
  return `${opening}${sentences.join('；')}。`
}

function appeals(w: Writer, v: number): string {
  const review = w.sum(['appeals.cases.review_total'])
  const litigationKeys = ['appeals.cases.direct_total', 'appeals.cases.after_review_total']
  const litigation = w.sum(litigationKeys)
  if (review === undefined || litigation === undefined) return ''
  if (review === 0 && litigation === 0)
    return [
      '本年度未发生因政府信息公开引起的行政复议、行政诉讼案件。',
      '全年没有因政府信息公开被申请行政复议或提起行政诉讼的案件。',
      '本年度无因政府信息公开引起的行政复议、行政诉讼。',
    ][v]!
  const parts: string[] = []
  if (review > 0) parts.push(`行政复议${w.n(review, ['appeals.cases.review_total'])}件`)
  else parts.push('无行政复议案件')
  if (litigation > 0) parts.push(`行政诉讼${w.n(litigation, litigationKeys)}件`)
  else parts.push('无行政诉讼案件')
  const lead = ['因政府信息公开引起', '因政府信息公开被申请或提起', '涉及政府信息公开的'][v]!
  return `${lead}${parts.join('、')}。`
}

/** 2021, 六: the 信息处理费 sentence, from the applications dropped for unpaid fees. */
export function generateFee(
  edition: EditionDef,
  values: Values,
  variant: number,
  resolved: Resolved = resolveValues(edition, values),
): Generated {
  const w = new Writer(edition, values, resolved)
  if (!findCell(edition, FEE_CELL)) return { text: '', stated: [], blank: [] }
  const n = w.sum([FEE_CELL])
  const v = ((variant % PHRASINGS) + PHRASINGS) % PHRASINGS
  let text = ''
  if (n === 0)
    text = [
      '本年度没有因申请人逾期未缴纳信息处理费而不再处理的政府信息公开申请。',
      '本年度未发生因申请人未按时缴纳信息处理费而终止处理申请的情况。',
      '全年没有因逾期未缴纳信息处理费而不再处理的申请。',
    ][v]!
  else if (n !== undefined) {
    const count = w.n(n, [FEE_CELL])
    text = [
      `本年度因申请人逾期未缴纳信息处理费而不再处理的政府信息公开申请共${count}件。`,
      `本年度有${count}件申请因申请人未按收费通知要求缴纳信息处理费，本机关不再处理。`,
      `全年因逾期未缴纳信息处理费而不再处理的申请${count}件。`,
    ][v]!
  }
  return { text, stated: w.stated, blank: [...w.blank] }
}

/**
 * The text with the generated paragraph put in: replacing the earlier generated paragraph (the
 * line that starts with the mark) when there is one, else at `at` (a character offset, the
 * cursor) as its own paragraph, else at the end.
 */
export function insertGenerated(text: string, paragraph: string, at?: number): { text: string; replaced: boolean } {
  const marked = GENERATED_MARK + paragraph
  const lines = text.split('\n')
  const index = lines.findIndex((l) => l.startsWith(GENERATED_MARK))
  if (index >= 0) {
    lines[index] = marked
    return { text: lines.join('\n'), replaced: true }
  }
  if (!text.trim()) return { text: marked, replaced: false }
  const pos = at === undefined ? text.length : Math.max(0, Math.min(at, text.length))
  // At a paragraph boundary: after the line the cursor is in.
  const end = text.indexOf('\n', pos)
  const cut = end < 0 ? text.length : end
  return { text: `${text.slice(0, cut)}\n${marked}${text.slice(cut)}`, replaced: false }
}

/** Whether the text holds a generated paragraph. */
export const hasGenerated = (text: string) => text.split('\n').some((l) => l.startsWith(GENERATED_MARK))
