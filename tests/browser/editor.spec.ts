import { type Page, expect, test } from '@playwright/test'
import { cell, createReport, editorReady, focusedCell, imeType, openSample, saved, typeRow } from './editor-helpers'

/** The sample report's 三 (jining-cgj-2020), row by row: 自然人 … 其他. */
const SAMPLE_REQUESTS: Record<string, string[]> = {
  new: ['1', '2', '0', '0', '0', '0'],
  none_not_held: ['0', '2', '0', '0', '0', '0'],
  carried_out: ['1', '0', '0', '0', '0', '0'],
}
const REQUEST_ROWS_2021 = [
  'new',
  'carried_in',
  'open',
  'partial',
  'deny_secret',
  'deny_law',
  'deny_safety',
  'deny_third_party',
  'deny_internal',
  'deny_process',
  'deny_case_file',
  'deny_query',
  'none_not_held',
  'none_needs_creation',
  'none_unclear',
  'skip_petition',
  'skip_repeat',
  'skip_publication',
  'skip_excessive',
  'skip_confirm',
  'other_no_correction',
  'other_no_fee',
  'other_misc',
  'carried_out',
]
const ZEROS = ['0', '0', '0', '0', '0', '0']

test('a 2021 report typed in by keyboard adds up, and a broken 勾稽关系 shows until fixed', async ({ page }) => {
  // About 200 cells typed key by key: on a loaded 2-core machine that alone can take a minute.
  test.slow()
  await createReport(page, '测试市城市管理局', 2021)
  const summary = page.getByTestId('findings-summary')

  await test.step('enter the sample report’s numbers by keyboard', async () => {
    await typeRow(page, 'active', 'rules', 'issued', ['0', '0', '0'])
    await typeRow(page, 'active', 'normative', 'issued', ['0', '0', '0'])
    for (const [row, v] of [
      ['licensing', '0'],
      ['penalty', '132'],
      ['enforcement', '0'],
      ['fees', '0'],
    ] as const) {
      await typeRow(page, 'active', row, row === 'fees' ? 'amount' : 'decisions', [v])
    }
    for (const row of REQUEST_ROWS_2021) await typeRow(page, 'requests', row, 'natural', SAMPLE_REQUESTS[row] ?? ZEROS)
    const group = ['0', '0', '0', '0', null]
    await typeRow(page, 'appeals', 'cases', 'review_upheld', [...group, ...group, ...group])
  })

  await test.step('the totals fill themselves and the report has no errors', async () => {
    await expect(cell(page, 'requests', 'new', 'total')).toHaveText(/3$/)
    await expect(cell(page, 'requests', 'handled_total', 'commercial')).toHaveText(/2$/)
    await expect(cell(page, 'requests', 'handled_total', 'total')).toHaveText(/2$/)
    await expect(cell(page, 'requests', 'carried_out', 'total')).toHaveText(/1$/)
    await expect(cell(page, 'appeals', 'cases', 'review_total')).toHaveText(/0$/)
    await expect(summary).toContainText('没有错误。')
    // Every cell filled: the only notices left are the three text parts, still empty.
    await expect(page.locator('[data-severity=notice]:not([data-cells=""])')).toHaveCount(0)
    await expect(page.locator('[data-severity=notice][data-rule=blank][data-cells=""]')).toHaveCount(3)
    await saved(page)
  })

  const natural = cell(page, 'requests', 'new', 'natural')
  const entry = page.locator('[data-rule="requests.balance"][data-cells~="requests.new.natural"]')
  await test.step('break the 勾稽关系: highlight, message at the cell, panel entry', async () => {
    await natural.click()
    await page.keyboard.type('2')
    await page.keyboard.press('Enter')
    // Both 自然人 and 总计 no longer balance.
    await expect(summary).toContainText('有 2 个错误')
    await expect(natural).toHaveClass(/sev-error/)
    await expect(cell(page, 'requests', 'carried_out', 'natural')).toHaveClass(/sev-error/)
    await expect(natural).toHaveCSS('background-color', 'rgb(253, 231, 231)')
    await expect(entry).toHaveCount(1)
    await expect(entry).toHaveAttribute('data-severity', 'error')
    await expect(entry).toHaveAttribute('data-cells', /requests\.new\.natural/)
    await expect(entry).toContainText('自然人：第一项加第二项之和（2+0=2）应等于第三项加第四项之和（0+1=1）')
    // Hovering the cell shows the message there.
    await natural.hover()
    await expect(page.getByTestId('cell-callout')).toContainText('第一项加第二项之和（2+0=2）')
  })

  await test.step('choosing the finding goes to its cell; fixing it clears everything', async () => {
    await page.mouse.move(0, 0)
    await entry.click()
    expect(await focusedCell(page)).toBe('new.natural')
    await expect(page.getByTestId('cell-callout')).toContainText('应等于第三项加第四项之和')
    await page.keyboard.type('1')
    await page.keyboard.press('Enter')
    await expect(page.locator('[data-rule="requests.balance"]')).toHaveCount(0)
    await expect(natural).not.toHaveClass(/sev-error/)
    await expect(summary).toContainText('没有错误。')
  })
})

