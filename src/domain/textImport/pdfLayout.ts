// A PDF's text, as positioned pieces, turned back into the lines the recogniser reads: prose as
// paragraphs, and each table row as one `|`-separated line whose columns come from the header
// cells' x-ranges (an empty cell stays an empty column). Pure geometry: fed with plain items
// (pdf.js in the browser, anything in tests), it knows nothing of PDF or of the editions.
import { isValueLike } from './recognise'

/** One piece of text on a page: x and y of its top-left corner, in points, y growing downwards. */
export interface PdfTextItem {
  text: string
  x: number
  y: number
  width: number
  height: number
}

export interface PdfPageText {
  width: number
  height: number
  items: PdfTextItem[]
}

export interface PdfLayout {
  /** Lines for recogniseText: paragraphs of prose, table rows as `label | v1 | … | vn`. */
  text: string
  /** Rows whose values could not be tied to columns: their values are left out of `text`. */
  unplaced: { line: string; reason: string }[]
  /** Number of text pieces read (0: a scan without a text layer). */
  itemCount: number
}

/** Pieces of one line close enough to be one cell. */
interface Chunk {
  text: string
  left: number
  right: number
  /** Vertical centre. */
  y: number
  /** Font size (height of the pieces). */
  size: number
  value: boolean
}

interface VisualLine {
  page: number
  y: number
  size: number
  chunks: Chunk[]
}

