// All checks a report gets everywhere (list status, editor, print, compile): the edition's
// rules, value domains, blanks, and the checks of the texts against the tables.
import { type CheckOptions, checkReport, countFindings, type ExtraCheck, type LastYearInput } from './checks'
import { getEdition } from './edition'
import type { Finding } from './findings'
import { guidanceCheck } from './guidance'
import { narrativeCheck } from './narrative'
import type { Report } from './report'

const EXTRA_CHECKS: readonly ExtraCheck[] = [narrativeCheck, guidanceCheck]

export function reviewReport(
  report: Pick<Report, 'edition' | 'values' | 'texts'>,
  lastYear?: LastYearInput,
  options?: CheckOptions,
): Finding[] {
  return checkReport(getEdition(report.edition), report, lastYear, EXTRA_CHECKS, options)
}

export interface ReportStatus {
  errors: number
  warnings: number
  /** Blank cells and blank text parts. */
  blanks: number
  /** Of those, the text parts. */
  blankTexts: number
}

export function reportStatus(findings: readonly Finding[]): ReportStatus {
  const counts = countFindings(findings)
  const blank = findings.filter((f) => f.rule === 'blank')
  return {
    errors: counts.error,
    warnings: counts.warning,
    blanks: blank.length,
    blankTexts: blank.filter((f) => f.text).length,
  }
}

/**
 * What to say before a report leaves the editor (print, export, 定稿): its errors with blanks
 * as 0 and its blanks; undefined when there is nothing to say or the report is marked final.
 */
export function unfinishedStatus(
  report: Pick<Report, 'edition' | 'values' | 'texts' | 'final'>,
  lastYear?: LastYearInput,
): ReportStatus | undefined {
  if (report.final) return undefined
  const status = reportStatus(reviewReport(report, lastYear, { final: true }))
  return status.errors || status.blanks ? status : undefined
}

/** Last year's report of the same agency among `reports`, if any. */
export function findLastYear<T extends Pick<Report, 'agency' | 'year'>>(
  report: Pick<Report, 'agency' | 'year'>,
  reports: readonly T[],
): T | undefined {
  return reports.find((r) => r.agency === report.agency && r.year === report.year - 1)
}