/**
 * `check`, and when it fails, what the page showed then (the focused element, the row's cells,
 * the save state) printed and attached to the report: a rare failure explains itself.
 */
async function explained(page: Page, check: Promise<void>) {
  try {
    await check
  } catch (e) {
    const state = await page.evaluate(() => ({
      focused: document.activeElement?.outerHTML.slice(0, 300),
      saveState: document.querySelector('[data-testid=save-state]')?.textContent,
      row: [...document.querySelectorAll('[data-table=requests] [row-id=new] .ag-cell')].map(
        (c) => `${c.getAttribute('col-id')}=${c.textContent}`,
      ),
    }))
    console.log('page state at the failure:', JSON.stringify(state))
    await test.info().attach('page state', { body: JSON.stringify(state, null, 2), contentType: 'application/json' })
    throw e
  }
}

test('keys work as in Excel: type to replace, Enter down, Tab right, arrows, Delete, Escape, undo', async ({
  page,
}) => {
  await openSample(page)
  const at = (row: string, col: string) => cell(page, 'requests', row, col)
  await at('new', 'natural').click()

  await page.keyboard.type('7')
  await page.keyboard.press('Enter')
  await expect(at('new', 'natural')).toHaveText('7')
  await expect(at('new', 'total')).toHaveText(/9$/)
  expect(await focusedCell(page)).toBe('carried_in.natural')

  await page.keyboard.type('4')
  await page.keyboard.press('Tab')
  await expect(at('carried_in', 'natural')).toHaveText('4')
  expect(await focusedCell(page)).toBe('carried_in.commercial')

  // Typing then an arrow commits and moves, as in Excel's Enter mode.
  await page.keyboard.type('5')
  await page.keyboard.press('ArrowUp')
  await expect(at('carried_in', 'commercial')).toHaveText('5')
  expect(await focusedCell(page)).toBe('new.commercial')
  await page.keyboard.press('ArrowLeft')
  expect(await focusedCell(page)).toBe('new.natural')

  await page.keyboard.press('Delete')
  await expect(at('new', 'natural')).toHaveText('')
  // Blank counts as 0 in the 勾稽关系, which now fails: the cell says so.
  await expect(at('new', 'natural')).toHaveClass(/sev-error/)

  await page.keyboard.type('8')
  await page.keyboard.press('Escape')
  await expect(at('new', 'natural')).toHaveText('')

  // F2 edits the value in place: the arrows move the caret, not the focus.
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('F2')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.type('1')
  await page.keyboard.press('Enter')
  await expect(at('new', 'commercial')).toHaveText('12')

  await page.keyboard.press('Control+z')
  await expect(at('new', 'commercial')).toHaveText('2')
  await page.keyboard.press('Control+z')
  await explained(page, expect(at('new', 'natural')).toHaveText('7'))
  await page.keyboard.press('Control+y')
  await expect(at('new', 'natural')).toHaveText('')
  await page.keyboard.press('Control+y')
  await expect(at('new', 'commercial')).toHaveText('12')

  // A total cannot be typed into.
  await at('new', 'total').click()
  await page.keyboard.type('99')
  await page.keyboard.press('Enter')
  await expect(at('new', 'total')).toHaveText(/12$/)
  await expect(at('new', 'total')).toHaveClass(/cell-computed/)
})

