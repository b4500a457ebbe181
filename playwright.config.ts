import { defineConfig } from '@playwright/test'

// Debian's Chromium: no test tool may download a browser of its own.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
// Another port lets a second checkout run its tests beside this one.
const port = Number(process.env.TEST_PORT || 4173)

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  // Generous: on a loaded 2-core machine opening the editor has taken over 10 s (it takes under 1 s when quiet).
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  // One retry in CI only: a timing flake on a loaded 2-core machine should not sink a run; a
  // retried test is still reported (as flaky) in the JSON report.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/browser.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
})
