import { describe, expect, it } from 'vitest'
import { sampleReport } from '@/testing/fixtures'
import {
  chooseParts,
  compileValues,
  contributions,
  createCompiledReport,
  currentCompiledValues,
  partReview,
  partStates,
  relinkParts,
  sameValues,
  staleCompiled,
} from './compile'
import { getEdition, inputCellsOf } from './edition'
import { type Report, createReport } from './report'
import { resolveValues } from './totals'

const e2019 = getEdition('2019')
const e2021 = getEdition('2021')

function dept(agency: string, values: Report['values'] = {}, year = 2022, edition = '2021'): Report {
  return { ...createReport(agency, year, edition), values }
}

describe('chooseParts', () => {
  it('takes the year and edition most parts share and refuses the others with the reason', () => {
    const a = dept('甲局')
    const b = dept('乙局')
    const old = dept('丙局', {}, 2022, '2019')
    const other = dept('丁局', {}, 2021)
    const s = chooseParts([a, old, b, other])!
    expect(s.year).toBe(2022)
    expect(s.edition.key).toBe('2021')
    expect(s.parts).toEqual([a, b])
    expect(s.refused.map((r) => r.report)).toEqual([old, other])
    expect(s.refused[0]!.reason).toBe(
      '「丙局」使用2019年版格式，本次汇总使用2021年版格式：两种格式的表格不同，不能相加',
    )
    expect(s.refused[1]!.reason).toBe('「丁局」是2021年度的报告，本次汇总的是2022年度')
  })

  it('breaks a tie of editions with the edition the year defaults to', () => {
    const s = chooseParts([dept('甲', {}, 2022, '2019'), dept('乙', {}, 2022, '2021')])!
    expect(s.edition.key).toBe('2021')
    expect(s.refused[0]!.reason).toContain('「甲」使用2019年版格式')
  })

  it('honours a chosen edition', () => {
    const s = chooseParts([dept('甲', {}, 2022, '2019'), dept('乙', {}, 2022, '2021')], { edition: '2019' })!
    expect(s.parts.map((p) => p.agency)).toEqual(['甲'])
  })

  it('counts an agency once and a part of a chosen compiled report not again', () => {
    const a = dept('甲局')
    const a2 = dept(' 甲局 ')
    const b = dept('乙局')
    const compiled = { ...dept('某市'), compiledFrom: [b.id] }
    const s = chooseParts([a, a2, b, compiled])!
    expect(s.parts).toEqual([a, compiled])
    expect(s.refused.map((r) => r.reason)).toEqual([
      '「甲局」2022年度的报告选了两份，同一机关只能计入一次',
      '「乙局」已计入所选的汇总报告「某市」，不能重复计入',
    ])
  })

  it('returns undefined for nothing chosen', () => {
    expect(chooseParts([])).toBeUndefined()
  })
})

describe('compileValues', () => {
  it('sums every cell; blank stays blank only where every part is blank', () => {
    const parts: Pick<Report, 'values'>[] = [
      { values: { 'requests.new.natural': 1, 'active.fees.amount': 0.1 } },
      { values: { 'requests.new.natural': 2, 'active.fees.amount': 0.2, 'requests.open.natural': 0 } },
      { values: {} },
    ]
    const v = compileValues(e2021, parts)
    expect(v).toEqual({ 'requests.new.natural': 3, 'active.fees.amount': 0.3, 'requests.open.natural': 0 })
    expect('requests.new.commercial' in v).toBe(false)
  })

  it('sums negative changes and keeps totals out (they are recomputed)', () => {
    const v = compileValues(e2019, [
      { values: { 'active.penalty.change': -2 } },
      { values: { 'active.penalty.change': 5 } },
    ])
    expect(v).toEqual({ 'active.penalty.change': 3 })
  })

  it('gives totals that are the sums of the parts’ totals', () => {
    const sample = sampleReport()
    const parts = [sample, sample, sample]
    const resolved = resolveValues(e2019, compileValues(e2019, parts))
    const one = resolveValues(e2019, sample.values)
    for (const [key, value] of one) expect(resolved.get(key)).toBeCloseTo(value * 3, 6)
  })
})

