import { expect, test } from '@playwright/test'
import { cell, createReport, openSample } from './editor-helpers'

test('at 1280 wide a cell message shows below the cell, inside the tables, never over the findings panel', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await openSample(page)
  // The last column of 三's first row, made to break the balance.
  const target = cell(page, 'requests', 'new', 'other_org')
  await target.click()
  await page.keyboard.type('99')
  await page.keyboard.press('Enter')
  await target.hover()
  const callout = page.getByTestId('cell-callout')
  await expect(callout).toContainText('错误')
  const [box, at, side] = await Promise.all([
    callout.boundingBox(),
    target.boundingBox(),
    page.locator('.side').first().boundingBox(),
  ])
  // Below the cell: the column headers above it (商业企业 … 其他) stay readable.
  expect(box!.y).toBeGreaterThanOrEqual(at!.y + at!.height)
  expect(box!.x + box!.width).toBeLessThanOrEqual(side!.x)
  await page.screenshot({ path: 'test-results/callout-1280.png' })
})

test('a blank cell says nothing of its own: no 尚未填写 on every focused blank', async ({ page }) => {
  await createReport(page, '某市空白局', 2023)
  await cell(page, 'requests', 'new', 'natural').click()
  await cell(page, 'requests', 'new', 'commercial').hover()
  await expect(page.getByTestId('cell-callout')).toHaveCount(0)
  // A refused value still says why, below the cell.
  await page.keyboard.type('abc')
  await page.keyboard.press('Enter')
  await cell(page, 'requests', 'new', 'natural').hover()
  await expect(page.getByTestId('cell-callout')).toContainText('输入无效')
})
