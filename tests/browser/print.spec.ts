// The printed report, checked where it matters: in the PDF that Chromium produces (page.pdf,
// A4 from the CSS page size), read back with pdftotext (words, their order and positions).
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { getEdition, tablesOf } from '../../src/domain/edition'
import type { EditionDef, TableDef } from '../../src/domain/format'
import { chineseRenders } from './helpers'
import { type Pdf, type Word, cx, cy, readPdf as readPdfWords } from './pdf'

const OUT = 'test-results/print'
const FIXTURE = new URL('../fixtures/jining-cgj-2020.json', import.meta.url)
const SAMPLE_AGENCY = '济宁市城市管理局'

// A4 in PDF points and the official margins (GB/T 9704): top 37, bottom 35, left 28, right 26 mm.
const MM = 72 / 25.4
const PAGE = { width: 210 * MM, height: 297 * MM }
const CONTENT = { left: 28 * MM, right: (210 - 26) * MM, top: 37 * MM, bottom: (297 - 35) * MM }
/** Below this line is the foot of the page (page number). */
const FOOT_Y = CONTENT.bottom + 8
const readPdf = (file: string) => readPdfWords(file, FOOT_Y)

// ---------------------------------------------------------------------------------------------
// Reading the PDF

const squeeze = (s: string) => s.replace(/\s+/g, '')

interface Match {
  /** Index of the first and one past the last word. */
  from: number
  to: number
}

/**
 * Finds each expected text in the words, in order: a text may run over several words (a label
 * wrapped in its cell) but must start and end on word boundaries, so '0' matches a cell holding
 * 0 and not the 0 of 2020. Returns the matches and the texts not found.
 */
function findInOrder(words: readonly Word[], expected: readonly string[]) {
  const starts = new Map<number, number>()
  const ends = new Map<number, number>()
  let joined = ''
  words.forEach((w, i) => {
    starts.set(joined.length, i)
    joined += squeeze(w.text)
    ends.set(joined.length, i + 1)
  })
  let cursor = 0
  const matches: (Match | undefined)[] = []
  const missing: string[] = []
  for (const text of expected) {
    const want = squeeze(text)
    let at = joined.indexOf(want, cursor)
    while (at >= 0 && !(starts.has(at) && ends.has(at + want.length))) at = joined.indexOf(want, at + 1)
    if (at < 0) {
      missing.push(`${text}  (after: …${joined.slice(Math.max(0, cursor - 30), cursor)})`)
      matches.push(undefined)
      continue
    }
    matches.push({ from: starts.get(at)!, to: ends.get(at + want.length)! })
    cursor = at + want.length
  }
  return { matches, missing }
}

// ---------------------------------------------------------------------------------------------
// What the printed report must say, from the definition and the report's values

interface Item {
  text: string
  /** Value cells: table.row.column. */
  cell?: string
  /** Row labels and value cells: table.row, to check that no row is split over two pages. */
  row?: string
  table?: string
}

/** How a value must print: blank empty, an amount with its unit when the header does not name it. */
function printed(edition: EditionDef, cell: string, value: number | undefined): string {
  if (value === undefined) return ''
  const [t, , c] = cell.split('.')
  const column = tablesOf(edition)
    .find((x) => x.key === t)!
    .blocks.flatMap((b) => b.columns)
    .find((x) => x.key === c)!
  const text = String(value)
  return column.kind === 'amount' && column.unit && !column.label.includes(column.unit) ? `${text}${column.unit}` : text
}

/** Title, headings, paragraphs, block headings, row labels and values, in reading order. */
function expectedItems(
  edition: EditionDef,
  title: string,
  texts: Record<string, string>,
  values: Record<string, number>,
): Item[] {
  const items: Item[] = [{ text: title }]
  for (const part of edition.parts) {
    if (part.kind === 'text') {
      items.push({ text: part.text.heading })
      for (const p of (texts[part.text.key] ?? '').split('\n')) if (p.trim()) items.push({ text: p })
      continue
    }
    const table = part.table
    items.push({ text: table.heading })
    if (table.note) items.push({ text: table.note })
    for (const block of table.blocks) {
      if (block.heading) items.push({ text: block.heading })
      if (table.blocks.length > 1) {
        if (block.rowHeader) items.push({ text: block.rowHeader })
        for (const c of block.columns) items.push({ text: c.label })
      }
      let lastPath: readonly string[] = []
      for (const row of block.rows) {
        const path = row.path ?? []
        path.forEach((g, k) => {
          if (lastPath[k] !== g || path.slice(0, k).some((x, j) => lastPath[j] !== x)) items.push({ text: g })
        })
        lastPath = path
        const rowId = `${table.key}.${row.key}`
        if (row.label) items.push({ text: row.label, row: rowId, table: table.key })
        for (const c of block.columns) {
          const cell = `${rowId}.${c.key}`
          const text = printed(edition, cell, values[cell])
          if (text !== '') items.push({ text, cell, row: rowId, table: table.key })
        }
      }
    }
  }
  return items
}

