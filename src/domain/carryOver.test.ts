import { describe, expect, it } from 'vitest'
import { sampleReport } from '@/testing/fixtures'
import { nextYearReport } from './carryOver'
import { getEdition, inputCellsOf } from './edition'
import { type Report, createReport } from './report'
import { reviewReport } from './review'

const NOW = new Date('2026-06-01T12:00:00Z')

function report(
  year: number,
  edition: string,
  values: Report['values'],
  texts = { overview: '总体', problems: '问题', other: '无' },
): Report {
  return { ...createReport('某市某局', year, edition), values, texts }
}

function ok(result: ReturnType<typeof nextYearReport>) {
  if (!result.ok) throw new Error(result.error)
  return result
}

describe('nextYearReport', () => {
  it('carries 结转下年度继续办理 of the sample (2020, edition 2019) into 上年结转 of 2021, edition 2021', () => {
    const sample = sampleReport()
    const { report: next, carried } = ok(nextYearReport(sample, NOW))
    expect(next).toMatchObject({ agency: '济宁市城市管理局', year: 2021, edition: '2021' })
    expect(next.id).not.toBe(sample.id)
    for (const col of ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']) {
      expect(next.values[`requests.carried_in.${col}`]).toBe(sample.values[`requests.carried_out.${col}`])
    }
    expect(next.values['requests.carried_in.natural']).toBe(1)
    // Nothing else: the editions differ, so 上一年项目数量 has nowhere to go.
    expect(Object.keys(next.values)).toHaveLength(6)
    expect(carried).toEqual([{ rule: 'carry.requests', label: '二、上年结转政府信息公开申请数量', cells: 6 }])
    expect(next.carriedFrom).toBe(
      '由济宁市城市管理局2020年政府信息公开工作年度报告结转：二、上年结转政府信息公开申请数量（6格）。两年格式不同（2019年版格式 → 2021年版格式），只结转两种格式共有的内容。文字部分未结转。',
    )
    expect(next.texts).toEqual({ overview: '', problems: '', other: '' })
  })

  it('passes the cross-year checks against last year as soon as it is created', () => {
    const sample = sampleReport()
    const { report: next } = ok(nextYearReport(sample, NOW))
    expect(reviewReport(next, sample).filter((f) => f.rule.startsWith('carry.'))).toEqual([])
    // …and they run: a changed 上年结转 is caught.
    const changed = { ...next, values: { ...next.values, 'requests.carried_in.natural': 5 } }
    // (自然人 and 总计)
    expect(
      reviewReport(changed, sample)
        .filter((f) => f.rule === 'carry.requests')
        .map((f) => f.cells[0]),
    ).toEqual(['requests.carried_in.natural', 'requests.carried_in.total'])
  })

  it('edition 2019 → 2019: 上一年项目数量 = last year’s 上一年项目数量 + 本年增/减', () => {
    const last = report(2019, '2019', {
      'active.penalty.prev_items': 134,
      'active.penalty.change': -2,
      'active.fees.prev_items': 3,
      'active.licensing.change': 4,
    })
    const { report: next, carried } = ok(nextYearReport(last, NOW))
    expect(next.edition).toBe('2019')
    expect(next.values).toEqual({
      'active.penalty.prev_items': 132,
      'active.fees.prev_items': 3,
      'active.licensing.prev_items': 4,
    })
    expect(carried).toEqual([{ rule: 'carry.items', label: '上一年项目数量', cells: 3 }])
    expect(next.carriedFrom).toBe(
      '由某市某局2019年政府信息公开工作年度报告结转：上一年项目数量（3格）。文字部分未结转。',
    )
    expect(reviewReport(next, last).filter((f) => f.rule.startsWith('carry.'))).toEqual([])
  })

  it('edition 2021 → 2021: 现行有效件数 starts from last year’s', () => {
    const last = report(2023, '2021', {
      'active.rules.in_force': 12,
      'active.rules.issued': 2,
      'active.normative.in_force': 40,
      'requests.carried_out.legal': 2,
    })
    const { report: next } = ok(nextYearReport(last, NOW))
    expect(next.values).toEqual({
      'active.rules.in_force': 12,
      'active.normative.in_force': 40,
      'requests.carried_in.legal': 2,
    })
    expect(next.carriedFrom).toContain('二、上年结转政府信息公开申请数量（1格）、现行有效件数（2格）')
    // Filled in this year, the cross-year check keeps watching.
    const typed = { ...next, values: { ...next.values, 'active.rules.issued': 3 } }
    expect(reviewReport(typed, last).filter((f) => f.rule === 'carry.in_force')).toHaveLength(1)
  })

  it('says so when last year had nothing to carry', () => {
    const { report: next } = ok(nextYearReport(report(2022, '2021', {}), NOW))
    expect(next.values).toEqual({})
    expect(next.carriedFrom).toBe(
      '由某市某局2022年政府信息公开工作年度报告结转：上年报告中没有可结转的数字。文字部分未结转。',
    )
  })

  it('refuses a year after next year', () => {
    const result = nextYearReport(report(2027, '2021', {}), NOW)
    expect(result).toEqual({ ok: false, error: '不能新建2028年度的报告：年度不能晚于2027年' })
  })

  it('fills only input cells (never a 总计)', () => {
    const full = Object.fromEntries(inputCellsOf(getEdition('2021')).map((c) => [c.key, 1]))
    const { report: next } = ok(nextYearReport(report(2022, '2021', full), NOW))
    expect(Object.keys(next.values).some((k) => k.endsWith('.total'))).toBe(false)
  })
})
