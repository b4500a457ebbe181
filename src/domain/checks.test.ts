import { describe, expect, it } from 'vitest'
import { sampleReport } from '@/testing/fixtures'
import { nextYearReport } from './carryOver'
import { checkReport } from './checks'
import { cellsOf, getEdition, inputCellsOf } from './edition'
import type { Finding } from './findings'
import type { Values } from './report'
import { reviewReport } from './review'

const e2019 = getEdition('2019')
const e2021 = getEdition('2021')
// Every text part written: the tests below are about the cells.
const texts = { overview: '概述', problems: '无', other: '无' }

/** Every input cell 0, then the given cells. */
function filled(edition = e2019, values: Values = {}): Values {
  const out: Values = {}
  for (const c of inputCellsOf(edition)) out[c.key] = 0
  return { ...out, ...values }
}

const check = (values: Values, edition = e2019, lastYear?: { edition: string; values: Values }) =>
  checkReport(edition, { edition: edition.key, values, texts }, lastYear)
const ofRule = (fs: Finding[], rule: string) => fs.filter((f) => f.rule === rule)

describe('the sample report', () => {
  it('has zero errors and zero warnings', () => {
    const findings = reviewReport(sampleReport())
    expect(findings.filter((f) => f.severity !== 'notice')).toEqual([])
  })

  it('has no blank cell', () => {
    expect(ofRule(reviewReport(sampleReport()), 'blank')).toEqual([])
  })
})

describe('requests.balance (the official 勾稽关系)', () => {
  it('passes when 第一项+第二项 = 第三项+第四项 in every column', () => {
    const v = filled(e2019, {
      'requests.new.natural': 3,
      'requests.carried_in.natural': 1,
      'requests.open.natural': 2,
      'requests.carried_out.natural': 2,
    })
    expect(ofRule(check(v), 'requests.balance')).toEqual([])
  })

  it('fails with the spec example message, naming the column and numbers', () => {
    const found = ofRule(check(filled(e2019, { 'requests.new.natural': 1 })), 'requests.balance')
    expect(found.map((f) => f.message)).toEqual([
      '三、收到和处理政府信息公开申请情况 · 自然人：第一项加第二项之和（1+0=1）应等于第三项加第四项之和（0+0=0）',
      '三、收到和处理政府信息公开申请情况 · 总计：第一项加第二项之和（1+0=1）应等于第三项加第四项之和（0+0=0）',
    ])
    expect(found[0]!.severity).toBe('error')
    expect(found[0]!.cells).toEqual([
      'requests.new.natural',
      'requests.carried_in.natural',
      'requests.handled_total.natural',
      'requests.carried_out.natural',
    ])
  })

  it('counts the 2021 （六） rows in （七）总计', () => {
    const v = filled(e2021, {
      'requests.new.legal': 2,
      'requests.other_no_fee.legal': 1,
      'requests.other_misc.legal': 1,
    })
    expect(ofRule(check(v, e2021), 'requests.balance')).toEqual([])
    const broken = filled(e2021, { 'requests.new.legal': 2, 'requests.other_no_fee.legal': 1 })
    expect(ofRule(check(broken, e2021), 'requests.balance')[0]!.message).toBe(
      '三、收到和处理政府信息公开申请情况 · 法律服务机构：第一项加第二项之和（2+0=2）应等于第三项加第四项之和（1+0=1）',
    )
  })
})

