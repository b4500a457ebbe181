import { type Page, expect, test } from '@playwright/test'
import { chineseRenders } from './helpers'
import { cell, createReport, openSample } from './editor-helpers'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

/** Row labels whose text does not fit their cell (row heights are computed from the labels, not measured). */
const clippedLabels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.report-grid .row-label')]
      .filter((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent),
  )

test('the 2019 editor reads as the official form, in Chinese, without sideways scrolling', async ({ page }) => {
  await openSample(page)
  await expect(page.getByRole('heading', { name: '三、收到和处理政府信息公开申请情况' })).toBeVisible()
  await expect(page.locator('[data-table=requests]:has([row-id])')).toContainText(
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  )
  await expect(page.locator('[data-table=active]:has([row-id])')).toContainText('第二十条第（九）项')
  await expect(page.locator('[data-table=active]:has([row-id])')).toContainText('采购总金额（万元）')
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  expect(await chineseRenders(page)).toBe(true)
  expect(await clippedLabels(page)).toEqual([])
  await page.screenshot({ path: 'test-results/editor-2019.png', fullPage: true })
})

test('the 2021 editor reads as the official form, in Chinese, without sideways scrolling', async ({ page }) => {
  await createReport(page, '济宁市城市管理局', 2021)
  await cell(page, 'requests', 'new', 'natural').click()
  await page.evaluate(() => navigator.clipboard.writeText('1\t2\t0\t0\t0\t0\r\n0\t0\t0\t0\t0\t0\r\n'))
  await page.keyboard.press('Control+v')
  await cell(page, 'requests', 'none_not_held', 'natural').click()
  await page.evaluate(() => navigator.clipboard.writeText('0\t2\t0\t0\t0\t0\r\n'))
  await page.keyboard.press('Control+v')
  await cell(page, 'active', 'penalty', 'decisions').click()
  await page.keyboard.type('132')
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-table=requests]:has([row-id])')).toContainText(
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  )
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  await page.mouse.move(0, 0)
  expect(await clippedLabels(page)).toEqual([])
  await page.screenshot({ path: 'test-results/editor-2021.png', fullPage: true })
})
