import { describe, expect, it } from 'vitest'
import { type ChartSpec, departmentCharts, reportCharts } from '@/domain/charts'
import { createReport } from '@/domain/report'
import { sampleReport } from '@/testing/fixtures'
import { barConfig, chartHeight, describeValue, wrapLabel } from './chartConfig'
import { MIX_COLOURS, YEAR_COLOURS } from './palette'

const spec = (charts: ChartSpec[], id: string) => charts.find((c) => c.id === id)!

describe('wrapLabel', () => {
  it('breaks at spaces where the words fit, anywhere in a long word', () => {
    expect(wrapLabel('行政处罚 上一年项目数量', 8)).toEqual(['行政处罚', '上一年项目数量'])
    expect(wrapLabel('本年新收政府信息公开申请数量', 7)).toEqual(['本年新收政府信', '息公开申请数量'])
    expect(wrapLabel('规章', 7)).toEqual(['规章'])
  })
})

describe('barConfig', () => {
  const sample = sampleReport()
  const last = { year: 2019, edition: '2019', values: { 'requests.new.natural': 2 } }
  const { charts } = reportCharts(sample, last)

  it("gives Chart.js the report's values, labels and order, and the change under each label", () => {
    const c = barConfig(spec(charts, 'requests'))
    expect(c.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['2020年', [3, 0, 2, 1]],
      ['2019年', [2, null, null, null]],
    ])
    expect(c.data.labels![0]).toEqual(['本年新收政府信息公开', '申请数量', '增 1（+50.0%）'])
    expect(c.options!.indexAxis).toBe('y')
    expect(c.data.datasets.map((d) => d.backgroundColor)).toEqual([...YEAR_COLOURS])
    expect(c.options!.plugins!.valueLabels!.texts).toEqual([
      ['3', '0', '2', '1'],
      ['2', '', '', ''],
    ])
    expect(c.options!.plugins!.legend!.display).toBe(true)
    // This year alone keeps this year's colour.
    const alone = barConfig(spec(reportCharts(sample).charts, 'requests'))
    expect(alone.data.datasets.map((d) => d.backgroundColor)).toEqual([YEAR_COLOURS[0]])
  })

  it('draws a department mix as shares stacked to 100%, labelling only the segments wide enough', () => {
    const a = createReport('甲局', 2023, '2021')
    a.values = { 'requests.open.natural': 19, 'requests.none_not_held.natural': 1 }
    const { outcomes } = departmentCharts([a])
    const c = barConfig(outcomes)
    expect(c.options!.scales!.x!.stacked).toBe(true)
    expect(c.options!.scales!.x!.max).toBe(100)
    expect(c.data.datasets.map((d) => d.data[0])).toEqual([95, null, null, 5, null, null])
    expect(c.data.datasets.map((d) => d.backgroundColor)).toEqual([...MIX_COLOURS])
    expect(c.options?.plugins?.valueLabels?.texts?.map((t) => t[0])).toEqual(['95%', '', '', '', '', ''])
    expect(describeValue(outcomes, 3, 0)).toBe('5%（1件）')
    expect(describeValue(outcomes, 1, 0)).toBe('—')
  })

  it('a compact chart drops its value axis and its legend when the page has one', () => {
    const c = barConfig(spec(charts, 'outcomes'), { compact: true, legend: false })
    expect(c.options!.scales!.x!.display).toBe(false)
    expect(c.options!.plugins!.legend!.display).toBe(false)
    expect(chartHeight(spec(charts, 'outcomes'), { compact: true, legend: false })).toBeLessThan(
      chartHeight(spec(charts, 'outcomes')),
    )
  })

  it('makes room for every category', () => {
    const { received } = departmentCharts(
      Array.from({ length: 40 }, (_, i) => ({ ...createReport(`第${i}局`, 2023, '2021'), values: {} })),
      Infinity,
    )
    expect(chartHeight(received)).toBeGreaterThan(40 * 16)
  })
})
