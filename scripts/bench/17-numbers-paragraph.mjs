// 「生成数字段落」: time to write the numbers paragraph of 一 and the fee sentence from the sample
// report (domain code, compiled by Vite), with last year's report for the change.
import { readFileSync } from 'node:fs'
import { withAppModules } from './lib/harness.mjs'

export default function run() {
  return withAppModules(async (load) => {
    const { getEdition } = await load('/src/domain/edition.ts')
    const { generateFee, generateOverview } = await load('/src/domain/narrativeGen.ts')
    const sample = JSON.parse(
      readFileSync(new URL('../../tests/fixtures/jining-cgj-2020.json', import.meta.url), 'utf8'),
    )
    const edition = getEdition(sample.edition)
    const lastYear = { edition, values: sample.values }
    const once = (v) => {
      generateOverview(edition, sample.values, v, lastYear)
      generateFee(edition, sample.values, v)
    }
    for (let i = 0; i < 50; i++) once(i)
    const n = 1000
    const t0 = performance.now()
    for (let i = 0; i < n; i++) once(i)
    const per = (performance.now() - t0) / n
    console.log('## Numbers paragraph')
    console.log(
      `generating the paragraphs of the sample report (with last year's change): ${per.toFixed(3)} ms (mean of ${n})`,
    )
  })
}
