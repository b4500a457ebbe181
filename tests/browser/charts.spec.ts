// Charts in Chromium: the editor's 图表 tab following an edit, last year's report beside this
// year's, 一图读懂 printed to an A4 PDF (read back with pdftotext) and saved as a PNG (decoded),
// and a compilation's department charts leading to each department's report.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Locator, type Page, expect, test } from '@playwright/test'
import { chineseRenders } from './helpers'
import { cell, createReport, editorReady, openSample, saved } from './editor-helpers'
import {
  SAMPLE_TITLE,
  asFile,
  chooseFiles,
  closeSummary,
  departmentFile,
  downloaded,
  waitForSample,
} from './exchange-helpers'

/** The values a chart holds now (Chart.js's datasets), one array per series. */
async function chartValues(chart: Locator): Promise<(number | null)[][]> {
  const json = await chart.locator('canvas').getAttribute('data-values')
  return json ? JSON.parse(json) : []
}

/** The rows of a chart's data table: label, then each cell's text. */
const tableRows = (page: Page, id: string) =>
  page
    .locator(`[data-chart-table="${id}"] tbody tr`)
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')))

async function openChartsTab(page: Page) {
  await page.getByRole('tab', { name: '图表' }).click()
  await expect(page.locator('[data-chart=requests] canvas[data-values]')).toBeAttached()
}

test('the 图表 tab charts the report and follows an edit', async ({ page }) => {
  await openSample(page)
  await openChartsTab(page)
  const panel = page.getByTestId('editor-charts')
  await expect(panel).toContainText('没有本机关2019年的报告，只显示本年数字。')
  const requests = panel.locator('[data-chart=requests]')
  expect(await chartValues(requests)).toEqual([[3, 0, 2, 1]])
  expect(await chartValues(panel.locator('[data-chart=outcomes]'))).toEqual([[0, 0, 0, 2, 0, 0]])
  expect((await tableRows(page, 'requests'))[0]).toEqual(['本年新收政府信息公开申请数量', '3件'])
  expect(await chineseRenders(page)).toBe(true)
  await panel.screenshot({ path: 'test-results/charts-editor-tab.png' })

  // 本年新收 by 自然人: 1 → 11, so its 总计 3 → 13; the chart follows without leaving the grid.
  await cell(page, 'requests', 'new', 'natural').click()
  await page.keyboard.type('11')
  await page.keyboard.press('Enter')
  await expect.poll(() => chartValues(requests)).toEqual([[13, 0, 2, 1]])
  expect((await tableRows(page, 'requests'))[0]).toEqual(['本年新收政府信息公开申请数量', '13件'])
  // Typing went on in the grid: the next cell down has the focus.
  await expect(cell(page, 'requests', 'carried_in', 'natural')).toHaveClass(/ag-cell-focus/)
  await saved(page)

  // The data table, for everyone: 数据表 shows it.
  await requests.getByRole('button', { name: /显示「.*」的数据表/ }).click()
  await expect(page.locator('[data-chart-table=requests]')).toBeVisible()
})

test('with last year’s report: each pair of bars and its change, and 一图读懂 to A4 PDF and PNG', async ({ page }) => {
  // Last year's report of the same agency: 本年新收 2, 予以公开 1.
  await createReport(page, '济宁市城市管理局', 2019)
  await cell(page, 'requests', 'new', 'natural').click()
  await page.keyboard.type('2')
  await page.keyboard.press('Enter')
  await cell(page, 'requests', 'open', 'natural').click()
  await page.keyboard.type('1')
  await page.keyboard.press('Enter')
  await saved(page)

  await openSample(page)
  await openChartsTab(page)
  const panel = page.getByTestId('editor-charts')
  await expect(panel).toContainText('与2019年的报告比较')
  await expect
    .poll(() => chartValues(panel.locator('[data-chart=requests]')))
    .toEqual([
      [3, 0, 2, 1],
      [2, null, 1, null],
    ])
  const rows = await tableRows(page, 'requests')
  expect(rows[0]).toEqual(['本年新收政府信息公开申请数量', '3件', '2件', '增 1（+50.0%）'])
  expect(rows[1]).toEqual(['上年结转政府信息公开申请数量', '0件', '—', '—'])
  expect((await tableRows(page, 'outcomes'))[0]).toEqual(['予以公开', '0件', '1件', '减 1（−100.0%）'])
  await panel.screenshot({ path: 'test-results/charts-editor-last-year.png' })

  // 一图读懂: the key figures and every chart on one A4 sheet.
  await panel.getByRole('link', { name: /一图读懂/ }).click()
  await expect(page.locator('.figures-view[data-rendered]')).toBeVisible()
  const sheet = page.getByTestId('figures-sheet')
  await expect(sheet.getByRole('heading', { name: '一图读懂' })).toBeVisible()
  await expect(sheet).toContainText(SAMPLE_TITLE)
  await expect(sheet.getByTestId('key-figure').first()).toHaveText(
    /本年新收政府信息公开申请数量\s*3\s*件\s*较上年增 1（\+50\.0%）/,
  )
  expect(await sheet.locator('figure[data-chart] canvas[data-values]').count()).toBe(7)
  await page.screenshot({ path: 'test-results/charts-figures-page.png', fullPage: true })

  // Printed: A4, and its figures' numbers are in the PDF.
  await page.emulateMedia({ media: 'print' })
  const pdf = await page.pdf({ preferCSSPageSize: true })
  await page.emulateMedia({ media: 'screen' })
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-figures-'))
  const file = join(dir, 'figures.pdf')
  writeFileSync(file, pdf)
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/)
  expect(info).toMatch(/Pages:\s+1\n/)
  // In reading order, without the line breaks of the tiles.
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
  expect(text).toContain(`一图读懂${SAMPLE_TITLE}2020年与2019年比较`)
  expect(text).toContain('本年新收政府信息公开申请数量3件较上年增1（+50.0%）')
  expect(text).toContain('本年度办理结果总计2件较上年增1（+100.0%）')
  expect(text).toContain('予以公开0件较上年减1（−100.0%）')
  expect(text).toContain('行政复议0件')
  expect(text).toContain('申请的办理结果')
  execFileSync('pdftoppm', ['-png', '-r', '60', file, join(dir, 'page')])

  // Saved as a PNG: the whole sheet at twice its size, with the charts' bars painted in.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '保存为图片（PNG）' }).click(),
  ])
  expect(download.suggestedFilename()).toBe(`${SAMPLE_TITLE}·一图读懂.png`)
  const png = await downloaded(download)
  writeFileSync('test-results/charts-figures.png', png)
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  const box = (await sheet.boundingBox())!
  expect(png.readUInt32BE(16)).toBe(Math.round(box.width * 2))
  expect(png.readUInt32BE(20)).toBe(Math.round(box.height * 2))
  const painted = await page.evaluate(async (b64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]))
    const c = new OffscreenCanvas(bitmap.width, bitmap.height)
    const ctx = c.getContext('2d')!
    ctx.drawImage(bitmap, 0, 0)
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data
    let bars = 0 // this year's bar colour, #0b4f8a
    let title = 0 // the red title band
    for (let i = 0; i < data.length; i += 4) {
      if (Math.abs(data[i]! - 0x0b) < 6 && Math.abs(data[i + 1]! - 0x4f) < 6 && Math.abs(data[i + 2]! - 0x8a) < 6)
        bars++
      if (data[i] === 0xb3 && data[i + 1] === 0x26 && data[i + 2] === 0x1e) title++
    }
    return { bars, title }
  }, png.toString('base64'))
  expect(painted.bars).toBeGreaterThan(2000)
  expect(painted.title).toBeGreaterThan(20000)
})

