// Prints the text items pdf.js reads from a PDF as JSON (PdfPageText[]): the input of
// src/domain/textImport/pdfLayout.ts, for test fixtures and for looking at a PDF's layout.
// Usage: node scripts/pdf/items.mjs file.pdf > items.json
import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

const [file] = process.argv.slice(2)
if (!file) throw new Error('usage: node scripts/pdf/items.mjs file.pdf')
const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 })
  .promise
const pages = []
for (let n = 1; n <= doc.numPages; n++) {
  const page = await doc.getPage(n)
  const viewport = page.getViewport({ scale: 1 })
  const content = await page.getTextContent()
  pages.push({
    width: viewport.width,
    height: viewport.height,
    viewport: viewport.transform,
    items: content.items
      .filter((i) => 'str' in i)
      .map(({ str, transform, width, height }) => ({ str, transform, width, height })),
  })
}
process.stdout.write(JSON.stringify(pages))
