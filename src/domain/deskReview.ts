// What the compiling office checks beyond one report: continuity with last year's report of the
// same department, texts copied from last year's report or from another department's, the
// wrong reporting year in 一、总体情况, and 五/六 reduced to a single filler line.
import { getEdition, textsOf } from './edition'
import type { Finding } from './findings'
import type { TextKey } from './format'
import { type Report, TEXT_KEYS } from './report'
import { reviewReport } from './review'
import { type Fingerprinted, candidatePairs, diffRatio, fingerprinted, mayBeSimilar } from './similarity'

/** A text part this similar (diff ratio over characters) to another report's same part is copied. */
const COPY_RATIO = 0.9
/** Shorter texts (无, a sentence of boilerplate) are alike by nature and never compared. */
const COPY_MIN_CHARS = 60

export type Reviewed = Pick<Report, 'id' | 'agency' | 'year' | 'edition' | 'values' | 'texts' | 'createdAt'>

function heading(report: Pick<Report, 'edition'>, key: TextKey): string {
  return textsOf(getEdition(report.edition)).find((t) => t.key === key)?.heading ?? key
}

/** The texts of a report made ready for comparison (undefined: too short to compare). */
export type TextPrints = Partial<Record<TextKey, Fingerprinted>>

export function textPrints(texts: Report['texts']): TextPrints {
  const out: TextPrints = {}
  for (const key of TEXT_KEYS) {
    const print = fingerprinted(texts[key] ?? '')
    if (print.text.length >= COPY_MIN_CHARS) out[key] = print
  }
  return out
}

const percent = (ratio: number) => `${Math.floor(ratio * 100)}%`

/** The same part of this year's and last year's report of a department, nearly the same. */
export function copiedFromLastYear(report: Reviewed, last: Reviewed, prints?: TextPrints, lastPrints?: TextPrints) {
  const mine = prints ?? textPrints(report.texts)
  const theirs = lastPrints ?? textPrints(last.texts)
  const out: Finding[] = []
  for (const key of TEXT_KEYS) {
    const a = mine[key]
    const b = theirs[key]
    if (!a || !b || !mayBeSimilar(a, b)) continue
    const ratio = diffRatio(a.text, b.text, COPY_RATIO)
    if (ratio >= COPY_RATIO) {
      out.push({
        rule: 'desk.copiedLastYear',
        severity: 'warning',
        cells: [],
        text: key,
        message: `${heading(report, key)}：与本机关${last.year}年报告的同一部分相似度${percent(ratio)}，疑似照搬上年内容`,
      })
    }
  }
  return out
}

/**
 * Texts of one year nearly the same as another department's same part. Each pair is reported
 * once, on the later of the two in `reports` (the order received); the earlier is named.
 */
export function copiedAcross(reports: readonly Reviewed[], printsOf: (r: Reviewed) => TextPrints) {
  const out = new Map<string, Finding[]>()
  for (const key of TEXT_KEYS) {
    const owners: Reviewed[] = []
    const items: Fingerprinted[] = []
    for (const r of reports) {
      const p = printsOf(r)[key]
      if (!p) continue
      owners.push(r)
      items.push(p)
    }
    for (const [i, j] of candidatePairs(items)) {
      const a = owners[i]!
      const b = owners[j]!
      if (a.agency.trim() === b.agency.trim()) continue
      const ratio = diffRatio(items[i]!.text, items[j]!.text, COPY_RATIO)
      if (ratio < COPY_RATIO) continue
      // `reports` is in the order received: i < j.
      const [source, copy] = [a, b]
      const list = out.get(copy.id) ?? []
      list.push({
        rule: 'desk.copiedOther',
        severity: 'warning',
        cells: [],
        text: key,
        message: `${heading(copy, key)}：与「${source.agency}」${source.year}年报告的同一部分相似度${percent(ratio)}，疑似照抄`,
      })
      out.set(copy.id, list)
    }
  }
  return out
}

/** Sentences that compare with another year: their years are not the reporting year's. */
const COMPARISON = /上年|去年|上一年|前一年|同比|相比|环比|以来|[较比与和自从]\s*20\d\d\s*年/
const YEAR = /(20\d\d)\s*年/g

/**
 * 一、总体情况 speaking of another year as the reporting year: outside comparisons and titles,
 * another year named at least twice and more often than the report's own year.
 */