const centre = (c: { left: number; right: number }) => (c.left + c.right) / 2
const PAGE_NUMBER =
  /^(?:[-—–－―]\s*\d{1,4}\s*[-—–－―]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/

/**
 * A font that draws an ideograph and a radical with one glyph can name the radical in the PDF
 * (Chromium with Noto CJK writes ⼀ for 一, ⺠ for 民, ⻔ for 门). Pairs read, meant: the CJK
 * Radicals Supplement and the characters whose NFKC is another one (⼾ → 戶, not 户), measured
 * by printing every GB2312 character from Chromium and reading it back with pdf.js; the other
 * Kangxi radicals through NFKC.
 */
const GLYPH_PAIRS =
  '⻉贝⻓长⻋车⻮齿⻜飞⻛风⻣骨⻤鬼⼾户⻩黄⻅见㬵胶⻆角⻰龙⻧卤⻢马⻨麦⻔门⺠民⻦鸟⻬齐⻘青⻝食⺒巳⻙韦⻚页⻥鱼⺉刂⺅亻⻈讠⻖阝⺾艹⺐尢⺘扌⺨犭⻠饣⺖忄⺦丬⺡氵⻌辶⺕彐⺰纟⺓幺⺙攵⺣灬⺭礻⺺肀⻐钅⻂衤⻪黾―—⻁虎⺎兀'
const GLYPH_FOLD: ReadonlyMap<string, string> = new Map(
  Array.from({ length: [...GLYPH_PAIRS].length / 2 }, (_, i) => [
    [...GLYPH_PAIRS][2 * i]!,
    [...GLYPH_PAIRS][2 * i + 1]!,
  ]),
)
const RADICAL = /[\u2e80-\u2fdf\u2015\u3b35]/g
const unfold = (s: string) => s.replace(RADICAL, (r) => GLYPH_FOLD.get(r) ?? r.normalize('NFKC'))

/** Pieces of a page grouped into visual lines (same baseline band) and cells (no wide gap). */
function linesOf(page: PdfPageText, pageNo: number): VisualLine[] {
  const items = page.items
    .filter((i) => i.text.trim() !== '' && i.height > 0)
    .map((i) => ({ ...i, text: unfold(i.text), cy: i.y + i.height / 2 }))
    .sort((a, b) => a.cy - b.cy || a.x - b.x)
  const bands: (typeof items)[] = []
  for (const item of items) {
    const band = bands.at(-1)
    const first = band?.[0]
    if (band && first && Math.abs(item.cy - first.cy) <= Math.min(item.height, first.height) * 0.35) band.push(item)
    else bands.push([item])
  }
  const lines: VisualLine[] = []
  for (const band of bands) {
    band.sort((a, b) => a.x - b.x)
    const size = Math.min(...band.map((i) => i.height))
    const chunks: Chunk[] = []
    let current: Chunk | undefined
    for (const item of band) {
      const gap = current ? item.x - current.right : Infinity
      if (current && gap < size * 0.6) {
        // A gap of a space's width inside a cell reads as a space (1. 2020年度).
        const spaced = gap > size * 0.18 && !current.text.endsWith(' ') && !item.text.startsWith(' ')
        current.text += (spaced ? ' ' : '') + item.text
        current.right = Math.max(current.right, item.x + item.width)
      } else {
        current = { text: item.text, left: item.x, right: item.x + item.width, y: item.cy, size, value: false }
        chunks.push(current)
      }
    }
    for (const c of chunks) {
      c.text = c.text.trim()
      c.value = isValueLike(c.text)
    }
    const y = band.reduce((s, i) => s + i.cy, 0) / band.length
    const line = { page: pageNo, y, size, chunks }
    if (chunks.length === 1 && PAGE_NUMBER.test(chunks[0]!.text.normalize('NFKC'))) continue
    lines.push(line)
  }
  return lines
}

/** A column of values: the x-interval its cells own, and its header text. */
interface Column {
  from: number
  to: number
  label: string
}

interface Columns {
  /** Right edge of the label area (the row labels' columns). */
  labelRight: number
  columns: Column[]
  /** Header text over the label area (信息内容, a note), and the group headings over columns. */
  labelHeader: string
  groups: string[]
}

/** The value columns from the header lines: the lowest header cell over each column. */
function columnsOf(
  header: readonly VisualLine[],
  labelRight: number,
  valueLeft: number,
  middle: number,
): Columns | undefined {
  // A line of one cell is a title over the table (第二十条第（一）项), unless it is in the label area.
  const titles = header.filter((l) => l.chunks.length === 1 && (l.chunks[0]!.right > valueLeft || isTitle(l, middle)))
  const cells: Chunk[] = header.flatMap((l) => (titles.includes(l) ? [] : l.chunks))
  const over = cells.filter((c) => centre(c) > labelRight)
  // A cell is a leaf when no header cell below it has its centre inside its x-range.
  const leaves = over
    .filter((c) => !over.some((d) => d !== c && d.y > c.y + c.size * 0.5 && centre(d) > c.left && centre(d) < c.right))
    .sort((a, b) => centre(a) - centre(b))
  if (leaves.length === 0) return undefined
  for (let i = 1; i < leaves.length; i++) {
    // Two leaves over one column: the header is not understood.
    if (centre(leaves[i]!) - centre(leaves[i - 1]!) < leaves[i]!.size) return undefined
  }
  const bounds = leaves.map((c, i) => {
    const prev = leaves[i - 1]
    const next = leaves[i + 1]
    const from = prev
      ? (centre(prev) + centre(c)) / 2
      : Math.max(labelRight, centre(c) - (next ? (centre(next) - centre(c)) / 2 : Infinity))
    const to = next ? (centre(c) + centre(next)) / 2 : centre(c) + (prev ? (centre(c) - centre(prev)) / 2 : Infinity)
    return { from, to }
  })
  const groups: string[] = titles.map((l) => l.chunks[0]!.text)
  const stacks = leaves.map(() => [] as Chunk[])
  for (const c of over) {
    const inside = bounds.map((b, i) => (centre(c) > b.from && centre(c) < b.to ? i : -1)).filter((i) => i >= 0)
    const spans = bounds.filter((b) => c.left < b.to && c.right > b.from).length
    if (inside.length === 1 && spans === 1) stacks[inside[0]!]!.push(c)
    else groups.push(c.text)
  }
  const joined = (list: Chunk[]) =>
    list
      .sort((a, b) => a.y - b.y)
      .map((c) => c.text)
      .join('')
  const labelHeader = joined(cells.filter((c) => centre(c) <= labelRight))
  return {
    labelRight,
    labelHeader,
    groups,
    columns: leaves.map((_, i) => ({ ...bounds[i]!, label: joined(stacks[i]!) })),
  }
}

/** One cell centred on the text column: a title over a table, not a row's label. */
const isTitle = (line: VisualLine, middle: number) =>
  line.chunks.length === 1 && Math.abs(centre(line.chunks[0]!) - middle) < line.size * 1.5

/** A header line: cells over the value area (or all within the label area), no values. */
const isProse = (line: VisualLine, width: number) =>
  line.chunks.length === 1 && line.chunks[0]!.right - line.chunks[0]!.left > width * 0.5

interface Row {
  values: VisualLine
  labels: Chunk[]
}

/**
 * Rebuilds the document's lines. Tables: a run of value lines, the label-only lines beside them
 * and the header lines above them. Without a header the values cannot be placed: the row keeps
 * its label, its values are listed in `unplaced`.
 */
export function layoutPdfText(pages: readonly PdfPageText[]): PdfLayout {
  const lines = pages.flatMap((p, i) => linesOf(p, i))
  const itemCount = pages.reduce((n, p) => n + p.items.filter((i) => i.text.trim() !== '').length, 0)
  const textLeft = Math.min(...lines.flatMap((l) => l.chunks.map((c) => c.left)))
  const textRight = Math.max(...lines.flatMap((l) => l.chunks.map((c) => c.right)))
  const width = textRight - textLeft
  const middle = (textLeft + textRight) / 2
  const out: string[] = []
  const unplaced: PdfLayout['unplaced'] = []

  let paragraph: VisualLine | undefined
  const prose = (line: VisualLine) => {
    const text = line.chunks.map((c) => c.text).join(' ')
    const left = line.chunks[0]!.left
    const indented = left - textLeft > line.size * 0.8
    const previousShort = paragraph && paragraph.chunks.at(-1)!.right < textRight - line.size * 1.5
    if (!paragraph || indented || previousShort || line.chunks.length > 1) out.push(text)
    else out[out.length - 1] += text
    paragraph = line.chunks.length > 1 ? undefined : line
  }

  let columns: Columns | undefined
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (!line.chunks.some((c) => c.value)) {
      i++
      // A text line: prose unless values follow it closely (then it is part of a table header).
      const run: VisualLine[] = [line]
      let j = i
      while (j < lines.length && !lines[j]!.chunks.some((c) => c.value) && close(lines[j - 1]!, lines[j]!)) {
        run.push(lines[j]!)
        j++
      }
      const next = lines[j]
      if (!next || !close(lines[j - 1]!, next)) {
        for (const l of run) prose(l)
        i = j
        continue
      }
      const lonely = (rows: readonly Row[]) => rows.every((r) => r.values.chunks.length === 1 && r.labels.length === 0)
      // The first row's label may start a line above its values (a label wrapped, values centred).
      let lead = run.length
      const first = next.chunks.find((c) => c.value)!
      while (lead > 0) {
        const l = run[lead - 1]!
        const above = run[lead - 2]
        const gap = (lead < run.length ? run[lead]! : next).y - l.y
        if (l.page !== next.page || l.chunks.some((c) => c.right > first.left) || next.y - l.y > l.size * 1.5) break
        if (isTitle(l, middle)) break
        if (above && above.page === l.page && l.y - above.y <= gap) break
        lead--
      }
      const block = takeRows(lines, j, middle, run.slice(lead))
      if (lonely(block.rows)) {
        // One number alone on a line (无, a year) is prose, not a table.
        for (const l of run) prose(l)
        for (const r of block.rows) prose(r.values)
        i = block.end
        continue
      }
      // Header: the lines of the run after the last prose-wide one or heading in a larger type.
      let start = lead
      while (start > 0 && !isProse(run[start - 1]!, width) && run[start - 1]!.size <= next.size * 1.2) start--
      for (const l of run.slice(0, start)) prose(l)
      const header = run.slice(start, lead)
      columns = columnsOf(header, block.labelRight, block.valueLeft, middle)
      if (!columns) for (const l of header) prose(l)
      emitTable(block.rows, columns, out, unplaced)
      paragraph = undefined
      i = block.end
      continue
    }
    // Values with no text line before them: the table goes on (a new page without a repeated
    // header); a table that never had a header cannot be placed.
    // Only a table running on to a new page keeps the columns it had.
    if (lines[i - 1]?.page === line.page) columns = undefined
    const block = takeRows(lines, i, middle)
    if (!columns && block.rows.every((r) => r.values.chunks.length === 1 && r.labels.length === 0)) {
      for (const r of block.rows) prose(r.values)
      i = block.end
      continue
    }
    emitTable(block.rows, columns, out, unplaced)
    paragraph = undefined
    i = block.end
  }
  return { text: out.join('\n'), unplaced, itemCount }
}

