// Markup and script in a string (an agency name, a text, a file name, a pasted cell, an imported
// file) must reach the page as text. Vue's {{ }} and attribute bindings escape it; what would not
// is any of the sinks below. This test fails when one appears anywhere in src/, so that a new
// screen cannot bring one in unnoticed. (tests/browser/safety-hostile.spec.ts checks the screens.)
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const SRC = fileURLToPath(new URL('../../', import.meta.url))

const SINKS: [RegExp, string][] = [
  [/\bv-html\b/, 'v-html renders a string as HTML'],
  [/\.(innerHTML|outerHTML)\s*[+]?=/, 'assigning HTML'],
  [/insertAdjacentHTML|createContextualFragment|document\.write/, 'inserting HTML'],
  [/\bnew Function\b|[^.\w]eval\(|setTimeout\(\s*['"`]/, 'running a string as code (the CSP forbids it too)'],
  [/:(href|src|srcdoc|action|formaction)=|v-bind:(href|src)|\bsrcdoc\b/, 'a bound URL can be javascript:'],
  [/\bwindow\.open\(|location\.(href|assign|replace)\s*[=(]/, 'navigating to a computed URL'],
]

/** Files allowed one of the sinks, with why. */
const ALLOWED: Record<string, RegExp> = {}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return files(path)
    return /\.(vue|ts)$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : []
  })
}

describe('strings from outside are shown as text', () => {
  it('no source file renders a string as HTML, runs it as code or binds it as a URL', () => {
    const found: string[] = []
    for (const path of files(SRC)) {
      const rel = relative(SRC, path)
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*|<!--)/.test(line)) return
          for (const [sink, why] of SINKS)
            if (sink.test(line) && !ALLOWED[rel]?.test(line)) found.push(`${rel}:${i + 1}: ${why}: ${line.trim()}`)
        })
    }
    expect(found).toEqual([])
  })

  it('catches each sink (the scan itself works)', () => {
    const samples = [
      '<div v-html="x" />',
      'el.innerHTML = s',
      'el.insertAdjacentHTML("x", s)',
      'new Function(s)',
      '<a :href="r.agency">',
      'window.open(u)',
    ]
    for (const s of samples)
      expect(
        SINKS.some(([re]) => re.test(s)),
        s,
      ).toBe(true)
  })
})
