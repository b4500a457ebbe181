// A report opened with the page (a link, a reload) is painted before the database library loads
// (src/db/open.ts): one plain IndexedDB read shows it, and Dexie follows once the grids are on
// screen. What is typed at once still reaches the database, and a report that is not there says so.
import { expect, test } from '@playwright/test'
import { cell, editorReady, openSample, saved } from './editor-helpers'

/** When the editor's grids were ready, and when the database library's chunk was requested. */
const timings = (page: import('@playwright/test').Page) =>
  page.evaluate(() => ({
    ready: performance.getEntriesByName('nianbao:editor-ready')[0]?.startTime,
    database: performance
      .getEntriesByType('resource')
      .find((e) => /\/assets\/import-wrapper-[^/]*\.js$/.test(new URL(e.name).pathname))?.startTime,
  }))

test('a report opened by its address is painted before the database library loads, and saves what is typed at once', async ({
  page,
}) => {
  await openSample(page)
  const url = page.url()
  // A fresh page on the report's address: the grids come first.
  const fresh = await page.context().newPage()
  await fresh.goto(url)
  await editorReady(fresh)
  await expect(cell(fresh, 'requests', 'new', 'natural')).not.toBeEmpty()
  await expect.poll(async () => (await timings(fresh)).database).toBeDefined()
  const { ready, database } = await timings(fresh)
  expect(ready).toBeDefined()
  expect(database!).toBeGreaterThan(ready!)

  // Typed straight away: written once the database is there, and kept over a reload.
  await cell(fresh, 'requests', 'new', 'legal').click()
  await fresh.keyboard.type('37')
  await fresh.keyboard.press('Enter')
  await saved(fresh)
  await fresh.reload()
  await editorReady(fresh)
  await expect(cell(fresh, 'requests', 'new', 'legal')).toHaveText('37')
  // The other tab got the edit through the database too.
  await expect(cell(page, 'requests', 'new', 'legal')).toHaveText('37')
})

test('an address of a report that is not stored says so', async ({ page }) => {
  await openSample(page)
  await page.goto('/#/report/no-such-report')
  await page.reload()
  await expect(page.getByText('这份报告不存在')).toBeVisible()
})

test('an address whose report id is not valid percent-encoding opens the app and says the report is not there', async ({
  page,
}) => {
  await openSample(page)
  // Read as the page starts (src/openedOnReport.ts): a bad address must not stop the app's start.
  await page.goto('/#/report/%E0%A4%A')
  await page.reload()
  await expect(page.getByText('这份报告不存在')).toBeVisible()
  await page.getByRole('link', { name: '返回首页' }).click()
  await expect(page.getByRole('link', { name: '济宁市城市管理局2020年政府信息公开工作年度报告' })).toBeVisible()
})

test("on a report's address the editor's code is asked for with the page's own; the home screen does not ask for it", async ({
  page,
}) => {
  await openSample(page)
  const url = page.url()
  /** When the editor's code was first asked for, and when the app's own code had run (main.ts). */
  const editorCodeAsked = (p: import('@playwright/test').Page) =>
    p.evaluate(() => ({
      asked: performance
        .getEntriesByType('resource')
        .find((e) => /\/assets\/EditorView-[^/]*\.js$/.test(new URL(e.name).pathname))?.startTime,
      started: performance.getEntriesByName('nianbao:app-started')[0]!.startTime,
    }))

  const fresh = await page.context().newPage()
  await fresh.goto(url)
  await editorReady(fresh)
  const opened = await editorCodeAsked(fresh)
  // Asked for while the app's own code was still starting, not after it had run.
  expect(opened.asked).toBeLessThan(opened.started)

  // The home screen loads every screen's code only later, when the page is idle (offline use).
  const home = await page.context().newPage()
  await home.goto('/')
  await expect(home.getByRole('link', { name: '济宁市城市管理局2020年政府信息公开工作年度报告' })).toBeVisible()
  const start = await editorCodeAsked(home)
  expect(start.asked === undefined || start.asked > start.started).toBe(true)
})
