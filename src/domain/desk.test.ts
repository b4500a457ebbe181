import { describe, expect, it } from 'vitest'
import {
  type Desk,
  compilePlan,
  deadlineWords,
  deadlines,
  deskCounts,
  deskRows,
  newDesk,
  parseRoster,
  reviewYear,
  statusOf,
  unlisted,
  withAgencies,
} from './desk'
import { sampleReport } from '@/testing/fixtures'
import { realisticTexts } from '@/testing/realisticTexts'

const report = (agency: string, year = 2023, createdAt = 1000, extra: object = {}) => ({
  ...sampleReport(),
  id: `${agency}-${year}-${createdAt}`,
  agency,
  year,
  edition: '2021',
  createdAt,
  updatedAt: createdAt,
  texts: realisticTexts(agency, year, agency.length * 7 + year),
  ...extra,
})

const desk = (names: string[]): Desk => withAgencies(newDesk(2023, 0), names, 'typed', 0)

describe('the roster', () => {
  it('reads a pasted list: numbering, separators, spaces and repeats removed', () => {
    expect(
      parseRoster('1. 某市教育局\n（2）某市财政局\r\n3、某市教育局\n\n某市公安局，某市民政局；某市司法局\t'),
    ).toEqual(['某市教育局', '某市财政局', '某市公安局', '某市民政局', '某市司法局'])
  })

  it('adds only names not on it yet', () => {
    const d = withAgencies(desk(['甲局']), ['甲局 ', '乙局'], 'file', 5)
    expect(d.entries).toEqual([
      { agency: '甲局', source: 'typed' },
      { agency: '乙局', source: 'file' },
    ])
    expect(d.updatedAt).toBe(5)
  })
})

describe('statuses', () => {
  const r = { createdAt: 100 }
  it('follow what arrived and what was done, a new file after either being a resubmission', () => {
    expect(statusOf({ agency: 'a', source: 'typed' }, undefined)).toBe('missing')
    expect(statusOf({ agency: 'a', source: 'typed' }, r)).toBe('received')
    expect(statusOf({ agency: 'a', source: 'typed', sentBackAt: 200 }, r)).toBe('sentBack')
    expect(statusOf({ agency: 'a', source: 'typed', sentBackAt: 200, acceptedAt: 300 }, r)).toBe('accepted')
    expect(statusOf({ agency: 'a', source: 'typed', sentBackAt: 50 }, r)).toBe('resubmitted')
    expect(statusOf({ agency: 'a', source: 'typed', acceptedAt: 50 }, r)).toBe('resubmitted')
  })

  it('rows, counts and the reports not on the roster', () => {
    const reports = [
      report('甲局'),
      report('甲局', 2023, 2000),
      report('乙局', 2023, 1000, { values: {} }),
      report('乙局', 2022),
      report('名单外局'),
      report('丙局', 2023, 1000, { deletedAt: 5 }),
      report('某市', 2023, 1000, { compiledFrom: ['x'] }),
    ]
    const d = desk(['甲局', '乙局', '丙局'])
    const reviews = reviewYear(2023, reports, new Map())
    const rows = deskRows(d, reports, reviews)
    expect(rows.map((r) => [r.entry.agency, r.status, r.report?.createdAt, r.copies])).toEqual([
      ['甲局', 'received', 2000, 1],
      ['乙局', 'received', 1000, 0],
      ['丙局', 'missing', undefined, 0],
    ])
    expect(rows[1]!.review!.lastYearId).toBe('乙局-2022-1000')
    expect(rows[1]!.review!.blanks).toBeGreaterThan(100)
    expect(deskCounts(rows)).toEqual({
      expected: 3,
      received: 2,
      missing: 1,
      withErrors: 0,
      withWarnings: expect.any(Number),
      sentBack: 0,
      accepted: 0,
      noLastYear: 1,
    })
    expect(unlisted(d, reports)).toEqual(['名单外局'])
  })

  it('re-checks only the reports that changed', () => {
    const cache: Parameters<typeof reviewYear>[2] = new Map()
    const reports = [report('甲局'), report('乙局')]
    const first = reviewYear(2023, reports, cache)
    const kept = cache.get(reports[0]!.id)!.own
    const again = reviewYear(2023, [reports[0]!, { ...reports[1]!, updatedAt: 5000, values: {} }], cache)
    expect(cache.get(reports[0]!.id)!.own).toBe(kept)
    expect(again.get(reports[1]!.id)!.blanks).toBeGreaterThan(first.get(reports[1]!.id)!.blanks)
  })
})

it('deadlines: 31 January and 31 March of the next year, counted from today', () => {
  const [hand, publish] = deadlines(2023, new Date(2024, 0, 29, 17, 0))
  expect(hand).toEqual({ label: '各部门报送年度报告', day: '2024年1月31日', daysLeft: 2 })
  expect(publish!.daysLeft).toBe(62)
  expect(deadlineWords(hand!)).toBe('还有2天')
  expect(deadlineWords(deadlines(2023, new Date(2024, 0, 31))[0]!)).toBe('今天截止')
  expect(deadlineWords(deadlines(2023, new Date(2024, 1, 3))[0]!)).toBe('已过3天')
})

describe('compiling from the desk', () => {
  const reports = [report('甲局'), report('乙局'), report('丙局'), report('丁局', 2023, 1000, { edition: '2019' })]
  const d: Desk = {
    ...desk(['甲局', '乙局', '丙局', '丁局', '戊局']),
  }
  d.entries[0] = { ...d.entries[0]!, acceptedAt: 2000 }
  d.entries[1] = { ...d.entries[1]!, sentBackAt: 2000 }
  d.entries[3] = { ...d.entries[3]!, acceptedAt: 2000 }
  const rows = deskRows(d, reports, reviewYear(2023, reports, new Map()))

  it('the accepted only: everyone else named with why', () => {
    const plan = compilePlan(rows, 'accepted', 2023)
    expect(plan.parts.map((p) => p.agency)).toEqual(['甲局'])
    expect(plan.leftOut).toEqual([
      { agency: '乙局', reason: '已退回修改，尚未重新报送' },
      { agency: '丙局', reason: '尚未审核通过' },
      { agency: '戊局', reason: '未报送' },
      { agency: '丁局', reason: expect.stringMatching(/^「丁局」使用2019年版.*不能相加$/) },
    ])
  })

  it('every received report', () => {
    const plan = compilePlan(rows, 'received', 2023)
    expect(plan.parts.map((p) => p.agency)).toEqual(['甲局', '乙局', '丙局'])
    expect(plan.leftOut.map((l) => l.agency)).toEqual(['戊局', '丁局'])
  })
})
