// Text against tables: numbers that 一、总体情况 states for the things the tables count must
// equal those cells. Warnings only, and silence whenever a statement cannot be tied to cells
// for certain (real reports phrase these every which way).
import type { ExtraCheck } from './checks'
import { cellKey, columnLabel, describeCell, findCell, textsOf } from './edition'
import type { CellDef } from './edition'
import type { Finding } from './findings'
import type { CellKey, EditionDef, TextKey } from './format'
import type { Values } from './report'
import type { Resolved } from './totals'

/**
 * One kind of statement. `regex` captures the number stated (group 1) unless `value` fixes it;
 * `cells` are summed (a `*` in the row matches every row key with that prefix). A pattern whose
 * cells the edition lacks does not apply.
 */
export interface NarrativePattern {
  what: string
  /** What the sentence states, in words (收到的申请数). */
  label: string
  regex: RegExp
  value?: number
  cells: readonly string[]
  texts?: readonly TextKey[]
}

/**
 * Between the thing and its number: 予以公开(的)(申请)(共计)(为)3件. Nothing else. 公开 alone
 * for the noun 依申请公开 (收到依申请公开3件, 办理依申请公开申请2件).
 */
const GAP =
  '(?:的)?(?:政府信息公开|公开)?(?:案件|申请|事项决定|决定)?(?:数量|数|件数)?(?:共计?|合计|总计|总数|累计)?(?:为|是|有|达)?'
/** A number in digits, or in Chinese numerals as reports write small counts (两件, 十二件). */
const N = '(\\d+|[零〇一二两三四五六七八九十百]{1,5})'
const PIECES = '(?:件|个|宗|起|份)'
/** A statement that continues with another part of the same count (申请3件、纸质申请36件). */
const CONTINUED = `(?![、和及与][^，,。；;\\d]{0,10}申请\\d)`
const AND = '[和及与、]'

const re = (source: string) => new RegExp(source, 'g')

