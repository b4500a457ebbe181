// What the Word file, the workbook and the web page share: their names and the signature block.
import { exchangeFileName } from './exchange'
import type { Report } from './report'

export type DocumentKind = 'docx' | 'xlsx' | 'html'

/** 「{agency}-{year}年政府信息公开工作年度报告.docx」: the JSON export's name with the document's extension. */
export function documentFileName(report: Pick<Report, 'agency' | 'year'>, kind: DocumentKind): string {
  return exchangeFileName(report).replace(/\.json$/, `.${kind}`)
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
