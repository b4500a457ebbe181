// The figures behind every chart: what a report's charts show (this year against last year) and
// what a compilation's charts show (department by department). Derived from the edition's
// definition (labels, which rows are outcomes, which columns are results), never from a cell list.
// Charting libraries only draw what these functions return.
import { cellKey, findCell, getEdition, tableOf } from './edition'
import type { BlockDef, ColumnDef, EditionDef, EditionKey, RowDef } from './format'
import type { Values } from './report'
import { type Resolved, resolveValues, roundAmount } from './totals'

/** One series of bars: a value per category (null: blank, not 0). */
interface Series {
  name: string
  values: (number | null)[]
  /** When `values` are shares (%): the counts they are shares of, per category. */
  counts?: (number | null)[]
}

/** This year's value against last year's, in words: 增 5（+4.2%）. */
export interface Change {
  delta: number
  /** Percent of last year's value, 1 decimal; absent when last year's was 0. */
  percent?: number
  text: string
  /** The two parts of `text`: 增 5 · +4.2% (or 上年为0; absent for 持平). */
  amount: string
  ratio?: string
}

export interface ChartSpec {
  /** Stable name of the chart, e.g. `requests`, `outcomes`, `active-0`. */
  id: string
  title: string
  /** 件, or % for shares. */
  unit: string
  categories: string[]
  /** This year first, then last year when there is one. */
  series: Series[]
  /** The series are years of one report, this year first. */
  yearOnYear?: boolean
  /** Per category: this year against last year (report charts with last year's report). */
  changes?: (Change | undefined)[]
  /** Shares stacked to 100% (a department's outcome mix). */
  stacked?: boolean
  /** Per category: the id of the report its bar leads to. */
  links?: (string | undefined)[]
  /** Said under the title, e.g. why last year's figures are missing. */
  note?: string
}

/** A report's figures for one year. */
export interface YearFigures {
  year: number
  edition: EditionKey
  values: Values
}

/** A big number of 一图读懂. */
interface KeyFigure {
  label: string
  value: number | null
  unit: string
  change?: Change
}

export interface ReportCharts {
  year: number
  /** Last year's report year when its figures are compared. */
  lastYear?: number
  keyFigures: KeyFigure[]
  charts: ChartSpec[]
}

const COUNT_UNIT = '件'

/** An official label without its numbering or its parenthesised remark: （二）部分公开（区分…） → 部分公开. */
export function shortLabel(label: string): string {
  return label
    .replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])/, '')
    .replace(/（[^（）]*）$/, '')
    .trim()
}

/** 增 5（+4.2%） · 减 3（−10.0%） · 持平 · 增 5（上年为0）; undefined when either side is blank. */
export function yearChange(current: number | null, previous: number | null): Change | undefined {
  if (current === null || previous === null) return undefined
  const delta = roundAmount(current - previous)
  if (delta === 0)
    return previous ? { delta, percent: 0, text: '持平', amount: '持平' } : { delta, text: '持平', amount: '持平' }
  const amount = `${delta > 0 ? '增' : '减'} ${Math.abs(delta)}`
  if (!previous) return { delta, text: `${amount}（上年为0）`, amount, ratio: '上年为0' }
  const percent = Math.round((delta / previous) * 1000) / 10
  const ratio = `${delta > 0 ? '+' : '−'}${Math.abs(percent).toFixed(1)}%`
  return { delta, percent, text: `${amount}（${ratio}）`, amount, ratio }
}

/** The sum of the cells that are filled; null when all are blank. */
function sumOf(resolved: Resolved, keys: readonly string[]): number | null {
  let sum = 0
  let any = false
  for (const k of keys) {
    const v = resolved.get(k)
    if (v !== undefined) {
      sum += v
      any = true
    }
  }
  return any ? roundAmount(sum) : null
}

/** Share in percent, 1 decimal; null without a whole. */
function share(part: number | null, whole: number | null): number | null {
  if (!whole || part === null) return null
  return Math.round((part / whole) * 1000) / 10
}

// ---- What the definition says about 三 and 四 -------------------------------------------------

interface RequestsShape {
  table: string
  /** 总计 of 申请人情况. */
  totalColumn: ColumnDef
  /** The rows outside 三、本年度办理结果 and that section's own 总计, in official order. */
  balanceRows: { row: RowDef; label: string }[]
  /** 予以公开 … 其他处理: each outcome and the rows it sums. */
  outcomes: { label: string; rows: string[] }[]
}

const shapes = new WeakMap<EditionDef, { requests: RequestsShape; appeals: AppealsShape }>()

