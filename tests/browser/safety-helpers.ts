// Helpers of the safety tests: raw IndexedDB access (as another program or an older version of
// the app would have it), faults, the editor store, the CSP watch and a static server of dist/.
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { type Server, createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { type BrowserContext, type Page, expect } from '@playwright/test'

export const SAMPLE_TITLE = '济宁市城市管理局2020年政府信息公开工作年度报告'

/** Every row of `store` in the app's database, read without Dexie (and without creating it). */
export function rawRows<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (store) =>
      new Promise<T[]>((resolve, reject) => {
        const req = indexedDB.open('nianbao')
        req.onupgradeneeded = () => {
          req.transaction?.abort()
          reject(new Error('no database'))
        }
        req.onerror = () => reject(req.error)
        req.onsuccess = () => {
          const idb = req.result
          if (!idb.objectStoreNames.contains(store)) {
            idb.close()
            resolve([])
            return
          }
          const get = idb.transaction(store).objectStore(store).getAll()
          get.onsuccess = () => {
            resolve(get.result as T[])
            idb.close()
          }
          get.onerror = () => reject(get.error)
        }
      }),
    store,
  )
}

export interface StoredReport {
  id: string
  agency: string
  year: number
  edition: string
  values: Record<string, number>
  texts: Record<string, string>
  updatedAt: number
  deletedAt?: number
}

export const rawReports = (page: Page) => rawRows<StoredReport>(page, 'reports')

export async function sampleId(page: Page): Promise<string> {
  const rows = await rawReports(page)
  const sample = rows.find((r) => r.agency === '济宁市城市管理局' && r.year === 2020)
  if (!sample) throw new Error('no sample report')
  return sample.id
}

/** Home page, once the sample report is listed. */
export async function home(page: Page) {
  await page.goto('/')
  await expect(page.getByTestId('report-list').getByRole('link', { name: SAMPLE_TITLE })).toBeVisible()
}

export async function openReport(page: Page, id: string) {
  await page.goto(`/#/report/${id}`)
  await expect(page.locator('.editor[data-ready]')).toBeVisible()
}

export const cell = (page: Page, table: string, row: string, column: string) =>
  page.locator(`[data-table=${table}] [row-id=${row}] :is([col-id=${column}], .cell-col-${column})`)

/** Types a value into a grid cell as a person does: click, type, Enter. */
export async function typeCell(page: Page, key: string, value: string) {
  const [table, row, column] = key.split('.') as [string, string, string]
  await cell(page, table, row, column).click()
  await page.keyboard.type(value)
  await page.keyboard.press('Enter')
}

export const saved = (page: Page) => expect(page.getByTestId('save-state')).toHaveText('已保存', { timeout: 20_000 })

/** Calls the editor store of the page (Pinia), for edits faster than typing. */
export function editorCall(page: Page, method: 'setCells', arg: Record<string, number | null>): Promise<void> {
  return page.evaluate(
    ([method, arg]) => {
      const app = (
        document.querySelector('#app') as unknown as {
          __vue_app__: {
            config: { globalProperties: { $pinia: { _s: Map<string, Record<string, (a: unknown) => void>> } } }
          }
        }
      ).__vue_app__
      const editor = app.config.globalProperties.$pinia._s.get('editor')
      if (!editor) throw new Error('no editor store')
      editor[method]!(arg)
    },
    [method, arg] as const,
  )
}

/** What the page's editor shows for `keys` (its on-screen report). */
export function editorValues(page: Page, keys: string[]): Promise<Record<string, number | null>> {
  return page.evaluate((keys) => {
    const app = (
      document.querySelector('#app') as unknown as {
        __vue_app__: {
          config: { globalProperties: { $pinia: { _s: Map<string, { report?: { values: Record<string, number> } }> } } }
        }
      }
    ).__vue_app__
    const values = app.config.globalProperties.$pinia._s.get('editor')?.report?.values ?? {}
    return Object.fromEntries(keys.map((k) => [k, values[k] ?? null]))
  }, keys)
}

/** Makes every IndexedDB write of the page fail as on a full disk, until `restoreWrites`. */
export async function failWrites(page: Page, name = 'QuotaExceededError') {
  await page.evaluate((name) => {
    const w = window as unknown as { __restoreWrites?: () => void }
    if (w.__restoreWrites) return
    const { put, add } = IDBObjectStore.prototype
    w.__restoreWrites = () => {
      IDBObjectStore.prototype.put = put
      IDBObjectStore.prototype.add = add
      delete w.__restoreWrites
    }
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', name)
    }
    IDBObjectStore.prototype.put = fail
    IDBObjectStore.prototype.add = fail
  }, name)
}

export const restoreWrites = (page: Page) =>
  page.evaluate(() => (window as unknown as { __restoreWrites?: () => void }).__restoreWrites?.())

/** A page of the app's origin that does not run the app (to build or hold a database). */
export async function bareOriginPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto('/favicon.png')
  return page
}

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy and requests off the origin

export interface Watch {
  violations: () => Promise<string[]>
  offOrigin: string[]
  consoleErrors: string[]
}

/**
 * Records every CSP violation, every request off the app's origin and every error a page logs or
 * throws, on every page of `context`. (AG Grid in a production build refuses a call whose module is
 * not registered with only a console error, and the call does nothing.)
 */
export async function watchContext(context: BrowserContext, origin: string): Promise<Watch> {
  const offOrigin: string[] = []
  const consoleErrors: string[] = []
  const pages: Page[] = []
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] }
    w.__csp = []
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`))
  })
  context.on('request', (req) => {
    const url = req.url()
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) offOrigin.push(url)
  })
  const watchPage = (p: Page) => {
    pages.push(p)
    p.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text())
    })
    p.on('pageerror', (e) => consoleErrors.push(e.message))
  }
  context.pages().forEach(watchPage)
  context.on('page', watchPage)
  return {
    offOrigin,
    consoleErrors,
    violations: async () => {
      const all: string[] = []
      for (const p of pages) {
        if (p.isClosed()) continue
        all.push(...(await p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])))
      }
      return all
    },
  }
}

// ---------------------------------------------------------------------------------------------
// A static server of a copy of dist/ (for the service worker update test)

export interface StaticServer {
  url: string
  dir: string
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

export async function serveCopyOfDist(): Promise<StaticServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-dist-'))
  cpSync('dist', dir, { recursive: true })
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    )
    let file = join(dir, path)
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html')
      const body = readFileSync(file)
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      })
      res.end(body)
    } catch {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          rmSync(dir, { recursive: true, force: true })
          resolve()
        })
      }),
  }
}
