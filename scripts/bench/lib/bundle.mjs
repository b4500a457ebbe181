// Reading the built chunks in dist/assets/: which chunks a chunk loads before it runs, and sizes.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

export const ASSETS = new URL('../../../dist/assets/', import.meta.url)

/** The chunks `file` loads before it runs: itself and its static imports, recursively. */
export function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen
  seen.add(file)
  const code = readFileSync(new URL(file, ASSETS), 'utf8')
  for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) staticClosure(m[1], seen)
  return seen
}

/** Raw and gzip bytes of a file in dist/assets/. */
export function sizeOf(file) {
  const buf = readFileSync(new URL(file, ASSETS))
  return { raw: buf.length, gzip: gzipSync(buf).length }
}

export const kb = (n) => `${(n / 1024).toFixed(1)} kB`
