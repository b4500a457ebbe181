// The compiling office's desk at a province's scale, in Chromium against the built app: 1 000
// department reports of 2023 (both editions: 900 of the 2021 format, 100 still on the 2019
// one; realistic texts, 20 of them copies; 300 with last year's report stored), imported as
// one batch, the desk opened, its list scrolled (against scripts/bench/floor/desk/, the same list
// as a bare AG Grid grid), the 问题清单 made, all compiled, and the home list with all of them.
// Each figure twice (the machine is shared): both runs are printed.
import { loadavg } from 'node:os'
import { buildFloor, launchChromium, startPreview, withAppModules } from './lib/harness.mjs'

const N = 1000
const LAST_YEAR = 300
const RUNS = 2
/** Pixels scrolled each frame: a flick, and a fast turn of the wheel. */
const SCROLL_STEPS = [400, 100]

function files() {
  return withAppModules(async (load) => {
    const { getEdition, inputCellsOf } = await load('/src/domain/edition.ts')
    const { resolveValues } = await load('/src/domain/totals.ts')
    const { toExchangeFile } = await load('/src/domain/exchange.ts')
    const { realisticTexts } = await load('/src/testing/realisticTexts.ts')
    let seed = 7
    const next = (max) => (seed = (seed * 1664525 + 1013904223) >>> 0) % (max + 1)
    const make = (agency, year, editionKey, i) => {
      const edition = getEdition(editionKey)
      const values = {}
      for (const c of inputCellsOf(edition))
        values[c.key] =
          c.column.kind === 'amount' ? next(50000) / 100 : c.column.kind === 'change' ? next(10) - 5 : next(20)
      // 三 balances for most (9 in 10), as real reports mostly do.
      if (i % 10) {
        const r = resolveValues(edition, values)
        for (const col of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']) {
          const need =
            (r.get(`requests.handled_total.${col}`) ?? 0) +
            values[`requests.carried_out.${col}`] -
            values[`requests.carried_in.${col}`]
          if (need < 0) values[`requests.carried_out.${col}`] -= need
          values[`requests.new.${col}`] = Math.max(0, need)
        }
      }
      const report = { agency, year, edition: editionKey, values, texts: realisticTexts(agency, year, i * 31 + year) }
      return { name: `${agency}-${year}.json`, text: JSON.stringify(toExchangeFile(report, 'bench')) }
    }
    const agency = (i) => `某省第${String(i + 1).padStart(4, '0')}部门`
    const season = Array.from({ length: N }, (_, i) => make(agency(i), 2023, i % 10 === 9 ? '2019' : '2021', i))
    // 20 copies of another department's 一、总体情况.
    for (let k = 0; k < 20; k++) {
      const from = JSON.parse(season[k * 40].text)
      const to = JSON.parse(season[k * 40 + 17].text)
      to.texts.overview = from.texts.overview.replaceAll(from.agency, to.agency)
      season[k * 40 + 17].text = JSON.stringify(to)
    }
    const last = Array.from({ length: LAST_YEAR }, (_, i) => make(agency(i), 2022, '2021', i + 5000))
    return { season, last }
  })
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')
const ms = (xs) => xs.map((x) => (Number.isNaN(x) ? 'failed' : `${x.toFixed(0)} ms`)).join(', ')

/**
 * In the page: scrolls the desk list `px` a frame for 80 frames; the longest frame in ms and how
 * many frames took longer than one (a 60 Hz frame and a half: the rest of the page showed late).
 */
function scrollList(px) {
  // The grid's own scrolling element (the tallest one that scrolls).
  const viewport = [...document.querySelectorAll('[data-testid=desk-grid] *')].find(
    (el) => el.scrollHeight > el.clientHeight + 1000 && /auto|scroll/.test(getComputedStyle(el).overflowY),
  )
  viewport.scrollTop = 0
  return new Promise((resolve) => {
    let prev = 0
    let worst = 0
    let late = 0
    let frames = 0
    const step = (now) => {
      if (frames > 0) {
        worst = Math.max(worst, now - prev)
        if (now - prev > 25) late++
      }
      prev = now
      viewport.scrollTop += px
      if (++frames < 80) requestAnimationFrame(step)
      else resolve([worst, late])
    }
    // Two frames first: the jump back to the top is not counted.
    requestAnimationFrame(() => requestAnimationFrame(step))
  })
}

/**
 * In the page: from now, notes the time of the first frame that shows the desk of `n` received
 * reports, its list, and every report checked (`window.__shownAt`).
 */
function watchShown(n) {
  window.__shownAt = undefined
  const check = () => {
    const counts = document.querySelector('[data-testid=desk-counts]')
    const done =
      counts?.textContent?.includes(`已报送 ${n}/${n}`) &&
      document.querySelector('[data-testid=desk-grid] .ag-row') &&
      !document.querySelector('[data-testid=desk-checking]')
    if (done) window.__shownAt = performance.now()
    else requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

async function choose(page, testId, list) {
  await page.evaluate((list) => {
    const dt = new DataTransfer()
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }))
    window.__picked = dt.files
  }, list)
  const t0 = await page.evaluate(() => performance.now())
  await page.getByTestId(testId).evaluate((input) => {
    input.files = window.__picked
    input.dispatchEvent(new Event('change', { bubbles: true }))
  })
  return t0
}

