// Import of 200 report files and compiling 200 reports, in Chromium against the built app
// (vite preview of dist/). Each run in a fresh browser profile; the median is printed, with the
// longest main-thread task during the import (the page must not freeze).
import { launchChromium, median, startPreview, withAppModules } from './lib/harness.mjs'

const FILES = 200
const RUNS = 3

/** FILES department files of 2022, edition 2021, every cell filled, totals written. */
function departmentFiles() {
  return withAppModules(async (load) => {
    const { getEdition, inputCellsOf } = await load('/src/domain/edition.ts')
    const { toExchangeFile } = await load('/src/domain/exchange.ts')
    const edition = getEdition('2021')
    let seed = 1
    const next = (max) => (seed = (seed * 1664525 + 1013904223) >>> 0) % (max + 1)
    return Array.from({ length: FILES }, (_, i) => {
      const values = {}
      for (const c of inputCellsOf(edition)) values[c.key] = c.column.kind === 'amount' ? next(50000) / 100 : next(20)
      const report = {
        agency: `某市第${i + 1}部门`,
        year: 2022,
        edition: '2021',
        values,
        texts: { overview: '总体情况。'.repeat(40), problems: '问题。', other: '无' },
      }
      const file = toExchangeFile(report, 'bench')
      return { name: `dept-${i + 1}.json`, text: JSON.stringify(file, null, 2) }
    })
  })
}

export default async function run() {
  const files = await departmentFiles()
  const server = await startPreview()
  const base = server.url
  let browser
  try {
    browser = await launchChromium()
    const imports = []
    const longest = []
    const compiles = []
    const checked = []
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } })
      const page = await context.newPage()
      await page.goto(base)
      await page.getByText('济宁市城市管理局2020年政府信息公开工作年度报告').first().waitFor()
      // The files are made in the page first (handing them over is the harness's work, not the
      // app's); then they are given to the home page's file picker as a person's choice is.
      await page.evaluate((list) => {
        const picked = new DataTransfer()
        for (const f of list) picked.items.add(new File([f.text], f.name, { type: 'application/json' }))
        window.__picked = picked.files
      }, files)
      await page.evaluate(() => {
        window.__longest = 0
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration)
        }).observe({ type: 'longtask' })
      })

      const t0 = performance.now()
      await page.getByTestId('import-input').evaluate((input) => {
        input.files = window.__picked
        input.dispatchEvent(new Event('change', { bubbles: true }))
      })
      await page
        .getByTestId('import-totals')
        .filter({ hasText: `已导入 ${FILES} 个` })
        .waitFor({ timeout: 120_000 })
      const t1 = performance.now()
      const longTask = await page.evaluate(() => window.__longest)
      await page.getByTestId('import-summary').getByRole('button', { name: '关闭' }).click()

      await page.goto(`${base}/#/compile`)
      await page.getByTestId('compile-candidates').waitFor()
      await page.getByRole('button', { name: '全选' }).click()
      await page.getByLabel('汇总机关名称').fill('某市人民政府（汇总）')
      await page
        .getByTestId('compile-go')
        .filter({ hasText: `${FILES}个部门` })
        .waitFor()
      const t2 = performance.now()
      await page.getByTestId('compile-go').click()
      await page.locator('[data-testid=compiled-report] td[data-cell="requests.new.total"]').waitFor()
      const shown = performance.now()
      await page
        .getByTestId('compiled-parts')
        .filter({ hasText: `${FILES} 个部门计入汇总` })
        .filter({ hasText: '个部门的报告有错误' })
        .waitFor()
      const t3 = performance.now()
      await context.close()
      if (i === 0) continue // warm-up: chunks load and compile once
      imports.push(t1 - t0)
      longest.push(longTask)
      compiles.push(shown - t2)
      checked.push(t3 - t2)
    }
    console.log('## Exchange')
    console.log(
      `import of ${FILES} report files (file picker → import summary shown): ${median(imports).toFixed(0)} ms (median of ${RUNS}); longest main-thread task during it ${median(longest).toFixed(0)} ms`,
    )
    console.log(
      `compiling ${FILES} reports (click → compiled report with its figures shown): ${median(compiles).toFixed(0)} ms; every part's own checks listed: ${median(checked).toFixed(0)} ms (medians of ${RUNS})`,
    )
  } finally {
    await browser?.close()
    server.stop()
  }
}
