// Time to render the sample report's PDF in Chromium: open the print view of the built app
// (vite preview of dist/) until laid out with its fonts, then page.pdf (A4, CSS page size).
import { launchChromium, median, startPreview } from './lib/harness.mjs'

const RUNS = 5

export default async function run() {
  const server = await startPreview()
  const base = server.url
  let browser
  try {
    browser = await launchChromium()
    const page = await browser.newPage({ locale: 'zh-CN' })
    await page.goto(base)
    await page.getByText('济宁市城市管理局2020年政府信息公开工作年度报告').first().waitFor()
    const id = await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('nianbao')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const all = open.result.transaction('reports').objectStore('reports').getAll()
            all.onsuccess = () => resolve(all.result.find((r) => r.agency === '济宁市城市管理局').id)
          }
        }),
    )
    const totals = []
    const views = []
    const pdfs = []
    let pages = 0
    for (let i = 0; i <= RUNS; i++) {
      await page.goto(`${base}/#/`)
      await page.getByText('济宁市城市管理局2020年政府信息公开工作年度报告').first().waitFor()
      const t0 = performance.now()
      await page.goto(`${base}/#/report/${id}/print`)
      await page.locator('.print-view[data-rendered="true"]').waitFor()
      const t1 = performance.now()
      const pdf = await page.pdf({ preferCSSPageSize: true })
      const t2 = performance.now()
      pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
      if (i === 0) continue // warm-up: the print view's chunk and fonts load once
      views.push(t1 - t0)
      pdfs.push(t2 - t1)
      totals.push(t2 - t0)
    }
    console.log('## Print')
    console.log(
      `sample report to PDF in Chromium: ${median(totals).toFixed(0)} ms (median of ${RUNS}: print view ${median(views).toFixed(0)} ms + page.pdf ${median(pdfs).toFixed(0)} ms), ${pages} A4 pages`,
    )
  } finally {
    await browser?.close()
    server.stop()
  }
}
