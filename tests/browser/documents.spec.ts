// Word, Excel and the web page, made in Chromium from the editor and from the home list, and
// read back: the Word file by our own text import (mammoth) and rendered by LibreOffice, the
// workbook by a reader, the web page by our own text import.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { type Download, type Page, expect, test } from '@playwright/test'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import readXlsxFile from 'read-excel-file/node'
import { getEdition, inputCellsOf, tablesOf } from '../../src/domain/edition'
import { recogniseHtml } from '../../src/domain/textImport'
import { resolveValues } from '../../src/domain/totals'
import { SAMPLE_TITLE, asFile, closeSummary, downloaded, importFiles, waitForSample } from './exchange-helpers'
import { editorReady, openSample } from './editor-helpers'
import { type Word, cx, cy, readPdf } from './pdf'

const OUT = 'test-results/documents'
const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/jining-cgj-2020.json', import.meta.url), 'utf8')) as {
  edition: string
  agency: string
  year: number
  values: Record<string, number>
  texts: Record<string, string>
}
const SAMPLE_NAME = '济宁市城市管理局-2020年政府信息公开工作年度报告'
const DISTINCT_AGENCY = '某市数据局'
const DISTINCT_TITLE = `${DISTINCT_AGENCY}2022年政府信息公开工作年度报告`

/** Input values only (what a document's reader recognises). */
function inputs(editionKey: string, values: Record<string, number>) {
  const keys = new Set(inputCellsOf(getEdition(editionKey)).map((c) => c.key))
  return Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k)))
}

/**
 * A 2021 report with a distinct number of four digits in every input cell (3000, 3003 …;
 * changes negative, amounts with decimals), so each sits in exactly one place of a document.
 */
function distinctFile() {
  const edition = getEdition('2021')
  const values: Record<string, number> = {}
  inputCellsOf(edition).forEach((cell, i) => {
    const n = 3000 + 3 * i
    values[cell.key] = cell.column.kind === 'change' ? -n : cell.column.kind === 'amount' ? n + 0.25 : n
  })
  return {
    kind: 'gov-info-disclosure-annual-report',
    schemaVersion: 1,
    edition: '2021',
    agency: DISTINCT_AGENCY,
    year: 2022,
    values: Object.fromEntries(resolveValues(edition, values)),
    texts: { overview: '本年度主动公开信息。\n（一）主动公开', problems: '问题一。', other: '无。' },
    exportedAt: '2026-01-01T00:00:00.000Z',
    generator: 'test',
  }
}

async function docxText(bytes: Buffer) {
  const { value } = await mammoth.convertToHtml({ buffer: bytes })
  const result = recogniseHtml(value)
  if (!result.ok) throw new Error(result.error)
  return result.report
}

async function openDocuments(page: Page) {
  await page.getByTestId('open-documents').click()
  await expect(page.getByTestId('documents-dialog')).toBeVisible()
}

/** Clicks an export in the documents dialog, confirming the warning when the report has one. */
async function exportFromEditor(page: Page, testId: string, confirm = false): Promise<Download> {
  const download = page.waitForEvent('download')
  await page.getByTestId(testId).click()
  if (confirm) await page.getByTestId('documents-anyway').click()
  return download
}

