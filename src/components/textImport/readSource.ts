// Reads a chosen file into what the recogniser takes: text, HTML (web pages, Word files), or the
// text layer of a PDF.
import type { PdfPageText } from '@/domain/textImport'

export type Source =
  | { kind: 'text'; text: string; name?: string }
  | { kind: 'html'; html: string; name?: string }
  | { kind: 'pdf'; pages: PdfPageText[]; name?: string }

/** Chinese .txt files are often saved in GBK: try UTF-8 strictly first, then GB18030. */
function decodeText(buffer: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer)
  } catch {
    return new TextDecoder('gb18030').decode(buffer)
  }
}

export async function readSource(file: File): Promise<Source> {
  const name = file.name
  const lower = name.toLowerCase()
  const buffer = await file.arrayBuffer()
  if (lower.endsWith('.pdf')) {
    // pdf.js is loaded only when a PDF is chosen.
    const { readPdfPages } = await import('./readPdf')
    return { kind: 'pdf', pages: await readPdfPages(buffer), name }
  }
  if (lower.endsWith('.docx')) {
    // mammoth turns Word's tables into HTML tables; loaded only when a .docx is chosen.
    const mammoth = await import('mammoth')
    const { value } = await mammoth.convertToHtml({ arrayBuffer: buffer })
    return { kind: 'html', html: value, name }
  }
  const text = decodeText(buffer)
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return { kind: 'html', html: text, name }
  return { kind: 'text', text, name }
}