export const NARRATIVE_PATTERNS: readonly NarrativePattern[] = [
  {
    what: 'received',
    label: '收到的申请数',
    regex: re(`(?:收到|受理|新收|接收)(?:了)?[^，,。；;\\d]{0,20}?申请${GAP}${N}${PIECES}${CONTINUED}`),
    cells: ['requests.new.total'],
  },
  {
    what: 'received',
    label: '收到的申请数',
    regex: re('(?:未|没有)(?:收到|受理)(?:任何)?(?:政府信息公开|信息公开|依申请公开)申请'),
    value: 0,
    cells: ['requests.new.total'],
  },
  {
    what: 'carried_in',
    label: '上年结转的申请数',
    regex: re(`上一?年度?结转(?:的)?(?:至本年度?|到本年度?)?(?:办理)?${GAP}${N}${PIECES}`),
    cells: ['requests.carried_in.total'],
  },
  {
    what: 'handled',
    label: '办理的申请数',
    regex: re(`(?:办理|办结|答复)(?:完毕|完成|了)?(?:并答复)?[^，,。；;\\d]{0,12}?申请${GAP}${N}${PIECES}${CONTINUED}`),
    cells: ['requests.handled_total.total'],
  },
  {
    what: 'open_partial',
    label: '予以公开和部分公开的申请数',
    regex: re(`(?<!不)予以公开${AND}部分公开${GAP}${N}${PIECES}`),
    cells: ['requests.open.total', 'requests.partial.total'],
  },
  {
    what: 'open',
    label: '予以公开的申请数',
    regex: re(`(?<!不)予以公开(?!${AND}部分公开)${GAP}${N}${PIECES}`),
    cells: ['requests.open.total'],
  },
  {
    what: 'partial',
    label: '部分公开的申请数',
    regex: re(`(?<!予以公开${AND})部分公开${GAP}${N}${PIECES}`),
    cells: ['requests.partial.total'],
  },
  {
    what: 'deny',
    label: '不予公开的申请数',
    regex: re(`不予(?:以)?公开${GAP}${N}${PIECES}`),
    cells: ['requests.deny_*.total'],
  },
  {
    what: 'none',
    label: '无法提供的申请数',
    regex: re(`无法提供${GAP}${N}${PIECES}`),
    cells: ['requests.none_*.total'],
  },
  {
    what: 'skip',
    label: '不予处理的申请数',
    regex: re(`不予处理${GAP}${N}${PIECES}`),
    cells: ['requests.skip_*.total'],
  },
  {
    what: 'carried_out',
    label: '结转下年度的申请数',
    regex: re(`(?:结转(?:至|到)?下一?年度?|转入下一?年度?|顺延至下一?年度?)(?:继续)?(?:办理|答复)?${GAP}${N}${PIECES}`),
    cells: ['requests.carried_out.total'],
  },
  {
    what: 'carried_out',
    label: '结转下年度的申请数',
    regex: re(`${N}${PIECES}(?:申请)?(?:结转(?:至|到)?下一?年度?|转入下一?年度?|顺延至下一?年度?)`),
    cells: ['requests.carried_out.total'],
  },
  {
    what: 'appeals',
    label: '行政复议和行政诉讼的案件数',
    regex: re(`(?:行政复议${AND}行政诉讼|行政诉讼${AND}行政复议)${GAP}${N}${PIECES}`),
    cells: ['appeals.cases.review_total', 'appeals.cases.direct_total', 'appeals.cases.after_review_total'],
  },
  {
    what: 'review',
    label: '行政复议案件数',
    regex: re(`(?<!行政诉讼${AND})行政复议(?!${AND}行政诉讼)${GAP}${N}${PIECES}`),
    cells: ['appeals.cases.review_total'],
  },
  {
    what: 'litigation',
    label: '行政诉讼案件数',
    regex: re(`(?<!行政复议${AND})行政诉讼(?!${AND}行政复议)${GAP}${N}${PIECES}`),
    cells: ['appeals.cases.direct_total', 'appeals.cases.after_review_total'],
  },
  {
    what: 'penalty_enforcement',
    label: '行政处罚和行政强制决定数',
    regex: re(`(?:行政处罚${AND}行政强制|行政强制${AND}行政处罚)${GAP}${N}(?:${PIECES}|项)`),
    cells: ['active.penalty.decisions', 'active.enforcement.decisions'],
  },
  {
    what: 'penalty',
    label: '行政处罚决定数',
    regex: re(`(?<!行政强制${AND})行政处罚(?!${AND}行政强制)${GAP}${N}(?:${PIECES}|项)`),
    cells: ['active.penalty.decisions'],
  },
  {
    what: 'enforcement',
    label: '行政强制决定数',
    regex: re(`(?<!行政处罚${AND})行政强制(?!${AND}行政处罚)${GAP}${N}(?:${PIECES}|项)`),
    cells: ['active.enforcement.decisions'],
  },
  {
    what: 'licensing',
    label: '行政许可决定数',
    regex: re(`行政许可${GAP}${N}${PIECES}`),
    cells: ['active.licensing.decisions'],
  },
  // 2021: 本年制发 · 本年废止 · 现行有效; 2019: 本年新制作.
  ...(['rules', 'normative'] as const).flatMap((row): NarrativePattern[] => {
    const thing = row === 'rules' ? '规章' : '(?:行政)?规范性文件'
    const label = row === 'rules' ? '规章' : '规范性文件'
    const made = `(?:制发|印发|出台|制定|新制定|新制作)(?:了)?${thing}${GAP}${N}(?:件|部|个|项)`
    return [
      { what: `${row}_issued`, label: `本年制发的${label}件数`, regex: re(made), cells: [`active.${row}.issued`] },
      { what: `${row}_made`, label: `本年新制作的${label}数量`, regex: re(made), cells: [`active.${row}.made`] },
      {
        what: `${row}_repealed`,
        label: `本年废止的${label}件数`,
        regex: re(`废止(?:了)?${thing}${GAP}${N}(?:件|部|个|项)`),
        cells: [`active.${row}.repealed`],
      },
      {
        what: `${row}_in_force`,
        label: `现行有效的${label}件数`,
        regex: re(`现行有效(?:的)?${thing}${GAP}${N}(?:件|部|个|项)`),
        cells: [`active.${row}.in_force`],
      },
    ]
  }),
]

