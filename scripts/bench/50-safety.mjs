// Version history and backup in Debian's Chromium: the time to take a version of the sample
// report and to restore one, and the size of the database after 1 000 edits with history.
// The app's own modules run in the page (Vite's dev server serves them), on Chromium's real
// IndexedDB; the clock is moved on in the page so that the edits span 50 working days and
// the history is thinned as it would be.
import { createServer } from 'vite'
import { launchChromium, median } from './lib/harness.mjs'

const PORT = 4196
const RUNS = 30
const EDITS = 1000

const kb = (n) => `${(n / 1024).toFixed(1)} kB`

export default async function run() {
  const server = await createServer({ server: { port: PORT, host: '127.0.0.1', strictPort: true }, logLevel: 'error' })
  await server.listen()
  const browser = await launchChromium()
  try {
    const page = await (await browser.newContext()).newPage()
    await page.goto(`http://127.0.0.1:${PORT}/`)
    await page
      .getByRole('link', { name: '济宁市城市管理局2020年政府信息公开工作年度报告' })
      .waitFor({ timeout: 60_000 })
    const figures = await page.evaluate(
      async ({ RUNS, EDITS }) => {
        const { db } = await import('/src/db/database.ts')
        const { snapshotReport, restoreVersion, historyOf } = await import('/src/db/history.ts')
        const { patchReport } = await import('/src/db/reports.ts')
        const { inputCellsOf, getEdition } = await import('/src/domain/edition.ts')
        const sample = (await db.reports.toArray()).find((r) => r.agency === '济宁市城市管理局')
        const time = async (f) => {
          const t0 = performance.now()
          await f()
          return performance.now() - t0
        }
        const snapshot = []
        for (let i = 0; i < RUNS; i++) snapshot.push(await time(() => snapshotReport(sample.id, 'compile')))
        // Two versions that differ in a cell and a text: each restore changes the report.
        const a = await snapshotReport(sample.id, 'compile')
        await patchReport(sample.id, { values: { 'requests.new.natural': 99 }, texts: { other: '改过' } })
        const b = await snapshotReport(sample.id, 'compile')
        const restore = []
        for (let i = 0; i < RUNS; i++) restore.push(await time(() => restoreVersion(i % 2 ? a.id : b.id)))

        // 1 000 edits: 20 a working day, 5 minutes apart, over 50 days; the clock moves on.
        await db.history.clear()
        const realNow = Date.now.bind(Date)
        let clock = realNow() - 50 * 86_400_000
        Date.now = () => clock
        const cells = inputCellsOf(getEdition(sample.edition))
        const t0 = performance.now()
        for (let i = 0; i < EDITS; i++) {
          clock += i % 20 === 0 ? 86_400_000 - 19 * 300_000 : 300_000
          await patchReport(sample.id, { values: { [cells[(i * 7) % cells.length].key]: i % 50 } })
        }
        const editMs = (performance.now() - t0) / EDITS
        Date.now = realNow
        const versions = await historyOf(sample.id)
        const rows = [...(await db.reports.toArray()), ...(await db.history.toArray()), ...(await db.meta.toArray())]
        const bytes = new Blob([JSON.stringify(rows)]).size
        const { createBackup } = await import('/src/db/backup.ts')
        const backup = (await createBackup()).blob.size
        const estimate = await navigator.storage.estimate()
        return {
          snapshot,
          restore,
          editMs,
          versions: versions.length,
          reports: await db.reports.count(),
          bytes,
          backup,
          usage: estimate.usageDetails?.indexedDB ?? estimate.usage,
        }
      },
      { RUNS, EDITS },
    )
    console.log('## History and backup')
    console.log(
      `take a version of the sample report: ${median(figures.snapshot).toFixed(1)} ms, restore one: ${median(figures.restore).toFixed(1)} ms (medians of ${RUNS}, Chromium IndexedDB)`,
    )
    console.log(
      `after ${EDITS} edits over 50 days (${figures.editMs.toFixed(1)} ms each, versions included): ${figures.versions} versions kept, ` +
        `stored rows ${kb(figures.bytes)} as JSON, backup file ${kb(figures.backup)}, IndexedDB usage reported by Chromium ${kb(figures.usage)}`,
    )
  } finally {
    await browser.close()
    await server.close()
  }
}
