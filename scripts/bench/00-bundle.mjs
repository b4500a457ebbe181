// Production bundle size, raw and gzip, of what the first page loads and of everything.
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

export default function run() {
  const dir = new URL('../../dist/assets/', import.meta.url)
  let raw = 0
  let gz = 0
  const rows = []
  for (const f of readdirSync(dir)) {
    const buf = readFileSync(new URL(f, dir))
    const g = gzipSync(buf).length
    raw += buf.length
    gz += g
    rows.push([f, buf.length, g])
  }
  const html = readFileSync(new URL('../../dist/index.html', import.meta.url), 'utf8')
  const entry = rows.filter(([f]) => html.includes(f))
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`
  console.log('## Bundle')
  console.log(
    `first load (entry js+css): ${kb(entry.reduce((a, r) => a + r[1], 0))} raw, ${kb(entry.reduce((a, r) => a + r[2], 0))} gzip`,
  )
  console.log(`all assets: ${kb(raw)} raw, ${kb(gz)} gzip (${rows.length} files)`)
}
