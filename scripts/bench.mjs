// `npm run bench`: runs every benchmark in scripts/bench/ in name order and prints its figures;
// `npm run bench -- 60-desk` only those whose file name starts with one of the names given.
// UI figures are measured in Debian's Chromium against the built app (dist/), so build first.
import { readdirSync } from 'node:fs'
import { execSync } from 'node:child_process'

execSync('npx vite build --logLevel warn', { stdio: 'inherit' })
const dir = new URL('./bench/', import.meta.url)
const only = process.argv.slice(2)
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => !only.length || only.some((name) => f.startsWith(name)))
  .sort()) {
  const { default: run } = await import(new URL(file, dir).href)
  await run()
}
