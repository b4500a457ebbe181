// Prints `N passed, N failed` over the unit (Vitest) and browser (Playwright) JSON reports.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined)

const unit = read('test-results/unit.json')
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
} else failed += 1

const browser = read('test-results/browser.json')
if (browser) {
  passed += browser.stats.expected + browser.stats.flaky
  failed += browser.stats.unexpected
  // Passed only on the retry: said, so that a flake is seen and mended.
  if (browser.stats.flaky) console.log(`flaky: ${browser.stats.flaky} browser test(s) passed only on retry`)
} else failed += 1

console.log(`${passed} passed, ${failed} failed`)