/** Two lines of one block: next on the same page within a couple of line heights, or a new page. */
function close(a: VisualLine, b: VisualLine): boolean {
  return b.page !== a.page || b.y - a.y <= Math.max(a.size, b.size) * 3.2
}

/** The value lines from `from` on, with the label-only lines beside them. */
function takeRows(
  lines: readonly VisualLine[],
  from: number,
  middle: number,
  leading: readonly VisualLine[] = [],
): { rows: Row[]; labelRight: number; valueLeft: number; end: number } {
  let labelRight = -Infinity
  const valueLines: VisualLine[] = []
  const labelLines: VisualLine[] = [...leading]
  /** The left edge of the value area: label-only lines end before it. */
  let boundary = Infinity
  let end = from
  for (let k = from; k < lines.length; k++) {
    const line = lines[k]!
    const prev = lines[k - 1]
    if (k > from && prev && !close(prev, line)) break
    if (line.chunks.some((c) => c.value)) {
      const firstValue = line.chunks.findIndex((c) => c.value)
      for (const c of line.chunks.slice(0, firstValue)) labelRight = Math.max(labelRight, c.right)
      valueLines.push(line)
      for (const c of line.chunks) if (c.value) boundary = Math.min(boundary, c.left)
      end = k + 1
      continue
    }
    // A label-only line (a label wrapped, a group label) belongs to the rows beside it.
    if (line.chunks.every((c) => c.right <= boundary) && !isTitle(line, middle)) {
      labelLines.push(line)
      continue
    }
    break
  }
  // Trailing label-only lines after the last value line (the end of a wrapped label).
  const lastValue = valueLines.at(-1)!
  const labels = labelLines.filter(
    (l) =>
      leading.includes(l) ||
      l.page < lastValue.page ||
      (l.page === lastValue.page && l.y <= lastValue.y + l.size * 2.2),
  )
  end = Math.max(end, ...labels.filter((l) => !leading.includes(l)).map((l) => lines.indexOf(l) + 1))
  const rows: Row[] = valueLines.map((values) => ({
    values,
    labels: values.chunks.filter((c) => !c.value && c.right <= labelRight),
  }))
  for (const l of labels) {
    let best: Row | undefined
    let distance = Infinity
    for (const row of rows) {
      if (row.values.page !== l.page) continue
      const d = Math.abs(row.values.y - l.y)
      if (d < distance) [best, distance] = [row, d]
    }
    if (best && distance <= l.size * 2.2) best.labels.push(...l.chunks)
  }
  // The label area ends where the widest label does (a wrapped label counts by its lines).
  for (const row of rows) for (const c of row.labels) labelRight = Math.max(labelRight, c.right)
  const valueLeft = Math.min(...valueLines.map((l) => l.chunks.find((c) => c.value)!.left))
  return { rows, labelRight, valueLeft, end }
}

