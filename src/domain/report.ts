// The report document and its normalising restore from untrusted data.
import { FIRST_YEAR, editionForYear, findCell, findEdition, getEdition } from './edition'
import type { CellKey, EditionDef, EditionKey, TextKey } from './format'

export type ReportTexts = Record<TextKey, string>
/** Input cells only: an absent key is a blank cell, which is not 0. */
export type Values = Record<CellKey, number>

export interface Report {
  id: string
  agency: string
  year: number
  edition: EditionKey
  values: Values
  texts: ReportTexts
  createdAt: number
  updatedAt: number
  /** A compiled (汇总) report: the ids of the reports it sums. */
  compiledFrom?: string[]
  /** What 新建下一年度 carried over, in words. */
  carriedFrom?: string
  /** The report 新建下一年度 started from (exchange file `carriedFrom`). */
  carriedFromReport?: ReportRef
  /**
   * The agencies a compiled report sums, as a file received from elsewhere names them (exchange
   * file `compiledFrom`): its parts are not in this browser, so `compiledFrom` (ids) is absent.
   */
  compiledAgencies?: string[]
  /** Departments a compiled report leaves out, and why (exchange file `compiledLeftOut`). */
  compiledLeftOut?: LeftOut[]
  /** Marked final (定稿) by the clerk (exchange file `final`): read-only; prints and exports without a warning. */
  final?: boolean
}

/** A report named by its agency and year, as files name it. */
export interface ReportRef {
  agency: string
  year: number
}

/** A department a compiled report leaves out. */
export interface LeftOut {
  agency: string
  /** Chinese, e.g. 未报送 or 有错误未改正 */
  reason: string
}

/** Whether a report is a compiled (汇总) report, here or where its file came from. */
export const isCompiled = (r: Pick<Report, 'compiledFrom' | 'compiledAgencies'>) =>
  Boolean(r.compiledFrom ?? r.compiledAgencies)

/** How many departments a compiled report sums. */
export const compiledCount = (r: Pick<Report, 'compiledFrom' | 'compiledAgencies'>) =>
  (r.compiledFrom ?? r.compiledAgencies)?.length ?? 0

export const TEXT_KEYS: readonly TextKey[] = ['overview', 'problems', 'other']
export const AGENCY_MAX = 100

export const emptyTexts = (): ReportTexts => ({ overview: '', problems: '', other: '' })

export function newId(): string {
  return globalThis.crypto.randomUUID()
}

/** The latest report year accepted: next year (reports are drafted before the year ends). */
export const lastYear = (now = new Date()) => now.getFullYear() + 1

/** Checks agency and year for a new report; returns a Chinese message or undefined. */
export function validateIdentity(agency: string, year: number, now = new Date()): string | undefined {
  const name = agency.trim()
  if (!name) return '请填写机关名称'
  if (name.length > AGENCY_MAX) return `机关名称不能超过${AGENCY_MAX}个字（现为${name.length}个字）`
  if (!Number.isInteger(year)) return '年度须为整数，例如 2024'
  if (year < FIRST_YEAR) return `${year}年的报告使用2019年以前的旧格式，本工具不支持，请填写${FIRST_YEAR}年或以后的年度`
  if (year > lastYear(now)) return `年度不能晚于${lastYear(now)}年`
  return undefined
}

export function createReport(agency: string, year: number, edition?: EditionKey, now = Date.now()): Report {
  const def = edition ? getEdition(edition) : editionForYear(year)
  if (!def) throw new Error(`${year}年没有适用的格式`)
  return {
    id: newId(),
    agency: agency.trim(),
    year,
    edition: def.key,
    values: {},
    texts: emptyTexts(),
    createdAt: now,
    updatedAt: now,
  }
}

export function reportTitle(r: Pick<Report, 'agency' | 'year'>): string {
  return `${r.agency}${r.year}年政府信息公开工作年度报告`
}

/** Keeps only the input cells of `edition` that hold finite numbers. */
export function cleanValues(edition: EditionDef, raw: unknown): Values {
  const values: Values = {}
  if (!raw || typeof raw !== 'object') return values
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    const cell = findCell(edition, key)
    if (cell && !cell.computed && typeof v === 'number' && Number.isFinite(v)) values[key] = v
  }
  return values
}

export function cleanTexts(raw: unknown): ReportTexts {
  const texts = emptyTexts()
  if (raw && typeof raw === 'object') {
    for (const k of TEXT_KEYS) {
      const v = (raw as Record<string, unknown>)[k]
      if (typeof v === 'string') texts[k] = normalizeText(v)
    }
  }
  return texts
}

/** Paragraphs separated by a single \n, no trailing spaces, no \r. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+$/gm, '')
    .replace(/\n{2,}/g, '\n')
    .trim()
}

/**
 * Restores a report from untrusted data (a database row of an older version, a backup):
 * anything malformed is dropped or defaulted; undefined if it cannot be a report at all.
 */
export function restoreReport(raw: unknown): Report | undefined {
  if (!raw || typeof raw !== 'object') return undefined
  const r = raw as Record<string, unknown>
  const year = typeof r.year === 'number' && Number.isInteger(r.year) ? r.year : undefined
  if (year === undefined || typeof r.agency !== 'string' || !r.agency.trim()) return undefined
  const edition = (typeof r.edition === 'string' && findEdition(r.edition)) || editionForYear(year)
  if (!edition) return undefined
  const now = Date.now()
  const report: Report = {
    id: typeof r.id === 'string' && r.id ? r.id : newId(),
    agency: r.agency.trim().slice(0, AGENCY_MAX),
    year,
    edition: edition.key,
    values: cleanValues(edition, r.values),
    texts: cleanTexts(r.texts),
    createdAt: typeof r.createdAt === 'number' ? r.createdAt : now,
    updatedAt: typeof r.updatedAt === 'number' ? r.updatedAt : now,
  }
  if (Array.isArray(r.compiledFrom))
    report.compiledFrom = r.compiledFrom.filter((x): x is string => typeof x === 'string')
  if (typeof r.carriedFrom === 'string') report.carriedFrom = r.carriedFrom
  const ref = r.carriedFromReport as Partial<ReportRef> | undefined
  if (ref && typeof ref.agency === 'string' && typeof ref.year === 'number')
    report.carriedFromReport = { agency: ref.agency, year: ref.year }
  if (Array.isArray(r.compiledAgencies))
    report.compiledAgencies = r.compiledAgencies.filter((x): x is string => typeof x === 'string')
  if (Array.isArray(r.compiledLeftOut)) {
    report.compiledLeftOut = (r.compiledLeftOut as Partial<LeftOut>[]).flatMap((x) =>
      x && typeof x.agency === 'string' && typeof x.reason === 'string' ? [{ agency: x.agency, reason: x.reason }] : [],
    )
  }
  if (r.final === true) report.final = true
  return report
}