/** A number followed by what it includes (15件（含上年结转2件）) is not the cell's count. */
const COMPOSITE = /^[(（]?(?:含|包括|其中含)/
/** A clause about another year or a comparison is not about this table. */
const OTHER_YEAR = /上一?年(?!度?结转)|去年|前年|往年|同比|较上年|历年/
const SENTENCE = /[^。；;！!？?\n]+[。；;！!？?]?/g
const QUOTE_MAX = 60

export const FEE_CELL = 'requests.other_no_fee.total'
const FEE_WORD = '信息处理费'

export const narrativeCheck: ExtraCheck = (edition, report, resolved) => {
  const findings: Finding[] = []
  const headings = new Map(textsOf(edition).map((t) => [t.key, t.heading]))
  for (const pattern of NARRATIVE_PATTERNS) {
    const cells = expandCells(edition, pattern.cells)
    if (!cells) continue
    const tableValue = sumIfFilled(edition, cells, report.values, resolved)
    // With blanks, the filled cells already give a lower bound (counts are never negative).
    const bound = tableValue === undefined ? lowerBound(edition, cells, report.values) : undefined
    if (tableValue === undefined && bound === undefined) continue
    for (const textKey of pattern.texts ?? ['overview']) {
      for (const { stated, quoted } of statementsOf(report.texts[textKey] ?? '', pattern)) {
        if (bound !== undefined) {
          if (stated >= bound) continue
          findings.push({
            rule: `narrative.${pattern.what}`,
            severity: 'warning',
            cells: cells.map((c) => c.key),
            text: textKey,
            message: `${headings.get(textKey) ?? ''}中“${quoted}”所述${pattern.label}为${stated}，而表中${describeCells(cells)}已填的格相加已有${bound}（其余格尚空白，只会更多）`,
          })
          continue
        }
        if (stated === tableValue) continue
        findings.push({
          rule: `narrative.${pattern.what}`,
          severity: 'warning',
          cells: cells.map((c) => c.key),
          text: textKey,
          message: `${headings.get(textKey) ?? ''}中“${quoted}”所述${pattern.label}为${stated}，而表中${describeCells(cells)}为${tableValue}`,
        })
      }
    }
  }
  findings.push(...feeNotice(edition, report.texts.other, resolved))
  return findings
}

interface Statement {
  stated: number
  quoted: string
}

// Texts change far less often than cells: what a text states is read once per text.
const statementCache = new Map<string, Map<NarrativePattern, Statement[]>>()

/** The numbers a text states for one pattern (other years and composites left out). */
function statementsOf(text: string, pattern: NarrativePattern): Statement[] {
  let byPattern = statementCache.get(text)
  if (!byPattern) {
    if (statementCache.size >= SENTENCE_CACHE_MAX) statementCache.delete(statementCache.keys().next().value!)
    statementCache.set(text, (byPattern = new Map()))
  }
  let found = byPattern.get(pattern)
  if (!found) {
    found = []
    // exec on the pattern's own (global) regex rather than matchAll, which copies the regex for
    // every sentence: a thousand reports' texts are read against every pattern.
    const regex = pattern.regex
    for (const { normal, shown } of sentencesOf(text)) {
      regex.lastIndex = 0
      for (let m = regex.exec(normal); m; m = regex.exec(normal)) {
        if (!m[0]) regex.lastIndex++
        const clauseStart = Math.max(normal.lastIndexOf(',', m.index), normal.lastIndexOf('，', m.index)) + 1
        if (OTHER_YEAR.test(normal.slice(clauseStart, m.index + m[0].length))) continue
        if (COMPOSITE.test(normal.slice(m.index + m[0].length))) continue
        const stated = pattern.value ?? readNumber(m[1]!)
        if (Number.isFinite(stated)) found.push({ stated, quoted: quote(shown, m.index) })
      }
    }
    byPattern.set(pattern, found)
  }
  return found
}

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** 12 · 十二 · 一百零三 · 两; NaN for what is no number (一二). */
export function readNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s)
  let total = 0
  let digit: number | undefined
  for (const ch of s) {
    const d = CHINESE_DIGITS[ch]
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0) return NaN
      digit = d
    } else if (ch === '十' || ch === '百') {
      total += (digit ?? 1) * (ch === '十' ? 10 : 100)
      digit = undefined
    } else return NaN
  }
  return total + (digit ?? 0)
}

interface Sentence {
  normal: string
  shown: string
}

// Texts change far less often than cells: keep the split of the last texts seen.
const sentenceCache = new Map<string, Sentence[]>()
const SENTENCE_CACHE_MAX = 16

/** The sentences of a text, NFKC-normalised (full-width digits read as ASCII). */
function sentencesOf(text: string): Sentence[] {
  let cached = sentenceCache.get(text)
  if (!cached) {
    cached = []
    for (const sentence of text.match(SENTENCE) ?? []) {
      const normal = sentence.normalize('NFKC')
      // Quoted as written when NFKC kept the length.
      cached.push({ normal, shown: normal.length === sentence.length ? sentence : normal })
    }
    if (sentenceCache.size >= SENTENCE_CACHE_MAX) sentenceCache.delete(sentenceCache.keys().next().value!)
    sentenceCache.set(text, cached)
  }
  return cached
}

/** 2021: applications dropped for unpaid fees should be explained in 六 (信息处理费). */
function feeNotice(edition: EditionDef, other: string, resolved: Resolved): Finding[] {
  const cell = findCell(edition, FEE_CELL)
  const n = resolved.get(FEE_CELL)
  if (!cell || n === undefined || n <= 0 || other.includes(FEE_WORD)) return []
  const heading = textsOf(edition).find((t) => t.key === 'other')?.heading ?? ''
  return [
    {
      rule: 'narrative.fee_notice',
      severity: 'notice',
      cells: [FEE_CELL],
      text: 'other',
      message: `${describeCell(cell)}为${n}，${heading}中应说明${FEE_WORD}的收取情况（未提到“${FEE_WORD}”）`,
    },
  ]
}

