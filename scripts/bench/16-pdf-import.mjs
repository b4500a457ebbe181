// Reading a published PDF: the sample report's PDF (printed from the print view) recognised in
// Chromium, from choosing the file to the preview (pdf.js reading every page, the rows rebuilt,
// the recogniser); the size of the pdf.js chunk and worker, and that nothing of pdf.js loads
// before a PDF is chosen. Also the geometry alone in Node, on the same PDF's text items.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { launchChromium, median, startPreview, withAppModules } from './lib/harness.mjs'

const RUNS = 5
const TITLE = '济宁市城市管理局2020年政府信息公开工作年度报告'
const kb = (n) => `${(n / 1024).toFixed(0)} KB`

export default async function run() {
  const assets = new URL('../../dist/assets/', import.meta.url)
  const files = readdirSync(assets)
  const size = (re) => files.filter((f) => re.test(f)).reduce((n, f) => n + statSync(new URL(f, assets)).size, 0)
  const server = await startPreview()
  const base = server.url
  let browser
  try {
    browser = await launchChromium()
    const page = await browser.newPage({ locale: 'zh-CN' })
    const requested = []
    page.on('request', (r) => requested.push(new URL(r.url()).pathname))
    await page.goto(base)
    await page.getByText(TITLE).first().waitFor()
    await page.getByRole('link', { name: TITLE }).click()
    await page.locator('.editor[data-ready]').waitFor()
    const id = page.url().match(/report\/([^/?#]+)/)[1]
    await page.goto(`${base}/#/report/${id}/print`)
    await page.locator('.print-view[data-rendered="true"]').waitFor()
    const pdf = await page.pdf({ preferCSSPageSize: true })
    await page.goto(`${base}/#/import-text`)
    await page.getByTestId('paste-box').waitFor()
    const pdfjsBefore = requested.filter((p) => /readPdf|pdf\.worker/.test(p))

    const times = []
    for (let i = 0; i <= RUNS; i++) {
      await page.goto(`${base}/#/`)
      await page.getByText(TITLE).first().waitFor()
      await page.goto(`${base}/#/import-text`)
      await page.getByTestId('paste-box').waitFor()
      const t0 = performance.now()
      await page
        .getByTestId('text-file-input')
        .setInputFiles({ name: 'sample.pdf', mimeType: 'application/pdf', buffer: pdf })
      await page.getByTestId('recognised-summary').waitFor()
      if (i > 0) times.push(performance.now() - t0) // the first run loads pdf.js and its worker
    }
    const pdfjsAfter = requested.filter((p) => /readPdf|pdf\.worker/.test(p))
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length

    const layout = await withAppModules(async (load) => {
      const { itemsFromPdfJs, recognisePdf } = await load('/src/domain/textImport/index.ts')
      const dumped = JSON.parse(
        readFileSync(new URL('../../tests/fixtures/pdf/print-jining-cgj-2020.items.json', import.meta.url), 'utf8'),
      )
      const input = dumped.map((p) => ({
        width: p.width,
        height: p.height,
        items: itemsFromPdfJs(p.items, p.viewport),
      }))
      for (let i = 0; i < 10; i++) recognisePdf(input)
      const n = 100
      const t0 = performance.now()
      for (let i = 0; i < n; i++) recognisePdf(input)
      return (performance.now() - t0) / n
    })

    console.log('## PDF import')
    console.log(
      `sample report's PDF (${pages} pages, ${kb(pdf.length)}) chosen → preview in Chromium: ${median(times).toFixed(0)} ms (median of ${RUNS}, pdf.js loaded)`,
    )
    console.log(
      `rebuilding the rows and recognising (Node, text items of the same PDF): ${layout.toFixed(2)} ms (mean of 100)`,
    )
    console.log(
      `pdf.js chunk ${kb(size(/^readPdf-.*\.js$/))}, its worker ${kb(size(/^pdf\.worker.*\.js$/))}, Chinese CMaps ${kb(size(/\.bcmap$/))} (fetched only if a PDF names one)`,
    )
    const names = (list) =>
      [...new Set(list.map((p) => p.replace(/^.*\//, '').replace(/-[\w-]+\.js$/, '.js')))].join(', ')
    console.log(
      `pdf.js before a PDF is chosen (home, editor, print, import screen): ${names(pdfjsBefore) || 'nothing'} requested (the offline preload of every chunk fetches, does not run it); once chosen: ${names(pdfjsAfter)}`,
    )
  } finally {
    await browser?.close()
    server.stop()
  }
}
