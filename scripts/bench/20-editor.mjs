// The editor against the floor (scripts/bench/floor/: the same three tables as bare AG Grid
// grids, no logic, no storage), both built and loaded alternately in one run in Debian's Chromium
// (with a third page, floor/official/: the editor's own grids of the sample and nothing else):
// opening (navigation to the first row of 三 painted, and the gzip of every script fetched before
// that) as a ratio to the floor, and edit → total on screen, median and p95, for a typed value
// (on the sample report, and on a report with errors listed in the findings panel) and for a
// pasted 6 × 7 block. The machine is shared: each figure comes with the load average.
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { gzipSync } from 'node:zlib'
import { buildFloor, launchChromium, median, startPreview } from './lib/harness.mjs'

const OPENS = Number(process.env.BENCH_OPENS) || 15
const EDITS = 40
const PASTES = 30

const ms = (n) => `${n.toFixed(1)} ms`
const kb = (n) => `${(n / 1024).toFixed(1)} kB`
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]
const load = () => `load ${loadavg()[0].toFixed(2)}`

/** In the page before any script: resolves with the time the first row of 三 is painted. */
function watchReady() {
  window.__ready = new Promise((resolve) => {
    const found = () => document.querySelector('[data-table=requests] .ag-row .ag-cell')
    const mo = new MutationObserver(() => {
      if (!found()) return
      mo.disconnect()
      // The frame that shows the row, then the task after its paint.
      requestAnimationFrame(() => {
        const ch = new MessageChannel()
        ch.port1.onmessage = () => resolve(performance.now())
        ch.port2.postMessage(0)
      })
    })
    mo.observe(document, { subtree: true, childList: true })
  })
}

/** One fresh load without the HTTP cache: ready time and the scripts fetched before it. */
async function openOnce(context, url) {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await page.goto(url)
  const ready = await page.evaluate(() => window.__ready)
  const scripts = await page.evaluate(
    (ready) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.startTime <= ready && /\.m?js$/.test(new URL(e.name).pathname))
        .map((e) => new URL(e.name).pathname),
    ready,
  )
  await page.close()
  return { ready, scripts }
}

const gzipOf = (dist, paths) =>
  [...new Set(paths)].reduce((n, p) => n + gzipSync(readFileSync(new URL(`.${p}`, dist))).length, 0)

/**
 * In the page: from the commit (Enter keydown, or the paste event) until `total` shows `expect`
 * (and, with `panel`, until the findings panel changed too). Resolves { total, panel } in ms.
 */
function watchEdit({ total, expect, panel, on }) {
  const cell = document.querySelector(total)
  const list = panel ? document.querySelector('[data-testid=findings]') : undefined
  const before = list?.textContent
  const w = window
  const t = { start: 0, total: 0, panel: 0 }
  w.__edit = new Promise((resolve) => {
    const check = () => {
      if (!t.start) return
      const now = performance.now()
      if (!t.total && cell.textContent.trim().endsWith(expect)) t.total = now
      if (list && !t.panel && list.textContent !== before) t.panel = now
      if (t.total && (!list || t.panel)) {
        mo.disconnect()
        removeEventListener(on, onStart, { capture: true })
        resolve({ total: t.total - t.start, panel: list ? t.panel - t.start : undefined })
      }
    }
    const onStart = (e) => {
      if (on !== 'paste' && e.key !== 'Enter') return
      t.start = e.timeStamp
      // Should nothing change on screen, say so rather than wait for ever.
      setTimeout(() => t.total || (mo.disconnect(), resolve({ total: NaN, panel: NaN })), 5000)
    }
    addEventListener(on, onStart, { capture: true })
    const mo = new MutationObserver(check)
    mo.observe(cell, { subtree: true, childList: true, characterData: true })
    if (list) mo.observe(list, { subtree: true, childList: true, characterData: true })
  })
}

const cellSel = (row, col) => `[data-table=requests] [row-id=${row}] [col-id=${col}]`
const numberIn = (page, sel) => page.locator(sel).evaluate((el) => Number(el.textContent.replace(/[^\d.-]/g, '')) || 0)