/** Every group and column label of a table's header, with how often it appears. */
function headerLabels(table: TableDef): Map<string, number> {
  const counts = new Map<string, number>()
  const add = (s: string) => counts.set(s, (counts.get(s) ?? 0) + 1)
  for (const block of table.blocks) {
    const seen = new Set<string>()
    for (const c of block.columns) {
      const chain = [
        ...(table.columnsCaption && c.groups?.[0] !== table.columnsCaption ? [table.columnsCaption] : []),
        ...(c.groups ?? []),
      ]
      chain.forEach((g, k) => {
        const id = chain.slice(0, k + 1).join('›')
        if (!seen.has(id)) add(g)
        seen.add(id)
      })
      add(c.label)
    }
  }
  return counts
}

const occurrences = (hay: string, needle: string) => hay.split(needle).length - 1

// ---------------------------------------------------------------------------------------------
// The checks every printed report gets

interface Printed {
  pdf: Pdf
  file: string
  matches: (Match | undefined)[]
  items: Item[]
}

async function printToPdf(page: Page, id: string, name: string): Promise<string> {
  await page.goto(`/#/report/${id}/print`)
  await expect(page.locator('.print-view[data-rendered="true"]')).toBeVisible()
  expect(await chineseRenders(page)).toBe(true)
  // No table is wider than the paper's text area.
  const overflow = await page.evaluate(() =>
    [...document.querySelectorAll('.print-doc table')].map(
      (t) => t.scrollWidth - (t.parentElement as HTMLElement).clientWidth,
    ),
  )
  for (const o of overflow) expect(o).toBeLessThanOrEqual(0)
  mkdirSync(OUT, { recursive: true })
  const file = `${OUT}/${name}.pdf`
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true }))
  execFileSync('pdftoppm', ['-r', '96', '-gray', '-png', file, `${OUT}/${name}`])
  return file
}

function checkPrinted(file: string, edition: EditionDef, items: Item[]): Printed {
  const pdf = readPdf(file)
  // A4 portrait on every page.
  for (const p of pdf.pages) {
    expect(p.width).toBeCloseTo(PAGE.width, 0)
    expect(p.height).toBeCloseTo(PAGE.height, 0)
  }
  // The page number at the foot of each page.
  expect(pdf.foot.map((f) => f.map((w) => w.text).join(''))).toEqual(pdf.pages.map((_, i) => `—${i + 1}—`))
  // Nothing outside the text area: no table cut at the right edge.
  for (const w of pdf.body) {
    expect
      .soft(w.xMax, `“${w.text}” on page ${w.page} runs into the right margin`)
      .toBeLessThanOrEqual(CONTENT.right + 1)
    expect
      .soft(w.xMin, `“${w.text}” on page ${w.page} runs into the left margin`)
      .toBeGreaterThanOrEqual(CONTENT.left - 1)
    expect.soft(cy(w), `“${w.text}” on page ${w.page} runs into the top margin`).toBeGreaterThanOrEqual(CONTENT.top)
  }
  // Every heading, paragraph, row label and value, in order.
  const { matches, missing } = findInOrder(
    pdf.body,
    items.map((i) => i.text),
  )
  expect(missing, 'printed text missing or out of order').toEqual([])

  // No row split across pages: a row's label and values are on one page.
  const pagesOfRow = new Map<string, Set<number>>()
  items.forEach((item, i) => {
    const m = matches[i]
    if (!item.row || !m) return
    const set = pagesOfRow.get(item.row) ?? new Set()
    for (let w = m.from; w < m.to; w++) set.add(pdf.body[w]!.page)
    pagesOfRow.set(item.row, set)
  })
  for (const [row, pages] of pagesOfRow) expect(pages.size, `row ${row} is split over pages ${[...pages]}`).toBe(1)

  // A table's header rows (one block: 三, 四) are printed before its first row, and again at the
  // top of every page the table runs on to. (二's blocks carry their own, in the sequence above.)
  for (const table of tablesOf(edition).filter((t) => t.blocks.length === 1)) {
    const labels = headerLabels(table)
    const idx = items.map((it, i) => (it.table === table.key ? i : -1)).filter((i) => i >= 0)
    const headingAt = items.findIndex((it) => it.text === table.heading)
    const first = matches[idx[0]!]!
    const last = matches[idx.at(-1)!]!
    const heading = matches[headingAt]!
    const header = pdf.body
      .slice(heading.to, first.from)
      .map((w) => squeeze(w.text))
      .join('')
    for (const [label, n] of labels)
      expect(occurrences(header, squeeze(label)), `${table.key} header: ${label}`).toBeGreaterThanOrEqual(n)
    const firstPage = pdf.body[first.from]!.page
    const lastPage = pdf.body[last.to - 1]!.page
    for (let p = firstPage + 1; p <= lastPage; p++) {
      const start = pdf.body.findIndex((w) => w.page === p)
      const firstRowOnPage = idx.map((i) => matches[i]!).find((m) => pdf.body[m.from]!.page === p)!
      const top = pdf.body
        .slice(start, firstRowOnPage.from)
        .map((w) => squeeze(w.text))
        .join('')
      if (table.note)
        expect(top.startsWith(squeeze(table.note)), `${table.key} on page ${p} starts with its header`).toBe(true)
      for (const [label, n] of labels)
        expect(
          occurrences(top, squeeze(label)),
          `${table.key} header repeated on page ${p}: ${label}`,
        ).toBeGreaterThanOrEqual(n)
    }
  }
  return { pdf, file, matches, items }
}

