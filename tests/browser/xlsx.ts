// A test-only reader of the .xlsx files the app writes: the first sheet's cells as rows of
// strings and numbers, read straight from the zip's XML (shared or inline strings).
import { strFromU8, unzipSync } from 'fflate'

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')

const textOf = (xml: string) => unescape([...xml.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((m) => m[1]).join(''))

function column(ref: string): number {
  let n = 0
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + ch.charCodeAt(0) - 64
  return n - 1
}

export function readXlsx(buffer: Buffer): { sheetName: string; rows: (string | number | null)[][] } {
  const files = unzipSync(new Uint8Array(buffer))
  const file = (name: string) => (files[name] ? strFromU8(files[name]) : '')
  const shared = [...file('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => textOf(m[1]!))
  const sheetName = unescape(/<sheet [^>]*name="([^"]*)"/.exec(file('xl/workbook.xml'))?.[1] ?? '')
  const rows: (string | number | null)[][] = []
  for (const row of file('xl/worksheets/sheet1.xml').matchAll(/<row [^>]*?r="(\d+)"[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells: (string | number | null)[] = []
    for (const c of row[2]!.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1]!
      const ref = /r="([A-Z]+\d+)"/.exec(attrs)![1]!
      const type = /t="(\w+)"/.exec(attrs)?.[1]
      const body = c[2] ?? ''
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1]
      const value =
        type === 's'
          ? shared[Number(v)]!
          : type === 'inlineStr'
            ? textOf(body)
            : type === 'str'
              ? unescape(v ?? '')
              : v === undefined
                ? null
                : Number(v)
      const i = column(ref)
      while (cells.length < i) cells.push(null)
      cells[i] = value
    }
    rows[Number(row[1]) - 1] = cells
  }
  return { sheetName, rows: Array.from(rows, (r) => r ?? []) }
}