/**
 * Typed edits of one cell (一、本年新收 · 自然人; the floor's first), each committed with Enter,
 * until `total` (or, on the floor, the cell itself) shows it.
 */
async function typedEdits(page, { at = cellSel('new', 'natural'), total, panel, back = 'ArrowUp' }) {
  await page.locator(at).click()
  const times = []
  for (let i = 0; i < EDITS; i++) {
    // Always a new value: the cell's current one plus 1 to 7.
    const v = (await numberIn(page, at)) + 1 + (i % 7)
    const expect = total ? String((await numberIn(page, total)) - (await numberIn(page, at)) + v) : String(v)
    await page.evaluate(watchEdit, { total: total ?? at, expect, panel, on: 'keydown' })
    await page.keyboard.type(String(v))
    await page.keyboard.press('Enter')
    times.push(await page.evaluate(() => window.__edit))
    // The editor moves down after Enter (as a spreadsheet does); the bare grid stays.
    if (back) await page.keyboard.press(back)
  }
  return times
}

/** A 6 × 7 block (six columns of applicants, seven rows of 不予公开) pasted over and over. */
async function pastes(page) {
  const rows = ['deny_secret', 'deny_law', 'deny_safety', 'deny_third_party', 'deny_internal', 'deny_process']
  rows.push('deny_case_file')
  await page.locator(cellSel(rows[0], 'natural')).click()
  const times = []
  for (let i = 0; i < PASTES; i++) {
    const block = rows.map((_, r) => Array.from({ length: 6 }, (_, c) => ((i % 2) * 50 + i + r * 3 + c) % 97))
    const expect = String(block.at(-1).reduce((a, b) => a + b, 0))
    await page.evaluate((t) => navigator.clipboard.writeText(t), block.map((l) => l.join('\t')).join('\r\n'))
    await page.evaluate(watchEdit, { total: cellSel(rows.at(-1), 'total'), expect, on: 'paste' })
    await page.keyboard.press('Control+v')
    times.push(await page.evaluate(() => window.__edit))
  }
  return times
}

/** A copy of the sample with 三's balance broken in every column: the findings panel lists errors. */
function addReportWithErrors(id) {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('nianbao')
    req.onerror = () => reject(req.error)
    req.onsuccess = () => {
      const db = req.result
      const tx = db.transaction('reports', 'readwrite')
      const store = tx.objectStore('reports')
      store.getAll().onsuccess = (e) => {
        const sample = e.target.result.find((r) => !r.deletedAt)
        const values = { ...sample.values }
        for (const k of Object.keys(values)) if (/^(requests\.carried_out|appeals\.)/.test(k)) values[k] += 7
        store.put({ ...sample, id, agency: `${sample.agency}（基准：有错误）`, values, updatedAt: Date.now() })
      }
      tx.oncomplete = () => (db.close(), resolve())
      tx.onerror = () => reject(tx.error)
    }
  })
}

function summary(all) {
  const xs = all.filter(Number.isFinite)
  const missed = all.length - xs.length ? `, ${all.length - xs.length} never showed` : ''
  return `median ${ms(median(xs))}, p95 ${ms(p95(xs))}, worst ${ms(Math.max(...xs))}${missed}`
}