test('the sample leaves the editor as Word (signed), Excel and a web page, and each reads back', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await openSample(page)
  await openDocuments(page)

  // Word, with the signature block the user fills in.
  await page.getByTestId('sign').check()
  await expect(page.getByTestId('sign-agency')).toHaveValue(FIXTURE.agency)
  await page.getByTestId('sign-agency').fill('济宁市城市管理局办公室')
  await page.getByTestId('sign-date').fill('2021年1月20日')
  const docx = await exportFromEditor(page, 'export-docx')
  expect(docx.suggestedFilename()).toBe(`${SAMPLE_NAME}.docx`)
  const docxBytes = await downloaded(docx)
  const fromWord = await docxText(docxBytes)
  expect(fromWord.agency).toBe(FIXTURE.agency)
  expect(fromWord.values).toEqual(inputs(FIXTURE.edition, FIXTURE.values))
  expect(fromWord.texts.problems).toBe(
    FIXTURE.texts.problems
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n'),
  )
  const documentXml = strFromU8(unzipSync(new Uint8Array(docxBytes))['word/document.xml']!)
  expect(documentXml).toContain('济宁市城市管理局办公室')
  await expect(page.getByTestId('documents-done')).toContainText(`${SAMPLE_NAME}.docx`)

  // Excel: one sheet per table, numbers as numbers.
  const xlsx = await exportFromEditor(page, 'export-xlsx')
  expect(xlsx.suggestedFilename()).toBe(`${SAMPLE_NAME}.xlsx`)
  const sheets = await readXlsxFile(await downloaded(xlsx))
  expect(sheets.map((s) => s.sheet)).toEqual(tablesOf(getEdition('2019')).map((t) => t.heading))
  const active = sheets[0]!.data
  expect(active[0]![0]).toBe(SAMPLE_TITLE)
  const procurement = active.find((row) => row[0] === '政府集中采购')!
  expect(procurement.slice(1, 3)).toEqual([19, 66.36])

  // The web page, downloaded and copied.
  const html = await exportFromEditor(page, 'export-html')
  expect(html.suggestedFilename()).toBe(`${SAMPLE_NAME}.html`)
  const page1 = (await downloaded(html)).toString('utf8')
  expect(page1).not.toMatch(/<script|<style|\sclass=|https?:/i)
  const fromPage = recogniseHtml(page1)
  if (!fromPage.ok) throw new Error(fromPage.error)
  expect(fromPage.report.values).toEqual(inputs(FIXTURE.edition, FIXTURE.values))

  await page.getByTestId('copy-html').click()
  await expect(page.getByTestId('documents-done')).toContainText('已复制为网页')
  const clipboard = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read()
    return {
      html: await (await item!.getType('text/html')).text(),
      text: await (await item!.getType('text/plain')).text(),
    }
  })
  const fromClipboard = recogniseHtml(clipboard.html)
  if (!fromClipboard.ok) throw new Error(fromClipboard.error)
  expect(fromClipboard.report.values).toEqual(inputs(FIXTURE.edition, FIXTURE.values))
  expect(clipboard.text).toContain(SAMPLE_TITLE)
  expect(clipboard.text).toContain('政府集中采购 | 19 | 66.36万元')
})

test('a report with errors gets the print warning; its Word file, rendered by LibreOffice, puts each value under its column', async ({
  page,
}) => {
  await waitForSample(page)
  await importFiles(page, [asFile('distinct.json', distinctFile())])
  await closeSummary(page)
  await page.getByTestId('report-list').getByRole('link', { name: DISTINCT_TITLE }).click()
  await editorReady(page)
  await openDocuments(page)

  // 三 does not balance: the same warning as printing, and 返回修改 exports nothing.
  await page.getByTestId('export-docx').click()
  const warning = page.getByTestId('documents-warning')
  await expect(warning).toContainText(/\d+ 处错误/)
  await expect(warning).toContainText('确定要导出吗？')
  await page.getByTestId('documents-back').click()
  await expect(page.getByTestId('documents-dialog')).toBeHidden()

  await openDocuments(page)
  const docx = await exportFromEditor(page, 'export-docx', true)
  expect(docx.suggestedFilename()).toBe(`${DISTINCT_AGENCY}-2022年政府信息公开工作年度报告.docx`)
  const bytes = await downloaded(docx)
  const file = distinctFile()
  expect((await docxText(bytes)).values).toEqual(inputs('2021', file.values))

  // LibreOffice renders it; every value sits in its row and under its column header.
  mkdirSync(OUT, { recursive: true })
  writeFileSync(`${OUT}/distinct.docx`, bytes)
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', OUT, `${OUT}/distinct.docx`], {
    stdio: 'ignore',
    timeout: 120_000,
  })
  const MM = 72 / 25.4
  const pdf = readPdf(`${OUT}/distinct.pdf`, (297 - 35) * MM + 8)
  for (const p of pdf.pages) {
    expect(p.width).toBeCloseTo(210 * MM, 0)
    expect(p.height).toBeCloseTo(297 * MM, 0)
  }
  expect(pdf.foot.map((f) => f.map((w) => w.text).join(''))).toEqual(pdf.pages.map((_, i) => `—${i + 1}—`))
  const edition = getEdition('2021')
  const wordOf = new Map<string, Word>()
  for (const [key, value] of Object.entries(inputs('2021', file.values))) {
    const text = String(value).replace(/^(\d+\.\d+)$/, '$1万元')
    const found = pdf.body.filter((w) => w.text === text || w.text === String(value))
    expect(found, `${key} = ${value} printed once`).toHaveLength(1)
    wordOf.set(key, found[0]!)
  }
  let underHeader = 0
  for (const table of tablesOf(edition)) {
    for (const block of table.blocks) {
      const inputColumns = block.columns.filter((c) => !c.sumOf)
      const inputRows = block.rows.filter((r) => !r.sumOf)
      // A row's numbers on one line of one page, columns left to right.
      for (const row of inputRows) {
        const ws = inputColumns.map((c) => wordOf.get(`${table.key}.${row.key}.${c.key}`)!)
        for (const w of ws) {
          expect(w.page, `${table.key}.${row.key} split over pages`).toBe(ws[0]!.page)
          expect(Math.abs(cy(w) - cy(ws[0]!)), `${table.key}.${row.key} on one line`).toBeLessThan(2)
        }
        for (let i = 1; i < ws.length; i++) expect(cx(ws[i]!)).toBeGreaterThan(cx(ws[i - 1]!))
      }
      // A column's numbers one above the other, under its own header.
      for (const c of inputColumns) {
        const ws = inputRows.map((r) => wordOf.get(`${table.key}.${r.key}.${c.key}`)!)
        const x = cx(ws[0]!)
        for (const w of ws) expect(Math.abs(cx(w) - x), `${table.key} ${c.label}: one column`).toBeLessThan(2)
        const first = ws[0]!
        const prefix = c.label.slice(0, 2)
        const headers = pdf.body.filter(
          (w) => w.page === first.page && w.yMax <= first.yMin && w.text.startsWith(prefix),
        )
        if (headers.length === 0 || table.key === 'appeals') continue
        // The header nearest above the column's first number, in the same column.
        const header = headers.reduce((a, b) => (Math.abs(cx(b) - x) < Math.abs(cx(a) - x) ? b : a))
        expect(Math.abs(cx(header) - x), `${table.key} ${c.label} under its header`).toBeLessThan(12)
        underHeader++
      }
    }
  }
  // 二's six columns and 三's six applicant columns were found under their headers.
  expect(underHeader).toBe(12)
  execFileSync('pdftoppm', ['-r', '60', '-gray', '-png', `${OUT}/distinct.pdf`, `${OUT}/distinct`])
})

