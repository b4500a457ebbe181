/// <reference types="node" />
// The PDF's text layer → table rows, tested on what pdf.js read from the PDFs our print view
// makes (tests/fixtures/pdf/*.items.json, written by scripts/pdf/items.mjs), and on those PDFs
// with parts taken away or moved: a missing header, an empty column, a value between columns.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { getEdition, inputCellsOf } from '../edition'
import { cleanValues, normalizeText, TEXT_KEYS } from '../report'
import type { ReportTexts } from '../report'
import { NO_TEXT_LAYER, recognisePdf } from './pdf'
import { type PdfJsItem, type PdfPageText, type PdfTextItem, itemsFromPdfJs } from './pdfLayout'
import type { RecognisedReport } from './recognise'

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), 'utf8')

interface DumpedPage {
  width: number
  height: number
  viewport: number[]
  items: PdfJsItem[]
}

function pagesOf(name: string): PdfPageText[] {
  return (JSON.parse(fixture(name)) as DumpedPage[]).map((p) => ({
    width: p.width,
    height: p.height,
    items: itemsFromPdfJs(p.items, p.viewport),
  }))
}

function recognise(pages: PdfPageText[]): RecognisedReport {
  const result = recognisePdf(pages)
  if (!result.ok) throw new Error(result.error)
  return result.report
}

interface Exchange {
  edition: string
  agency: string
  year: number
  values: Record<string, number>
  texts: ReportTexts
}

/** Every page with the items `drop` picks removed and those `move` picks shifted. */
function edit(
  pages: PdfPageText[],
  drop: (i: PdfTextItem, page: number) => boolean,
  move?: (i: PdfTextItem) => number,
): PdfPageText[] {
  return pages.map((p, n) => ({
    ...p,
    items: p.items.filter((i) => !drop(i, n)).map((i) => (move ? { ...i, x: i.x + move(i) } : i)),
  }))
}

describe.each([
  ['pdf/print-jining-cgj-2020.items.json', 'jining-cgj-2020.json'],
  ['pdf/print-2021.items.json', 'pdf/print-2021.json'],
])('%s: the print view’s PDF read back', (items, original) => {
  const expected = JSON.parse(fixture(original)) as Exchange
  const edition = getEdition(expected.edition)
  const report = recognise(pagesOf(items))

  it('gives back every value, in its cell, and nothing else', () => {
    expect(report.edition).toBe(expected.edition)
    expect(report.agency).toBe(expected.agency)
    expect(report.year).toBe(expected.year)
    expect(report.values).toEqual(cleanValues(edition, expected.values))
    expect(Object.keys(report.values)).toHaveLength(inputCellsOf(edition).length)
    expect(report.unrecognised).toEqual([])
    expect(report.ignored).toEqual([])
    expect(report.totalMismatches).toEqual([])
  })

  it('gives back the texts as paragraphs (lines of a paragraph joined, page numbers dropped)', () => {
    for (const key of TEXT_KEYS) expect(report.texts[key], key).toBe(normalizeText(expected.texts[key] ?? ''))
  })
})

describe('the sample’s PDF, altered', () => {
  const pages = pagesOf('pdf/print-jining-cgj-2020.items.json')
  /** Page index and y-range of table 三's header on each page it starts (found by its words). */
  const headerOf = (p: PdfPageText) => {
    const top = Math.min(...p.items.filter((i) => i.text === '申请' || i.text.startsWith('（本列')).map((i) => i.y))
    const firstRow = p.items.find((i) => i.text.includes('、本年新收') || i.text.includes('（六）其他处理'))
    return firstRow ? { from: top - 1, to: firstRow.y - 2 } : undefined
  }

  it('table 三 without its header rows: its values are left blank and listed, the other tables still read', () => {
    const headers = pages.map((p) => (p.items.some((i) => i.text.startsWith('（本列')) ? headerOf(p) : undefined))
    const noHeader = edit(pages, (i, n) => {
      const h = headers[n]
      return !!h && i.y >= h.from && i.y <= h.to
    })
    const report = recognise(noHeader)
    const requests = Object.keys(report.values).filter((k) => k.startsWith('requests.'))
    expect(requests).toEqual([])
    expect(report.values['active.penalty.decisions']).toBe(132)
    expect(report.values['appeals.cases.review_upheld']).toBe(0)
    const listed = report.unrecognised.filter((u) => u.reason.includes('表头'))
    expect(listed.map((u) => u.line)).toContain('一、本年新收政府信息公开申请数量 1 2 0 0 0 0 3')
    expect(listed.length).toBeGreaterThanOrEqual(20)
  })

  it('an empty cell stays a gap: the other values of the row keep their columns', () => {
    // The 2 of 商业企业 in 一、本年新收 gone (a cell left empty).
    const row = pages[4]!.items.find((i) => i.text.includes('、本年新收'))!
    const gap = edit(pages, (i, n) => n === 4 && i.text === '2' && Math.abs(i.y - row.y) < 2 && i.x < 340)
    const report = recognise(gap)
    expect(report.values['requests.new.natural']).toBe(1)
    expect(report.values['requests.new.commercial']).toBeUndefined()
    expect(report.values['requests.new.research']).toBe(0)
    expect(report.values['requests.new.other_org']).toBe(0)
    expect(report.unrecognised).toEqual([])
  })

  it('an empty 总计 column: every other column still read, no total stated', () => {
    const totalX = pages[4]!.items.find((i) => i.text === '总计')!
    // Page 5 and the top of page 6 (table 四 follows below 250pt).
    const noTotals = edit(
      pages,
      (i, n) => (n === 4 || (n === 5 && i.y < 250)) && /^\d+$/.test(i.text) && Math.abs(i.x - totalX.x) < 12,
    )
    const report = recognise(noTotals)
    expect(report.values['requests.new.commercial']).toBe(2)
    expect(report.values['requests.carried_out.natural']).toBe(1)
    expect(Object.keys(report.values)).toHaveLength(inputCellsOf(getEdition('2019')).length)
    expect(report.unrecognised).toEqual([])
    expect(report.totalMismatches).toEqual([])
  })

  it('a value between two columns is not placed: its row stays blank and is listed', () => {
    const row = pages[4]!.items.find((i) => i.text.includes('、本年新收'))!
    const natural = pages[4]!.items.find((i) => i.text === '1' && Math.abs(i.y - row.y) < 2)!
    const moved = edit(
      pages,
      () => false,
      (i) => (i === natural ? 16 : 0),
    )
    const report = recognise(moved)
    expect(report.values['requests.new.natural']).toBeUndefined()
    expect(report.values['requests.new.commercial']).toBeUndefined()
    expect(report.values['requests.carried_in.natural']).toBe(0)
    expect(report.unrecognised).toEqual([
      expect.objectContaining({
        line: '一、本年新收政府信息公开申请数量 1 2 0 0 0 0 3',
        reason: expect.stringContaining('无法确定所在的列'),
      }),
    ])
  })
})

it('a PDF without text (a scan) is refused in Chinese', () => {
  const result = recognisePdf([{ width: 595, height: 842, items: [] }])
  expect(result).toEqual({ ok: false, error: NO_TEXT_LAYER })
  expect(NO_TEXT_LAYER).toContain('扫描件')
})
