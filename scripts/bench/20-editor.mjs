// The editor in Debian's Chromium on the built app (dist/): time from navigation to the editor
// ready with the sample report, and from committing an edit (Enter) to the totals and the
// findings on screen showing it.
import { launchChromium, median, startPreview } from './lib/harness.mjs'

const READY_RUNS = 7
const EDITS = 50

const ms = (n) => `${n.toFixed(1)} ms`

export default async function run() {
  const server = await startPreview()
  const BASE = server.url
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })
    const home = await context.newPage()
    await home.goto(BASE)
    const link = home.getByRole('link', { name: '济宁市城市管理局2020年政府信息公开工作年度报告' })
    const url = `${BASE}/${await link.getAttribute('href')}`
    await home.close()

    // Navigation to ready: the app marks the moment every grid has drawn its rows.
    const ready = []
    for (let i = 0; i < READY_RUNS; i++) {
      const page = await context.newPage()
      await page.goto(url)
      await page.locator('.editor[data-ready]').waitFor()
      ready.push(await page.evaluate(() => performance.getEntriesByName('nianbao:editor-ready')[0].startTime))
      await page.close()
    }

    const page = await context.newPage()
    await page.goto(url)
    await page.locator('.editor[data-ready]').waitFor()
    await page.locator('[data-table=requests] [row-id=new] [col-id=natural]').click()
    const times = []
    for (let i = 0; i < EDITS; i++) {
      const v = 10 + i
      // Watches from the Enter keydown until the 总计 cell and the findings panel both show v.
      await page.evaluate((v) => {
        const total = document.querySelector('[data-table=requests] [row-id=new] [col-id=total]')
        const panel = document.querySelector('[data-testid=findings]')
        const w = window
        w.__edit = { start: 0, done: 0 }
        const check = () => {
          if (
            w.__edit.start &&
            !w.__edit.done &&
            total.textContent.endsWith(String(v + 2)) &&
            panel.textContent.includes(`（${v}+0=${v}）`)
          ) {
            w.__edit.done = performance.now()
          }
        }
        const onKey = (e) => e.key === 'Enter' && (w.__edit.start = e.timeStamp)
        addEventListener('keydown', onKey, { capture: true })
        const mo = new MutationObserver(check)
        mo.observe(total, { subtree: true, childList: true, characterData: true })
        mo.observe(panel, { subtree: true, childList: true, characterData: true })
        w.__edit.stop = () => {
          mo.disconnect()
          removeEventListener('keydown', onKey, { capture: true })
        }
      }, v)
      await page.keyboard.type(String(v))
      await page.keyboard.press('Enter')
      await page.waitForFunction(() => window.__edit.done > 0)
      times.push(await page.evaluate(() => (window.__edit.stop(), window.__edit.done - window.__edit.start)))
      await page.keyboard.press('ArrowUp')
    }

    console.log('## Editor (Chromium, built app, sample report)')
    console.log(
      `navigation to editor ready: median ${ms(median(ready))}, worst ${ms(Math.max(...ready))} (${READY_RUNS} loads)`,
    )
    console.log(
      `edit committed to totals and findings on screen: median ${ms(median(times))}, worst ${ms(Math.max(...times))} (${EDITS} edits; budget one frame, 16 ms)`,
    )
  } finally {
    await browser.close()
    server.stop()
  }
}
