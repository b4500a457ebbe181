import { describe, expect, it } from 'vitest'
import { sampleReport } from '@/testing/fixtures'
import { type ChartSpec, type Department, departmentCharts, reportCharts, shortLabel, yearChange } from './charts'
import { createReport } from './report'
import type { Values } from './report'

const chart = (charts: ChartSpec[], id: string) => {
  const c = charts.find((x) => x.id === id)
  if (!c) throw new Error(`no chart ${id}`)
  return c
}
/** Category → this year's value (and last year's), as a user reads the bars. */
const bars = (c: ChartSpec) => Object.fromEntries(c.categories.map((l, i) => [l, c.series.map((s) => s.values[i])]))

describe('shortLabel', () => {
  it('drops the numbering and the remark of an official label', () => {
    expect(shortLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开')
    expect(shortLabel('一、本年新收政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量')
    expect(shortLabel('3.危及“三安全一稳定”')).toBe('危及“三安全一稳定”')
    expect(shortLabel('本年收费金额（单位：万元）')).toBe('本年收费金额')
  })
})

describe('yearChange', () => {
  it('says the change in words, with the percent of last year', () => {
    expect(yearChange(125, 120)).toEqual({
      delta: 5,
      percent: 4.2,
      text: '增 5（+4.2%）',
      amount: '增 5',
      ratio: '+4.2%',
    })
    expect(yearChange(27, 30)).toMatchObject({ delta: -3, percent: -10, text: '减 3（−10.0%）' })
    expect(yearChange(8, 8)).toEqual({ delta: 0, percent: 0, text: '持平', amount: '持平' })
    expect(yearChange(0, 0)).toEqual({ delta: 0, text: '持平', amount: '持平' })
    expect(yearChange(5, 0)).toEqual({ delta: 5, text: '增 5（上年为0）', amount: '增 5', ratio: '上年为0' })
    expect(yearChange(0.3, 0.1)?.text).toBe('增 0.2（+200.0%）')
    expect(yearChange(null, 3)).toBeUndefined()
    expect(yearChange(3, null)).toBeUndefined()
  })
})

describe('reportCharts, 2019 edition (the sample report)', () => {
  const sample = sampleReport()
  const { charts, keyFigures, lastYear } = reportCharts(sample)

  it('without last year shows this year alone', () => {
    expect(lastYear).toBeUndefined()
    for (const c of charts) {
      expect(c.series).toHaveLength(1)
      expect(c.series[0]!.name).toBe('2020年')
      expect(c.changes).toBeUndefined()
    }
  })

  it('charts 三 received, handled and carried over from the 总计 column, in official order', () => {
    const c = chart(charts, 'requests')
    expect(c.title).toBe('收到和处理政府信息公开申请情况（总计）')
    expect(c.categories).toEqual([
      '本年新收政府信息公开申请数量',
      '上年结转政府信息公开申请数量',
      '本年度办理结果总计',
      '结转下年度继续办理',
    ])
    expect(c.series[0]!.values).toEqual([3, 0, 2, 1])
  })

  it('charts the outcome mix with the official labels, summing each group', () => {
    const c = chart(charts, 'outcomes')
    expect(c.categories).toEqual(['予以公开', '部分公开', '不予公开', '无法提供', '不予处理', '其他处理'])
    expect(c.series[0]!.values).toEqual([0, 0, 0, 2, 0, 0])
  })

  it('charts 行政复议 and 行政诉讼 by result, 诉讼 summing both kinds of suit', () => {
    const review = chart(charts, 'appeals-0')
    expect(review.title).toBe('行政复议（总计 0 件）')
    expect(review.categories).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结'])
    const values: Values = {
      ...sample.values,
      'appeals.cases.direct_corrected': 2,
      'appeals.cases.after_review_corrected': 1,
      'appeals.cases.after_review_upheld': 4,
    }
    const suits = chart(reportCharts({ ...sample, values }).charts, 'appeals-1')
    expect(suits.title).toBe('行政诉讼（总计 7 件）')
    expect(bars(suits)).toEqual({ 结果维持: [4], 结果纠正: [3], 其他结果: [0], 尚未审结: [0] })
  })

  it("charts 二's counts block by block, never its amounts or its 增/减", () => {
    const active = charts.filter((c) => c.id.startsWith('active-'))
    expect(active.map((c) => c.title)).toEqual([
      '主动公开政府信息情况：第二十条第（一）项',
      '主动公开政府信息情况：第二十条第（五）项、第（六）项',
      '主动公开政府信息情况：第二十条第（八）项、第（九）项',
    ])
    expect(bars(active[1]!)).toEqual({
      '行政许可 上一年项目数量': [0],
      '行政许可 处理决定数量': [0],
      '其他对外管理服务事项 上一年项目数量': [0],
      '其他对外管理服务事项 处理决定数量': [0],
      '行政处罚 上一年项目数量': [134],
      '行政处罚 处理决定数量': [132],
      '行政强制 上一年项目数量': [19],
      '行政强制 处理决定数量': [0],
    })
    // Two blocks of one count each make one chart.
    expect(bars(active[2]!)).toEqual({ '行政事业性收费 上一年项目数量': [2], '政府集中采购 采购项目数量': [19] })
    expect(active.flatMap((c) => c.categories).some((l) => /增|金额/.test(l))).toBe(false)
  })

  it('gives 一图读懂 its key figures', () => {
    expect(keyFigures.map((f) => [f.label, f.value])).toEqual([
      ['本年新收政府信息公开申请数量', 3],
      ['本年度办理结果总计', 2],
      ['予以公开', 0],
      ['行政复议', 0],
      ['行政诉讼', 0],
    ])
  })

  it('keeps a blank cell blank, not 0', () => {
    const { charts } = reportCharts({ year: 2020, edition: '2019', values: { 'requests.new.natural': 4 } })
    expect(chart(charts, 'requests').series[0]!.values).toEqual([4, null, null, null])
    expect(chart(charts, 'outcomes').series[0]!.values.every((v) => v === null)).toBe(true)
  })
})

describe('reportCharts, 2021 edition against last year', () => {
  const last = {
    year: 2022,
    edition: '2021',
    values: {
      'requests.new.natural': 100,
      'requests.new.commercial': 20,
      'requests.open.natural': 60,
      'requests.other_misc.natural': 3,
      'requests.other_no_fee.legal': 1,
      'appeals.cases.review_corrected': 2,
      'active.rules.issued': 4,
    },
  }
  const now = {
    year: 2023,
    edition: '2021',
    values: {
      'requests.new.natural': 110,
      'requests.new.commercial': 15,
      'requests.open.natural': 54,
      'requests.other_no_correction.natural': 2,
      'appeals.cases.review_corrected': 2,
      'active.rules.issued': 0,
      'active.penalty.decisions': 30,
    },
  }
  const { charts, keyFigures } = reportCharts(now, last)

  it('pairs each category with last year and says the change', () => {
    const c = chart(charts, 'requests')
    expect(c.series.map((s) => s.name)).toEqual(['2023年', '2022年'])
    expect(c.series[0]!.values[0]).toBe(125)
    expect(c.series[1]!.values[0]).toBe(120)
    expect(c.changes![0]!.text).toBe('增 5（+4.2%）')
    expect(c.changes![1]).toBeUndefined() // 上年结转 blank both years
  })

  it('sums the three rows of 其他处理 of the 2021 edition', () => {
    const c = chart(charts, 'outcomes')
    expect(bars(c).其他处理).toEqual([2, 4])
    expect(bars(c).予以公开).toEqual([54, 60])
    expect(c.changes![0]!.text).toBe('减 6（−10.0%）')
    expect(c.changes![5]!.text).toBe('减 2（−50.0%）')
  })

  it('charts 二 of 2021: one chart for the decisions of （五） and （六）, none for the fee amount', () => {
    const active = charts.filter((c) => c.id.startsWith('active-'))
    expect(active.map((c) => c.title)).toEqual([
      '主动公开政府信息情况：第二十条第（一）项',
      '主动公开政府信息情况：第二十条第（五）项、第（六）项 本年处理决定数量',
    ])
    expect(bars(active[0]!)['规章 本年制发件数']).toEqual([0, 4])
    expect(active[0]!.changes![0]!.text).toBe('减 4（−100.0%）')
    expect(bars(active[1]!)).toEqual({ 行政许可: [null, null], 行政处罚: [30, null], 行政强制: [null, null] })
  })

  it('gives the key figures their change', () => {
    expect(keyFigures[0]).toMatchObject({ value: 125, change: { text: '增 5（+4.2%）' } })
    expect(keyFigures.find((f) => f.label === '行政复议')!.change!.text).toBe('持平')
  })

  it('compares a 2021-edition report with a 2019-edition last year where the tables match', () => {
    const old = { year: 2020, edition: '2019', values: { 'requests.new.natural': 50, 'requests.other.natural': 7 } }
    const { charts } = reportCharts({ ...now, year: 2021 }, old)
    expect(bars(chart(charts, 'requests'))['本年新收政府信息公开申请数量']).toEqual([125, 50])
    expect(bars(chart(charts, 'outcomes')).其他处理).toEqual([2, 7])
    // 规章 and 规范性文件 have other columns in 2019; the 处理决定数量 of 行政处罚 is the same cell.
    const [documents, decisions] = charts.filter((c) => c.id.startsWith('active-'))
    expect(documents!.series).toHaveLength(1)
    expect(documents!.note).toBe('2020年的报告使用2019年版格式，这部分表格不同，不作比较')
    expect(decisions!.series).toHaveLength(2)
    expect(bars(decisions!).行政处罚).toEqual([30, null])
  })
})

describe('departmentCharts', () => {
  /** Department i received 10·(i+1) and handled them: i+1 open, the rest not held. */
  function departments(n: number, edition = '2021'): Department[] {
    return Array.from({ length: n }, (_, i) => {
      const r = createReport(`第${String(i + 1).padStart(2, '0')}局`, 2023, edition)
      const received = 10 * (i + 1)
      r.values = {
        'requests.new.natural': received,
        'requests.open.natural': i + 1,
        'requests.none_not_held.natural': received - (i + 1),
        'appeals.cases.review_upheld': i % 4 === 0 ? 3 : 0,
        'appeals.cases.review_corrected': i % 4 === 0 ? 1 : 0,
        'appeals.cases.direct_corrected': i === 4 ? 2 : 0,
      }
      return r
    })
  }

  it("charts each of 20 departments' requests, most first, each bar linking to its report", () => {
    const list = departments(20)
    const d = departmentCharts(list)
    expect(d.count).toBe(20)
    expect(d.received.title).toBe('各部门本年新收政府信息公开申请数量')
    expect(d.received.categories).toEqual(list.map((r) => r.agency).reverse())
    expect(d.received.series[0]!.values).toEqual(list.map((_, i) => 10 * (i + 1)).reverse())
    expect(d.received.links).toEqual(list.map((r) => r.id).reverse())
  })

  it("charts each department's outcome mix as shares, with the counts", () => {
    const list = departments(20)
    const { outcomes } = departmentCharts(list)
    expect(outcomes.stacked).toBe(true)
    expect(outcomes.series.map((s) => s.name)).toEqual([
      '予以公开',
      '部分公开',
      '不予公开',
      '无法提供',
      '不予处理',
      '其他处理',
    ])
    const i = outcomes.categories.indexOf('第04局') // 40 received, 4 open, 36 not held
    expect(outcomes.series[0]!.values[i]).toBe(10)
    expect(outcomes.series[0]!.counts![i]).toBe(4)
    expect(outcomes.series[3]!.values[i]).toBe(90)
    expect(outcomes.series[3]!.counts![i]).toBe(36)
    expect(outcomes.series[1]!.values[i]).toBeNull() // 部分公开 left blank
    expect(outcomes.links![i]).toBe(list[3]!.id)
  })

  it('groups the departments after the first `top` as 其余N个部门', () => {
    const d = departmentCharts(departments(25), 20)
    expect(d.received.categories).toHaveLength(21)
    expect(d.received.categories.at(-1)).toBe('其余5个部门')
    expect(d.received.series[0]!.values.at(-1)).toBe(10 + 20 + 30 + 40 + 50)
    expect(d.received.links!.at(-1)).toBeUndefined()
    const rest = d.outcomes.categories.length - 1
    expect(d.outcomes.series[0]!.values[rest]).toBe(10) // 15 open of 150
  })

  it('charts the 纠正 share of 行政复议 and 行政诉讼 for departments that had any', () => {
    const { corrected } = departmentCharts(departments(20))
    expect(corrected.series.map((s) => s.name)).toEqual(['行政复议结果纠正', '行政诉讼结果纠正'])
    // Departments 1, 5, 9, 13, 17 had 4 reviews (1 corrected); department 5 also 2 corrected suits.
    expect(corrected.categories).toEqual(['第05局', '第01局', '第09局', '第13局', '第17局'])
    expect(corrected.series[0]!.values).toEqual([25, 25, 25, 25, 25])
    expect(corrected.series[1]!.values).toEqual([100, null, null, null, null])
    expect(corrected.series[1]!.counts).toEqual([2, null, null, null, null])
  })

  it('lists the departments with no requests at all', () => {
    const list = departments(3)
    const none = createReport('乙局', 2023, '2021')
    none.values = { 'requests.new.natural': 0, 'requests.carried_in.natural': 0 }
    const blank = createReport('甲局', 2023, '2021')
    const d = departmentCharts([...list, none, blank])
    expect(d.noRequests.map((x) => x.agency)).toEqual(['甲局', '乙局'])
    expect(d.received.categories.slice(-2)).toEqual(['甲局', '乙局'])
  })

  it('charts 2019-edition departments too', () => {
    const d = departmentCharts(departments(3, '2019'))
    expect(d.received.series[0]!.values).toEqual([30, 20, 10])
    expect(d.outcomes.series.map((s) => s.name).at(-1)).toBe('其他处理')
  })

  it('says when no department had 行政复议 or 行政诉讼', () => {
    const d = departmentCharts([sampleReport()])
    expect(d.corrected.categories).toEqual([])
    expect(d.corrected.note).toBe('所有部门都没有行政复议、行政诉讼案件')
  })
})
