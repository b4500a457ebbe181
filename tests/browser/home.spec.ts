import { expect, test } from '@playwright/test'
import { chineseRenders } from './helpers'

test('first start lists the sample report in Chinese, with its status', async ({ page }) => {
  await page.goto('/')
  const item = page
    .getByTestId('report-list')
    .locator('li')
    .filter({ hasText: '济宁市城市管理局2020年政府信息公开工作年度报告' })
  await expect(item).toBeVisible()
  await expect(item.getByTestId('report-status')).toContainText('错误 0')
  await expect(item.getByTestId('report-status')).toContainText('警告 0')
  await expect(item.getByTestId('report-status')).toContainText('空白 0')
  await page.screenshot({ path: 'test-results/home.png', fullPage: true })
  expect(await chineseRenders(page)).toBe(true)
})