/** The cells a pattern names, `*` expanded; undefined when the edition lacks any of them. */
const expandCache = new WeakMap<EditionDef, Map<readonly string[], CellDef[] | undefined>>()

function expandCells(edition: EditionDef, refs: readonly string[]): CellDef[] | undefined {
  let byRefs = expandCache.get(edition)
  if (!byRefs) expandCache.set(edition, (byRefs = new Map()))
  if (!byRefs.has(refs)) byRefs.set(refs, expandUncached(edition, refs))
  return byRefs.get(refs)
}

function expandUncached(edition: EditionDef, refs: readonly string[]): CellDef[] | undefined {
  const out: CellDef[] = []
  for (const ref of refs) {
    const [table, row, column] = ref.split('.') as [string, string, string]
    if (row.endsWith('*')) {
      const prefix = row.slice(0, -1)
      const block = edition.parts.flatMap((p) => (p.kind === 'table' && p.table.key === table ? p.table.blocks : []))
      const matched = block.flatMap((b) =>
        b.rows.filter((r) => r.key.startsWith(prefix)).map((r) => findCell(edition, cellKey(table, r.key, column))),
      )
      if (matched.length === 0 || matched.some((c) => !c)) return undefined
      out.push(...(matched as CellDef[]))
    } else {
      const cell = findCell(edition, ref)
      if (!cell) return undefined
      out.push(cell)
    }
  }
  return out
}

/** The sum of the cells, only when every input cell under them is filled (else silence). */
function sumIfFilled(
  edition: EditionDef,
  cells: readonly CellDef[],
  values: Values,
  resolved: Resolved,
): number | undefined {
  let sum = 0
  for (const cell of cells) {
    if (!inputsOf(edition, cell).every((k) => k in values)) return undefined
    const v = resolved.get(cell.key)
    if (v === undefined) return undefined
    sum += v
  }
  return Math.round(sum * 10000) / 10000
}

/**
 * The sum of the filled input cells when some are blank and all are counts (never negative),
 * and it is above 0; undefined otherwise (no bound worth stating, or a kind that may be negative).
 */
function lowerBound(edition: EditionDef, cells: readonly CellDef[], values: Values): number | undefined {
  let inputs = countInputsCache.get(cells)
  if (inputs === undefined) {
    const keys = cells.flatMap((c) => inputsOf(edition, c))
    inputs = keys.every((k) => findCell(edition, k)?.column.kind === 'count') ? keys : null
    countInputsCache.set(cells, inputs)
  }
  if (!inputs) return undefined
  let sum = 0
  for (const key of inputs) sum += values[key] ?? 0
  return sum > 0 ? sum : undefined
}

/** The input cells under a pattern's cells when all are counts; null when some may be negative. */
const countInputsCache = new WeakMap<readonly CellDef[], CellKey[] | null>()

const inputsCache = new WeakMap<CellDef, CellKey[]>()

/** The input cells a (computed) cell sums, cached per cell. */
function inputsOf(edition: EditionDef, cell: CellDef): CellKey[] {
  let keys = inputsCache.get(cell)
  if (!keys) inputsCache.set(cell, (keys = inputsUncached(edition, cell)))
  return keys
}

function inputsUncached(edition: EditionDef, cell: CellDef): CellKey[] {
  const sub = (row: string, column: string) => {
    const c = findCell(edition, cellKey(cell.table.key, row, column))
    return c ? inputsOf(edition, c) : []
  }
  if (cell.row.sumOf) return cell.row.sumOf.flatMap((r) => sub(r, cell.column.key))
  if (cell.column.sumOf) return cell.column.sumOf.flatMap((c) => sub(cell.row.key, c))
  return [cell.key]
}

/** One cell in full; a group of rows by the group they share; else the cells joined with 加. */
function describeCells(cells: readonly CellDef[]): string {
  const [first] = cells
  if (!first) return ''
  if (cells.length === 1) return describeCell(first)
  const sameColumn = cells.every((c) => c.table === first.table && c.column.key === first.column.key)
  const group = first.row.path?.at(-1)
  if (sameColumn && group && cells.every((c) => c.row.path?.at(-1) === group)) {
    return `${first.table.heading} · ${group} · ${columnLabel(first.column)}（各项之和）`
  }
  return cells.map((c) => [c.row.label, columnLabel(c.column)].filter(Boolean).join(' ')).join('加')
}

/** The sentence, or ~60 characters of it from a little before the statement. */
function quote(sentence: string, at: number): string {
  const s = sentence.trim().replace(/[。；;！!？?]$/, '')
  if (s.length <= QUOTE_MAX) return s
  const from = Math.max(0, Math.min(at - 20, s.length - QUOTE_MAX))
  return `${from > 0 ? '…' : ''}${s.slice(from, from + QUOTE_MAX)}${from + QUOTE_MAX < s.length ? '…' : ''}`
}
