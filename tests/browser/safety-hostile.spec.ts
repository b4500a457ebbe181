// Hostile input and the Content-Security-Policy: markup and script in every place a string can
// come from is shown as text, on every screen; no page violates the CSP or asks for anything
// off the app's origin; and the CSP does refuse inline script and connections elsewhere.
import { type Page, expect, test } from '@playwright/test'
import { SAMPLE_TITLE, home, openReport, rawReports, watchContext } from './safety-helpers'

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

const ORIGIN = `http://127.0.0.1:${process.env.TEST_PORT || 4173}`
const AGENCY = '<img src=x onerror="window.__xss=1">局<script>window.__xss=2</script>'
const TEXT = '<script>window.__xss=3</script><iframe src="javascript:window.__xss=4"></iframe>&lt;b&gt;'
const FILE = '<img src=x onerror=window.__xss=5>.json'
const TITLE = `${AGENCY}2022年政府信息公开工作年度报告`

/** Nothing of the hostile strings ran or became an element. */
async function noMarkupRan(page: Page) {
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: number }).__xss,
    img: document.querySelectorAll('img[src="x"]').length,
    iframe: document.querySelectorAll('iframe').length,
    script: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__xss')).length,
  }))
  expect(found).toEqual({ xss: undefined, img: 0, iframe: 0, script: 0 })
}

function hostileFile() {
  return {
    kind: 'gov-info-disclosure-annual-report',
    schemaVersion: 1,
    edition: '2021',
    agency: AGENCY,
    year: 2022,
    values: { 'requests.new.natural': 1, 'requests.new.total': 5 },
    texts: { overview: TEXT, problems: TEXT, other: TEXT },
    '<b onmouseover=alert(1)>unknown</b>': 1,
  }
}

test('markup and script from names, texts, file names, pasted cells and imported files is shown as text everywhere', async ({
  context,
  page,
}) => {
  test.setTimeout(120_000)
  const watch = await watchContext(context, ORIGIN)
  await home(page)

  // An imported file: the import summary.
  await page
    .getByTestId('import-input')
    .setInputFiles({ name: FILE, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(hostileFile())) })
  const summary = page.getByTestId('import-summary')
  await expect(summary).toContainText(FILE)
  await expect(summary).toContainText(TITLE)
  await expect(summary).toContainText('<b onmouseover=alert(1)>unknown</b>')
  await noMarkupRan(page)
  await summary.getByRole('button', { name: '关闭' }).click()

  // A refused file whose name is markup: the message names it as text.
  await page.getByTestId('import-input').setInputFiles({
    name: FILE,
    mimeType: 'application/json',
    buffer: Buffer.from('{"kind":"<script>window.__xss=6</script>"}'),
  })
  await expect(summary).toContainText(`文件“${FILE}”`)
  await noMarkupRan(page)
  await summary.getByRole('button', { name: '关闭' }).click()

  // The list.
  const link = page.getByTestId('report-list').getByRole('link', { name: TITLE })
  await expect(link).toHaveText(TITLE)
  await noMarkupRan(page)

  // The editor: title, texts, findings, a pasted cell that is markup.
  const id = (await rawReports(page)).find((r) => r.agency === AGENCY)!.id
  await openReport(page, id)
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible()
  await expect(page.locator('[data-text=overview]')).toHaveValue(TEXT)
  await expect(page.getByTestId('findings')).toBeVisible()
  await page.evaluate(() => navigator.clipboard.writeText('<img src=x onerror=window.__xss=7>\t2\r\n'))
  await page.locator('[data-table=requests] [row-id=new] [col-id=natural]').click()
  await page.keyboard.press('Control+v')
  await expect(page.getByTestId('edit-notice')).toContainText('<img src=x onerror=window.__xss=7>')
  await noMarkupRan(page)

  // The print view.
  await page.goto(`/#/report/${id}/print`)
  await expect(page.getByText(TITLE).first()).toBeVisible()
  await expect(page.getByText('<script>window.__xss=3</script>').first()).toBeVisible()
  await noMarkupRan(page)

  // A backup holding it, restored: the restore summary.
  await home(page)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-button').click()])
  const backup = await download.path()
  await page.getByTestId('restore-input').setInputFiles({
    name: FILE,
    mimeType: 'application/json',
    buffer: (await import('node:fs')).readFileSync(backup!),
  })
  const plan = page.getByTestId('restore-plan')
  await expect(plan).toContainText(FILE)
  await expect(plan).toContainText(TITLE)
  await noMarkupRan(page)

  // The compile screen lists it too.
  await page.goto('/#/compile')
  await expect(page.locator('main')).toContainText(AGENCY)
  await noMarkupRan(page)

  expect(await watch.violations()).toEqual([])
  expect(watch.offOrigin).toEqual([])
})

test('no page violates the Content-Security-Policy or asks for anything off the origin', async ({ context, page }) => {
  const watch = await watchContext(context, ORIGIN)
  await home(page)
  const id = (await rawReports(page)).find((r) => `${r.agency}${r.year}年政府信息公开工作年度报告` === SAMPLE_TITLE)!.id
  for (const path of [`/#/report/${id}`, `/#/report/${id}/print`, '/#/compile', '/#/import-text', '/']) {
    await page.goto(path)
    await expect(page.locator('main')).not.toBeEmpty()
    await page.waitForLoadState('networkidle')
  }
  await openReport(page, id)
  await page.locator('[data-table=requests] [row-id=new] [col-id=natural]').click()
  await page.keyboard.type('3')
  await page.keyboard.press('Enter')
  expect(await watch.violations()).toEqual([])
  expect(watch.offOrigin).toEqual([])
  expect(watch.consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([])
})

test('the Content-Security-Policy refuses inline script and connections off the origin', async ({ context, page }) => {
  const watch = await watchContext(context, ORIGIN)
  await home(page)
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content')
  expect(csp).toContain("script-src 'self'")
  expect(csp).toContain("connect-src 'self'")
  const ran = await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__inline = 1'
    document.body.append(s)
    return (window as unknown as { __inline?: number }).__inline
  })
  expect(ran).toBeUndefined()
  // Another address on this machine: refused by the policy before any connection is made.
  const fetched = await page.evaluate(() =>
    fetch('http://127.0.0.2:9/').then(
      () => 'fetched',
      () => 'refused',
    ),
  )
  expect(fetched).toBe('refused')
  // (eval cannot be tried from a test: DevTools' own evaluation is exempt from the page's CSP.)
  expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
  await expect
    .poll(() => watch.violations())
    .toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^connect-src/)]))
  expect(watch.offOrigin).toEqual([])
})