describe('values.domain', () => {
  it('passes whole counts, signed changes and 4-decimal amounts', () => {
    const v = filled(e2019, {
      'active.penalty.change': -2,
      'active.penalty.prev_items': 5,
      'active.procurement.amount': 66.3612,
    })
    expect(ofRule(check(v), 'values.domain')).toEqual([])
  })

  it('flags a negative count, naming the cell', () => {
    const found = ofRule(check(filled(e2019, { 'requests.open.research': -1 })), 'values.domain')
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toBe(
      '三、收到和处理政府信息公开申请情况 · （一）予以公开 · 科研机构：件数不能为负数（“-1”）',
    )
    expect(found[0]!.cells).toEqual(['requests.open.research'])
  })

  it('flags a fraction in a count and too many decimals in an amount', () => {
    const found = ofRule(
      check(filled(e2021, { 'active.licensing.decisions': 1.5, 'active.fees.amount': 0.12345 }), e2021),
      'values.domain',
    )
    expect(found.map((f) => f.cells[0])).toEqual(['active.licensing.decisions', 'active.fees.amount'])
    expect(found[0]!.message).toContain('二、主动公开政府信息情况 · 第二十条第（五）项 · 行政许可 · 本年处理决定数量：')
  })
})

describe('active.items_nonnegative (2019)', () => {
  it('passes when 上一年项目数量 + 本年增/减 ≥ 0', () => {
    expect(
      ofRule(
        check(filled(e2019, { 'active.enforcement.prev_items': 19, 'active.enforcement.change': -19 })),
        'active.items_nonnegative',
      ),
    ).toEqual([])
  })

  it('fails below zero, naming the row and the sum', () => {
    const found = ofRule(
      check(filled(e2019, { 'active.enforcement.prev_items': 19, 'active.enforcement.change': -20 })),
      'active.items_nonnegative',
    )
    expect(found.map((f) => f.message)).toEqual([
      '二、主动公开政府信息情况 · 行政强制：上一年项目数量加本年增/减（19+(-20)=-1）不应小于0',
    ])
    expect(found[0]!.cells).toEqual(['active.enforcement.prev_items', 'active.enforcement.change'])
  })

  it('covers 行政事业性收费 too', () => {
    expect(ofRule(check(filled(e2019, { 'active.fees.change': -1 })), 'active.items_nonnegative')[0]!.cells[0]).toBe(
      'active.fees.prev_items',
    )
  })
})

describe('active.published_le_total (2019)', () => {
  it('passes when 本年新公开数量 ≤ 对外公开总数量', () => {
    expect(
      ofRule(
        check(filled(e2019, { 'active.rules.published': 2, 'active.rules.public_total': 2 })),
        'active.published_le_total',
      ),
    ).toEqual([])
  })

  it('warns when more was published this year than in total', () => {
    const found = ofRule(
      check(filled(e2019, { 'active.normative.published': 3, 'active.normative.public_total': 1 })),
      'active.published_le_total',
    )
    expect(found).toHaveLength(1)
    expect(found[0]!.severity).toBe('warning')
    expect(found[0]!.message).toBe(
      '二、主动公开政府信息情况 · 规范性文件：本年新公开数量（3）不应大于对外公开总数量（1）',
    )
  })
})

describe('blank', () => {
  it('gives a notice for every blank input cell and none for computed cells', () => {
    const found = ofRule(check({}, e2021), 'blank')
    expect(found).toHaveLength(inputCellsOf(e2021).length)
    expect(found.every((f) => f.severity === 'notice')).toBe(true)
    expect(found.some((f) => f.cells[0] === 'requests.new.total')).toBe(false)
    expect(found[0]!.message).toBe(
      '二、主动公开政府信息情况 · 第二十条第（一）项 · 规章 · 本年制发件数：尚未填写（没有数字请填 0）',
    )
  })

  it('is silent on a filled report', () => {
    expect(ofRule(check(filled(e2021), e2021), 'blank')).toEqual([])
  })
})