function requestsShape(edition: EditionDef): RequestsShape {
  const table = tableOf(edition, 'requests')
  const block = table?.blocks[0]
  const totalColumn = block?.columns.find((c) => c.sumOf)
  const handled = block?.rows.find((r) => r.sumOf)
  if (!table || !block || !totalColumn || !handled) throw new Error(`${edition.name}没有三、收到和处理申请情况表`)
  const balanceRows = block.rows
    .filter((r) => !r.path || r === handled)
    .map((row) => ({
      row,
      label: row.path ? `${shortLabel(row.path[0]!)}${shortLabel(row.label)}` : shortLabel(row.label),
    }))
  const outcomes: RequestsShape['outcomes'] = []
  for (const key of handled.sumOf ?? []) {
    const row = block.rows.find((r) => r.key === key)
    if (!row) continue
    const label = shortLabel(row.path && row.path.length > 1 ? row.path[1]! : row.label)
    const group = outcomes.find((o) => o.label === label)
    if (group) group.rows.push(key)
    else outcomes.push({ label, rows: [key] })
  }
  return { table: table.key, totalColumn, balanceRows, outcomes }
}

interface AppealsShape {
  /** 行政复议, 行政诉讼: the outermost column group, each result and the columns it sums. */
  groups: { label: string; results: { label: string; columns: string[] }[]; totals: string[] }[]
  row: string
}

function appealsShape(edition: EditionDef): AppealsShape {
  const block = tableOf(edition, 'appeals')?.blocks[0]
  const row = block?.rows[0]
  if (!block || !row) throw new Error(`${edition.name}没有四、行政复议、行政诉讼情况表`)
  const groups: AppealsShape['groups'] = []
  for (const column of block.columns) {
    const label = column.groups?.[0] ?? column.label
    let group = groups.find((g) => g.label === label)
    if (!group) groups.push((group = { label, results: [], totals: [] }))
    const key = cellKey('appeals', row.key, column.key)
    if (column.sumOf) {
      group.totals.push(key)
      continue
    }
    const result = group.results.find((r) => r.label === column.label)
    if (result) result.columns.push(key)
    else group.results.push({ label: column.label, columns: [key] })
  }
  return { groups, row: row.key }
}

function shapeOf(edition: EditionDef) {
  let shape = shapes.get(edition)
  if (!shape) shapes.set(edition, (shape = { requests: requestsShape(edition), appeals: appealsShape(edition) }))
  return shape
}

const requestsCell = (shape: RequestsShape, row: string) => cellKey(shape.table, row, shape.totalColumn.key)

/** Each outcome's count (总计 column), by label. */
function outcomeCounts(edition: EditionDef, resolved: Resolved): Map<string, number | null> {
  const shape = shapeOf(edition).requests
  return new Map(
    shape.outcomes.map((o) => [
      o.label,
      sumOf(
        resolved,
        o.rows.map((r) => requestsCell(shape, r)),
      ),
    ]),
  )
}

/** Each appeal group's results and total, by label. */
function appealCounts(edition: EditionDef, resolved: Resolved) {
  return new Map(
    shapeOf(edition).appeals.groups.map((g) => [
      g.label,
      {
        results: new Map(g.results.map((r) => [r.label, sumOf(resolved, r.columns)])),
        total: sumOf(resolved, g.totals),
      },
    ]),
  )
}

// ---- One report against last year -------------------------------------------------------------

interface Side {
  edition: EditionDef
  resolved: Resolved
}

/** A chart of this year's values (and last year's, when given) over categories. */
function yearChart(
  id: string,
  title: string,
  categories: string[],
  current: (number | null)[],
  previous: (number | null)[] | undefined,
  years: { year: number; lastYear?: number },
  note?: string,
): ChartSpec {
  const series: Series[] = [{ name: `${years.year}年`, values: current }]
  const spec: ChartSpec = { id, title, unit: COUNT_UNIT, categories, series, yearOnYear: true }
  if (previous && years.lastYear !== undefined) {
    series.push({ name: `${years.lastYear}年`, values: previous })
    spec.changes = current.map((v, i) => yearChange(v, previous[i] ?? null))
  }
  if (note) spec.note = note
  return spec
}

interface ActiveCell {
  row: RowDef
  column: ColumnDef
  key: string
}
interface ActiveGroup {
  blocks: BlockDef[]
  cells: ActiveCell[]
  /** The one column every cell is of, when they share it (its label then goes in the title). */
  column?: ColumnDef
}

/**
 * The charts of 二: consecutive blocks with the same count columns make one chart, and so do
 * consecutive blocks of one count cell each (a chart of one bar says little).
 */
