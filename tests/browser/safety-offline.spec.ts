// Offline use: with the service worker, the app opens and works with the network gone; an update
// waits for the person's consent; where no service worker runs (plain http), every screen still
// opens while the page stays open.
import { type Page, expect, test } from '@playwright/test'
import {
  SAMPLE_TITLE,
  cell,
  home,
  openReport,
  rawReports,
  sampleId,
  saved,
  serveCopyOfDist,
  typeCell,
} from './safety-helpers'

/** Waits until a service worker controls the page (the first visit installs it, a reload is controlled). */
async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload()
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true)
}

test('with the service worker the app opens, edits and saves with the network gone', async ({ context, page }) => {
  await home(page)
  const id = await sampleId(page)
  await controlled(page)
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByTestId('report-list').getByRole('link', { name: SAMPLE_TITLE })).toBeVisible()
  await openReport(page, id)
  await typeCell(page, 'requests.new.natural', '12')
  await saved(page)
  await page.goto(`/#/report/${id}/print`)
  await expect(page.getByText(SAMPLE_TITLE).first()).toBeVisible()
  await page.goto('/#/compile')
  await expect(page.locator('main')).not.toBeEmpty()
  // A new tab opened offline works too.
  const second = await context.newPage()
  await second.goto('/')
  await expect(second.getByTestId('report-list').getByRole('link', { name: SAMPLE_TITLE })).toBeVisible()
  expect((await rawReports(second)).find((r) => r.id === id)!.values['requests.new.natural']).toBe(12)
  await context.setOffline(false)
})

test('an update waits for the person’s consent instead of reloading the page', async ({ page }) => {
  test.setTimeout(90_000)
  const server = await serveCopyOfDist()
  try {
    await page.goto(server.url)
    await expect(page.getByTestId('report-list').getByRole('link', { name: SAMPLE_TITLE })).toBeVisible()
    await controlled(page)
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1))

    // A new version is deployed: the service worker script changes.
    const { appendFileSync } = await import('node:fs')
    appendFileSync(`${server.dir}/sw.js`, '\n// next release\n')
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()))

    await expect(page.getByTestId('update-ready')).toBeVisible({ timeout: 30_000 })
    await page.waitForTimeout(2000)
    // Not reloaded under the person.
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1)

    await Promise.all([page.waitForEvent('load'), page.getByTestId('apply-update').click()])
    await expect(page.getByTestId('report-list').getByRole('link', { name: SAMPLE_TITLE })).toBeVisible()
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined()
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)))).toBe(
      false,
    )
  } finally {
    await server.close()
  }
})

test.describe('without a service worker (plain http on an intranet)', () => {
  test.use({ serviceWorkers: 'block' })

  test('every screen still opens with the network gone, as long as the page stays open', async ({ context, page }) => {
    await home(page)
    const id = await sampleId(page)
    // Every file of the app is loaded while the network is there.
    await expect(page.locator('html[data-offline=preloaded]')).toBeAttached()
    const preloaded = await page.evaluate(() => document.querySelectorAll('link[rel=modulepreload]').length)
    expect(preloaded).toBeGreaterThan(5)
    await context.setOffline(true)

    await page.getByTestId('report-list').getByRole('link', { name: SAMPLE_TITLE }).click()
    await expect(page.locator('.editor[data-ready]')).toBeVisible()
    await typeCell(page, 'requests.new.natural', '13')
    await saved(page)
    await page.goto(`/#/report/${id}/print`)
    await expect(page.getByText(SAMPLE_TITLE).first()).toBeVisible()
    await page.goto('/#/compile')
    await expect(page.locator('main')).not.toBeEmpty()
    await page.goto('/#/import-text')
    await expect(page.locator('main')).not.toBeEmpty()
    await page.goto(`/#/report/${id}`)
    await expect(cell(page, 'requests', 'new', 'natural')).toHaveText('13')
    await context.setOffline(false)
  })
})
