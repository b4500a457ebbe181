// Time to render the sample report's PDF in Chromium: open the print view of the built app
// (vite preview of dist/) until laid out with its fonts, then page.pdf (A4, CSS page size).
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { chromium } from '@playwright/test'

const RUNS = 5
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
]

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

async function waitFor(url, ms = 30_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`vite preview did not answer at ${url}`)
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export default async function run() {
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const root = new URL('../../', import.meta.url)
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
  })
  let browser
  try {
    await waitFor(base)
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS })
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
    server.kill()
  }
}