describe('carry.requests (across years)', () => {
  const last = {
    edition: '2019',
    values: filled(e2019, { 'requests.new.natural': 1, 'requests.carried_out.natural': 1 }),
  }

  it('passes when 上年结转 equals last year’s 结转下年度继续办理', () => {
    const v = filled(e2021, { 'requests.carried_in.natural': 1, 'requests.carried_out.natural': 1 })
    expect(ofRule(check(v, e2021, last), 'carry.requests')).toEqual([])
  })

  it('warns per column when they differ, naming both numbers', () => {
    const found = ofRule(check(filled(e2021), e2021, last), 'carry.requests')
    expect(found.map((f) => f.message)).toEqual([
      '三、收到和处理政府信息公开申请情况 · 自然人：本年上年结转数（0）应等于上年报告结转下年度继续办理数（1）',
      '三、收到和处理政府信息公开申请情况 · 总计：本年上年结转数（0）应等于上年报告结转下年度继续办理数（1）',
    ])
    expect(found[0]!.severity).toBe('warning')
    expect(found[0]!.cells).toEqual(['requests.carried_in.natural'])
  })

  it('does not run without last year’s report', () => {
    expect(ofRule(check(filled(e2021, { 'requests.carried_in.natural': 4 }), e2021), 'carry.requests')).toEqual([])
  })
})

describe('carry.in_force (2021 after 2021)', () => {
  const last = { edition: '2021', values: filled(e2021, { 'active.rules.in_force': 10 }) }

  it('passes when 现行有效件数 = last year’s + 制发 − 废止', () => {
    const v = filled(e2021, { 'active.rules.issued': 3, 'active.rules.repealed': 1, 'active.rules.in_force': 12 })
    expect(ofRule(check(v, e2021, last), 'carry.in_force')).toEqual([])
  })

  it('warns when it does not add up', () => {
    const v = filled(e2021, { 'active.rules.issued': 3, 'active.rules.repealed': 1, 'active.rules.in_force': 13 })
    const found = ofRule(check(v, e2021, last), 'carry.in_force')
    expect(found.map((f) => f.message)).toEqual([
      '二、主动公开政府信息情况 · 规章：本年现行有效件数（13）应等于上年现行有效件数加本年制发件数减本年废止件数（10+3+(-1)=12）',
    ])
    expect(found[0]!.cells).toEqual(['active.rules.in_force', 'active.rules.issued', 'active.rules.repealed'])
  })

  it('does not run when last year used the 2019 edition', () => {
    const v = filled(e2021, { 'active.rules.in_force': 13 })
    expect(ofRule(check(v, e2021, { edition: '2019', values: filled(e2019) }), 'carry.in_force')).toEqual([])
  })
})

describe('carry.items (2019 after 2019)', () => {
  const last = {
    edition: '2019',
    values: filled(e2019, { 'active.penalty.prev_items': 136, 'active.penalty.change': -2 }),
  }

  it('passes when 上一年项目数量 = last year’s 上一年项目数量 + 本年增/减', () => {
    expect(ofRule(check(filled(e2019, { 'active.penalty.prev_items': 134 }), e2019, last), 'carry.items')).toEqual([])
  })

  it('warns when it does not', () => {
    const found = ofRule(check(filled(e2019, { 'active.penalty.prev_items': 130 }), e2019, last), 'carry.items')
    expect(found.map((f) => f.message)).toEqual([
      '二、主动公开政府信息情况 · 行政处罚：本年上一年项目数量（130）应等于上年报告的上一年项目数量加本年增/减（136+(-2)=134）',
    ])
  })

  it('does not run for a 2021-edition last year', () => {
    expect(
      ofRule(
        check(filled(e2019, { 'active.penalty.prev_items': 130 }), e2019, { edition: '2021', values: {} }),
        'carry.items',
      ),
    ).toEqual([])
  })
})

describe('blank text parts', () => {
  const full = { overview: '概述', problems: '无', other: '无' }

  it('counts an empty or whitespace-only part as a blank, pointing at its text', () => {
    const found = ofRule(
      checkReport(e2021, {
        edition: '2021',
        values: filled(e2021),
        texts: { ...full, overview: '', other: ' \n\u3000' },
      }),
      'blank',
    )
    expect(found.map((f) => [f.text, f.severity, f.cells])).toEqual([
      ['overview', 'notice', []],
      ['other', 'notice', []],
    ])
    expect(found[0]!.message).toBe('一、总体情况：尚未填写（没有内容请填“无”）')
  })

  it('is silent when every part says something', () => {
    expect(ofRule(checkReport(e2021, { edition: '2021', values: filled(e2021), texts: full }), 'blank')).toEqual([])
  })
})

