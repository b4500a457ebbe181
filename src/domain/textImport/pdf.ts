// A PDF's text layer, recognised: the table rows rebuilt from positions (pdfLayout), then the
// same recogniser as for pasted text. Values whose column is not certain stay blank and listed.
import { type PdfPageText, layoutPdfText } from './pdfLayout'
import { type RecogniseResult, recogniseText } from './recognise'

export const NO_TEXT_LAYER =
  '这个 PDF 没有可读取的文字（通常是扫描件或图片），无法识别。本工具不做图片文字识别（OCR）：请改用原报告的网页、Word 文件或可复制文字的 PDF，或手工填写。'

export function recognisePdf(pages: readonly PdfPageText[]): RecogniseResult {
  const layout = layoutPdfText(pages)
  if (layout.itemCount === 0) return { ok: false, error: NO_TEXT_LAYER }
  const result = recogniseText(layout.text)
  if (!result.ok) return result
  result.report.unrecognised.push(...layout.unplaced)
  return result
}

/** The text the recogniser reads from a PDF (shown in the paste box). */
export function pdfText(pages: readonly PdfPageText[]): string {
  return layoutPdfText(pages).text
}
