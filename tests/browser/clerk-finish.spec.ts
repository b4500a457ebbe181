// Issue 16 (a clerk finishes the report without tripping): blank texts, pending rules, undo of
// texts, 定稿, and the warning before an export.
import { type Page, expect, test } from '@playwright/test'
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

/** window.print() counts instead of opening the dialog. */
async function stubPrint(page: Page) {
  await page.addInitScript(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => void (window as unknown as { printed: number }).printed++
  })
  return () => page.evaluate(() => (window as unknown as { printed: number }).printed)
}

async function typeInto(page: Page, table: string, row: string, column: string, text: string) {
  await cell(page, table, row, column).click()
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

const homeStatus = (page: Page, title: string) =>
  page.getByTestId('report-list').locator('li').filter({ hasText: title }).getByTestId('report-status')

test('an empty or whitespace-only text part is a blank: counted, listed, on the home list, and printing warns', async ({
  page,
}) => {
  const printed = await stubPrint(page)
  await createReport(page, '空白文字测试局', 2022)
  await page.getByRole('button', { name: '空白格全部填 0' }).click()
  const summary = page.getByTestId('findings-summary')
  await expect(summary).toContainText('没有错误。')
  await expect(summary).toContainText('还有 3 个文字部分未填。')

  await page.locator('[data-text=overview]').fill('本年度，本局认真贯彻落实《条例》。')
  await page.locator('[data-text=other]').fill('  \n\u3000 ')
  await page.locator('[data-text=overview]').click()
  await expect(summary).toContainText('还有 2 个文字部分未填。')
  const blanks = page.locator('[data-rule=blank][data-cells=""]')
  await expect(blanks).toHaveText([/五、存在的主要问题及改进情况：尚未填写/, /六、其他需要报告的事项：尚未填写/])
  await blanks.first().click()
  await expect(page.locator('[data-text=problems]')).toBeFocused()
  await saved(page)

  await page.getByRole('link', { name: '我的年度报告' }).click()
  await expect(homeStatus(page, '空白文字测试局2022年')).toContainText('空白 2')

  await page.getByRole('link', { name: '空白文字测试局2022年政府信息公开工作年度报告' }).click()
  await editorReady(page)
  await page.getByTestId('open-print').click()
  await expect(page.getByTestId('print-warning')).toContainText('2 个文字部分没有填写')
  await expect(page.getByTestId('print-warning')).not.toContainText('空白单元格')
  expect(await printed()).toBe(0)
})

test('a compiled report does not offer 空白格全部填 0 (its numbers are the sums of its parts)', async ({ page }) => {
  await waitForSample(page)
  await page.goto('/#/compile')
  const omit = ['requests.new.research', 'appeals.cases.review_upheld']
  await chooseFiles(page, 'compile-import-files', [
    asFile('甲.json', departmentFile('某县甲局', 1, { omit })),
    asFile('乙.json', departmentFile('某县乙局', 2, { omit })),
  ])
  await closeSummary(page)
  await page.getByLabel('汇总机关名称').fill('某县人民政府')
  await page.getByTestId('compile-go').click()
  await page.getByRole('link', { name: '打开报告（检查、填写文字、打印）' }).click()
  await editorReady(page)
  await expect(page.getByTestId('compiled-banner')).toBeVisible()
  // Blank in every department: blank in the sum, yet nothing here can fill it.
  await expect(page.getByTestId('findings-summary')).toContainText('还有 2 个单元格')
  await expect(page.getByRole('button', { name: '撤销' })).toBeVisible()
  await expect(page.getByRole('button', { name: '空白格全部填 0' })).toHaveCount(0)
})

test('a rule with blank cells waits quietly (待填完) until blanks cannot save it; 新建下一年度 opens without errors', async ({
  page,
}) => {
  await createReport(page, '待填完测试局', 2022)
  const summary = page.getByTestId('findings-summary')
  const natural = cell(page, 'requests', 'new', 'natural')

  // The first number of 三: the 勾稽关系 is not broken, only not filled in yet.
  await typeInto(page, 'requests', 'new', 'natural', '1')
  await expect(summary).toContainText('没有错误。')
  await expect(summary).toContainText('2 处勾稽关系待填完后核对')
  await expect(natural).not.toHaveClass(/sev-error/)
  const balance = page.locator('[data-rule="requests.balance"]')
  await expect(balance).toHaveCount(2)
  await expect(balance.first()).toHaveAttribute('data-severity', 'notice')
  await expect(balance.first()).toContainText('自然人：待填完')

  // 第一项 and 第二项 filled (1 + 0), 第四项 already 3: no blank can make them equal.
  await typeInto(page, 'requests', 'carried_in', 'natural', '0')
  await expect(summary).toContainText('没有错误。')
  await typeInto(page, 'requests', 'carried_out', 'natural', '3')
  await expect(summary).toContainText('有 1 个错误')
  await expect(natural).toHaveClass(/sev-error/)
  await expect(page.locator('[data-rule="requests.balance"][data-severity=error]')).toContainText(
    '自然人：第一项加第二项之和（1+0=1）应等于第三项加第四项之和（0+3=3）',
  )
  await saved(page)

  // Next year from the sample: 上年结转 is carried, nothing else typed yet, and no error.
  await page.goto('/')
  await page.getByRole('link', { name: SAMPLE_TITLE }).click()
  await editorReady(page)
  await page.getByRole('button', { name: '新建下一年度' }).click()
  await expect(page.getByRole('heading', { name: '济宁市城市管理局2021年政府信息公开工作年度报告' })).toBeVisible()
  await editorReady(page)
  await expect(cell(page, 'requests', 'carried_in', 'natural')).toHaveText('1')
  await expect(summary).toContainText('没有错误。')
  await expect(page.locator('[data-severity=error]')).toHaveCount(0)
})

test('text edits are steps of the undo history: a deleted paragraph comes back with 撤销 or Ctrl+Z anywhere', async ({
  page,
}) => {
  await openSample(page)
  const overview = page.locator('[data-text=overview]')
  const undo = page.getByRole('button', { name: '撤销' })
  const original = await overview.inputValue()
  expect(original.length).toBeGreaterThan(20)
  await expect(undo).toBeDisabled()

  // Typing, then a pause: one step, undone by the toolbar.
  await overview.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('补充一句。')
  await expect(undo).toBeEnabled()
  await undo.click()
  await expect(overview).toHaveValue(original)
  await page.getByRole('button', { name: '重做' }).click()
  await expect(overview).toHaveValue(`${original}补充一句。`)
  await undo.click()
  await expect(overview).toHaveValue(original)

  // Select all and delete: Ctrl+Z in the text box brings it back, and Ctrl+Y takes it away again.
  await overview.click()
  await page.keyboard.press('Control+A')
  await page.keyboard.press('Delete')
  await expect(overview).toHaveValue('')
  await saved(page)
  await page.keyboard.press('Control+Z')
  await expect(overview).toHaveValue(original)
  await page.keyboard.press('Control+Y')
  await expect(overview).toHaveValue('')

  // From a grid cell too: the same history, cells and texts in the order they were made.
  await typeInto(page, 'requests', 'new', 'natural', '7')
  await page.keyboard.press('Control+Z')
  await expect(cell(page, 'requests', 'new', 'natural')).toHaveText('1')
  await page.keyboard.press('Control+Z')
  await expect(overview).toHaveValue(original)
  await saved(page)
  await page.reload()
  await editorReady(page)
  await expect(overview).toHaveValue(original)
})

test('定稿 makes a report read-only, recorded in history; exports and prints carry no warning; 取消定稿 reopens it', async ({
  page,
}) => {
  const printed = await stubPrint(page)
  await createReport(page, '定稿测试局', 2022)
  await typeInto(page, 'requests', 'new', 'natural', '2')
  await page.locator('[data-text=overview]').fill('总体情况。')
  await saved(page)

  // Still blank: 定稿 says so first; 返回修改 leaves it open.
  await page.getByTestId('mark-final').click()
  await expect(page.getByTestId('final-warning')).toContainText('个空白单元格')
  await page.getByTestId('final-back').click()
  await expect(page.getByTestId('final-banner')).toHaveCount(0)
  await page.getByTestId('mark-final').click()
  await page.getByTestId('final-anyway').click()
  await expect(page.getByTestId('final-banner')).toBeVisible()
  await expect(page.getByTestId('final-chip')).toHaveText('已定稿')

  // Nothing changes: cells, texts, undo, fill blanks.
  const natural = cell(page, 'requests', 'new', 'natural')
  await typeInto(page, 'requests', 'new', 'natural', '9')
  await natural.click()
  await page.keyboard.press('Delete')
  await expect(natural).toHaveText('2')
  await expect(page.locator('[data-text=overview]')).not.toBeEditable()
  await expect(page.getByRole('button', { name: '撤销' })).toBeDisabled()
  await expect(page.getByRole('button', { name: '空白格全部填 0' })).toHaveCount(0)
  await page.screenshot({ path: 'test-results/final-editor.png' })

  // Exported and printed without a warning.
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出', exact: true }).click()
  const file = JSON.parse((await downloaded(await download)).toString('utf8'))
  expect(file.values['requests.new.natural']).toBe(2)
  // The compiling office sees that it is final.
  expect(file).toMatchObject({ schemaVersion: 2, final: true })
  await expect(page.getByTestId('export-warning')).toHaveCount(0)
  await page.getByTestId('open-print').click()
  await expect.poll(printed).toBe(1)
  await expect(page.getByTestId('print-warning')).toHaveCount(0)
  await page.getByTestId('print-edit').click()
  await editorReady(page)

  // Still final after a reload; the history records it.
  await page.reload()
  await editorReady(page)
  await expect(page.getByTestId('final-banner')).toBeVisible()
  await page.getByRole('tab', { name: '历史版本' }).click()
  await expect(page.getByTestId('history-panel').locator('.reason').first()).toHaveText('定稿')

  // 取消定稿: editable again, and that is in the history too.
  await page.getByTestId('unmark-final').click()
  await expect(page.getByTestId('final-banner')).toHaveCount(0)
  await expect(page.getByTestId('history-panel').locator('.reason').first()).toHaveText('取消定稿')
  await typeInto(page, 'requests', 'new', 'natural', '5')
  await expect(natural).toHaveText('5')
  await expect(page.locator('[data-text=overview]')).toBeEditable()
})

test('exporting a report with errors or blanks warns as printing does', async ({ page }) => {
  await createReport(page, '导出提示测试局', 2022)
  await typeInto(page, 'requests', 'new', 'natural', '2')
  await saved(page)
  let downloads = 0
  page.on('download', () => downloads++)
  const exportButton = page.getByTestId('exchange-toolbar').getByRole('button', { name: '导出', exact: true })

  await exportButton.click()
  const warning = page.getByTestId('export-warning')
  // Blanks count as 0 on paper and in the file: the 勾稽关系 that waits in the editor is an error here.
  await expect(warning).toContainText('2 处错误')
  await expect(warning).toContainText('个空白单元格')
  await expect(warning).toContainText('3 个文字部分没有填写')
  await page.screenshot({ path: 'test-results/export-warning.png' })
  await page.getByTestId('export-back').click()
  await expect(warning).toHaveCount(0)
  expect(downloads).toBe(0)

  await exportButton.click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-anyway').click()
  const file = await download
  expect(file.suggestedFilename()).toBe('导出提示测试局-2022年政府信息公开工作年度报告.json')
  // A draft: the file does not say final.
  expect(JSON.parse((await downloaded(file)).toString('utf8')).final).toBeUndefined()

  // From the home page's 导出报告文件 too.
  await page.getByRole('link', { name: '我的年度报告' }).click()
  await page.getByRole('button', { name: '导出报告文件…' }).click()
  const dialog = page.getByTestId('export-dialog')
  await dialog.getByRole('checkbox', { name: '导出提示测试局2022年政府信息公开工作年度报告' }).check()
  await dialog.getByRole('button', { name: '导出', exact: true }).click()
  await expect(dialog.getByTestId('export-warning')).toContainText('这份报告还有 2 处错误')
  await page.screenshot({ path: 'test-results/export-dialog-warning.png' })
  const again = page.waitForEvent('download')
  await dialog.getByTestId('export-anyway').click()
  expect((await again).suggestedFilename()).toBe('导出提示测试局-2022年政府信息公开工作年度报告.json')
})