function activeGroups(edition: EditionDef): ActiveGroup[] {
  const groups: (ActiveGroup & { keys: string })[] = []
  for (const block of tableOf(edition, 'active')?.blocks ?? []) {
    const columns = block.columns.filter((c) => c.kind === 'count' && !c.sumOf)
    if (!columns.length) continue
    const cells = block.rows.flatMap((row) =>
      columns.map((column) => ({ row, column, key: cellKey('active', row.key, column.key) })),
    )
    const keys = columns.map((c) => c.key).join()
    const last = groups.at(-1)
    if (last && (last.keys === keys || (last.cells.length === 1 && cells.length === 1))) {
      last.blocks.push(block)
      last.cells.push(...cells)
      if (last.keys !== keys) last.column = undefined
    } else groups.push({ blocks: [block], cells, keys, column: columns.length === 1 ? columns[0] : undefined })
  }
  return groups
}

/** 第二十条第（五）项、第（六）项: the headings of merged blocks without their repeated 条. */
function joinHeadings(headings: string[]): string {
  const prefix = /^.*?条/.exec(headings[0] ?? '')?.[0]
  return headings.map((h, i) => (i && prefix && h.startsWith(prefix) ? h.slice(prefix.length) : h)).join('、')
}

/**
 * The charts of one report: 申请 received and carried over, the outcome mix, 行政复议 and 行政诉讼
 * by result, and 二's counts, each this year against last year when last year's report is given.
 */
export function reportCharts(report: YearFigures, lastYear?: YearFigures): ReportCharts {
  const edition = getEdition(report.edition)
  const cur: Side = { edition, resolved: resolveValues(edition, report.values) }
  const prevEdition = lastYear ? getEdition(lastYear.edition) : undefined
  const prev: Side | undefined =
    lastYear && prevEdition
      ? { edition: prevEdition, resolved: resolveValues(prevEdition, lastYear.values) }
      : undefined
  const years = { year: report.year, lastYear: lastYear?.year }
  const charts: ChartSpec[] = []
  const { requests, appeals } = shapeOf(edition)

  // 三: received, carried in, handled, carried out.
  const balanceKeys = requests.balanceRows.map((r) => requestsCell(requests, r.row.key))
  const value = (side: Side | undefined, key: string) => (side ? (side.resolved.get(key) ?? null) : null)
  charts.push(
    yearChart(
      'requests',
      `${shortLabel(tableOf(edition, 'requests')!.heading)}（${requests.totalColumn.label}）`,
      requests.balanceRows.map((r) => r.label),
      balanceKeys.map((k) => value(cur, k)),
      prev && balanceKeys.map((k) => (findCell(prev.edition, k) ? value(prev, k) : null)),
      years,
    ),
  )

  // 三: the outcome mix, by outcome label (其他处理 has one row in 2019 and three from 2021).
  const outcomes = outcomeCounts(edition, cur.resolved)
  const lastOutcomes = prev && outcomeCounts(prev.edition, prev.resolved)
  const outcomeLabels = [...outcomes.keys()]
  charts.push(
    yearChart(
      'outcomes',
      '申请的办理结果',
      outcomeLabels,
      outcomeLabels.map((l) => outcomes.get(l) ?? null),
      lastOutcomes && outcomeLabels.map((l) => lastOutcomes.get(l) ?? null),
      years,
    ),
  )

  // 四: 行政复议, 行政诉讼 by result.
  const appealNow = appealCounts(edition, cur.resolved)
  const appealLast = prev && appealCounts(prev.edition, prev.resolved)
  for (const [i, group] of appeals.groups.entries()) {
    const labels = group.results.map((r) => r.label)
    const now = appealNow.get(group.label)!
    const last = appealLast?.get(group.label)
    charts.push(
      yearChart(
        `appeals-${i}`,
        `${group.label}${now.total === null ? '' : `（总计 ${now.total} 件）`}`,
        labels,
        labels.map((l) => now.results.get(l) ?? null),
        appealLast && labels.map((l) => last?.results.get(l) ?? null),
        years,
      ),
    )
  }

  // 二: the counts, block by block (cells of an edition last year did not have stay blank).
  for (const [i, group] of activeGroups(edition).entries()) {
    const { cells, column } = group
    const comparable = prev ? cells.filter((c) => findCell(prev.edition, c.key)).length : 0
    const headings = joinHeadings(group.blocks.flatMap((b) => (b.heading ? [b.heading] : [])))
    charts.push(
      yearChart(
        `active-${i}`,
        `${shortLabel(tableOf(edition, 'active')!.heading)}：${headings}${column ? ` ${shortLabel(column.label)}` : ''}`,
        cells.map((c) => (column ? c.row.label : `${c.row.label} ${shortLabel(c.column.label)}`)),
        cells.map((c) => value(cur, c.key)),
        comparable ? cells.map((c) => (findCell(prev!.edition, c.key) ? value(prev, c.key) : null)) : undefined,
        years,
        prev && !comparable ? `${lastYear!.year}年的报告使用${prev.edition.name}，这部分表格不同，不作比较` : undefined,
      ),
    )
  }

  return { year: report.year, lastYear: lastYear?.year, keyFigures: keyFigures(cur, prev), charts }
}