describe('createCompiledReport', () => {
  it('is a report of the compiling body, labelled with its parts', () => {
    const a = dept('甲局', { 'requests.new.natural': 1 })
    const b = dept('乙局', { 'requests.new.natural': 4 })
    const r = createCompiledReport('某市人民政府', chooseParts([a, b])!)
    expect(r).toMatchObject({
      agency: '某市人民政府',
      year: 2022,
      edition: '2021',
      compiledFrom: [a.id, b.id],
      values: { 'requests.new.natural': 5 },
    })
    expect(r.texts).toEqual({ overview: '', problems: '', other: '' })
  })
})

describe('staying current', () => {
  const a = dept('甲局', { 'requests.new.natural': 1 })
  const b = dept('乙局', { 'requests.new.natural': 4 })
  const compiled = createCompiledReport('某市', chooseParts([a, b])!)

  it('finds nothing to do while the sums hold', () => {
    expect(staleCompiled([a, b, compiled])).toEqual([])
  })

  it('recomputes when a part changes', () => {
    const changed = { ...b, values: { 'requests.new.natural': 10 } }
    expect(staleCompiled([a, changed, compiled])).toEqual([
      { report: compiled, values: { 'requests.new.natural': 11 } },
    ])
  })

  it('leaves out a part in the bin, deleted, or moved to another year or edition, with the reason', () => {
    const binned = { ...b, deletedAt: 1 }
    expect(staleCompiled([a, binned, compiled])[0]!.values).toEqual({ 'requests.new.natural': 1 })
    const byId = new Map([[a.id, { ...a, year: 2021 }]])
    const states = partStates(compiled, byId)
    expect(states.map((s) => (s.included ? 'in' : s.reason))).toEqual([
      '「甲局」的报告年度已改为2021年，未计入',
      '这份报告已被永久删除，未计入',
    ])
    expect(currentCompiledValues(compiled, byId)).toEqual({})
    const edition = partStates(compiled, new Map([[a.id, { ...a, edition: '2019' }]]))[0]!
    expect(edition.included ? '' : edition.reason).toBe(
      '「甲局」的报告已改用2019年版格式，与汇总报告的格式不同，未计入',
    )
  })

  it('leaves a compiled report in the bin alone', () => {
    expect(staleCompiled([a, { ...b, values: {} }, { ...compiled, deletedAt: 5 }])).toEqual([])
  })

  it('relinks a replaced part', () => {
    const other = dept('丙局')
    const out = relinkParts([a, compiled, other], new Map([[b.id, 'new-id']]))
    expect(out).toEqual([{ ...compiled, compiledFrom: [a.id, 'new-id'] }])
  })

  it('compares values key by key', () => {
    expect(sameValues({ x: 1 }, { x: 1 })).toBe(true)
    expect(sameValues({ x: 1 }, { x: 2 })).toBe(false)
    expect(sameValues({ x: 1 }, { x: 1, y: 0 })).toBe(false)
  })
})

describe('what each department contributed', () => {
  it('gives every part’s value of a cell, totals included, blank as undefined', () => {
    const a = dept('甲局', { 'requests.new.natural': 1, 'requests.new.legal': 2 })
    const b = dept('乙局')
    const c = contributions(e2021, 'requests.new.total', [a, b])
    expect(c.map((x) => [x.report.agency, x.value])).toEqual([
      ['甲局', 3],
      ['乙局', undefined],
    ])
  })
})

describe('partReview', () => {
  it('lists each part’s errors and warnings by department, with the cross-year checks', () => {
    const full = Object.fromEntries(inputCellsOf(e2021).map((c) => [c.key, 0]))
    const good = dept('甲局', full)
    const bad = dept('乙局', { ...full, 'requests.new.natural': -1 })
    const lastYear = dept('甲局', { ...full, 'requests.carried_out.natural': 3 }, 2021)
    const found = [good, bad].map((p) => partReview(p, [good, bad, lastYear]))
    expect(found.map((f) => f.report.agency)).toEqual(['甲局', '乙局'])
    expect(found[0]!.errors).toEqual([])
    expect(new Set(found[0]!.warnings.map((w) => w.rule))).toEqual(new Set(['carry.requests']))
    expect(found[1]!.errors.map((e) => e.rule)).toContain('values.domain')
    expect(found[1]!.errors.some((e) => e.message.includes('件数不能为负数'))).toBe(true)
  })
})
