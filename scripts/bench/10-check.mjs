// Time of one full check of the sample report (domain code, compiled on the fly by Vite).
import { withAppModules } from './lib/harness.mjs'

export default function run() {
  return withAppModules(async (load) => {
    const { reviewReport } = await load('/src/domain/review.ts')
    const { readExchangeData } = await load('/src/domain/exchange.ts')
    const sample = (await load('/src/sample/jining-cgj-2020.json')).default
    const read = readExchangeData(sample, 'sample.json')
    const report = { edition: read.file.edition, values: read.file.values, texts: read.file.texts }
    for (let i = 0; i < 500; i++) reviewReport(report)
    const n = 5000
    const t0 = performance.now()
    for (let i = 0; i < n; i++) reviewReport(report)
    const per = (performance.now() - t0) / n
    console.log('## Checks')
    console.log(`one full check of the sample report: ${(per * 1000).toFixed(1)} µs (mean of ${n})`)
  })
}
