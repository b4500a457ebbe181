import { type BrowserContext, type Locator, type Page, expect } from '@playwright/test'

/**
 * A grid cell by its official keys, as the team's checks reach it. In 二 (one sheet of several
 * blocks) a column id is a position; the cell names its column in a class.
 */
export const cell = (page: Page, table: string, row: string, column: string): Locator =>
  page.locator(`[data-table=${table}] [row-id=${row}] :is([col-id=${column}], .cell-col-${column})`)

/** The cell that has keyboard focus, as `row.column`. */
export const focusedCell = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement?.closest('[col-id]')
    const named = [...(el?.classList ?? [])].find((c) => c.startsWith('cell-col-'))?.slice('cell-col-'.length)
    return el ? `${el.closest('[row-id]')?.getAttribute('row-id')}.${named ?? el.getAttribute('col-id')}` : ''
  })

export async function createReport(page: Page, agency: string, year: number) {
  await page.goto('/')
  await page.getByLabel('机关名称').fill(agency)
  await page.getByLabel('年度').fill(String(year))
  await page.getByRole('button', { name: '新建报告' }).click()
  await expect(page.getByRole('heading', { name: `${agency}${year}年政府信息公开工作年度报告` })).toBeVisible()
  await editorReady(page)
}

export async function openSample(page: Page) {
  await page.goto('/')
  await page.getByRole('link', { name: '济宁市城市管理局2020年政府信息公开工作年度报告' }).click()
  await editorReady(page)
}

export const editorReady = (page: Page) => expect(page.locator('.editor[data-ready]')).toBeVisible()

export const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText('已保存')

/**
 * Types a row the way a person does: clicks its first cell, then each value followed by Tab;
 * `null` passes over a cell (a total) with Tab alone.
 */
export async function typeRow(page: Page, table: string, row: string, firstColumn: string, values: (string | null)[]) {
  await cell(page, table, row, firstColumn).click()
  for (const v of values) {
    if (v !== null) await page.keyboard.type(v)
    await page.keyboard.press('Tab')
  }
}

/**
 * A key typed with a Chinese input method, as Chromium receives it: a "Process" key (229),
 * the composition as it grows, then the committed text.
 */
export async function imeType(page: Page, context: BrowserContext, code: string, compose: string[], commit: string) {
  const cdp = await context.newCDPSession(page)
  const key = { key: 'Process', code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 }
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key })
  for (const text of compose)
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length })
  await cdp.send('Input.insertText', { text: commit })
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key })
  await cdp.detach()
}
