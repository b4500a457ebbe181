// The compiling office's desk (汇总工作台) of one year: the roster of departments expected, what
// each has sent and what was done with it, the counts and the deadlines, what a compilation from
// the desk takes in and leaves out.
import { type Part, chooseParts } from './compile'
import {
  type DeskReview,
  type Reviewed,
  type TextPrints,
  copiedAcross,
  ownReview,
  summarize,
  textPrints,
} from './deskReview'
import { AGENCY_MAX, type Report } from './report'

export interface DeskEntry {
  agency: string
  /** How the department came onto the roster. */
  source: 'typed' | 'lastYear' | 'file'
  /** The file it last arrived in through the desk. */
  receivedFile?: string
  sentBackAt?: number
  /** How many findings were listed when it was sent back. */
  sentBackItems?: number
  acceptedAt?: number
}

interface CompileRecord {
  reportId: string
  at: number
  /** accepted: only the accepted reports; received: every report received. */
  mode: 'accepted' | 'received'
  included: string[]
  leftOut: { agency: string; reason: string }[]
}

export interface Desk {
  year: number
  entries: DeskEntry[]
  compiled?: CompileRecord
  createdAt: number
  updatedAt: number
}

export const sameAgency = (a: string, b: string) => a.trim() === b.trim()

/**
 * Names from a pasted or typed list: one per line (or separated by 、，,；;), numbering such as
 * 「1.」「（2）」「3、」 and spaces removed, duplicates and blanks dropped, in order.
 */
export function parseRoster(text: string): string[] {
  const out: string[] = []
  for (const piece of text.split(/[\n\r\t,，;；]+/)) {
    const name = piece
      .trim()
      .replace(/^(?:\d+|[（(]\d+[）)])[.、．:：\s]*/, '')
      .trim()
      .slice(0, AGENCY_MAX)
    if (name && !out.some((n) => sameAgency(n, name))) out.push(name)
  }
  return out
}

/** The desk with `names` added to its roster (those already on it left as they are). */
export function withAgencies(desk: Desk, names: readonly string[], source: DeskEntry['source'], now: number): Desk {
  const entries = [...desk.entries]
  const listed = new Set(entries.map((e) => e.agency.trim()))
  for (const name of names) {
    const agency = name.trim()
    if (agency && !listed.has(agency)) {
      listed.add(agency)
      entries.push({ agency, source })
    }
  }
  return { ...desk, entries, updatedAt: now }
}

export function newDesk(year: number, now: number): Desk {
  return { year, entries: [], createdAt: now, updatedAt: now }
}

export type DeskStatus = 'missing' | 'received' | 'resubmitted' | 'sentBack' | 'accepted'

export const DESK_STATUS_LABEL: Record<DeskStatus, string> = {
  missing: '未报送',
  received: '已报送',
  resubmitted: '已重新报送',
  sentBack: '已退回',
  accepted: '已通过',
}

/** Where a status sorts: what needs the office's attention first. */
export const DESK_STATUS_ORDER: Record<DeskStatus, number> = {
  resubmitted: 0,
  received: 1,
  sentBack: 2,
  missing: 3,
  accepted: 4,
}

type Received = Reviewed & { updatedAt: number; compiledFrom?: string[]; deletedAt?: number }

/** A report a new file replaces gets a new id and creation time: that is when it was received. */
export function statusOf(entry: DeskEntry, report: Pick<Report, 'createdAt'> | undefined): DeskStatus {
  if (!report) return 'missing'
  const last = Math.max(entry.sentBackAt ?? 0, entry.acceptedAt ?? 0)
  if (last && report.createdAt > last) return 'resubmitted'
  if (entry.acceptedAt && entry.acceptedAt === last) return 'accepted'
  if (entry.sentBackAt) return 'sentBack'
  return 'received'
}

/** The reports that count for a desk of `year`: that year's, not compiled, not in the bin. */
function deskReports<T extends Received>(year: number, reports: readonly T[]): T[] {
  return reports.filter((r) => r.year === year && !r.deletedAt && !r.compiledFrom)
}

/** Each agency's report: the latest received when several are stored. */
function latestByAgency<T extends Received>(reports: readonly T[]): Map<string, T> {
  const out = new Map<string, T>()
  for (const r of reports) {
    const key = r.agency.trim()
    const had = out.get(key)
    if (!had || r.createdAt > had.createdAt) out.set(key, r)
  }
  return out
}

