// All checks a report gets everywhere (list status, editor, print, compile): the edition's
// rules, value domains, blanks, and the checks of the texts against the tables.
import { checkReport, countFindings, type ExtraCheck, type LastYearInput } from './checks'
import { getEdition } from './edition'
import type { Finding } from './findings'
import { narrativeCheck } from './narrative'
import type { Report } from './report'

const EXTRA_CHECKS: readonly ExtraCheck[] = [narrativeCheck]

export function reviewReport(
  report: Pick<Report, 'edition' | 'values' | 'texts'>,
  lastYear?: LastYearInput,
): Finding[] {
  return checkReport(getEdition(report.edition), report, lastYear, EXTRA_CHECKS)
}

export interface ReportStatus {
  errors: number
  warnings: number
  blanks: number
}

export function reportStatus(findings: readonly Finding[]): ReportStatus {
  const counts = countFindings(findings)
  const blanks = findings.filter((f) => f.rule === 'blank').length
  return { errors: counts.error, warnings: counts.warning, blanks }
}

/** Last year's report of the same agency among `reports`, if any. */
export function findLastYear<T extends Pick<Report, 'agency' | 'year'>>(
  report: Pick<Report, 'agency' | 'year'>,
  reports: readonly T[],
): T | undefined {
  return reports.find((r) => r.agency === report.agency && r.year === report.year - 1)
}