test('a compilation of 20 departments: their charts, and a bar opens the department’s report', async ({ page }) => {
  await waitForSample(page)
  const departments = Array.from({ length: 20 }, (_, i) =>
    departmentFile(`某区第${String(i + 1).padStart(2, '0')}局`, 700 + i),
  )
  // One department received nothing at all.
  for (const col of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']) {
    for (const row of ['new', 'carried_in']) departments[7]!.values[`requests.${row}.${col}`] = 0
  }
  departments[7]!.values['requests.new.total'] = 0
  departments[7]!.values['requests.carried_in.total'] = 0
  const received = departments
    .map((d) => ({ agency: d.agency, n: d.values['requests.new.total']! }))
    .sort((a, b) => b.n - a.n || a.agency.localeCompare(b.agency, 'zh-CN'))

  await page.goto('/#/compile')
  await chooseFiles(
    page,
    'compile-import-files',
    departments.map((d, i) => asFile(`dept-${i + 1}.json`, d)),
  )
  await closeSummary(page)
  await page.getByLabel('汇总机关名称').fill('某区人民政府（汇总）')
  await page.getByTestId('compile-go').click()
  // Drawn once scrolled to (below the fold).
  await page.getByTestId('compiled-charts').scrollIntoViewIfNeeded()
  const charts = page.getByTestId('department-charts')
  const bars = charts.locator('[data-chart=received]')
  await expect(bars.locator('canvas[data-values]')).toBeAttached()

  expect(await chartValues(bars)).toEqual([received.map((r) => r.n)])
  expect((await tableRows(page, 'received')).map((r) => r[0])).toEqual(received.map((r) => r.agency))
  expect((await tableRows(page, 'outcomes')).length).toBe(20)
  await expect(charts.getByTestId('no-requests')).toContainText('某区第08局')
  await charts.screenshot({ path: 'test-results/charts-departments.png' })

  // The top bar is the department that received most: find it under the pointer and click it.
  const canvas = bars.locator('canvas')
  await canvas.scrollIntoViewIfNeeded()
  const box = (await canvas.boundingBox())!
  let hit: { x: number; y: number } | undefined
  for (let y = box.y + 4; y < box.y + box.height / 4 && !hit; y += 3) {
    await page.mouse.move(box.x + box.width * 0.45, y)
    if ((await canvas.evaluate((c) => c.style.cursor)) === 'pointer') hit = { x: box.x + box.width * 0.45, y }
  }
  expect(hit).toBeDefined()
  await page.mouse.click(hit!.x, hit!.y)
  await editorReady(page)
  await expect(
    page.getByRole('heading', { name: `${received[0]!.agency}2022年政府信息公开工作年度报告` }),
  ).toBeVisible()

  // And a department's name in the data table, for the keyboard.
  await page.goBack()
  await page
    .locator('[data-chart-table=received]')
    .getByRole('link', { name: received[5]!.agency })
    .evaluate((a: HTMLElement) => a.click())
  await expect(
    page.getByRole('heading', { name: `${received[5]!.agency}2022年政府信息公开工作年度报告` }),
  ).toBeVisible()
})