test('several reports from the home list: one zip of Word files, Excel and web page files, each reading back', async ({
  page,
}) => {
  await waitForSample(page)
  await importFiles(page, [asFile('distinct.json', distinctFile())])
  await closeSummary(page)
  const exportAs = async (format: string, titles: string[]) => {
    await page.getByRole('button', { name: '导出报告文件…' }).click()
    const dialog = page.getByTestId('export-dialog')
    for (const t of titles) await dialog.getByRole('checkbox', { name: t }).check()
    await dialog.getByRole('radio', { name: format }).check()
    const download = page.waitForEvent('download')
    await dialog.getByRole('button', { name: titles.length > 1 ? '导出为一个 ZIP 文件' : '导出', exact: true }).click()
    // The distinct report does not balance: the print warning, for the selection.
    if (titles.includes(DISTINCT_TITLE)) {
      await expect(page.getByTestId('export-warning')).toContainText('处错误')
      await page.getByTestId('export-anyway').click()
    }
    return download
  }

  const zip = await exportAs('Word 公文（.docx）', [SAMPLE_TITLE, DISTINCT_TITLE])
  expect(zip.suggestedFilename()).toMatch(/^政府信息公开工作年度报告（2份）-\d{4}-\d\d-\d\d-docx\.zip$/)
  const files = unzipSync(new Uint8Array(await downloaded(zip)))
  expect(Object.keys(files).sort()).toEqual(
    [`${SAMPLE_NAME}.docx`, `${DISTINCT_AGENCY}-2022年政府信息公开工作年度报告.docx`].sort(),
  )
  expect((await docxText(Buffer.from(files[`${SAMPLE_NAME}.docx`]!))).values).toEqual(
    inputs(FIXTURE.edition, FIXTURE.values),
  )
  expect(
    (await docxText(Buffer.from(files[`${DISTINCT_AGENCY}-2022年政府信息公开工作年度报告.docx`]!))).values,
  ).toEqual(inputs('2021', distinctFile().values))

  const xlsx = await exportAs('Excel 表格（.xlsx）', [SAMPLE_TITLE])
  expect(xlsx.suggestedFilename()).toBe(`${SAMPLE_NAME}.xlsx`)
  const sheets = await readXlsxFile(await downloaded(xlsx))
  expect(sheets).toHaveLength(3)
  expect(sheets[1]!.data.find((row) => row[0] === '一、本年新收政府信息公开申请数量')!.slice(3)).toEqual([
    1, 2, 0, 0, 0, 0, 3,
  ])

  const html = await exportAs('网页（.html）', [SAMPLE_TITLE])
  expect(html.suggestedFilename()).toBe(`${SAMPLE_NAME}.html`)
  const read = recogniseHtml((await downloaded(html)).toString('utf8'))
  if (!read.ok) throw new Error(read.error)
  expect(read.report.values).toEqual(inputs(FIXTURE.edition, FIXTURE.values))
})
