// The report as a Word file in the 公文 format of GB/T 9704: A4, margins 37/35/28/26 mm, the
// title in 小标宋 二号, the text in 仿宋_GB2312 三号 (22 lines a page, two characters' first-line
// indent), the part headings in 黑体, the tables exactly as printed (merged headers, header rows
// repeated on every page, rows that never split), page numbers 「— 1 —」 at the foot, and an
// optional signature. Written from the print layout; loaded only when a Word file is made.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx'
import type { Signature } from './documents'
import type { EditionDef } from './format'
import { type PrintCell, type PrintDoc, type PrintRow, type PrintTable, buildPrintDoc } from './printLayout'
import type { Report } from './report'

/** The fonts GB/T 9704 names, each with the font Word and WPS use where it is not installed. */
export const FONTS = {
  title: { name: '方正小标宋简体', fallback: '宋体' },
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  heading: { name: '黑体', fallback: 'SimHei' },
  table: { name: '宋体', fallback: 'SimSun' },
} as const
type FontRole = keyof typeof FONTS

/** Half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt, 小五 9pt. */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21, dense: 18 }
/** 22 lines on the 225 mm type area: 28.95pt a line, in twips. */
const LINE = 579
/** A4 and the GB/T 9704 margins (top, bottom, left, right). */
export const PAGE = { width: 11906, height: 16838, margins: { top: 37, bottom: 35, left: 28, right: 26 } }
const TEXT_WIDTH = PAGE.width - convertMillimetersToTwip(PAGE.margins.left + PAGE.margins.right)
/** Two characters of 三号 text. */
const INDENT = 640

const run = (text: string, role: FontRole, size: number) =>
  new TextRun({
    text,
    size,
    font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: FONTS[role].name, hint: 'eastAsia' },
  })

const exactLines = { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }

function textParagraph(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, 'body', SIZE.body)],
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT, firstLineChars: 200 },
    spacing: exactLines,
    widowControl: true,
  })
}

function heading(text: string): Paragraph {
  return new Paragraph({
    children: [run(text, 'heading', SIZE.body)],
    indent: { firstLine: INDENT, firstLineChars: 200 },
    spacing: exactLines,
    keepNext: true,
  })
}

function title(lines: readonly string[]): Paragraph {
  return new Paragraph({
    children: lines.map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : 0,
          size: SIZE.title,
          font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: FONTS.title.name, hint: 'eastAsia' },
        }),
    ),
    alignment: AlignmentType.CENTER,
    spacing: { line: 700, lineRule: LineRuleType.EXACT, before: 0, after: LINE },
    keepNext: true,
  })
}

const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' }

/** Row labels read from the left, except under a 信息内容 header (二), where they are centred as printed. */
function tableCell(cell: PrintCell, size: number, keepNext: boolean, centredLabels: boolean): TableCell {
  const left = cell.role === 'label' && !centredLabels
  return new TableCell({
    children: [
      new Paragraph({
        children: [
          new TextRun({
            text: cell.text,
            size,
            bold: cell.role === 'block',
            font: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: FONTS.table.name, hint: 'eastAsia' },
          }),
        ],
        alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        keepNext,
      }),
    ],
    columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
    rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 30, bottom: 30, left: 50, right: 50 },
  })
}

/** A value column holds a five-digit total on one line (Word breaks a number that does not fit). */
const MIN_VALUE_WIDTH = 760
const MIN_GROUP_WIDTH = 1000

/** Twips of each grid column: the layout's proportions, value columns no narrower than a five-digit number. */
function columnWidths(t: PrintTable): number[] {
  const total = t.widths.reduce((a, b) => a + b, 0)
  const plain = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH))
  const values = t.widths.length - t.labelColumns
  const valueWidth = Math.max(...plain.slice(t.labelColumns))
  if (t.labelColumns === 0 || valueWidth >= MIN_VALUE_WIDTH || values * MIN_VALUE_WIDTH > TEXT_WIDTH * 0.75)
    return plain
  // Labels take what the value columns leave, in their proportions.
  const labels = t.widths.slice(0, t.labelColumns)
  const labelTotal = labels.reduce((a, b) => a + b, 0)
  const rest = TEXT_WIDTH - values * MIN_VALUE_WIDTH
  const out = labels.map((w) => Math.floor((w / labelTotal) * rest))
  // A middle group label (（三）不予公开) keeps four characters a line; the row's own label gives way.
  for (let k = 1; k < out.length - 1; k++) {
    const more = Math.max(0, MIN_GROUP_WIDTH - out[k]!)
    out[k]! += more
    out[out.length - 1]! -= more
  }
  return [...out, ...Array<number>(values).fill(MIN_VALUE_WIDTH)]
}