/** Page range a table's rows are printed on. */
function tablePages(p: Printed, table: string): [number, number] {
  const ms = p.items
    .map((it, i) => (it.table === table ? p.matches[i]! : undefined))
    .filter((m): m is Match => Boolean(m))
  return [p.pdf.body[ms[0]!.from]!.page, p.pdf.body[ms.at(-1)!.to - 1]!.page]
}

async function idOf(page: Page, agency: string): Promise<string> {
  return page.evaluate(
    (name) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('nianbao')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const all = open.result.transaction('reports').objectStore('reports').getAll()
          all.onsuccess = () => {
            open.result.close()
            resolve((all.result as { id: string; agency: string }[]).find((r) => r.agency === name)!.id)
          }
        }
      }),
    agency,
  )
}

async function putReport(page: Page, report: object) {
  await page.evaluate(
    (row) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('nianbao')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction('reports', 'readwrite')
          tx.objectStore('reports').put(row)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    report,
  )
}

async function sampleId(page: Page) {
  await page.goto('/')
  await expect(
    page.getByTestId('report-list').getByText(`${SAMPLE_AGENCY}2020年政府信息公开工作年度报告`),
  ).toBeVisible()
  return idOf(page, SAMPLE_AGENCY)
}

// ---------------------------------------------------------------------------------------------

test('the sample report prints as the official document: every heading, label and value, in order, on A4', async ({
  page,
}) => {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
    edition: string
    agency: string
    year: number
    values: Record<string, number>
    texts: Record<string, string>
  }
  const edition = getEdition(fixture.edition)
  const file = await printToPdf(page, await sampleId(page), 'sample')
  const items = expectedItems(
    edition,
    `${fixture.agency}${fixture.year}年政府信息公开工作年度报告`,
    fixture.texts,
    fixture.values,
  )
  // The published report's own figures (totals included) print, e.g. 66.36万元 and －2 as -2.
  expect(items.map((i) => i.text)).toContain('66.36万元')
  expect(items.map((i) => i.text)).toContain('-2')
  const p = checkPrinted(file, edition, items)

  // A sensible length: the sample's texts and tables fill 5 to 10 pages of an official document.
  expect(p.pdf.pages.length).toBeGreaterThanOrEqual(5)
  expect(p.pdf.pages.length).toBeLessThanOrEqual(10)
  // Table 三 is too long for one page here: it crosses a page, and its header rows repeat (checked above).
  const [from, to] = tablePages(p, 'requests')
  expect(to).toBeGreaterThan(from)

  // The pages as pictures, kept in docs/ when asked (PRINT_DOCS=1).
  if (process.env.PRINT_DOCS) {
    execFileSync('sh', ['-c', 'rm -f docs/print-sample-*.png'])
    execFileSync('pdftoppm', ['-r', '80', '-gray', '-png', file, 'docs/print-sample'])
  }
})