export default async function run() {
  const { season, last } = await files()
  const server = await startPreview()
  const base = server.url
  const floor = await buildFloor('desk')
  const floorServer = await startPreview({ dist: floor.dist })
  const floorUrl = floorServer.url
  const browser = await launchChromium()
  const fig = {
    import: [],
    open: [],
    openPolled: [],
    openColdStatuses: [],
    openCold: [],
    scroll400: [],
    scroll100: [],
    floor400: [],
    floor100: [],
    late400: [],
    late100: [],
    floorLate400: [],
    floorLate100: [],
    issues: [],
    compile: [],
    home: [],
    search: [],
  }
  const loads = []
  // Each figure is printed as soon as measured, with the load average then (the machine is shared).
  const record = (key, v) => {
    fig[key].push(v)
    console.log(`  ${key}: ${v.toFixed(0)} ms (load ${load()})`)
  }
  // Scrolls a page's list `px` a frame: its longest frame and its late frames recorded.
  const scrolled = async (p, px, worstKey, lateKey) => {
    const [worst, late] = await p.evaluate(scrollList, px)
    record(worstKey, worst)
    fig[lateKey].push(late)
  }
  // A step that fails or times out is printed as failed; the run goes on with the next figures.
  const step = async (key, fn) => {
    try {
      await fn()
    } catch (e) {
      ;(fig[key] ??= []).push(NaN)
      console.log(`  ${key}: failed (${String(e?.message ?? e).split('\n')[0]})`)
    }
  }
  try {
    for (let i = 0; i < RUNS; i++) {
      loads.push(load())
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } })
      const page = await context.newPage()
      page.setDefaultTimeout(120_000)
      page.on('crash', () => console.error('page crashed'))
      page.on('pageerror', (e) => console.error('page error', e.message))
      page.on('console', (m) => m.type() === 'error' && console.error('console error', m.text()))
      await page.goto(`${base}/#/desk/2023`)
      await page.getByTestId('desk-counts').waitFor()
      await choose(page, 'desk-import-input', last)
      await page.getByTestId('import-summary').getByRole('button', { name: '关闭' }).click()

      // Import 1 000 files: picker → the import summary.
      await step('import', async () => {
        const t0 = await choose(page, 'desk-import-input', season)
        await page
          .getByTestId('import-totals')
          .filter({ hasText: `已导入 ${N} 个` })
          .waitFor({ timeout: 180_000 })
        record('import', (await page.evaluate(() => performance.now())) - t0)
        await page.getByTestId('import-summary').getByRole('button', { name: '关闭' }).click()
        await page
          .getByTestId('unknown-agencies')
          .getByRole('button', { name: /加入名单/ })
          .click()
        await page
          .getByTestId('desk-counts')
          .filter({ hasText: `已报送 ${N}/${N}` })
          .waitFor()
      })

      // Open the desk from the home page (app loaded): click → statuses, counts and checks shown.
      await step('open', async () => {
        await page.goto(`${base}/#/`)
        await page.getByTestId('report-list').waitFor()
        // Timed in the page, at the first frame that shows it all: Playwright's polls come late
        // when the page goes on to draw the charts beside the list.
        await page.evaluate(watchShown, N)
        const t1 = await page.evaluate(() => performance.now())
        await page.getByTestId('desk-link').click()
        await page.getByRole('combobox', { name: '年度' }).selectOption('2023')
        await page
          .getByTestId('desk-counts')
          .filter({ hasText: `已报送 ${N}/${N}` })
          .waitFor()
        await page.locator('[data-testid=desk-grid] .ag-row').first().waitFor()
        // Every report checked (the checks run a slice at a time after the statuses show).
        await page.getByTestId('desk-checking').waitFor({ state: 'detached' })
        const shown = await page.evaluate(() => window.__shownAt)
        record('open', shown - t1)
        record('openPolled', (await page.evaluate(() => performance.now())) - t1)
      })

      // Cold: a fresh page straight onto the desk (app start and database read included).
      await step('openCold', async () => {
        const cold = await context.newPage()
        await cold.goto(`${base}/#/desk/2023`)
        await cold
          .getByTestId('desk-counts')
          .filter({ hasText: `已报送 ${N}/${N}` })
          .waitFor()
        await cold.locator('[data-testid=desk-grid] .ag-row').first().waitFor()
        const statuses = await cold.evaluate(() => performance.now())
        await cold.getByTestId('desk-checking').waitFor({ state: 'detached' })
        record('openColdStatuses', statuses)
        record('openCold', await cold.evaluate(() => performance.now()))
        await cold.close()
      })

      // Scroll the list: the longest frame while scrolling through it, a flick (400 px a frame)
      // and a fast wheel (100 px a frame); then the same on the bare grid of the same list.
      // The desk's page in front again and left to settle, as the bare grid is below.
      await page.bringToFront()
      await page.waitForTimeout(500)
      for (const px of SCROLL_STEPS) await step(`scroll${px}`, () => scrolled(page, px, `scroll${px}`, `late${px}`))
      await step('scrollFloor', async () => {
        const bare = await context.newPage()
        await bare.goto(floorUrl)
        await bare.locator('[data-testid=desk-grid] .ag-row').first().waitFor()
        await bare.waitForTimeout(500)
        for (const px of SCROLL_STEPS) await scrolled(bare, px, `floor${px}`, `floorLate${px}`)
        await bare.close()
      })

      // 问题清单 of 1 000 as .xlsx: click → download.
      await step('issues', async () => {
        const t2 = await page.evaluate(() => performance.now())
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: 120_000 }),
          page.getByTestId('issues-xlsx').click(),
        ])
        record('issues', (await page.evaluate(() => performance.now())) - t2)
        await download.delete()
      })

      // Compile every received report: click → the compiled report with who is in and out.
      await step('compile', async () => {
        const form = page.getByTestId('desk-compile')
        await form.getByLabel('计入全部已收到的报告').check()
        await form.getByLabel('汇总机关名称').fill('某省人民政府')
        const t3 = await page.evaluate(() => performance.now())
        await form.getByRole('button', { name: /^汇总/ }).click()
        await page.getByTestId('compiled-included').waitFor()
        await page.locator('[data-testid=compiled-report] td[data-cell="requests.new.total"]').waitFor()
        record('compile', (await page.evaluate(() => performance.now())) - t3)
      })

      // The home list with 1 301 reports: navigation → first page with statuses; a search.
      await step('home', async () => {
        const t4 = await page.evaluate(() => performance.now())
        await page.getByRole('link', { name: '‹ 我的年度报告' }).first().click()
        await page.getByTestId('report-list').locator('[data-testid=report-status]').first().waitFor()
        record('home', (await page.evaluate(() => performance.now())) - t4)
      })
      await step('search', async () => {
        const t5 = await page.evaluate(() => performance.now())
        await page.getByLabel('搜索报告').fill('第0999部门')
        await page.getByTestId('report-count').filter({ hasText: '找到 1 份' }).waitFor()
        record('search', (await page.evaluate(() => performance.now())) - t5)
      })
      await context.close()
    }
    console.log('## Desk (1 000 reports of 2023, 300 of 2022 stored)')
    console.log(`load average (1, 5, 15 min) at the start of each run: ${loads.join(' | ')}`)
    console.log(`import of ${N} files (picker → import summary): ${ms(fig.import)} (goal ≤ 5 000 ms)`)
    console.log(
      `open the desk from the home page (click → first frame with statuses, counts, checks): ${ms(fig.open)} (goal ≤ 1 000 ms); as Playwright sees it: ${ms(fig.openPolled)}`,
    )
    console.log(
      `open the desk in a fresh page (app start and database read included): statuses shown ${ms(fig.openColdStatuses)}; every report checked ${ms(fig.openCold)}`,
    )
    for (const px of SCROLL_STEPS) {
      const ratio = fig[`scroll${px}`].map((x, i) => (x / fig[`floor${px}`][i]).toFixed(2)).join(', ')
      console.log(
        `longest frame scrolling the desk list ${px} px a frame: ${ms(fig[`scroll${px}`])}; the bare grid of the same list ${ms(fig[`floor${px}`])}; ratio ${ratio}`,
      )
      console.log(
        `  frames of 80 over one frame (> 25 ms), desk: ${fig[`late${px}`].join(', ')}; bare grid: ${fig[`floorLate${px}`].join(', ')}`,
      )
    }
    console.log(`问题清单 of ${N} as .xlsx (click → download): ${ms(fig.issues)} (goal ≤ 2 000 ms)`)
    console.log(`compile ${N} (click → compiled report shown): ${ms(fig.compile)} (goal ≤ 1 000 ms)`)
    console.log(`home list with ${N + LAST_YEAR + 1} reports (link → first page with statuses): ${ms(fig.home)}`)
    console.log(`home list search by agency (type → 1 found): ${ms(fig.search)}`)
  } finally {
    await browser.close()
    server.stop()
    floorServer.stop()
    floor.remove()
  }
}
