// 「生成数字段落」 in the editor: preview, accept, zero narrative warnings; a changed cell brings
// the warning, generating again replaces the paragraph and the warning goes.
import { expect, test } from '@playwright/test'
import { cell, editorReady, openSample, saved } from './editor-helpers'

const MARK = '\u2060'

test('the numbers paragraph of 一 is previewed, inserted on accepting, kept in step with the tables', async ({
  page,
}) => {
  await openSample(page)
  const overview = page.locator('[data-text=overview]')
  const narrative = page.locator('[data-rule^="narrative."]')
  // Start from a text of our own: one paragraph, the cursor at its end.
  await overview.fill('（一）主动公开情况')
  await overview.blur()
  await expect(narrative).toHaveCount(0)

  const part = page.locator('section.part').filter({ has: overview })
  await part.getByTestId('generate-numbers').click()
  const preview = part.getByTestId('numbers-preview')
  await expect(preview).toContainText('收到政府信息公开申请3件')
  await expect(preview).toContainText('结转下年度继续办理1件')
  // Nothing is written before the clerk accepts.
  await expect(overview).toHaveValue('（一）主动公开情况')
  // Another phrasing, the same numbers.
  const first = await preview.textContent()
  await part.getByTestId('rephrase-numbers').click()
  await expect(preview).not.toHaveText(first!)
  await expect(preview).toContainText('3件')
  await page.screenshot({ path: 'test-results/numbers-preview.png' })
  await part.getByTestId('accept-numbers').click()
  await expect(overview).toHaveValue(new RegExp(`^（一）主动公开情况\\n${MARK}.*收到政府信息公开申请3件`))
  await saved(page)
  await expect(narrative).toHaveCount(0)

  // A cell changes: the paragraph now disagrees with the table, and the check says so.
  const natural = cell(page, 'requests', 'new', 'natural')
  await natural.click()
  await page.keyboard.type('5')
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-rule="narrative.received"]')).toHaveCount(1)

  // Generate again: it replaces the earlier paragraph (found by its mark), the warning goes.
  await part.getByTestId('generate-numbers').click()
  await expect(part.getByTestId('accept-numbers')).toHaveText('替换原段落')
  await expect(part.getByTestId('numbers-preview')).toContainText('收到政府信息公开申请7件')
  await part.getByTestId('accept-numbers').click()
  await expect(narrative).toHaveCount(0)
  const text = await overview.inputValue()
  expect(text.split(MARK)).toHaveLength(2)
  expect(text.startsWith('（一）主动公开情况\n')).toBe(true)

  // It survives a reload, and prints with no visible mark.
  await saved(page)
  await page.reload()
  await editorReady(page)
  await expect(overview).toHaveValue(text)
  const id = page.url().match(/report\/([^/]+)/)![1]!
  await page.goto(`/#/report/${id}/print`)
  const printed = page.getByTestId('print-doc')
  await expect(printed).toContainText('收到政府信息公开申请7件')
})