/** 一图读懂's big numbers: 申请 received and handled, 予以公开, 行政复议, 行政诉讼. */
function keyFigures(cur: Side, prev: Side | undefined): KeyFigure[] {
  const { requests, appeals } = shapeOf(cur.edition)
  const figure = (label: string, now: number | null, last: number | null | undefined): KeyFigure => {
    const f: KeyFigure = { label, value: now, unit: COUNT_UNIT }
    const change = prev && last !== undefined ? yearChange(now, last) : undefined
    if (change) f.change = change
    return f
  }
  const figures: KeyFigure[] = []
  for (const r of requests.balanceRows) {
    if (r.row.key === 'carried_in' || r.row.key === 'carried_out') continue
    const key = requestsCell(requests, r.row.key)
    figures.push(figure(r.label, cur.resolved.get(key) ?? null, prev ? (prev.resolved.get(key) ?? null) : undefined))
  }
  const outcomes = outcomeCounts(cur.edition, cur.resolved)
  const lastOutcomes = prev && outcomeCounts(prev.edition, prev.resolved)
  const first = requests.outcomes[0]
  if (first) figures.push(figure(first.label, outcomes.get(first.label) ?? null, lastOutcomes?.get(first.label)))
  const now = appealCounts(cur.edition, cur.resolved)
  const last = prev && appealCounts(prev.edition, prev.resolved)
  for (const g of appeals.groups) figures.push(figure(g.label, now.get(g.label)!.total, last?.get(g.label)?.total))
  return figures
}

// ---- A compilation, department by department --------------------------------------------------

/** What the department charts need of each report. */
export interface Department {
  id: string
  agency: string
  edition: EditionKey
  values: Values
}

export interface DepartmentCharts {
  /** 本年新收 by department, most first. */
  received: ChartSpec
  /** Each department's outcome mix as shares (%), stacked; counts beside. */
  outcomes: ChartSpec
  /** The share of 结果纠正 in 行政复议 and in 行政诉讼, for departments that had any. */
  corrected: ChartSpec
  /** Departments that received and carried in no 申请 at all (or left both blank). */
  noRequests: { id: string; agency: string }[]
  /** How many departments the charts have (before grouping the rest). */
  count: number
}

interface DepartmentFigures {
  dept: Department
  received: number | null
  carriedIn: number | null
  handled: number | null
  outcomes: Map<string, number | null>
  appeals: ReturnType<typeof appealCounts>
}

const byName = (a: Department, b: Department) => a.agency.localeCompare(b.agency, 'zh-CN')

/** The first `top` departments by `rank`, and the others as one category. */
function topAndRest<T extends { dept: Department }>(items: T[], top: number) {
  const shown = items.slice(0, top)
  const rest = items.slice(top)
  return { shown, rest, restLabel: rest.length ? `其余${rest.length}个部门` : undefined }
}

/**
 * The charts of a compilation: requests received by department (the first `top` and the rest
 * together), each department's outcome mix, the 纠正 share of 行政复议 and 行政诉讼, and the
 * departments with no requests. Every department's bar links to its report.
 */