function table(t: PrintTable): Table {
  const size = t.dense ? SIZE.dense : SIZE.table
  const widths = columnWidths(t)
  const row = (r: PrintRow, header: boolean, keepNext: boolean) =>
    new TableRow({
      children: r.cells.map((c) => tableCell(c, size, keepNext, t.centredLabels)),
      tableHeader: header,
      cantSplit: true,
    })
  const rows = [
    ...t.head.map((r) => row(r, true, true)),
    // A short block stays on one page: every row keeps with the next but its last.
    ...t.sections.flatMap((s) => s.rows.map((r, i) => row(r, false, s.keepTogether && i < s.rows.length - 1))),
  ]
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  })
}

/** 「— 1 —」 in 四号 宋体, odd pages at the right and even pages at the left, one character in. */
function pageFooter(alignment: (typeof AlignmentType)['RIGHT' | 'LEFT']): Footer {
  const font = { ascii: FONTS.table.name, hAnsi: FONTS.table.name, eastAsia: FONTS.table.name }
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: SIZE.pageNumber, font })],
      }),
    ],
  })
}

function signatureBlock(signature: Signature): Paragraph[] {
  const line = (text: string, right: number) =>
    new Paragraph({
      children: [run(text, 'body', SIZE.body)],
      alignment: AlignmentType.RIGHT,
      indent: { right },
      spacing: exactLines,
      keepNext: true,
      keepLines: true,
    })
  const out = [new Paragraph({ children: [], spacing: exactLines, keepNext: true })]
  if (signature.agency.trim()) out.push(line(signature.agency.trim(), 2 * INDENT))
  if (signature.date.trim()) out.push(line(signature.date.trim(), 2 * INDENT))
  return out
}

/** The document body: title, parts 一 to 六, the signature. */
function body(doc: PrintDoc, signature?: Signature): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [title(doc.titleLines)]
  for (const part of doc.parts) {
    if (part.kind === 'text') {
      out.push(heading(part.text.heading), ...part.text.paragraphs.map(textParagraph))
    } else {
      out.push(heading(part.table.heading), table(part.table))
      // Space after a table, as after a paragraph.
      out.push(new Paragraph({ children: [], spacing: { line: 240, before: 0, after: 0 } }))
    }
  }
  if (signature && (signature.agency.trim() || signature.date.trim())) out.push(...signatureBlock(signature))
  return out
}

/** The fonts table: each font names its substitute (altName) and the GB2312 character set. */
function fontTable(): string {
  const fonts = Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="86"/>` +
        `<w:family w:val="${f.name === '黑体' ? 'modern' : 'roman'}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join('')
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `${fonts}<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    '</w:fonts>'
  )
}

export function wordDocument(
  report: Pick<Report, 'agency' | 'year' | 'edition' | 'values' | 'texts'>,
  options: { signature?: Signature; edition?: EditionDef } = {},
): Document {
  const doc = buildPrintDoc(report, options.edition)
  return new Document({
    title: doc.title,
    creator: report.agency,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { ascii: 'Times New Roman', eastAsia: FONTS.body.name }, size: SIZE.body },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: convertMillimetersToTwip(PAGE.margins.top),
              bottom: convertMillimetersToTwip(PAGE.margins.bottom),
              left: convertMillimetersToTwip(PAGE.margins.left),
              right: convertMillimetersToTwip(PAGE.margins.right),
              footer: convertMillimetersToTwip(PAGE.margins.bottom - 7 - 5),
              header: convertMillimetersToTwip(15),
            },
          },
        },
        footers: { default: pageFooter(AlignmentType.RIGHT), even: pageFooter(AlignmentType.LEFT) },
        children: body(doc, options.signature),
      },
    ],
  })
}

/** The .docx file's bytes. */
export async function wordFile(
  report: Pick<Report, 'agency' | 'year' | 'edition' | 'values' | 'texts'>,
  options: { signature?: Signature; edition?: EditionDef } = {},
): Promise<Blob> {
  return Packer.toBlob(wordDocument(report, options), false, [{ path: 'word/fontTable.xml', data: fontTable() }])
}
