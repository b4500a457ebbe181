import { readFileSync } from 'node:fs'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js'
import { type Download, type Page, expect } from '@playwright/test'
import { inputCellsOf, getEdition } from '../../src/domain/edition'
import { resolveValues } from '../../src/domain/totals'

export const SAMPLE_TITLE = '济宁市城市管理局2020年政府信息公开工作年度报告'
export const KIND = 'gov-info-disclosure-annual-report'

export interface FileSpec {
  name: string
  content: string | Buffer
}

/** A deterministic pseudo-random generator (the same files every run). */
function random(seed: number) {
  let s = seed >>> 0
  return (max: number) => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s % (max + 1)
  }
}

/**
 * A department's report in the exchange format, every input cell filled with small numbers
 * (amounts with decimals, changes of either sign) but those in `omit`, totals written as a
 * writer does.
 */
export function departmentFile(
  agency: string,
  seed: number,
  options: { year?: number; edition?: string; omit?: string[] } = {},
) {
  const edition = getEdition(options.edition ?? '2021')
  const next = random(seed)
  const values: Record<string, number> = {}
  for (const cell of inputCellsOf(edition)) {
    const kind = cell.column.kind
    values[cell.key] = kind === 'amount' ? next(50000) / 100 : kind === 'change' ? next(10) - 5 : next(20)
  }
  // Keep 三 balanced: 结转下年度 = 新收 + 上年结转 − 办理结果 may go negative, so put the slack in 新收.
  const resolved = resolveValues(edition, values)
  for (const col of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']) {
    const handled = resolved.get(`requests.handled_total.${col}`) ?? 0
    const need = handled + values[`requests.carried_out.${col}`]! - values[`requests.carried_in.${col}`]!
    values[`requests.new.${col}`] = Math.max(0, need)
  }
  for (const key of options.omit ?? []) delete values[key]
  const all = Object.fromEntries(resolveValues(edition, values))
  return {
    kind: KIND,
    schemaVersion: 1,
    edition: edition.key,
    agency,
    year: options.year ?? 2022,
    values: all,
    texts: { overview: `${agency}总体情况。`, problems: '问题。', other: '无' },
    exportedAt: '2026-01-01T00:00:00.000Z',
    generator: 'test',
  }
}

export const asFile = (name: string, data: unknown): FileSpec => ({
  name,
  content: typeof data === 'string' ? data : JSON.stringify(data, null, 2),
})

export async function chooseFiles(page: Page, testId: string, files: FileSpec[]) {
  await page.getByTestId(testId).setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: 'application/json',
      buffer: Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content, 'utf8'),
    })),
  )
}

export const importFiles = (page: Page, files: FileSpec[]) => chooseFiles(page, 'import-input', files)

export async function closeSummary(page: Page) {
  await page.getByTestId('import-summary').getByRole('button', { name: '关闭' }).click()
  await expect(page.getByTestId('import-summary')).toBeHidden()
}

/** Every stored report row, straight from IndexedDB. */
export function storedRows(page: Page): Promise<Record<string, unknown>[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('nianbao')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const req = open.result.transaction('reports').objectStore('reports').getAll()
          req.onsuccess = () => {
            resolve(req.result)
            open.result.close()
          }
          req.onerror = () => reject(req.error)
        }
      }),
  )
}

export async function waitForSample(page: Page) {
  await page.goto('/')
  await expect(page.getByTestId('report-list').getByRole('link', { name: SAMPLE_TITLE })).toBeVisible()
}

export async function downloaded(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!)
}

export function listItem(page: Page, title: string) {
  return page
    .getByTestId('report-list')
    .locator('li')
    .filter({ has: page.getByRole('link', { name: title, exact: true }) })
}

let validate: ValidateFunction | undefined
/** Validates an exported file against the published schema (docs/report.schema.json); '' when valid. */
export async function schemaErrors(file: unknown): Promise<string> {
  validate ??= new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(
    JSON.parse(readFileSync(new URL('../../docs/report.schema.json', import.meta.url), 'utf8')),
  )
  return validate(file) ? '' : JSON.stringify(validate.errors)
}
