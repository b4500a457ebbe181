import { describe, expect, it } from 'vitest'
import { copiedAcross, copiedFromLastYear, fillerParts, ownReview, textPrints, wrongYear } from './deskReview'
import { sampleReport } from '@/testing/fixtures'
import { realisticTexts } from '@/testing/realisticTexts'

function report(agency: string, year: number, seed: number, createdAt = seed) {
  return {
    ...sampleReport(),
    id: `${agency}-${year}`,
    agency,
    year,
    createdAt,
    texts: realisticTexts(agency, year, seed),
  }
}

describe('texts copied', () => {
  it('from last year: the same part nearly unchanged, numbers updated', () => {
    const last = report('甲局', 2022, 1)
    const copied = {
      ...report('甲局', 2023, 2),
      texts: { ...last.texts, overview: last.texts.overview.replaceAll('2022', '2023').replace(/\d{3}条/, '999条') },
    }
    const found = copiedFromLastYear(copied, last)
    expect(found.map((f) => f.text)).toContain('overview')
    expect(found.find((f) => f.text === 'overview')!.message).toMatch(
      /^一、总体情况：与本机关2022年报告的同一部分相似度9\d%，疑似照搬上年内容$/,
    )
    expect(copiedFromLastYear(report('甲局', 2023, 3), last)).toEqual([])
  })

  it('from another department: reported once, on the later report, naming the earlier', () => {
    const reports = Array.from({ length: 40 }, (_, i) => report(`第${i + 1}局`, 2023, i + 10))
    const source = reports[4]!
    const copy = {
      ...reports[30]!,
      texts: { ...reports[30]!.texts, overview: source.texts.overview.replaceAll('第5局', '第31局') },
    }
    reports[30] = copy
    const found = copiedAcross(reports, (r) => textPrints(r.texts))
    expect([...found.keys()]).toEqual([copy.id])
    expect(found.get(copy.id)!.map((f) => f.message)).toEqual([
      expect.stringMatching(/^一、总体情况：与「第5局」2023年报告的同一部分相似度9\d%，疑似照抄$/),
    ])
  })

  it('never between short texts such as 无 or one sentence', () => {
    const a = { ...report('甲局', 2023, 1), texts: { overview: '本年度工作情况良好。', problems: '无', other: '无' } }
    const b = { ...report('乙局', 2023, 2), texts: { ...a.texts } }
    expect(copiedAcross([a, b], (r) => textPrints(r.texts)).size).toBe(0)
  })
})

describe('the wrong year', () => {
  const overview = (text: string) => ({
    year: 2023,
    edition: '2021',
    texts: { overview: text, problems: '', other: '' },
  })

  it('is noticed when 一 speaks of another year throughout', () => {
    const found = wrongYear(overview('2022年，本局主动公开信息100条。2022年收到申请5件。全年（2022年）未收费。'))
    expect(found).toHaveLength(1)
    expect(found[0]!.severity).toBe('notice')
    expect(found[0]!.message).toBe('一、总体情况：3处写的是2022年，而本报告是2023年度的报告，请核对年份')
  })

  it('is quiet on comparisons with last year and on titles', () => {
    expect(wrongYear(overview('2023年，本局公开信息100条，比2022年增加5条。与2022年相比，申请增加。'))).toEqual([])
    expect(wrongYear(overview('2023年，依据《2022年政务公开工作要点》《2022年度考核办法》开展工作。'))).toEqual([])
    expect(wrongYear(overview('2023年收到申请，2023年办结，其中2022年结转的2件已办结。'))).toEqual([])
  })
})

describe('filler in 五 and 六', () => {
  const texts = (problems: string, other: string) => ({ edition: '2021', texts: { overview: 'x', problems, other } })

  it('a single line of 无, 暂无, 本年度无其他需要报告的事项 is a warning', () => {
    expect(fillerParts(texts('无。', '本年度无其他需要报告的事项。')).map((f) => [f.text, f.severity])).toEqual([
      ['problems', 'warning'],
      ['other', 'warning'],
    ])
    expect(fillerParts(texts('暂无', '/'))[1]!.message).toBe(
      '六、其他需要报告的事项：只写了「/」，请如实写明需要报告的事项（如收取信息处理费的情况）',
    )
  })

  it('a real sentence, or an empty part (a blank, counted elsewhere), is not filler', () => {
    expect(fillerParts(texts('信息公开平台建设还需加强。', '本年度未收取信息处理费。'))).toEqual([])
    expect(fillerParts(texts('', ''))).toEqual([])
  })
})

it('a report’s own review runs the cross-year checks only with last year’s report', () => {
  const last = report('甲局', 2022, 1)
  const now = { ...report('甲局', 2023, 2), values: { ...last.values, 'requests.carried_in.natural': 99 } }
  const rules = (f: { rule: string }[]) => f.map((x) => x.rule)
  expect(rules(ownReview(now, last))).toContain('carry.requests')
  expect(rules(ownReview(now))).not.toContain('carry.requests')
})