/** The label cells of a row: pieces in one column (overlapping x-ranges) joined top to bottom. */
function labelCells(chunks: readonly Chunk[]): string[] {
  const cells: { left: number; right: number; parts: Chunk[] }[] = []
  for (const c of [...chunks].sort((a, b) => a.y - b.y || a.left - b.left)) {
    const cell = cells.find(
      (k) => Math.min(k.right, c.right) - Math.max(k.left, c.left) > Math.min(c.right - c.left, k.right - k.left) * 0.3,
    )
    if (cell) {
      cell.parts.push(c)
      cell.left = Math.min(cell.left, c.left)
      cell.right = Math.max(cell.right, c.right)
    } else cells.push({ left: c.left, right: c.right, parts: [c] })
  }
  return cells.sort((a, b) => a.left - b.left).map((k) => k.parts.map((p) => p.text).join(''))
}

function emitTable(rows: readonly Row[], columns: Columns | undefined, out: string[], unplaced: PdfLayout['unplaced']) {
  if (columns) {
    out.push(...columns.groups)
    out.push([columns.labelHeader, ...columns.columns.map((c) => c.label)].join(' | '))
  }
  for (const row of rows) {
    const labels = labelCells(row.labels)
    const values = row.values.chunks.filter((c) => c.value)
    const shown = [...labels, ...values.map((v) => v.text)].join(' ')
    if (!columns) {
      if (labels.length > 0) out.push(`${labels.join(' | ')} |`)
      unplaced.push({ line: shown, reason: '表格缺少表头（栏目行），无法确定各数所在的列，已留空' })
      continue
    }
    const cells: string[] = columns.columns.map(() => '')
    let problem: string | undefined
    for (const v of values) {
      const at = columns.columns.findIndex((c) => v.left >= c.from - 0.5 && v.right <= c.to + 0.5)
      if (at < 0) problem = `“${v.text}”跨在两栏之间，无法确定所在的列，本行已留空`
      else if (cells[at]) problem = `“${cells[at]}”与“${v.text}”落在同一栏，无法确定所在的列，本行已留空`
      else cells[at] = v.text
    }
    if (problem) {
      out.push(`${labels.join(' | ')} |`)
      unplaced.push({ line: shown, reason: problem })
    } else out.push([...labels, ...cells].join(' | '))
  }
}

/** A pdf.js text item (getTextContent) with the page's viewport transform at scale 1. */
export interface PdfJsItem {
  str: string
  transform: readonly number[]
  width: number
  height: number
}

/** pdf.js items → positioned pieces, y growing downwards (the viewport's orientation). */
export function itemsFromPdfJs(items: readonly PdfJsItem[], viewport: readonly number[]): PdfTextItem[] {
  const [a, b, c, d, e, f] = viewport as [number, number, number, number, number, number]
  const at = (x: number, y: number) => [a * x + c * y + e, b * x + d * y + f] as const
  const scale = Math.hypot(a, b)
  return items
    .filter((i) => i.str.trim() !== '')
    .map((i) => {
      const [x, baseline] = at(i.transform[4]!, i.transform[5]!)
      const height = (i.height || Math.hypot(i.transform[2]!, i.transform[3]!)) * scale
      return { text: i.str, x, y: baseline - height * 0.8, width: i.width * scale, height }
    })
}