test('a 2021 report with a distinct number in every cell prints each number in its own cell', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByTestId('report-list')).toBeVisible()
  const edition = getEdition('2021')

  // Every input cell a different number; totals computed here by hand, independently of the app.
  const values: Record<string, number> = {}
  const base: Record<string, number> = { active: 11, requests: 100, appeals: 500 }
  for (const table of tablesOf(edition)) {
    let n = base[table.key]!
    for (const block of table.blocks)
      for (const row of block.rows)
        for (const c of block.columns)
          if (!row.sumOf && !c.sumOf) values[`${table.key}.${row.key}.${c.key}`] = c.kind === 'amount' ? 12.3456 : n++
  }
  const all = { ...values }
  const requests = tablesOf(edition).find((t) => t.key === 'requests')!.blocks[0]!
  const applicants = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']
  const outcomes = requests.rows.find((r) => r.key === 'handled_total')!.sumOf!
  for (const r of requests.rows)
    if (r.key !== 'handled_total')
      all[`requests.${r.key}.total`] = applicants.reduce((s, c) => s + values[`requests.${r.key}.${c}`]!, 0)
  for (const c of [...applicants, 'total'])
    all[`requests.handled_total.${c}`] = outcomes.reduce((s, r) => s + all[`requests.${r}.${c}`]!, 0)
  for (const g of ['review', 'direct', 'after_review'])
    all[`appeals.cases.${g}_total`] = ['upheld', 'corrected', 'other', 'pending'].reduce(
      (s, k) => s + values[`appeals.cases.${g}_${k}`]!,
      0,
    )
  const shown = Object.keys(all).map((k) => printed(edition, k, all[k]))
  expect(new Set(shown).size, 'the test numbers are all different').toBe(shown.length)
  expect(shown).not.toContain('2021')

  const texts = {
    overview:
      '本机关认真贯彻政府信息公开条例，全年工作情况总体平稳。\n这是总体情况的第二段，用于检查段落的首行缩进与分段。',
    problems: '存在的主要问题是队伍业务能力仍需加强。\n改进措施是加强培训。',
    other: '本机关本年度未收取信息处理费。',
  }
  const now = Date.now()
  const agency = '某某市测试局'
  // A compiled (汇总) report prints through the same view.
  await putReport(page, {
    id: 'print-2021-distinct',
    agency,
    year: 2021,
    edition: '2021',
    values,
    texts,
    createdAt: now,
    updatedAt: now,
    compiledFrom: ['a', 'b'],
  })
  const file = await printToPdf(page, 'print-2021-distinct', 'distinct-2021')
  const items = expectedItems(edition, `${agency}2021年政府信息公开工作年度报告`, texts, all)
  expect(items.filter((i) => i.cell)).toHaveLength(Object.keys(all).length)
  const p = checkPrinted(file, edition, items)

  // Geometry: in each block the numbers of a row sit on one line of one page, those of a column
  // one above the other, rows top to bottom and columns left to right in definition order.
  const wordOf = new Map<string, Word>()
  items.forEach((it, i) => {
    if (!it.cell) return
    const m = p.matches[i]!
    expect(m.to - m.from, `${it.cell} is one word`).toBe(1)
    wordOf.set(it.cell, p.pdf.body[m.from]!)
  })
  for (const table of tablesOf(edition)) {
    for (const block of table.blocks) {
      let previous: Word | undefined
      for (const row of block.rows) {
        const ws = block.columns.map((c) => wordOf.get(`${table.key}.${row.key}.${c.key}`)!)
        for (let i = 1; i < ws.length; i++) {
          expect(ws[i]!.page, `${table.key}.${row.key}: one page`).toBe(ws[0]!.page)
          expect(Math.abs(cy(ws[i]!) - cy(ws[0]!)), `${table.key}.${row.key}: one line`).toBeLessThan(1.5)
          expect(cx(ws[i]!), `${table.key}.${row.key}: columns left to right`).toBeGreaterThan(cx(ws[i - 1]!))
        }
        if (previous) {
          const below = ws[0]!.page > previous.page || (ws[0]!.page === previous.page && cy(ws[0]!) > cy(previous) + 5)
          expect(below, `${table.key}.${row.key} is below the row before`).toBe(true)
        }
        previous = ws[0]
      }
      block.columns.forEach((c) => {
        const xs = block.rows.map((r) => cx(wordOf.get(`${table.key}.${r.key}.${c.key}`)!))
        expect(Math.max(...xs) - Math.min(...xs), `${table.key} ${c.label}: one column`).toBeLessThan(1.5)
      })
    }
  }

  // These numbers break the 勾稽关系 of 三: printing says so first (no blank cells to mention).
  await page.getByTestId('print-button').click()
  await expect(page.getByTestId('print-warning')).toContainText(/\d+ 处错误/)
  await expect(page.getByTestId('print-warning')).not.toContainText('空白单元格')
})

