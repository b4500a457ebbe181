// Time to produce each document a department hands over (Word, Excel, web page) for the sample
// and for a compiled report of 200 departments (domain code, compiled by Vite, in Node), and
// the gzip size of each lazily loaded chunk behind them in dist/.
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { median, withAppModules } from './lib/harness.mjs'

const RUNS = 5
const CHUNKS = ['DocumentsDialog', 'documents', 'wordReport', 'excelReport', 'htmlReport']

export default function run() {
  return withAppModules(async (load) => {
    const { wordFile } = await load('/src/domain/wordReport.ts')
    const { excelFile } = await load('/src/domain/excelReport.ts')
    const { reportHtmlPage } = await load('/src/domain/htmlReport.ts')
    const { getEdition, inputCellsOf } = await load('/src/domain/edition.ts')
    const { compileValues } = await load('/src/domain/compile.ts')

    const fixture = JSON.parse(readFileSync(new URL('../../tests/fixtures/jining-cgj-2020.json', import.meta.url)))
    const sample = {
      agency: fixture.agency,
      year: fixture.year,
      edition: fixture.edition,
      values: fixture.values,
      texts: fixture.texts,
    }
    // 200 departments of 2022, every input cell filled (deterministic), summed as 汇总 does.
    const edition = getEdition('2021')
    let seed = 7
    const next = (max) => ((seed = (seed * 1664525 + 1013904223) >>> 0), seed % (max + 1))
    const parts = Array.from({ length: 200 }, () => ({
      values: Object.fromEntries(
        inputCellsOf(edition).map((c) => [c.key, c.column.kind === 'amount' ? next(50000) / 100 : next(40)]),
      ),
    }))
    const compiled = {
      agency: '某市汇总',
      year: 2022,
      edition: '2021',
      values: compileValues(edition, parts),
      texts: { overview: '全市汇总。', problems: '', other: '' },
    }

    const time = async (make) => {
      await make()
      const ms = []
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now()
        await make()
        ms.push(performance.now() - t0)
      }
      return `${median(ms).toFixed(1)} ms`
    }
    console.log('## Documents (Word, Excel, web page)')
    for (const [name, report] of [
      ['sample (jining-cgj-2020)', sample],
      ['compiled report of 200 departments', compiled],
    ]) {
      const word = await time(async () => (await wordFile(report)).arrayBuffer())
      const excel = await time(async () => (await excelFile(report)).arrayBuffer())
      const html = await time(async () => reportHtmlPage(report))
      console.log(`${name}: Word ${word}, Excel ${excel}, web page ${html} (median of ${RUNS})`)
    }
    const dir = new URL('../../dist/assets/', import.meta.url)
    const sizes = readdirSync(dir)
      .filter((f) => f.endsWith('.js') && CHUNKS.some((c) => f.startsWith(`${c}-`)))
      .map(
        (f) =>
          `${f.replace(/-[\w-]{8}\.js$/, '')} ${(gzipSync(readFileSync(new URL(f, dir))).length / 1024).toFixed(1)} kB`,
      )
    console.log(`lazy chunks (gzip): ${sizes.join(', ')}`)
  })
}
