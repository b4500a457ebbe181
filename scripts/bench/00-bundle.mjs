// Production bundle size, raw and gzip, of what the first page loads, of what opening the
// editor loads (the entry and the editor's chunk with its static imports), and of everything.
import { readFileSync, readdirSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { ASSETS, kb, staticClosure } from './lib/bundle.mjs'

export default function run() {
  const dir = ASSETS
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
  const editorView = rows.find(([f]) => f.startsWith('EditorView-'))?.[0]
  const editorFiles = editorView ? staticClosure(editorView) : new Set()
  const editor = rows.filter(([f]) => html.includes(f) || editorFiles.has(f))
  const sum = (list, i) => kb(list.reduce((a, r) => a + r[i], 0))
  const js = (list) => list.filter(([f]) => f.endsWith('.js'))
  console.log('## Bundle')
  console.log(`first load (entry js+css): ${sum(entry, 1)} raw, ${sum(entry, 2)} gzip`)
  console.log(
    `editor first load (entry + editor chunks): js ${sum(js(editor), 1)} raw, ${sum(js(editor), 2)} gzip; js+css ${sum(editor, 1)} raw, ${sum(editor, 2)} gzip`,
  )
  console.log(`all assets: ${kb(raw)} raw, ${kb(gz)} gzip (${rows.length} files)`)
}
