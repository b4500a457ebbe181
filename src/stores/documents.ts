// Making the documents a department hands over (Word, Excel, web page) and handing them to the
// browser: one report from the editor, several from the home list (one file each in a zip).
// Each document's writer is its own lazily loaded chunk; this module loads when first used.
import { downloadBlob } from '@/composables/downloadBlob'
import { getReports } from '@/db/reports'
import { type DocumentKind, type Signature, documentFileName } from '@/domain/documents'
import type { Report } from '@/domain/report'
import { zipFileName } from './exchange'

const TYPES: Record<DocumentKind, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html;charset=utf-8',
}

/** The document's bytes. */
export async function makeDocument(report: Report, kind: DocumentKind, signature?: Signature): Promise<Blob> {
  if (kind === 'docx') return (await import('@/domain/wordReport')).wordFile(report, { signature })
  if (kind === 'xlsx') return (await import('@/domain/excelReport')).excelFile(report)
  const { reportHtmlPage } = await import('@/domain/htmlReport')
  return new Blob([reportHtmlPage(report)], { type: TYPES.html })
}

export async function exportDocument(report: Report, kind: DocumentKind, signature?: Signature) {
  const blob = await makeDocument(report, kind, signature)
  downloadBlob(documentFileName(report, kind), new Blob([blob], { type: TYPES[kind] }))
}

/** Several reports: one zip of one document each (one report: the document itself). */
export async function exportDocuments(ids: readonly string[], kind: DocumentKind) {
  const rows = await getReports(ids)
  if (rows.length === 1) return exportDocument(rows[0]!, kind)
  const { zipSync } = await import('fflate')
  const now = new Date()
  const files: Record<string, Uint8Array> = {}
  for (const r of rows) {
    let name = documentFileName(r, kind)
    for (let n = 2; name in files; n++) name = documentFileName(r, kind).replace(/\.(\w+)$/, `（${n}）.$1`)
    files[name] = new Uint8Array(await (await makeDocument(r, kind)).arrayBuffer())
  }
  downloadBlob(
    zipFileName(rows.length, now).replace(/\.zip$/, `-${kind}.zip`),
    new Blob([zipSync(files, { level: 6, mtime: now }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
  )
}

/** 复制为网页: the fragment as text/html for a CMS editor, the recognisable text as plain text. */
export async function copyHtml(report: Report) {
  const [{ reportHtmlFragment }, { htmlToText }] = await Promise.all([
    import('@/domain/htmlReport'),
    import('@/domain/textImport/html'),
  ])
  const html = reportHtmlFragment(report)
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([htmlToText(html)], { type: 'text/plain' }),
    }),
  ])
}