describe('rules with blank cells (blank is not 0)', () => {
  it('are pending, not errors, while blanks could still make them hold', () => {
    const found = check({ 'requests.new.natural': 1 }, e2021)
    expect(found.filter((f) => f.severity === 'error')).toEqual([])
    const pending = ofRule(found, 'requests.balance')
    expect(pending.map((f) => [f.severity, f.pending, f.message])).toEqual([
      [
        'notice',
        true,
        '三、收到和处理政府信息公开申请情况 · 自然人：待填完（第一项加第二项之和应等于第三项加第四项之和，填完后核对）',
      ],
      [
        'notice',
        true,
        '三、收到和处理政府信息公开申请情况 · 总计：待填完（第一项加第二项之和应等于第三项加第四项之和，填完后核对）',
      ],
    ])
  })

  it('are errors with blanks as 0 when printing or exporting (final)', () => {
    const found = ofRule(
      checkReport(e2021, { edition: '2021', values: { 'requests.new.natural': 1 }, texts }, undefined, [], {
        final: true,
      }),
      'requests.balance',
    )
    expect(found.map((f) => f.severity)).toEqual(['error', 'error'])
  })

  it('are errors at once when one side is filled and already smaller than the other (counts are never negative)', () => {
    // 第三项 and 第四项 of 自然人 all filled (2 + 1); 第一项 alone is already 5.
    const v: Values = { 'requests.new.natural': 5, 'requests.carried_out.natural': 1 }
    for (const c of inputCellsOf(e2021))
      if (
        c.key.startsWith('requests.') &&
        c.column.key === 'natural' &&
        !['new', 'carried_in', 'carried_out'].includes(c.row.key)
      )
        v[c.key] = 0
    v['requests.open.natural'] = 2
    const found = ofRule(check(v, e2021), 'requests.balance')
    expect(found.map((f) => [f.severity, f.pending])).toEqual([
      ['error', undefined],
      ['notice', true],
    ])
    expect(found[0]!.message).toBe(
      '三、收到和处理政府信息公开申请情况 · 自然人：第一项加第二项之和（5+0=5）应等于第三项加第四项之和（2+1=3）',
    )
  })

  it('stay pending when the larger side still has a blank that a negative change could lower', () => {
    // 上一年项目数量 + 本年增/减 ≥ 0 with 本年增/减 blank: a change may be anything.
    const v = { 'active.enforcement.change': -20 }
    expect(ofRule(check(v), 'active.items_nonnegative').map((f) => f.severity)).toEqual(['notice'])
    expect(
      ofRule(
        check({ 'active.enforcement.prev_items': 0, 'active.enforcement.change': -20 }),
        'active.items_nonnegative',
      ).map((f) => f.severity),
    ).toEqual(['error'])
  })

  it('leave a report made by 新建下一年度 without errors before anything is typed', () => {
    for (const last of [
      sampleReport(),
      {
        ...sampleReport(),
        edition: '2021',
        year: 2021,
        values: filled(e2021, {
          'requests.carried_out.natural': 3,
          'requests.new.natural': 3,
          'requests.open.natural': 0,
        }),
      },
    ]) {
      const next = nextYearReport(last)
      if (!next.ok) throw new Error(next.error)
      expect(Object.keys(next.report.values).length).toBeGreaterThan(0)
      const findings = reviewReport(next.report, last)
      expect(findings.filter((f) => f.severity === 'error')).toEqual([])
    }
  })
})

it('lists errors before warnings before notices', () => {
  const v = filled(e2019, { 'requests.new.natural': 1, 'active.normative.published': 3 })
  delete v['active.procurement.amount'] // one blank: a notice
  const order = check(v).map((f) => f.severity)
  expect(order.indexOf('warning')).toBeGreaterThan(order.lastIndexOf('error'))
  expect(order.indexOf('notice')).toBeGreaterThan(order.lastIndexOf('warning'))
  expect(cellsOf(e2019).length).toBeGreaterThan(0)
})
