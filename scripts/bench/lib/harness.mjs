// What the browser benchmarks share: Debian's Chromium with the flags this machine needs, a
// `vite preview` of dist/ on a free port, and the median.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'
import vue from '@vitejs/plugin-vue'
import { build, createServer as createViteServer } from 'vite'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export const launchChromium = () =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS })

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

const FLOOR = fileURLToPath(new URL('../floor/', import.meta.url))

/**
 * Builds a floor into a temporary folder with the project's own Vite, Vue and AG Grid:
 * scripts/bench/floor/ (the three tables as bare AG Grid grids), or `page` under it (`desk`: the
 * desk's list as a bare grid); `remove()` deletes it.
 */
export async function buildFloor(page = '') {
  const dist = mkdtempSync(join(tmpdir(), 'nianbao-floor-'))
  await build({
    configFile: false,
    root: join(FLOOR, page),
    base: './',
    plugins: [vue()],
    // official/ builds the editor's own grid code from src/.
    resolve: { alias: { '@': fileURLToPath(new URL('../../../src/', import.meta.url)) } },
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true },
  })
  return { dist, distUrl: pathToFileURL(`${dist}/`), remove: () => rmSync(dist, { recursive: true, force: true }) }
}

/**
 * Serves dist/ (or another built folder, `dist`, without the project's config) with `vite
 * preview` on a free port; `stop()` ends it.
 */
export async function startPreview({ dist } = {}) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // Vite's own script, not npx: killing npx would leave the server running.
  const vite = fileURLToPath(new URL('../../../node_modules/vite/bin/vite.js', import.meta.url))
  const server = spawn(
    process.execPath,
    [
      vite,
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      ...(dist ? ['--outDir', dist] : []),
    ],
    {
      cwd: dist ? FLOOR : fileURLToPath(new URL('../../../', import.meta.url)),
      stdio: 'ignore',
    },
  )
  const until = Date.now() + 30_000
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`vite preview exited (port ${port})`)
    try {
      if ((await fetch(url)).ok) return { url, stop: () => server.kill() }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  server.kill()
  throw new Error(`vite preview did not answer at ${url}`)
}

/** Runs `fn` with a loader of the app's own modules (TypeScript compiled by Vite, in Node). */
export async function withAppModules(fn) {
  const server = await createViteServer({ server: { middlewareMode: true }, appType: 'custom', logLevel: 'error' })
  try {
    return await fn((path) => server.ssrLoadModule(path))
  } finally {
    await server.close()
  }
}
