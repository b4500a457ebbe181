import { expect, test } from '@playwright/test'
import { SAMPLE_TITLE, asFile, closeSummary, departmentFile, importFiles, waitForSample } from './exchange-helpers'

/** 75 reports: 25 departments × 2021, 2022, 2023. */
async function seventyFive(page: import('@playwright/test').Page) {
  await waitForSample(page)
  const files = [2021, 2022, 2023].flatMap((year) =>
    Array.from({ length: 25 }, (_, i) =>
      asFile(`d${i}-${year}.json`, departmentFile(`某市第${i + 1}部门`, i + year, { year })),
    ),
  )
  await importFiles(page, files)
  await closeSummary(page)
}

test('many reports: grouped by year, a page at a time, searched by agency', async ({ page }) => {
  await seventyFive(page)
  const list = page.getByTestId('report-list')
  await expect(page.getByTestId('report-count')).toHaveText('共 76 份')
  // Newest year first, 30 a page.
  await expect(list.getByRole('heading')).toHaveText(['2023年度 25份', '2022年度 25份'])
  await expect(list.locator('li')).toHaveCount(30)
  const pager = page.getByTestId('report-pager')
  await expect(pager).toContainText('第 1 / 3 页')
  await pager.getByRole('button', { name: '下一页' }).click()
  await pager.getByRole('button', { name: '下一页' }).click()
  await expect(pager).toContainText('第 3 / 3 页')
  await expect(list.getByRole('heading')).toHaveText(['2021年度 25份', '2020年度 1份'])
  await expect(list.getByRole('link', { name: SAMPLE_TITLE })).toBeVisible()

  await page.getByLabel('搜索报告').fill('第12部门')
  await expect(page.getByTestId('report-count')).toHaveText('找到 3 份')
  await expect(pager).toBeHidden()
  await expect(list.getByRole('link')).toHaveText(
    [2023, 2022, 2021].map((y) => `某市第12部门${y}年政府信息公开工作年度报告`),
  )
  await page.getByLabel('搜索报告').fill('不存在的局')
  await expect(page.getByText('没有机关名称包含“不存在的局”的报告。')).toBeVisible()
  await page.screenshot({ path: 'test-results/home-list-search.png' })
})

test('the list is one Tab stop: arrow keys move between reports and their buttons', async ({ page }) => {
  await seventyFive(page)
  const list = page.getByTestId('report-list')
  const links = list.getByRole('link')
  await page.getByLabel('搜索报告').focus()
  await page.keyboard.press('Tab')
  await expect(links.nth(0)).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(links.nth(2)).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(list.locator('li').nth(2).getByRole('button', { name: '重命名' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(list.locator('li').nth(2).getByRole('button', { name: '删除' })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(list.locator('li').nth(1).getByRole('button', { name: '删除' })).toBeFocused()
  await page.keyboard.press('End')
  await expect(list.locator('li').nth(29).getByRole('button', { name: '删除' })).toBeFocused()
  // One Tab leaves the list: the next stop is the pager, not another report.
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('report-pager').getByRole('button', { name: '下一页' })).toBeFocused()
  // Back in, the last place is kept; Enter on a link opens the report.
  await page.keyboard.press('Shift+Tab')
  await expect(list.locator('li').nth(29).getByRole('button', { name: '删除' })).toBeFocused()
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(links.nth(0)).toBeFocused()
  const title = await links.nth(0).textContent()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: title! })).toBeVisible()
})
