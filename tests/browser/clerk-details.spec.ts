import { type Page, expect, test } from '@playwright/test'
import { createReport } from './editor-helpers'
import { wordsBrokenIn } from './helpers'
import { cell, editorCall, home, openReport, sampleId, saved, typeCell } from './safety-helpers'

/** A version of the sample with cells of 二, 三 and 四 changed, its detail open in the history panel. */
async function historyWithChanges(page: Page) {
  await home(page)
  await openReport(page, await sampleId(page))
  await typeCell(page, 'requests.new.natural', '55')
  await saved(page)
  // Blanks in 四, 三 and 二, set in that order: the panel lists them in table order.
  await editorCall(page, 'setCells', { 'appeals.cases.review_upheld': null })
  await editorCall(page, 'setCells', { 'requests.new.legal': null })
  await editorCall(page, 'setCells', { 'active.rules.made': null })
  await saved(page)
  await page.getByRole('tab', { name: '历史版本' }).click()
  const panel = page.getByTestId('history-panel')
  const first = panel.locator('li').first()
  await first.getByRole('button').first().click()
  await expect(first.getByTestId('version-detail')).toBeVisible()
  return { panel, first }
}

for (const viewport of [
  { width: 1400, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`the history diff at ${viewport.width}×${viewport.height}: whole names, table order, 空白 on one line, 确认恢复 in view`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport)
    const { first } = await historyWithChanges(page)
    const rows = first.locator('.diff tr')
    await expect(rows).toHaveCount(4)
    await expect(rows.locator('th')).toHaveText([
      '表二 · 第二十条第（一）项 · 规章 · 本年新制作数量',
      '表三 · 一、本年新收政府信息公开申请数量 · 自然人',
      '表三 · 一、本年新收政府信息公开申请数量 · 法律服务机构',
      '表四 · 行政复议 结果维持',
    ])
    // 空白 (the current value of three of them) sits on one line.
    const blank = first.locator('td.now', { hasText: '空白' }).first()
    const height = await blank.evaluate((td) => {
      const range = document.createRange()
      range.selectNodeContents(td)
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size
    })
    expect(height).toBe(1)
    await first.getByTestId('restore-version').click()
    const confirm = first.getByTestId('confirm-restore-version')
    await expect(confirm).toBeInViewport({ ratio: 1 })
    await page.screenshot({ path: `test-results/history-${viewport.width}.png` })
    await confirm.click()
    await expect(cell(page, 'requests', 'new', 'natural')).toHaveText('1')
  })
}

test('the 导出CSV menu closes on Esc (focus back on it) and on a click outside', async ({ page }) => {
  await home(page)
  await openReport(page, await sampleId(page))
  const toolbar = page.getByTestId('exchange-toolbar')
  const menu = toolbar.getByText('导出CSV')
  const item = toolbar.getByRole('button', { name: '三、收到和处理政府信息公开申请情况' })
  await menu.click()
  await expect(item).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(item).toBeHidden()
  await expect(menu).toBeFocused()
  await menu.click()
  await expect(item).toBeVisible()
  await page.getByRole('heading', { level: 1 }).click()
  await expect(item).toBeHidden()
})

test('one date format everywhere: the home list and the history panel both say 2026/12/02 10:46', async ({ page }) => {
  await home(page)
  const format = /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/
  const meta = page.getByTestId('report-list').locator('.meta').first()
  const listed = (await meta.textContent())!.split('修改于')[1]!.trim()
  expect(listed).toMatch(format)
  await openReport(page, await sampleId(page))
  await typeCell(page, 'requests.new.natural', '5')
  await saved(page)
  await page.getByRole('tab', { name: '历史版本' }).click()
  const time = page.getByTestId('history-panel').locator('time').first()
  await expect(time).toHaveText(format)
})

test('an unfilled table 四 prints as an empty row at least a line of its text high', async ({ page }) => {
  await createReport(page, '某市空白局', 2023)
  await page.goto(page.url().replace(/#\/report\/([^/?]+).*/, '#/report/$1/print'))
  const row = page.locator('table[data-table=appeals] tbody tr').first()
  await expect(row).toBeVisible()
  await expect(row.locator('td').first()).toHaveText(/^\s*$/)
  const line = await row
    .locator('td')
    .first()
    .evaluate((td) => parseFloat(getComputedStyle(td).lineHeight))
  expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(line)
})

test('at 1280 wide the column headers of 三 and 四 wrap between words, never inside one (结果/维持)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await createReport(page, '某市窄屏局', 2023)
  await page.locator('[data-table=appeals]').scrollIntoViewIfNeeded()
  const broken = await wordsBrokenIn(
    page,
    '[data-table=appeals] .ag-header-cell-text, [data-table=requests] .ag-header-cell-text',
  )
  expect(broken).toEqual([])
  await expect(page.locator('[data-table=appeals] .ag-header-cell-text').first()).toHaveText(/结果.?维持/)
  await page.screenshot({ path: 'test-results/appeals-headers-1280.png' })
})
