// Text import: recognise a published report from its text, HTML or PDF text layer (pure, no DOM).
import { htmlToText } from './html'
import { type RecogniseResult, recogniseText } from './recognise'

export { htmlToText } from './html'
export { pdfText, recognisePdf } from './pdf'
export { type PdfPageText, itemsFromPdfJs } from './pdfLayout'
export { type RecognisedReport, type RecogniseResult, recogniseText } from './recognise'

/** Clipboard/HTML with <table>: each <tr> one `|`-separated line, then the text path. */
export function recogniseHtml(html: string): RecogniseResult {
  return recogniseText(htmlToText(html))
}
