// pdf.js in the browser: the text layer of every page, as plain positioned items. Imported only
// when a .pdf is chosen (a separate chunk); the worker is bundled by Vite and served from our own
// origin, and the Chinese CMaps a PDF may name are bundled too (fetched from here, only if used).
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist'
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker'
import { type PdfPageText, itemsFromPdfJs } from '@/domain/textImport'

/**
 * The predefined CMaps of Chinese fonts that a PDF may use without embedding (GB and CNS
 * encodings, their Unicode maps): only these are bundled; other scripts' CMaps are not needed.
 */
const CMAPS = import.meta.glob<string>(
  [
    '/node_modules/pdfjs-dist/cmaps/*GB*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/*CNS*.bcmap',
    '/node_modules/pdfjs-dist/cmaps/{B5,ETen,ETHK,HK}*.bcmap',
  ],
  { query: '?url&no-inline', import: 'default' },
)

/** pdf.js asks for a CMap by file name; answered from the bundled files, nothing else. */
class BundledData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const load = kind === 'cMapUrl' ? CMAPS[`/node_modules/pdfjs-dist/cmaps/${filename}`] : undefined
    if (!load) throw new Error(`未附带 ${filename}`)
    const response = await fetch(await load())
    if (!response.ok) throw new Error(`无法读取 ${filename}`)
    return new Uint8Array(await response.arrayBuffer())
  }
}

let worker: Worker | undefined

export async function readPdfPages(data: ArrayBuffer): Promise<PdfPageText[]> {
  worker ??= new PdfWorker()
  GlobalWorkerOptions.workerPort = worker
  const task = getDocument({
    data: new Uint8Array(data),
    // No eval (the CSP forbids it), no fonts or wasm from elsewhere: only the text is read.
    isEvalSupported: false,
    useWorkerFetch: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWasm: false,
    BinaryDataFactory: BundledData,
  } as Parameters<typeof getDocument>[0])
  const doc = await task.promise
  try {
    const pages: PdfPageText[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const viewport = page.getViewport({ scale: 1 })
      const content = await page.getTextContent()
      const items = content.items.flatMap((i) => ('str' in i ? [i] : []))
      pages.push({ width: viewport.width, height: viewport.height, items: itemsFromPdfJs(items, viewport.transform) })
    }
    return pages
  } finally {
    await task.destroy()
  }
}