export interface DeskRow<T> {
  entry: DeskEntry
  status: DeskStatus
  report?: T
  review?: DeskReview
  /** Reports of this agency and year stored besides the one shown. */
  copies: number
}

export interface DeskCounts {
  expected: number
  received: number
  missing: number
  withErrors: number
  withWarnings: number
  sentBack: number
  accepted: number
  /** Received reports with no last-year report stored: cross-year checks could not run. */
  noLastYear: number
}

export function deskCounts(rows: readonly DeskRow<unknown>[]): DeskCounts {
  const c: DeskCounts = {
    expected: rows.length,
    received: 0,
    missing: 0,
    withErrors: 0,
    withWarnings: 0,
    sentBack: 0,
    accepted: 0,
    noLastYear: 0,
  }
  for (const r of rows) {
    if (r.status === 'missing') {
      c.missing++
      continue
    }
    c.received++
    if (r.review?.errors) c.withErrors++
    if (r.review?.warnings) c.withWarnings++
    if (r.status === 'sentBack') c.sentBack++
    if (r.status === 'accepted') c.accepted++
    if (r.review && !r.review.lastYearId) c.noLastYear++
  }
  return c
}

/** The copies found across departments of each year, kept beside each review cache. */
const acrossCache = new WeakMap<object, Map<number, { key: string; found: ReturnType<typeof copiedAcross> }>>()

type ReviewCache = Map<string, { key: string; own: ReturnType<typeof ownReview>; prints: TextPrints; lastId?: string }>

/** How far a review of the year has come: reports checked of those to check. */
export interface ReviewProgress {
  done: number
  total: number
}

/**
 * Reviews of every report of the desk's year, keyed by report id. `cache` keeps each report's
 * own checks and text fingerprints between calls, keyed by what they depend on, so that a
 * change re-checks only what changed; copies across departments are found from the
 * fingerprints (only candidate pairs are diffed); a copy is reported on the report received
 * later, or (received together) the one later on the roster (`rank`).
 */
