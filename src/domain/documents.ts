// What the Word file, the workbook and the web page share: their names and the signature block.
import type { Report } from './report'

export type DocumentKind = 'docx' | 'xlsx' | 'html'

/**
 * 「{agency}-{year}年政府信息公开工作年度报告.docx」, as the exchange file (.json) is named, with
 * characters illegal in file names (\/:*?"<>| and control chars) replaced by _.
 */
export function documentFileName(report: Pick<Report, 'agency' | 'year'>, kind: DocumentKind | 'json'): string {
  const agency = report.agency.trim().replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
  return `${agency}-${report.year}年政府信息公开工作年度报告.${kind}`
}

/** The optional 署名 under the report: the agency and the date, as the user typed them. */
export interface Signature {
  agency: string
  date: string
}

/** 2025年1月20日, the date as an official document writes it. */
export function officialDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`
}