export function departmentCharts(departments: readonly Department[], top = 20): DepartmentCharts {
  const figures: DepartmentFigures[] = departments.map((dept) => {
    const edition = getEdition(dept.edition)
    const resolved = resolveValues(edition, dept.values)
    const shape = shapeOf(edition).requests
    const get = (row: string) => resolved.get(requestsCell(shape, row)) ?? null
    return {
      dept,
      received: get('new'),
      carriedIn: get('carried_in'),
      handled: sumOf(
        resolved,
        shape.outcomes.flatMap((o) => o.rows.map((r) => requestsCell(shape, r))),
      ),
      outcomes: outcomeCounts(edition, resolved),
      appeals: appealCounts(edition, resolved),
    }
  })
  const first = departments[0] ? getEdition(departments[0].edition) : undefined
  const shape = first ? shapeOf(first) : undefined
  const receivedLabel = shape
    ? shortLabel(shape.requests.balanceRows.find((r) => r.row.key === 'new')?.row.label ?? '')
    : ''

  // 本年新收, most first (then by name), the rest summed.
  const ranked = [...figures].sort((a, b) => (b.received ?? 0) - (a.received ?? 0) || byName(a.dept, b.dept))
  const r = topAndRest(ranked, top)
  const received: ChartSpec = {
    id: 'received',
    title: `各部门${receivedLabel}`,
    unit: COUNT_UNIT,
    categories: [...r.shown.map((f) => f.dept.agency), ...(r.restLabel ? [r.restLabel] : [])],
    series: [
      {
        name: receivedLabel,
        values: [
          ...r.shown.map((f) => f.received),
          ...(r.restLabel ? [roundAmount(r.rest.reduce((s, f) => s + (f.received ?? 0), 0))] : []),
        ],
      },
    ],
    links: [...r.shown.map((f) => f.dept.id), ...(r.restLabel ? [undefined] : [])],
  }

  // The outcome mix of those that handled any, in the same order.
  const outcomeLabels = shape?.requests.outcomes.map((o) => o.label) ?? []
  const handling = topAndRest(
    ranked.filter((f) => f.handled),
    top,
  )
  const restOutcome = (label: string) =>
    roundAmount(handling.rest.reduce((s, f) => s + (f.outcomes.get(label) ?? 0), 0))
  const restHandled = roundAmount(handling.rest.reduce((s, f) => s + (f.handled ?? 0), 0))
  const outcomes: ChartSpec = {
    id: 'outcomes',
    title: '各部门申请的办理结果（占办理总数的比例）',
    unit: '%',
    stacked: true,
    categories: [...handling.shown.map((f) => f.dept.agency), ...(handling.restLabel ? [handling.restLabel] : [])],
    series: outcomeLabels.map((label) => {
      const counts = [
        ...handling.shown.map((f) => f.outcomes.get(label) ?? null),
        ...(handling.restLabel ? [restOutcome(label)] : []),
      ]
      const wholes = [...handling.shown.map((f) => f.handled), ...(handling.restLabel ? [restHandled] : [])]
      return { name: label, values: counts.map((c, i) => share(c, wholes[i] ?? null)), counts }
    }),
    links: [...handling.shown.map((f) => f.dept.id), ...(handling.restLabel ? [undefined] : [])],
  }

  // 结果纠正 among all 行政复议 / 行政诉讼 cases, for departments that had any, most cases first.
  const groups = first ? shapeOf(first).appeals.groups : []
  const corrLabel = groups[0]?.results.find((x) => x.label.includes('纠正'))?.label ?? ''
  const casesOf = (f: DepartmentFigures) => groups.reduce((s, g) => s + (f.appeals.get(g.label)?.total ?? 0), 0)
  const withCases = figures
    .filter((f) => casesOf(f) > 0)
    .sort((a, b) => casesOf(b) - casesOf(a) || byName(a.dept, b.dept))
  const c = topAndRest(withCases, top)
  const corrected: ChartSpec = {
    id: 'corrected',
    title: `各部门行政复议、行政诉讼中${corrLabel}的比例`,
    unit: '%',
    categories: [...c.shown.map((f) => f.dept.agency), ...(c.restLabel ? [c.restLabel] : [])],
    series: groups.map((g) => {
      /** 结果纠正 and all cases of this group, summed over `list`. */
      const pair = (list: DepartmentFigures[]): [number, number] => {
        let n = 0
        let total = 0
        for (const f of list) {
          const a = f.appeals.get(g.label)
          n += a?.results.get(corrLabel) ?? 0
          total += a?.total ?? 0
        }
        return [n, total]
      }
      const pairs = [...c.shown.map((f) => pair([f])), ...(c.restLabel ? [pair(c.rest)] : [])]
      return {
        name: `${g.label}${corrLabel}`,
        values: pairs.map(([n, total]) => share(n, total)),
        counts: pairs.map(([n, total]) => (total ? n : null)),
      }
    }),
    links: [...c.shown.map((f) => f.dept.id), ...(c.restLabel ? [undefined] : [])],
  }
  if (!withCases.length) corrected.note = '所有部门都没有行政复议、行政诉讼案件'

  const noRequests = figures
    .filter((f) => !f.received && !f.carriedIn)
    .map((f) => f.dept)
    .sort(byName)
    .map(({ id, agency }) => ({ id, agency }))
  return { received, outcomes, corrected, noRequests, count: departments.length }
}
