import { expect, test } from '@playwright/test'
import { cell, editorReady, openSample, saved } from './editor-helpers'

test('two pages on one report see each other’s edits, and neither overwrites the other', async ({ context, page }) => {
  await openSample(page)
  const other = await context.newPage()
  await other.goto(page.url())
  await editorReady(other)

  await cell(page, 'requests', 'new', 'natural').click()
  await page.keyboard.type('6')
  await page.keyboard.press('Enter')
  await expect(cell(other, 'requests', 'new', 'natural')).toHaveText('6')
  await expect(cell(other, 'requests', 'new', 'total')).toHaveText(/8$/)
  await expect(other.getByTestId('findings-summary')).toContainText('有')

  await cell(other, 'requests', 'carried_out', 'natural').click()
  await other.keyboard.type('6')
  await other.keyboard.press('Enter')
  await expect(cell(page, 'requests', 'carried_out', 'natural')).toHaveText('6')
  // Each page kept the other's cell: the report balances again on both.
  await expect(page.getByTestId('findings-summary')).toContainText('没有错误。')
  await expect(other.getByTestId('findings-summary')).toContainText('没有错误。')
  await expect(cell(other, 'requests', 'new', 'natural')).toHaveText('6')

  await page.locator('[data-text=other]').fill('另一页写的说明。')
  await page.locator('[data-text=other]').blur()
  await expect(other.locator('[data-text=other]')).toHaveValue('另一页写的说明。')

  await saved(page)
  await saved(other)
  await page.reload()
  await editorReady(page)
  await expect(cell(page, 'requests', 'new', 'natural')).toHaveText('6')
  await expect(cell(page, 'requests', 'carried_out', 'natural')).toHaveText('6')
})

test('a write the browser refuses is shown at once with advice; the edit stays and is saved when it can be', async ({
  page,
}) => {
  await openSample(page)
  // The browser's storage is full: every IndexedDB write fails as it would then.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put
    ;(window as unknown as { restorePut: () => void }).restorePut = () => (IDBObjectStore.prototype.put = put)
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    }
  })
  await cell(page, 'requests', 'new', 'natural').click()
  await page.keyboard.type('5')
  await page.keyboard.press('Enter')
  const state = page.getByTestId('save-state')
  await expect(state).toContainText('保存失败：浏览器存储空间已满')
  await expect(state).toContainText('请先导出报告文件')
  await expect(cell(page, 'requests', 'new', 'natural')).toHaveText('5')
  await expect(cell(page, 'requests', 'new', 'total')).toHaveText(/7$/)

  await page.evaluate(() => (window as unknown as { restorePut: () => void }).restorePut())
  await saved(page)
  await page.reload()
  await editorReady(page)
  await expect(cell(page, 'requests', 'new', 'natural')).toHaveText('5')
})
