// Time to recognise the sample report from its published text (domain code, compiled by Vite).
import { readFileSync } from 'node:fs'
import { withAppModules } from './lib/harness.mjs'

export default function run() {
  return withAppModules(async (load) => {
    const { recogniseText } = await load('/src/domain/textImport/index.ts')
    const text = readFileSync(new URL('../../tests/fixtures/jining-cgj-2020.txt', import.meta.url), 'utf8')
    for (let i = 0; i < 20; i++) recogniseText(text)
    const n = 200
    const t0 = performance.now()
    for (let i = 0; i < n; i++) recogniseText(text)
    const per = (performance.now() - t0) / n
    console.log('## Text import')
    console.log(
      `recognising the sample text (jining-cgj-2020.txt, ${text.length} characters): ${per.toFixed(2)} ms (mean of ${n})`,
    )
  })
}