test('typed values are read like the paper form: 减3, full-width digits, units; nonsense is refused', async ({
  page,
  context,
}) => {
  await createReport(page, '测试区司法局', 2020)
  // 减 comes from an input method (a "Process" key, then the composed text).
  const change = cell(page, 'active', 'penalty', 'change')
  await change.click()
  await imeType(page, context, 'KeyJ', ['j', 'ji', 'jia', 'jian'], '减')
  await page.keyboard.type('3')
  await page.keyboard.press('Enter')
  await expect(change).toHaveText('-3')

  const count = cell(page, 'requests', 'new', 'natural')
  // Full-width digits, as a Chinese input method in full-width mode commits them.
  await count.click()
  await imeType(page, context, 'Digit1', [], '１２')
  await page.keyboard.press('Enter')
  await expect(count).toHaveText('12')

  const amount = cell(page, 'active', 'procurement', 'amount')
  await amount.click()
  await page.keyboard.type('251000元')
  await page.keyboard.press('Enter')
  await expect(amount).toHaveText('25.1')

  await count.click()
  await page.keyboard.type('abc')
  await page.keyboard.press('Enter')
  await expect(count).toHaveText('12')
  await expect(count).toHaveClass(/cell-rejected/)
  await expect(page.getByTestId('edit-notice')).toContainText('“abc”不是数字，请填写不小于0的整数')
  // The focus stays on the refused cell, which says what is wrong.
  await expect.poll(() => focusedCell(page)).toBe('new.natural')
  await expect(page.getByTestId('cell-callout')).toContainText('输入无效')

  // A count refuses a sign; a good value clears the mark.
  await page.keyboard.type('-1')
  await page.keyboard.press('Enter')
  await expect(count).toHaveText('12')
  await expect(page.getByTestId('edit-notice')).toContainText('件数不能为负数')
  await page.keyboard.type('3')
  await page.keyboard.press('Enter')
  await expect(count).toHaveText('3')
  await expect(count).not.toHaveClass(/cell-rejected/)
})

test('digits typed with a Chinese input method keep their first key (ag-grid #12805)', async ({ page, context }) => {
  await createReport(page, '测试县教育局', 2020)
  const imeKey = (code: string, compose: string[], commit: string) => imeType(page, context, code, compose, commit)
  const count = cell(page, 'requests', 'new', 'natural')
  await count.click()
  await imeKey('Digit1', [], '１')
  await imeKey('Digit2', [], '２')
  await page.keyboard.press('Enter')
  await expect(count).toHaveText('12')

  // Pinyin composed into 减, then a digit: the whole composition reaches the cell.
  const change = cell(page, 'active', 'penalty', 'change')
  await change.click()
  await imeKey('KeyJ', ['j', 'ji', 'jia', 'jian'], '减')
  await page.keyboard.type('3')
  await page.keyboard.press('Enter')
  await expect(change).toHaveText('-3')
})

test('blanks filled with 0 in one undoable step; everything survives a reload', async ({ page }) => {
  await createReport(page, '测试镇人民政府', 2021)
  await typeRow(page, 'requests', 'new', 'natural', ['3'])
  const overview = page.locator('[data-text=overview]')
  await overview.click()
  await page.keyboard.type('第一段：本年度收到申请3件。')
  await page.keyboard.press('Enter')
  await page.keyboard.type('第二段：全部办结。')

  await page.getByRole('button', { name: '空白格全部填 0' }).click()
  await expect(page.getByTestId('findings-summary')).not.toContainText('单元格未填')
  await expect(cell(page, 'appeals', 'cases', 'direct_pending')).toHaveText('0')
  // 3 received, none handled: the 勾稽关系 fails for 自然人 and for 总计.
  await expect(page.getByTestId('findings-summary')).toContainText('有 2 个错误')

  await page.getByRole('button', { name: '撤销' }).click()
  await expect(cell(page, 'appeals', 'cases', 'direct_pending')).toHaveText('')
  await expect(page.getByTestId('findings-summary')).toContainText(/还有 \d+ 个单元格、2 个文字部分未填/)
  await page.getByRole('button', { name: '重做' }).click()
  await expect(cell(page, 'appeals', 'cases', 'direct_pending')).toHaveText('0')

  await saved(page)
  await page.reload()
  await editorReady(page)
  await expect(cell(page, 'requests', 'new', 'natural')).toHaveText('3')
  await expect(cell(page, 'requests', 'new', 'total')).toHaveText(/3$/)
  await expect(cell(page, 'appeals', 'cases', 'direct_pending')).toHaveText('0')
  await expect(overview).toHaveValue('第一段：本年度收到申请3件。\n第二段：全部办结。')
})