export function wrongYear(report: Pick<Report, 'year' | 'edition' | 'texts'>): Finding[] {
  const text = (report.texts.overview ?? '').replace(/《[^》]*》/g, '')
  const counts = new Map<number, number>()
  for (const sentence of text.split(/[。；;！!？?\n]/)) {
    if (COMPARISON.test(sentence)) continue
    for (const m of sentence.matchAll(YEAR)) {
      const y = Number(m[1])
      counts.set(y, (counts.get(y) ?? 0) + 1)
    }
  }
  const own = counts.get(report.year) ?? 0
  const [other, n] = [...counts].filter(([y]) => y !== report.year).sort((a, b) => b[1] - a[1])[0] ?? [0, 0]
  if (n < 2 || n <= own) return []
  return [
    {
      rule: 'desk.wrongYear',
      severity: 'notice',
      cells: [],
      text: 'overview',
      message: `${heading(report, 'overview')}：${n}处写的是${other}年${own ? `（${report.year}年只有${own}处）` : ''}，而本报告是${report.year}年度的报告，请核对年份`,
    },
  ]
}

/** Words that say nothing: 无, 暂无, 本年度无其他需要报告的事项 … */
const FILLER =
  /^(?:本(?:机关|单位|部门)?(?:本?年度?)?)?(?:无|暂无|没有|略|空|不适用|无需报告|无相关(?:内容|事项|情况)|无此类?(?:情况|事项)|无其他(?:需要|需|应)?(?:报告|说明)?的?(?:事项|情况|内容)?)$/

/** 五 or 六 holding a single filler line (an empty part is a blank, counted elsewhere). */
export function fillerParts(report: Pick<Report, 'edition' | 'texts'>): Finding[] {
  const out: Finding[] = []
  for (const key of ['problems', 'other'] as const) {
    const raw = (report.texts[key] ?? '').trim()
    if (!raw || raw.includes('\n')) continue
    const words = raw.replace(/[\s\p{P}\p{S}]/gu, '')
    if (words && !FILLER.test(words)) continue
    out.push({
      rule: 'desk.filler',
      severity: 'warning',
      cells: [],
      text: key,
      message: `${heading(report, key)}：只写了「${raw.slice(0, 20)}」，请如实写明${key === 'problems' ? '存在的主要问题和改进措施' : '需要报告的事项（如收取信息处理费的情况）'}`,
    })
  }
  return out
}

export interface DeskReview {
  findings: Finding[]
  errors: number
  warnings: number
  notices: number
  blanks: number
  /** Last year's report of the department, when stored: the cross-year checks ran against it. */
  lastYearId?: string
}

/** A report's own checks (with last year's when given), and the desk's checks of its texts. */
export function ownReview(report: Reviewed, last?: Reviewed, prints?: TextPrints, lastPrints?: TextPrints): Finding[] {
  return [
    ...reviewReport(report, last),
    ...(last ? copiedFromLastYear(report, last, prints, lastPrints) : []),
    ...wrongYear(report),
    ...fillerParts(report),
  ]
}

export function summarize(findings: Finding[], lastYearId?: string): DeskReview {
  let errors = 0
  let warnings = 0
  let notices = 0
  let blanks = 0
  for (const f of findings) {
    if (f.rule === 'blank') blanks++
    else if (f.severity === 'error') errors++
    else if (f.severity === 'warning') warnings++
    else notices++
  }
  return { findings, errors, warnings, notices, blanks, ...(lastYearId ? { lastYearId } : {}) }
}

/**
 * The desk's checks of one report, for the editor: its texts against last year's report and
 * against every other department's report of the year (each pair either way), the year, 五/六.
 */
export function deskChecksOf(report: Reviewed, sameYear: readonly Reviewed[], last?: Reviewed): Finding[] {
  const prints = textPrints(report.texts)
  const out = [...(last ? copiedFromLastYear(report, last, prints) : []), ...wrongYear(report), ...fillerParts(report)]
  for (const other of sameYear) {
    if (other.id === report.id || other.agency.trim() === report.agency.trim()) continue
    const theirs = textPrints(other.texts)
    for (const key of TEXT_KEYS) {
      const a = prints[key]
      const b = theirs[key]
      if (!a || !b || !mayBeSimilar(a, b)) continue
      const ratio = diffRatio(a.text, b.text, COPY_RATIO)
      if (ratio < COPY_RATIO) continue
      out.push({
        rule: 'desk.copiedOther',
        severity: 'warning',
        cells: [],
        text: key,
        message: `${heading(report, key)}：与「${other.agency}」${other.year}年报告的同一部分相似度${percent(ratio)}，疑似照抄`,
      })
    }
  }
  return out
}
