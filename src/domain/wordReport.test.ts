import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'
import { compiledReport, distinctReport, expectRecognised } from '@/testing/documents'
import { sampleReport } from '@/testing/fixtures'
import { inventedEdition, inventedReport } from '@/testing/inventedEdition'
import { getEdition } from './edition'
import type { EditionDef } from './format'
import { buildPrintDoc } from './printLayout'
import type { Report } from './report'
import { recogniseHtml } from './textImport'
import { FONTS, wordFile } from './wordReport'

async function write(report: Report, options: Parameters<typeof wordFile>[1] = {}) {
  const bytes = new Uint8Array(await (await wordFile(report, options)).arrayBuffer())
  const files = unzipSync(bytes)
  const xml = (name: string) => strFromU8(files[name]!)
  return { bytes, xml, document: xml('word/document.xml') }
}

async function readBack(bytes: Uint8Array) {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })
  return recogniseHtml(value)
}

const count = (xml: string, re: RegExp) => xml.match(re)?.length ?? 0

describe('the Word file read back by our own text import', { timeout: 30_000 }, () => {
  it('the sample: every value and text', async () => {
    const report = sampleReport()
    expectRecognised(await readBack((await write(report)).bytes), report)
  })

  it('a 2021 report with a distinct number in every cell', async () => {
    const report = distinctReport()
    expectRecognised(await readBack((await write(report)).bytes), report)
  })

  it('a compiled report', async () => {
    const report = compiledReport()
    expect(report.compiledFrom).toHaveLength(3)
    expectRecognised(await readBack((await write(report)).bytes), report)
  })
})

describe('the Word file as GB/T 9704 lays it out', { timeout: 30_000 }, () => {
  it('A4, margins 37/35/28/26 mm, page numbers — n — at the foot, odd right and even left', async () => {
    const { document, xml } = await write(sampleReport())
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"')
    // 1 mm = 56.69 twips.
    expect(document).toMatch(/<w:pgMar w:top="2097" w:right="1474" w:bottom="1984" w:left="1587"/)
    const footers = Object.keys(unzipSync((await write(sampleReport())).bytes)).filter((f) => /footer\d\.xml$/.test(f))
    const texts = footers.map((f) => xml(f))
    expect(texts.some((t) => t.includes('<w:jc w:val="right"/>'))).toBe(true)
    expect(texts.some((t) => t.includes('<w:jc w:val="left"/>'))).toBe(true)
    for (const t of texts) expect(t).toMatch(/— <\/w:t>.*PAGE.*<w:t xml:space="preserve"> —/)
    expect(xml('word/settings.xml')).toContain('<w:evenAndOddHeaders/>')
  })

  it('title 小标宋 二号, text 仿宋_GB2312 三号 with a two-character indent, headings 黑体; fonts name their substitutes', async () => {
    const { document, xml } = await write(sampleReport())
    const title = document.match(/<w:p>.*?<\/w:p>/)![0]
    expect(title).toContain('w:eastAsia="方正小标宋简体"')
    expect(title).toContain('<w:sz w:val="44"/>')
    expect(title).toContain('<w:jc w:val="center"/>')
    const heading = document.match(/<w:p>(?:(?!<\/w:p>).)*一、总体情况.*?<\/w:p>/)![0]
    expect(heading).toContain('w:eastAsia="黑体"')
    const paragraph = document.match(/<w:p>(?:(?!<\/w:p>).)*按照《中华人民共和国政府信息公开条例》.*?<\/w:p>/)![0]
    expect(paragraph).toContain('w:eastAsia="仿宋_GB2312"')
    expect(paragraph).toContain('<w:sz w:val="32"/>')
    expect(paragraph).toMatch(/w:firstLine="640"/)
    expect(paragraph).toMatch(/w:firstLineChars="200"/)
    const fonts = xml('word/fontTable.xml')
    for (const f of Object.values(FONTS))
      expect(fonts).toContain(`<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="86"/>`)
  })

  it('tables merge their headers as printed (gridSpan / vMerge), repeat header rows, never split a row', async () => {
    const report = sampleReport()
    const { document } = await write(report)
    const tables = document.match(/<w:tbl>.*?<\/w:tbl>/g)!
    expect(tables).toHaveLength(3)
    const printed = buildPrintDoc(report).parts.flatMap((p) => (p.kind === 'table' ? [p.table] : []))
    tables.forEach((xml, t) => {
      const cells = [...printed[t]!.head, ...printed[t]!.sections.flatMap((s) => s.rows)].flatMap((r) => r.cells)
      // A merged cell spanning rows too continues in the rows below with the same gridSpan.
      const spans = cells.flatMap((c) => (c.colspan > 1 ? Array<number>(c.rowspan).fill(c.colspan) : []))
      const written = [...xml.matchAll(/<w:gridSpan w:val="(\d+)"\/>/g)].map((m) => Number(m[1]))
      expect(written.sort(), printed[t]!.key).toEqual(spans.sort())
      expect(count(xml, /<w:vMerge w:val="restart"\/>/g)).toBe(cells.filter((c) => c.rowspan > 1).length)
      const rows = xml.match(/<w:tr>.*?<\/w:tr>/g)!
      expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true)
      expect(rows.filter((r) => r.includes('<w:tblHeader/>'))).toHaveLength(printed[t]!.head.length)
    })
    // 三: the three header rows repeat, the note spanning them; 四: three header rows too.
    expect(count(tables[1]!, /<w:tblHeader\/>/g)).toBe(3)
    expect(count(tables[2]!, /<w:tblHeader\/>/g)).toBe(3)
  })

  it('writes the signature block when given, and nothing of it otherwise', async () => {
    const signed = (
      await write(sampleReport(), { signature: { agency: '济宁市城市管理局办公室', date: '2021年1月20日' } })
    ).document
    expect(signed).toContain('济宁市城市管理局办公室')
    expect(signed).toContain('2021年1月20日')
    expect((await write(sampleReport())).document).not.toContain('2021年1月20日')
  })
})

describe('an edition Word has never seen', { timeout: 30_000 }, () => {
  it('writes its deeper headers and row nesting from the layout', async () => {
    const edition: EditionDef = inventedEdition
    const report = inventedReport()
    const { document } = await write(report, { edition })
    const tables = document.match(/<w:tbl>.*?<\/w:tbl>/g)!
    expect(tables).toHaveLength(2)
    // Six header rows repeat; the four-deep row labels merge down.
    expect(count(tables[0]!, /<w:tblHeader\/>/g)).toBe(6)
    expect(tables[0]).toContain('最深组')
    expect(tables[0]).toContain('金额')
    expect(tables[0]).toContain('5.5万元')
    expect(tables[0]).toContain('-4')
    const grid = [...tables[0]!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)]
    expect(grid).toHaveLength(10)
    expect(count(tables[0]!, /<w:vMerge w:val="restart"\/>/g)).toBeGreaterThanOrEqual(4 + 3)
    for (const text of ['一、虚构总体情况', '虚构的第二段。', '第二块', '件数（单位：件）'])
      expect(document).toContain(text)
    expect(getEdition('2021').key).toBe('2021')
  })
})
