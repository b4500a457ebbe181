import { expect, test } from '@playwright/test'
import { cell, focusedCell, openSample } from './editor-helpers'
import { watchContext } from './safety-helpers'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

/** What Excel or WPS puts on the clipboard for a copied block. */
const copyFromSpreadsheet = (page: import('@playwright/test').Page, text: string) =>
  page.evaluate((t) => navigator.clipboard.writeText(t), text)

test('a 3×4 block pasted from a spreadsheet fills the table; undo and redo take it as one step', async ({
  page,
  context,
  baseURL,
}) => {
  // A grid call refused (a module not registered) shows only as a console error.
  const watch = await watchContext(context, baseURL!)
  await openSample(page)
  const at = (row: string, col: string) => cell(page, 'requests', row, col)
  await copyFromSpreadsheet(page, '1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t10\t11\t12\r\n')
  await at('deny_secret', 'natural').click()
  await page.keyboard.press('Control+v')

  await expect(at('deny_secret', 'natural')).toHaveText('1')
  await expect(at('deny_secret', 'nonprofit')).toHaveText('4')
  await expect(at('deny_safety', 'natural')).toHaveText('9')
  await expect(at('deny_safety', 'nonprofit')).toHaveText('12')
  await expect(at('deny_law', 'total')).toHaveText(/26$/)
  await expect(page.getByTestId('edit-notice')).toContainText('已粘贴 12 个单元格')
  await expect(page.getByTestId('findings-summary')).toContainText('有')

  await page.keyboard.press('Control+z')
  for (const [row, col] of [
    ['deny_secret', 'natural'],
    ['deny_law', 'research'],
    ['deny_safety', 'nonprofit'],
  ] as const) {
    await expect(at(row, col)).toHaveText('0')
  }
  await expect(page.getByTestId('findings-summary')).toContainText('没有错误。')

  await page.keyboard.press('Control+y')
  await expect(at('deny_secret', 'natural')).toHaveText('1')
  await expect(at('deny_safety', 'nonprofit')).toHaveText('12')
  expect(watch.consoleErrors).toEqual([])
})

test('a paste skips totals and what falls outside the table, and names each bad value', async ({ page }) => {
  await openSample(page)
  const at = (row: string, col: string) => cell(page, 'requests', row, col)
  // Four columns from 法律服务机构: 其他, then 总计 (computed), then past the table's edge.
  await copyFromSpreadsheet(page, '3\t4\t7\t99\r\n5\tx\t5\t99\r\n')
  await at('open', 'legal').click()
  await page.keyboard.press('Control+v')

  const notice = page.getByTestId('edit-notice')
  await expect(notice).toContainText('已粘贴 3 个单元格')
  await expect(notice).toContainText('跳过 2 个自动计算的合计单元格')
  await expect(notice).toContainText('2 个值超出表格范围')
  await expect(notice).toContainText('1 个值无法识别')
  await expect(notice).toContainText('（二）部分公开（区分处理的，只计这一情形，不计其他情形） · 其他：“x”不是数字')
  await expect(at('open', 'legal')).toHaveText('3')
  await expect(at('open', 'other_org')).toHaveText('4')
  await expect(at('open', 'total')).toHaveText(/7$/)
  await expect(at('partial', 'legal')).toHaveText('5')
  await expect(at('partial', 'other_org')).toHaveText('0')
  await expect(at('partial', 'other_org')).toHaveClass(/cell-rejected/)
})

test('a cell or a block copies out as tab-separated text', async ({ page, context, baseURL }) => {
  // A grid call refused (a module not registered) shows only as a console error.
  const watch = await watchContext(context, baseURL!)
  await openSample(page)
  await cell(page, 'active', 'penalty', 'prev_items').click()
  await page.keyboard.press('Control+c')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('134\r\n')

  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowRight')
  await page.keyboard.press('Shift+ArrowDown')
  await expect(cell(page, 'active', 'enforcement', 'decisions')).toHaveClass(/cell-selected/)
  await page.keyboard.press('Control+c')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('134\t-2\t132\r\n19\t-19\t0\r\n')

  // Shift+click selects too; a plain move starts over.
  await cell(page, 'requests', 'new', 'natural').click()
  await cell(page, 'requests', 'carried_in', 'total').click({ modifiers: ['Shift'] })
  // As a person does: copy once the block shows as selected.
  await expect(cell(page, 'requests', 'carried_in', 'natural')).toHaveClass(/cell-selected/)
  await page.keyboard.press('Control+c')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    '1\t2\t0\t0\t0\t0\t3\r\n0\t0\t0\t0\t0\t0\t0\r\n',
  )
  await page.keyboard.press('ArrowDown')
  expect(await focusedCell(page)).toBe('open.total')
  await expect(cell(page, 'requests', 'new', 'natural')).not.toHaveClass(/cell-selected/)
  expect(watch.consoleErrors).toEqual([])
})
