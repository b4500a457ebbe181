// Charts: the size of what the editor's 图表 tab loads (the Chart.js chunk, and everything beyond
// the editor's own chunks), and in Chromium on the built app the time from clicking 图表 to the
// first chart drawn: in a fresh browser profile (chunks fetched) and again (chunks loaded).
import { readdirSync } from 'node:fs'
import { launchChromium, median, startPreview } from './lib/harness.mjs'
import { ASSETS, kb, sizeOf, staticClosure } from './lib/bundle.mjs'

const RUNS = 7
const EDITS = 20
const ms = (n) => `${n.toFixed(0)} ms`
const ms1 = (n) => `${n.toFixed(1)} ms`

function chunkSizes() {
  const files = readdirSync(ASSETS)
  const find = (prefix) => files.find((f) => f.startsWith(prefix) && f.endsWith('.js'))
  const library = find('chartjs-')
  const editor = staticClosure(find('EditorView-'))
  const tab = new Set([...staticClosure(find('EditorCharts-')), ...staticClosure(library)])
  const extra = [...tab].filter((f) => !editor.has(f))
  const total = extra.reduce((s, f) => s + sizeOf(f).gzip, 0)
  const lib = sizeOf(library)
  return { lib, total, count: extra.length }
}

/** Clicks 图表 in the open editor; returns ms from the click to the first chart drawn. */
async function clickTab(page) {
  await page.evaluate(() => {
    addEventListener('click', (e) => (window.__tabClick = e.timeStamp), { capture: true, once: true })
  })
  await page.getByRole('tab', { name: '图表' }).click()
  await page.locator('[data-chart=requests] canvas[data-values]').waitFor({ state: 'attached' })
  return page.evaluate(
    () =>
      performance.getEntriesByName('nianbao:chart-drawn').find((m) => m.startTime >= window.__tabClick).startTime -
      window.__tabClick,
  )
}

export default async function run() {
  const { lib, total, count } = chunkSizes()
  const server = await startPreview()
  const browser = await launchChromium()
  try {
    const options = { viewport: { width: 1400, height: 900 }, locale: 'zh-CN' }
    // The sample report is created on a profile's first start, with a new id each time.
    const sampleUrl = async (page) => {
      await page.goto(server.url)
      const link = page.getByRole('link', { name: '济宁市城市管理局2020年政府信息公开工作年度报告' })
      return `${server.url}/${await link.getAttribute('href')}`
    }
    const cold = []
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext(options)
      const page = await context.newPage()
      await page.goto(await sampleUrl(page))
      await page.locator('.editor[data-ready]').waitFor()
      cold.push(await clickTab(page))
      await context.close()
    }
    const context = await browser.newContext(options)
    const page = await context.newPage()
    await page.goto(await sampleUrl(page))
    await page.locator('.editor[data-ready]').waitFor()
    await clickTab(page)
    // Back to 检查结果 (the charts unmount) and 图表 again: the code is loaded, the charts are new.
    const warm = []
    for (let i = 0; i < RUNS; i++) {
      await page.getByRole('tab', { name: '检查结果' }).click()
      await page.locator('[data-chart]').first().waitFor({ state: 'detached' })
      warm.push(await clickTab(page))
    }

    // Typing with the 图表 tab open: Enter to the 总计 cell showing the value (the edit path), and
    // to the chart holding it (deferred until typing pauses and the browser is idle).
    const cell = (row, col) => page.locator(`[data-table=requests] [row-id=${row}] [col-id=${col}]`)
    await cell('new', 'natural').click()
    const edits = []
    const follows = []
    for (let i = 0; i < EDITS; i++) {
      const v = 20 + i
      await page.evaluate((v) => {
        const total = document.querySelector('[data-table=requests] [row-id=new] [col-id=total]')
        const canvas = document.querySelector('[data-chart=requests] canvas')
        const w = window
        w.__edit = { start: 0, total: 0, chart: 0 }
        const check = () => {
          if (!w.__edit.start) return
          if (!w.__edit.total && total.textContent.endsWith(String(v + 2))) w.__edit.total = performance.now()
          if (!w.__edit.chart && canvas.dataset.values?.startsWith(`[[${v + 2},`)) w.__edit.chart = performance.now()
        }
        const onKey = (e) => e.key === 'Enter' && (w.__edit.start = e.timeStamp)
        addEventListener('keydown', onKey, { capture: true })
        const mo = new MutationObserver(check)
        mo.observe(total, { subtree: true, childList: true, characterData: true })
        mo.observe(canvas, { attributes: true })
        w.__edit.stop = () => {
          mo.disconnect()
          removeEventListener('keydown', onKey, { capture: true })
        }
      }, v)
      await page.keyboard.type(String(v))
      await page.keyboard.press('Enter')
      await page.waitForFunction(() => window.__edit.total > 0 && window.__edit.chart > 0)
      const t = await page.evaluate(() => (window.__edit.stop(), window.__edit))
      edits.push(t.total - t.start)
      follows.push(t.chart - t.start)
      await page.keyboard.press('ArrowUp')
    }

    console.log('## Charts')
    console.log(
      `Chart.js chunk: ${kb(lib.raw)} raw, ${kb(lib.gzip)} gzip; the 图表 tab loads ${count} chunks beyond the editor's, ${kb(total)} gzip`,
    )
    console.log(
      `click 图表 to first chart drawn: ${ms(median(cold))} with the chunks fetched (median of ${cold.length} fresh profiles), ${ms(median(warm))} when opened again (median of ${RUNS})`,
    )
    console.log(
      `with the 图表 tab open, edit committed to its total on screen: median ${ms1(median(edits))}, worst ${ms1(Math.max(...edits))}; to the chart holding it: median ${ms(median(follows))} (${EDITS} edits; the chart waits for a 150 ms pause and idle time)`,
    )
  } finally {
    await browser.close()
    server.stop()
  }
}
