import { strFromU8, unzipSync } from 'fflate'
import readXlsxFile from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import { compiledReport, distinctReport } from '@/testing/documents'
import { sampleReport } from '@/testing/fixtures'
import { inventedEdition, inventedReport } from '@/testing/inventedEdition'
import { getEdition, tablesOf } from './edition'
import { excelFile, sheetName } from './excelReport'
import type { EditionDef } from './format'
import type { Report } from './report'
import { type LayoutRow, blockRowsOf, columnHeader, sharedHeadOf, tableLayout } from './tableLayout'
import { resolveValues } from './totals'

/** The column letters of a 0-based index (0 → A, 26 → AA). */
const letters = (i: number): string =>
  (i < 26 ? '' : letters(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26))

interface Expected {
  /** At each merge's (or single cell's) top-left: the text or number it must hold. */
  at: Map<string, string | number | null>
  merges: string[]
  /** Value cells: address → [the address of its column's header, the header's text]. */
  headerOf: Map<string, [string, string]>
}

/** Where the official table puts every cell, worked out independently of the writer. */
function expected(report: Report, edition: EditionDef, tableIndex: number): Expected {
  const table = tablesOf(edition)[tableIndex]!
  const layout = tableLayout(table)
  const width = layout.widths.length
  const resolved = resolveValues(edition, report.values)
  const rows: LayoutRow[] = [...sharedHeadOf(layout), ...layout.blocks.flatMap((b) => blockRowsOf(layout, b))]
  const at = new Map<string, string | number | null>()
  const merges = [`A1:${letters(width - 1)}1`, `A2:${letters(width - 1)}2`, `A3:${letters(width - 1)}3`]
  const headerOf = new Map<string, [string, string]>()
  const taken = new Set<string>()
  const columnAt = new Map<number, string>()
  rows.forEach((row, i) => {
    const r = i + 4
    let c = 0
    if (row.kind === 'block' || (row.kind === 'header' && rows[i - 1]?.kind === 'body')) columnAt.clear()
    for (const cell of row.cells) {
      while (taken.has(`${r},${c}`)) c++
      for (let dr = 0; dr < cell.rowspan; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) taken.add(`${r + dr},${c + dc}`)
      const address = `${letters(c)}${r}`
      if (cell.rowspan > 1 || cell.colspan > 1)
        merges.push(`${address}:${letters(c + cell.colspan - 1)}${r + cell.rowspan - 1}`)
      if (cell.role === 'value') {
        at.set(address, resolved.get(cell.cell!) ?? null)
        headerOf.set(address, [columnAt.get(c)!, columnHeader(cell.column!)])
      } else {
        const text = cell.role === 'column' ? columnHeader(cell.column!) : cell.text
        at.set(address, text === '' ? null : text)
        if (cell.role === 'column') for (let dc = 0; dc < cell.colspan; dc++) columnAt.set(c + dc, address)
      }
      c += cell.colspan
    }
  })
  return { at, merges, headerOf }
}

async function readBack(report: Report, edition: EditionDef = getEdition(report.edition)) {
  const blob = await excelFile(report, edition)
  const bytes = new Uint8Array(await blob.arrayBuffer())
  const sheets = await readXlsxFile(Buffer.from(bytes))
  const files = unzipSync(bytes)
  return sheets.map((s, i) => {
    const xml = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]!)
    const merges = [...xml.matchAll(/<mergeCell ref="([A-Z0-9:]+)"\/>/g)].map((m) => m[1]!)
    const cell = (address: string) => {
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(address)!
      const c = [...col!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
      return s.data[Number(row) - 1]?.[c] ?? null
    }
    return { name: s.sheet, cell, merges, xml, styles: strFromU8(files['xl/styles.xml']!) }
  })
}

async function expectWorkbook(report: Report, edition: EditionDef = getEdition(report.edition)) {
  const sheets = await readBack(report, edition)
  const tables = tablesOf(edition)
  expect(sheets.map((s) => s.name)).toEqual(tables.map((t) => sheetName(t.heading)))
  sheets.forEach((sheet, t) => {
    const want = expected(report, edition, t)
    expect(sheet.cell('A1')).toBe(`${report.agency}${report.year}年政府信息公开工作年度报告`)
    expect(sheet.cell('A2')).toContain(report.agency)
    expect(sheet.cell('A3')).toBe(tables[t]!.heading)
    for (const [address, value] of want.at) {
      expect(sheet.cell(address), `${tables[t]!.key} ${address}`).toBe(value)
      // Numbers are numbers, not text.
      if (typeof value === 'number') expect(typeof sheet.cell(address)).toBe('number')
    }
    expect(sheet.merges.sort()).toEqual(want.merges.sort())
    // Every value cell sits in a column whose header names its column.
    for (const [address, [headerAt, header]] of want.headerOf) expect(sheet.cell(headerAt), address).toBe(header)
  })
  return sheets
}

describe('the workbook read back cell by cell', { timeout: 30_000 }, () => {
  it('the sample', async () => {
    const sheets = await expectWorkbook(sampleReport())
    // 66.36 万元 is a number shown with two decimals; its header names the unit.
    const active = sheets[0]!
    const amountAt = [...expected(sampleReport(), getEdition('2019'), 0).at].find(([, v]) => v === 66.36)![0]
    expect(active.cell(amountAt)).toBe(66.36)
    // The amount's cell style shows two decimals.
    const style = Number(new RegExp(`<c r="${amountAt}" s="(\\d+)"`).exec(active.xml)![1])
    const xfs = [...active.styles.split('<cellXfs')[1]!.matchAll(/<xf ([^>]*)>/g)].map(
      (m) => /numFmtId="(\d+)"/.exec(m[1]!)?.[1],
    )
    expect(active.styles).toContain(`<numFmt numFmtId="${xfs[style]}" formatCode="0.00"/>`)
    expect([...expected(sampleReport(), getEdition('2019'), 0).at.values()]).toContain('采购总金额（万元）')
  })

  it('a 2021 report with a distinct number in every cell, and a compiled report', async () => {
    const report = distinctReport()
    await expectWorkbook(report)
    const want = expected(report, getEdition('2021'), 1)
    // Every input value of 三 is in the workbook, each under its own column header.
    const numbers = [...want.at.values()].filter((v) => typeof v === 'number')
    expect(new Set(numbers).size).toBeGreaterThan(150)
    await expectWorkbook(compiledReport())
  })

  it('freezes the title and header rows, borders every table cell, widens the label column', async () => {
    const [, requests] = await readBack(sampleReport())
    expect(requests!.xml).toContain(
      '<pane ySplit="6" xSplit="0" topLeftCell="A7" activePane="bottomRight" state="frozen"/>',
    )
    expect(requests!.xml).toMatch(/<col min="3" max="3" width="40"/)
  })

  it('an edition it has never seen', async () => {
    const sheets = await expectWorkbook(inventedReport(), inventedEdition)
    expect(sheets[0]!.cell('A4')).toBe('（虚构注：甲加乙等于丙）')
    expect(sheets[0]!.merges).toContain('A4:D9')
  })
})
