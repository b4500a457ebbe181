// 从已发布的报告导入 with a PDF: the PDF our own print view makes, read back through pdf.js in
// the browser, gives back the same report (every value, the texts as paragraphs), for both
// editions and for a compiled report. A scan without a text layer is refused in Chinese.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Page, expect, test } from '@playwright/test'
import { getEdition, inputCellsOf } from '../../src/domain/edition'
import { editorReady } from './editor-helpers'
import { asFile, closeSummary, departmentFile, importFiles, storedRows, waitForSample } from './exchange-helpers'

const OUT = 'test-results/pdf-import'

interface Row {
  id: string
  agency: string
  year: number
  edition: string
  values: Record<string, number>
  texts: Record<string, string>
}

async function rowOf(page: Page, agency: string): Promise<Row> {
  const rows = (await storedRows(page)) as unknown as (Row & { deletedAt?: unknown })[]
  return rows.find((r) => r.agency === agency && !r.deletedAt)!
}

/** The print view of a stored report, as Chromium's PDF. */
async function printPdf(page: Page, id: string, name: string): Promise<string> {
  await page.goto(`/#/report/${id}/print`)
  await expect(page.getByTestId('print-doc')).toBeVisible()
  await page.evaluate(() => document.fonts.ready)
  mkdirSync(OUT, { recursive: true })
  const file = `${OUT}/${name}.pdf`
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true }))
  return file
}

async function deleteReport(page: Page, title: string) {
  await page.goto('/')
  const item = page.getByTestId('report-list').locator('li').filter({ hasText: title })
  await item.getByRole('button', { name: '删除' }).click()
  await expect(item).toHaveCount(0)
}

async function choosePdf(page: Page, file: string) {
  await page.goto('/#/import-text')
  await page.getByTestId('text-file-input').setInputFiles(file)
}

/** Import the PDF, create the report, and compare the stored report with the original. */
async function roundTrip(page: Page, original: Row, file: string) {
  await deleteReport(page, `${original.agency}${original.year}年`)
  await choosePdf(page, file)
  await expect(page.getByTestId('recognised-summary')).toBeVisible()
  await expect(page.getByTestId('blank-count')).toHaveText('0')
  await expect(page.locator('input[name=agency]')).toHaveValue(original.agency)
  await expect(page.locator('input[name=year]')).toHaveValue(String(original.year))
  await page.getByTestId('create-from-text').click()
  await editorReady(page)
  const back = await rowOf(page, original.agency)
  const inputs = inputCellsOf(getEdition(original.edition)).map((c) => c.key)
  const pick = (v: Record<string, number>) => Object.fromEntries(inputs.filter((k) => k in v).map((k) => [k, v[k]]))
  expect(back.edition).toBe(original.edition)
  expect(pick(back.values)).toEqual(pick(original.values))
  for (const key of Object.keys(original.texts)) expect(back.texts[key], key).toBe(original.texts[key])
}

const TEXTS = {
  overview:
    '（一）主动公开情况\n本年度，我局通过门户网站主动公开政府信息，做到应公开尽公开，长期坚持，民生领域信息及时发布。\n（二）依申请公开情况\n全年依法办理政府信息公开申请，均在法定期限内答复。',
  problems: '一是公开内容仍需丰富。\n二是队伍能力有待提升。',
  other: '无',
}

for (const edition of ['2019', '2021'] as const) {
  test(`the PDF of the print view imports back to the same report (${edition}年版格式)`, async ({ page }) => {
    await waitForSample(page)
    const agency = `某市测试${edition}局`
    const file = departmentFile(agency, edition === '2019' ? 7 : 8, { edition, year: edition === '2019' ? 2020 : 2023 })
    await importFiles(page, [asFile('a.json', { ...file, texts: TEXTS })])
    await closeSummary(page)
    const original = await rowOf(page, agency)
    const pdf = await printPdf(page, original.id, `print-${edition}`)
    await roundTrip(page, original, pdf)
  })
}

test('the PDF of a compiled report imports back to the same numbers', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'))
  writeFileSync(join(dir, 'a.json'), JSON.stringify(departmentFile('某区甲局', 11, { year: 2023 })))
  writeFileSync(join(dir, 'b.json'), JSON.stringify(departmentFile('某区乙局', 12, { year: 2023 })))
  await waitForSample(page)
  await page.goto('/#/compile')
  await page.getByTestId('compile-import-folder').setInputFiles(dir)
  await closeSummary(page)
  await page.getByLabel('汇总机关名称').fill('某区人民政府')
  await page.getByTestId('compile-go').click()
  await expect(page.getByTestId('compiled-report')).toContainText('汇总报告 2个部门')
  const compiled = await rowOf(page, '某区人民政府')
  const pdf = await printPdf(page, compiled.id, 'print-compiled')
  // Imported as an ordinary report of the same numbers (a PDF does not carry the parts).
  await roundTrip(page, { ...compiled, agency: '某区人民政府' }, pdf)
})

test('a PDF without a text layer (a scan) is refused in Chinese, nothing created', async ({ page }) => {
  await waitForSample(page)
  // A page that is only a picture: the printed sample rendered to an image, then printed again.
  const id = (await rowOf(page, '济宁市城市管理局')).id
  const printed = await printPdf(page, id, 'sample')
  execFileSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', '-png', printed, `${OUT}/scan`])
  const png = readFileSync(`${OUT}/scan-1.png`).toString('base64')
  const scanPage = await page.context().newPage()
  await scanPage.setContent(`<img src="data:image/png;base64,${png}" style="width:100%">`)
  writeFileSync(`${OUT}/scan.pdf`, await scanPage.pdf())
  await scanPage.close()
  const before = (await storedRows(page)).length
  await choosePdf(page, `${OUT}/scan.pdf`)
  await expect(page.getByTestId('recognise-error')).toContainText('没有可读取的文字')
  await expect(page.getByTestId('recognise-error')).toContainText('扫描件')
  await expect(page.getByTestId('create-from-text')).toHaveCount(0)
  expect((await storedRows(page)).length).toBe(before)
})
