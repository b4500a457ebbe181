// Reading a PDF back: every word with its page and box, from poppler's pdftotext -bbox.
import { execFileSync } from 'node:child_process'

export interface Word {
  text: string
  page: number
  xMin: number
  xMax: number
  yMin: number
  yMax: number
}
export const cx = (w: Word) => (w.xMin + w.xMax) / 2
export const cy = (w: Word) => (w.yMin + w.yMax) / 2

export interface Pdf {
  pages: { width: number; height: number }[]
  /** The words of the page bodies, in the order they are drawn (DOM order). */
  body: Word[]
  /** The words at the foot of each page. */
  foot: Word[][]
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (ENTITIES[e] ?? m),
  )

/** The words of a PDF with their boxes (pdftotext -bbox); those below footY are the page's foot. */
export function readPdf(file: string, footY: number): Pdf {
  const xml = execFileSync('pdftotext', ['-raw', '-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
  const pdf: Pdf = { pages: [], body: [], foot: [] }
  const re =
    /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
  for (const m of xml.matchAll(re)) {
    if (m[1]) {
      pdf.pages.push({ width: Number(m[1]), height: Number(m[2]) })
      pdf.foot.push([])
      continue
    }
    const word: Word = {
      text: decode(m[7]!),
      page: pdf.pages.length,
      xMin: Number(m[3]),
      yMin: Number(m[4]),
      xMax: Number(m[5]),
      yMax: Number(m[6]),
    }
    if (cy(word) > footY) pdf.foot[word.page - 1]!.push(word)
    else pdf.body.push(word)
  }
  return pdf
}