export default async function run() {
  const floor = await buildFloor()
  // The editor's own grids of the sample and nothing else of the app (floor/official/).
  const grids = await buildFloor('official')
  const app = await startPreview()
  const bare = await startPreview({ dist: floor.dist })
  const gridsOnly = await startPreview({ dist: grids.dist })
  const browser = await launchChromium()
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
      serviceWorkers: 'block',
      permissions: ['clipboard-read', 'clipboard-write'],
    })
    await context.addInitScript(watchReady)
    const home = await context.newPage()
    await home.goto(app.url)
    const link = home.getByRole('link', { name: '济宁市城市管理局2020年政府信息公开工作年度报告' })
    const sampleUrl = `${app.url}/${await link.getAttribute('href')}`
    await home.evaluate(addReportWithErrors, 'bench-errors')
    await home.close()

    // Edits first, on a quiet machine (45 page loads before them left it busy for a while): the
    // floor's bare cell, then the editor's three cases (BENCH_OPEN_ONLY=1 skips them).
    const edits = !process.env.BENCH_OPEN_ONLY
    const editPage = async (url) => {
      const page = await context.newPage()
      await page.goto(url)
      await page.evaluate(() => window.__ready)
      await page.locator('.editor[data-ready]').or(page.locator('[data-table=active]')).first().waitFor()
      return page
    }
    const results = []
    const sampleTotal = cellSel('new', 'total')
    const caseRun = async (name, url, fn) => {
      const page = await editPage(url)
      const before = load()
      const times = await fn(page)
      results.push({ name, times, load: `${before} → ${load()}` })
      process.stderr.write(`  ${name}: done\n`)
      await page.close()
    }
    if (edits)
      await caseRun('floor: bare grid, Enter → cell shows the value', `${bare.url}/`, (p) =>
        typedEdits(p, { at: '[data-table=requests] [row-id=r0] [col-id=c0]', back: null }),
      )
    if (edits) await caseRun('typed, sample report', sampleUrl, (p) => typedEdits(p, { total: sampleTotal }))
    const errorsUrl = `${app.url}/#/report/bench-errors`
    if (edits)
      await caseRun('typed, findings panel listing errors', errorsUrl, (p) =>
        typedEdits(p, { total: sampleTotal, panel: true }),
      )
    if (edits) await caseRun('paste of a 6 × 7 block', sampleUrl, pastes)

    // Opening: the app and the floor in turn, each load without cache.
    const appDist = new URL('../../dist/', import.meta.url)
    const opens = { app: [], floor: [], grids: [], appJs: [], floorJs: [], loads: [] }
    for (let i = 0; i < OPENS; i++) {
      const a = await openOnce(context, sampleUrl)
      const f = await openOnce(context, `${bare.url}/`)
      const g = await openOnce(context, `${gridsOnly.url}/`)
      opens.app.push(a.ready)
      opens.floor.push(f.ready)
      opens.grids.push(g.ready)
      opens.appJs.push(gzipOf(appDist, a.scripts))
      opens.floorJs.push(gzipOf(floor.distUrl, f.scripts))
      opens.loads.push(loadavg()[0])
    }

    const ratio = (a, b) => `${(median(a) / median(b)).toFixed(2)} ×`
    console.log('## Editor against the floor (Chromium, built app, sample report; alternate loads)')
    console.log(
      `open (navigation → first row of 三 painted): app median ${ms(median(opens.app))}, floor ${ms(median(opens.floor))}` +
        ` → ${ratio(opens.app, opens.floor)} (goal ≤ 1.3 ×; ${OPENS} loads each, load ${median(opens.loads).toFixed(2)})`,
    )
    console.log(
      `  the editor's own grids of the sample without the rest of the app: median ${ms(median(opens.grids))}` +
        ` → ${ratio(opens.grids, opens.floor)} the floor; the app is ${ratio(opens.app, opens.grids)} these grids`,
    )
    console.log(
      `JS fetched before ready (gzip): app ${kb(median(opens.appJs))}, floor ${kb(median(opens.floorJs))}` +
        ` → ${ratio(opens.appJs, opens.floorJs)} (goal ≤ 1.25 ×)`,
    )
    for (const r of results) {
      const total = r.times.map((t) => t.total)
      console.log(`edit → total on screen, ${r.name}: ${summary(total)} (${total.length}; ${r.load})`)
      if (r.times[0].panel !== undefined)
        console.log(`  … → findings panel updated: ${summary(r.times.map((t) => t.panel))} (goal p95 ≤ 16.7 ms)`)
    }
  } finally {
    await browser.close()
    app.stop()
    bare.stop()
    gridsOnly.stop()
    floor.remove()
    grids.remove()
  }
}