export function reviewYear<T extends Received>(
  year: number,
  all: readonly T[],
  cache: ReviewCache,
  rank: (agency: string) => number = () => 0,
): Map<string, DeskReview> {
  const steps = reviewYearSteps(year, all, cache, rank)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/**
 * reviewYear one report at a time: yields after each report it had to check (with how far it
 * has come), so that a caller can give the page its frames between; returns the reviews.
 */
export function* reviewYearSteps<T extends Received>(
  year: number,
  all: readonly T[],
  cache: ReviewCache,
  rank: (agency: string) => number = () => 0,
): Generator<ReviewProgress, Map<string, DeskReview>> {
  const live = all.filter((r) => !r.deletedAt && !r.compiledFrom)
  const lastYear = latestByAgency(live.filter((r) => r.year === year - 1))
  const reports = deskReports(year, live)
  const printsOf = (r: Reviewed & { updatedAt?: number }) => {
    const hit = cache.get(`p:${r.id}`)
    const key = String(r.updatedAt ?? r.createdAt)
    if (hit?.key === key) return hit.prints
    const prints = textPrints(r.texts)
    cache.set(`p:${r.id}`, { key, own: [], prints })
    return prints
  }
  const own = new Map<string, { findings: ReturnType<typeof ownReview>; lastId?: string }>()
  for (const [i, r] of reports.entries()) {
    const last = lastYear.get(r.agency.trim())
    const key = `${r.updatedAt}|${r.edition}|${last ? `${last.id}:${last.updatedAt}` : ''}`
    let hit = cache.get(r.id)
    if (hit?.key !== key) {
      const findings = ownReview(r, last, printsOf(r), last ? printsOf(last) : undefined)
      hit = { key, own: findings, prints: {}, ...(last ? { lastId: last.id } : {}) }
      cache.set(r.id, hit)
      yield { done: i + 1, total: reports.length }
    }
    own.set(r.id, { findings: hit.own, ...(hit.lastId ? { lastId: hit.lastId } : {}) })
  }
  const ordered = [...reports].sort((a, b) => a.createdAt - b.createdAt || rank(a.agency) - rank(b.agency))
  // Copies across departments depend only on these reports' texts in this order: a change
  // elsewhere (a desk's roster, a compiled report, another year's desk looked at) finds them
  // as they were.
  const acrossKey = ordered.map((r) => `${r.id}:${r.updatedAt}`).join('|')
  let years = acrossCache.get(cache)
  if (!years) acrossCache.set(cache, (years = new Map()))
  let across = years.get(year)
  if (across?.key !== acrossKey) {
    across = { key: acrossKey, found: copiedAcross(ordered, printsOf) }
    years.set(year, across)
  }
  const out = new Map<string, DeskReview>()
  for (const r of reports) {
    const mine = own.get(r.id)!
    out.set(r.id, summarize([...mine.findings, ...(across.found.get(r.id) ?? [])], mine.lastId))
  }
  return out
}

/** The desk's rows, in roster order. */
export function deskRows<T extends Received>(
  desk: Desk,
  reports: readonly T[],
  reviews: ReadonlyMap<string, DeskReview>,
): DeskRow<T>[] {
  const ofYear = deskReports(desk.year, reports)
  const latest = latestByAgency(ofYear)
  const counts = new Map<string, number>()
  for (const r of ofYear) counts.set(r.agency.trim(), (counts.get(r.agency.trim()) ?? 0) + 1)
  return desk.entries.map((entry) => {
    const report = latest.get(entry.agency.trim())
    const review = report ? reviews.get(report.id) : undefined
    return {
      entry,
      status: statusOf(entry, report),
      ...(report ? { report } : {}),
      ...(review ? { review } : {}),
      copies: Math.max(0, (counts.get(entry.agency.trim()) ?? 0) - 1),
    }
  })
}

/** Agencies with a report of the desk's year that are not on the roster. */
export function unlisted<T extends Received>(desk: Desk, reports: readonly T[]): string[] {
  const names = new Set(deskReports(desk.year, reports).map((r) => r.agency.trim()))
  for (const e of desk.entries) names.delete(e.agency.trim())
  return [...names]
}

export interface Deadline {
  label: string
  /** 1月31日 */
  day: string
  /** Days left; 0 = today; negative = past. */
  daysLeft: number
}

/**
 * By 条例第四十九条: departments hand in by 31 January of the following year, the government
 * publishes its own report by 31 March.
 */
export function deadlines(year: number, today: Date): Deadline[] {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000
  const t = day(today)
  return [
    { label: '各部门报送年度报告', day: `${year + 1}年1月31日`, daysLeft: day(new Date(year + 1, 0, 31)) - t },
    { label: '本级政府年度报告公布', day: `${year + 1}年3月31日`, daysLeft: day(new Date(year + 1, 2, 31)) - t },
  ]
}

export function deadlineWords(d: Deadline): string {
  if (d.daysLeft > 0) return `还有${d.daysLeft}天`
  if (d.daysLeft === 0) return '今天截止'
  return `已过${-d.daysLeft}天`
}

export interface CompilePlan<T> {
  parts: T[]
  leftOut: { agency: string; reason: string }[]
  year: number
  edition?: string
}

/**
 * What compiling from the desk takes in: the accepted reports (or every received one), each
 * other department named with why it is left out; reports 汇总 itself refuses (another edition)
 * are left out with its reason.
 */
export function compilePlan<T extends Received & Part>(
  rows: readonly DeskRow<T>[],
  mode: 'accepted' | 'received',
  year: number,
): CompilePlan<T> {
  const leftOut: CompilePlan<T>['leftOut'] = []
  const chosen: T[] = []
  for (const row of rows) {
    const agency = row.entry.agency
    if (!row.report) leftOut.push({ agency, reason: '未报送' })
    else if (mode === 'accepted' && row.status !== 'accepted') {
      const why =
        row.status === 'sentBack'
          ? '已退回修改，尚未重新报送'
          : row.review?.errors
            ? `尚未审核通过（有${row.review.errors}个错误）`
            : '尚未审核通过'
      leftOut.push({ agency, reason: why })
    } else chosen.push(row.report)
  }
  const selection = chosen.length ? chooseParts(chosen, { year }) : undefined
  for (const r of selection?.refused ?? []) leftOut.push({ agency: r.report.agency, reason: r.reason })
  return {
    parts: selection?.parts ?? [],
    leftOut,
    year,
    ...(selection ? { edition: selection.edition.key } : {}),
  }
}
