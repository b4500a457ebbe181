import { expect, test } from '@playwright/test'
import { cell, createReport, focusedCell, openSample } from './editor-helpers'

test('table 二 is one sheet to the arrows; Tab skips the headers; the focused cell describes its row, column and findings', async ({
  page,
}) => {
  await createReport(page, '某市键盘局', 2023)
  // From the text box of 一, Tab lands on the first number of 二, not on a header.
  await page.locator('textarea[data-text=overview]').focus()
  await page.keyboard.press('Tab')
  await expect.poll(() => focusedCell(page)).toBe('rules.issued')
  const role = await page.evaluate(() => document.activeElement?.getAttribute('role'))
  expect(role).toBe('gridcell')

  // ↓ from the last row of 第二十条第（一）项 passes over the next block's heading and header
  // rows to 第二十条第（五）项's first row, ↑ comes back.
  await cell(page, 'active', 'normative', 'issued').click()
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => focusedCell(page)).toBe('licensing.decisions')
  await page.keyboard.press('ArrowUp')
  await expect.poll(() => focusedCell(page)).toBe('normative.issued')

  // What a screen reader hears beside the value: the row and column labels.
  await expect(cell(page, 'active', 'normative', 'issued')).toHaveAttribute(
    'aria-description',
    /第二十条第（一）项 · 行政规范性文件 · 本年制发件数/,
  )
})

test('a focused cell with a finding describes it too', async ({ page }) => {
  await openSample(page)
  const target = cell(page, 'requests', 'new', 'other_org')
  await target.click()
  await page.keyboard.type('99')
  await page.keyboard.press('Enter')
  await target.click()
  await expect(target).toHaveAttribute('aria-description', /一、本年新收政府信息公开申请数量 · 其他。错误：/)
})