test('print from the editor: a report with blanks warns first; 仍然打印 opens the print dialog, 返回修改 goes back', async ({
  page,
}) => {
  await page.addInitScript(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => void (window as unknown as { printed: number }).printed++
  })
  const printed = () => page.evaluate(() => (window as unknown as { printed: number }).printed)
  await page.goto('/')
  await page.locator('input[name=agency]').fill('某某区打印测试局')
  await page.locator('input[name=year]').fill('2022')
  await page.getByRole('button', { name: '新建报告' }).click()
  await expect(page).toHaveURL(/#\/report\/[^/]+$/)
  const editorUrl = page.url()

  // The toolbar button opens the print view, which warns before printing: 166 cells blank.
  await page.getByTestId('open-print').click()
  await expect(page).toHaveURL(/\/print$/)
  const warning = page.getByTestId('print-warning')
  await expect(warning).toBeVisible()
  await expect(warning).toContainText('166 个空白单元格')
  expect(await printed()).toBe(0)
  await page.getByTestId('print-back').click()
  await expect(page).toHaveURL(editorUrl)

  // Ctrl+P in the editor does the same; 仍然打印 prints.
  await expect(page.getByTestId('open-print')).toBeVisible()
  await page.keyboard.press('Control+P')
  await expect(page).toHaveURL(/\/print$/)
  await expect(page.getByTestId('print-warning')).toBeVisible()
  await page.getByTestId('print-anyway').click()
  await expect(page.getByTestId('print-warning')).toBeHidden()
  await expect.poll(printed).toBe(1)

  // The blank report prints its tables with empty cells; on paper there is no app chrome.
  await expect(page.locator('[data-cell="requests.new.natural"]')).toHaveText('')
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByTestId('print-bar')).toBeHidden()
  await expect(page.locator('.topbar')).toBeHidden()
  await expect(page.getByTestId('print-doc')).toBeVisible()
  // Nothing shows on paper but the document (and the boxes that hold it).
  const chrome = await page.evaluate(() => {
    const doc = document.querySelector('.print-doc')!
    return [...document.body.querySelectorAll('*')]
      .filter((e) => e.getClientRects().length > 0 && !doc.contains(e) && !e.contains(doc))
      .map((e) => e.outerHTML.slice(0, 80))
  })
  expect(chrome).toEqual([])
})

test('a finished report prints at once; Ctrl+P in the print view goes through the same check', async ({ page }) => {
  await page.addInitScript(() => {
    ;(window as unknown as { printed: number }).printed = 0
    window.print = () => void (window as unknown as { printed: number }).printed++
  })
  const printed = () => page.evaluate(() => (window as unknown as { printed: number }).printed)
  const id = await sampleId(page)
  await page.goto(`/#/report/${id}/print`)
  await expect(page.locator('.print-view[data-rendered="true"]')).toBeVisible()
  await expect(page).toHaveTitle('济宁市城市管理局2020年政府信息公开工作年度报告')
  await page.getByTestId('print-button').click()
  await expect.poll(printed).toBe(1)
  await page.keyboard.press('Control+P')
  await expect.poll(printed).toBe(2)
  await expect(page.getByTestId('print-warning')).toHaveCount(0)
  await page.getByTestId('print-edit').click()
  await expect(page).toHaveURL(new RegExp(`#/report/${id}$`))
})

test('a report that does not exist says so', async ({ page }) => {
  await page.goto('/#/report/no-such-report/print')
  await expect(page.getByRole('alert')).toContainText('找不到这份报告')
})
