/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { getEdition, inputCellsOf } from './edition'
import type { Finding } from './findings'
import { NARRATIVE_PATTERNS, narrativeCheck } from './narrative'
import { cleanValues, emptyTexts } from './report'
import type { ReportTexts, Values } from './report'
import { resolveValues } from './totals'

const sample = JSON.parse(
  readFileSync(new URL('../../tests/fixtures/jining-cgj-2020.json', import.meta.url), 'utf8'),
) as {
  values: Record<string, number>
  texts: ReportTexts
}

function run(editionKey: string, values: Values, texts: Partial<ReportTexts>): Finding[] {
  const edition = getEdition(editionKey)
  return narrativeCheck(
    edition,
    { edition: editionKey, values, texts: { ...emptyTexts(), ...texts } },
    resolveValues(edition, values),
  )
}

/** Every input cell 0, then `patch`. */
function zeros(editionKey: string, patch: Values = {}): Values {
  return { ...Object.fromEntries(inputCellsOf(getEdition(editionKey)).map((c) => [c.key, 0])), ...patch }
}

describe('the sample report', () => {
  const values = cleanValues(getEdition('2019'), sample.values)

  it('unchanged: no narrative findings (行政处罚和行政强制共132项 is their sum)', () => {
    expect(run('2019', values, sample.texts)).toEqual([])
  })

  it('with 收到政府信息公开申请数量5件: exactly one warning naming 5 and 3', () => {
    const overview = sample.texts.overview.replace('收到政府信息公开申请数量3件', '收到政府信息公开申请数量5件')
    expect(overview).not.toBe(sample.texts.overview)
    const findings = run('2019', values, { ...sample.texts, overview })
    expect(findings).toHaveLength(1)
    const [f] = findings
    expect(f).toMatchObject({
      rule: 'narrative.received',
      severity: 'warning',
      cells: ['requests.new.total'],
      text: 'overview',
    })
    expect(f!.message).toBe(
      '一、总体情况中“市城市管理局2020年共收到政府信息公开申请数量5件，其中已办理申请2件，12月26日收到的依申请公开转入2021年办理”所述收到的申请数为5，而表中三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 总计为3',
    )
  })
})

describe('信息处理费 notice (2021)', () => {
  const values = zeros('2021', { 'requests.other_no_fee.natural': 1 })

  it('other_no_fee > 0 and 六 silent about 信息处理费: a notice', () => {
    expect(run('2021', values, { other: '无' })).toEqual([
      {
        rule: 'narrative.fee_notice',
        severity: 'notice',
        cells: ['requests.other_no_fee.total'],
        text: 'other',
        message: expect.stringContaining('信息处理费'),
      },
    ])
  })

  it('六 mentions 信息处理费, or nothing was dropped for fees, or edition 2019: none', () => {
    expect(run('2021', values, { other: '本年度向1名申请人发出收取信息处理费通知，申请人逾期未缴纳。' })).toEqual([])
    expect(run('2021', zeros('2021'), { other: '无' })).toEqual([])
    expect(run('2019', zeros('2019'), { other: '无' })).toEqual([])
  })
})

/**
 * Per pattern: the table values, a sentence that disagrees with them (one finding, stating
 * `stated`), and sentences that must stay silent.
 */
const cases: { what: string; edition: string; patch: Values; wrong: string; stated: number; right: string[] }[] = [
  {
    what: 'received',
    edition: '2021',
    patch: { 'requests.new.natural': 3 },
    wrong: '本年度共收到政府信息公开申请5件。',
    stated: 5,
    right: [
      '本年度共收到政府信息公开申请3件，其中网上申请2件。',
      '共收到申请2件、信函申请1件。',
      '上年收到政府信息公开申请9件。',
      '共收到政府信息公开申请5件（含网上申请2件）。',
    ],
  },
  {
    what: 'received',
    edition: '2021',
    patch: { 'requests.new.natural': 3 },
    wrong: '本年度未收到政府信息公开申请。',
    stated: 0,
    right: ['本年度收到的政府信息公开申请均已办结。'],
  },
  {
    // 依申请公开 as the noun, and a count in Chinese numerals (both in published reports).
    what: 'received',
    edition: '2019',
    patch: { 'requests.new.natural': 3 },
    wrong: '本年度共受理依申请公开两件。',
    stated: 2,
    right: ['本年度共收到依申请公开3件。', '共收到政府信息公开申请三件。', '受理依申请公开一事已办结。'],
  },
  {
    what: 'handled',
    edition: '2021',
    patch: { 'requests.open.natural': 2, 'requests.new.natural': 2 },
    wrong: '办理依申请公开申请十二件。',
    stated: 12,
    right: ['全年办理依申请公开2件。', '办理依申请公开申请两件。'],
  },
  {
    what: 'carried_in',
    edition: '2021',
    patch: { 'requests.carried_in.legal': 2 },
    wrong: '上年结转政府信息公开申请1件。',
    stated: 1,
    right: ['上年结转政府信息公开申请2件。', '上一年度结转的申请已全部办结。'],
  },
  {
    what: 'handled',
    edition: '2021',
    patch: { 'requests.open.natural': 2, 'requests.new.natural': 2 },
    wrong: '全年共办理政府信息公开申请4件。',
    stated: 4,
    right: ['全年共办理政府信息公开申请2件。', '共办理并答复信息公开申请1件、纸质申请1件。'],
  },
  {
    what: 'open',
    edition: '2021',
    patch: { 'requests.open.natural': 2 },
    wrong: '其中予以公开3件。',
    stated: 3,
    right: ['其中予以公开2件、部分公开0件、不予公开0件。', '不予以公开理由充分。'],
  },
  {
    what: 'partial',
    edition: '2021',
    patch: { 'requests.partial.research': 1 },
    wrong: '部分公开2件。',
    stated: 2,
    right: ['予以公开0件、部分公开1件。', '予以公开和部分公开1件。'],
  },
  {
    what: 'open_partial',
    edition: '2021',
    patch: { 'requests.open.natural': 2, 'requests.partial.natural': 1 },
    wrong: '予以公开及部分公开4件。',
    stated: 4,
    right: ['予以公开和部分公开3件。', '予以公开2件、部分公开1件。'],
  },
  {
    what: 'deny',
    edition: '2021',
    patch: { 'requests.deny_secret.natural': 1, 'requests.deny_process.natural': 1 },
    wrong: '不予公开1件。',
    stated: 1,
    right: ['不予公开2件。', '不予公开的理由已告知申请人。'],
  },
  {
    what: 'none',
    edition: '2019',
    patch: { 'requests.none_not_held.commercial': 2 },
    wrong: '因本机关不掌握相关信息，无法提供3件。',
    stated: 3,
    right: ['无法提供2件。', '无法提供的均已说明理由。'],
  },
  {
    what: 'skip',
    edition: '2021',
    patch: { 'requests.skip_repeat.natural': 1 },
    wrong: '不予处理2件。',
    stated: 2,
    right: ['不予处理1件。', '对不予处理的申请均书面告知。'],
  },
  {
    what: 'carried_out',
    edition: '2019',
    patch: { 'requests.carried_out.natural': 1 },
    wrong: '结转下年度继续办理2件。',
    stated: 2,
    right: ['结转下年度继续办理1件。', '有1件申请转入下一年度办理。'],
  },
  {
    what: 'carried_out',
    edition: '2021',
    patch: { 'requests.carried_out.natural': 2 },
    wrong: '有3件转入下一年度办理。',
    stated: 3,
    right: ['顺延至下一年答复2件。'],
  },
  {
    what: 'review',
    edition: '2021',
    patch: { 'appeals.cases.review_upheld': 1 },
    wrong: '因政府信息公开引起的行政复议2件。',
    stated: 2,
    right: ['行政复议1件。', '行政复议结果维持1件，纠正0件。'],
  },
  {
    what: 'litigation',
    edition: '2021',
    patch: { 'appeals.cases.direct_upheld': 1, 'appeals.cases.after_review_pending': 1 },
    wrong: '行政诉讼3起。',
    stated: 3,
    right: ['行政诉讼2起。'],
  },
  {
    what: 'appeals',
    edition: '2021',
    patch: { 'appeals.cases.review_upheld': 1, 'appeals.cases.direct_upheld': 1 },
    wrong: '发生行政复议、行政诉讼共3件。',
    stated: 3,
    right: ['发生行政复议、行政诉讼共2件。', '行政复议1件，行政诉讼1件。'],
  },
  {
    what: 'penalty',
    edition: '2021',
    patch: { 'active.penalty.decisions': 12 },
    wrong: '公开行政处罚决定13件。',
    stated: 13,
    right: ['公开行政处罚决定12件。', '行政处罚和行政强制共12项。'],
  },
  {
    what: 'enforcement',
    edition: '2019',
    patch: { 'active.enforcement.decisions': 4 },
    wrong: '行政强制5件。',
    stated: 5,
    right: ['行政强制4件。', '行政强制事项19项。'],
  },
  {
    what: 'penalty_enforcement',
    edition: '2019',
    patch: { 'active.penalty.decisions': 132 },
    wrong: '行政处罚和行政强制共133项。',
    stated: 133,
    right: ['行政处罚和行政强制共132项。'],
  },
  {
    what: 'licensing',
    edition: '2021',
    patch: { 'active.licensing.decisions': 1517 },
    wrong: '办理行政许可1516件。',
    stated: 1516,
    right: ['办理行政许可1517件。', '公开行政许可事项25项。'],
  },
  {
    what: 'normative_issued',
    edition: '2021',
    patch: { 'active.normative.issued': 2 },
    wrong: '本年制发行政规范性文件3件。',
    stated: 3,
    right: ['本年制发规范性文件2件。', '清理规范性文件12件。'],
  },
  {
    what: 'normative_made',
    edition: '2019',
    patch: { 'active.normative.made': 2 },
    wrong: '本年制发规范性文件3件。',
    stated: 3,
    right: ['本年印发规范性文件2件。'],
  },
  {
    what: 'normative_repealed',
    edition: '2021',
    patch: { 'active.normative.repealed': 1 },
    wrong: '废止规范性文件2件。',
    stated: 2,
    right: ['废止规范性文件1件。'],
  },
  {
    what: 'normative_in_force',
    edition: '2021',
    patch: { 'active.normative.in_force': 9 },
    wrong: '现行有效规范性文件10件。',
    stated: 10,
    right: ['现行有效规范性文件9件。'],
  },
  {
    what: 'rules_issued',
    edition: '2021',
    patch: { 'active.rules.issued': 1 },
    wrong: '制定规章2件。',
    stated: 2,
    right: ['制定规章1件。'],
  },
  { what: 'rules_made', edition: '2019', patch: {}, wrong: '新制定规章1件。', stated: 1, right: ['新制定规章0件。'] },
  { what: 'rules_repealed', edition: '2021', patch: {}, wrong: '废止规章1件。', stated: 1, right: ['废止规章0件。'] },
  {
    what: 'rules_in_force',
    edition: '2021',
    patch: { 'active.rules.in_force': 3 },
    wrong: '现行有效规章4件。',
    stated: 4,
    right: ['现行有效规章3件。'],
  },
]

describe('patterns', () => {
  it('every declared pattern is tested', () => {
    expect(new Set(NARRATIVE_PATTERNS.map((p) => p.what))).toEqual(new Set(cases.map((c) => c.what)))
  })

  it.each(cases)('$what ($edition): “$wrong” disagrees with the table', ({ what, edition, patch, wrong, stated }) => {
    const findings = run(edition, zeros(edition, patch), { overview: wrong })
    expect(findings).toHaveLength(1)
    expect(findings[0]!.rule).toBe(`narrative.${what}`)
    expect(findings[0]!.severity).toBe('warning')
    expect(findings[0]!.message).toContain(`为${stated}，`)
  })

  it.each(cases)('$what ($edition): silent on $right', ({ edition, patch, right }) => {
    for (const sentence of right)
      expect(run(edition, zeros(edition, patch), { overview: sentence }), sentence).toEqual([])
  })

  it('with a blank cell: silent at or above what the filled cells add up to', () => {
    const values = zeros('2021', { 'requests.new.natural': 3 })
    delete values['requests.new.legal']
    expect(run('2021', values, { overview: '共收到政府信息公开申请5件。' })).toEqual([])
    expect(run('2021', values, { overview: '共收到政府信息公开申请3件。' })).toEqual([])
  })

  it('with a blank cell: a number below the filled cells’ sum is a warning naming that bound', () => {
    const values = zeros('2021', { 'requests.new.natural': 3, 'requests.new.commercial': 2 })
    delete values['requests.new.legal']
    const findings = run('2021', values, { overview: '共收到政府信息公开申请4件。本年度未收到政府信息公开申请。' })
    expect(findings.map((f) => f.rule)).toEqual(['narrative.received', 'narrative.received'])
    expect(findings[0]!.message).toBe(
      '一、总体情况中“共收到政府信息公开申请4件”所述收到的申请数为4，而表中三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 总计已填的格相加已有5（其余格尚空白，只会更多）',
    )
    expect(findings[1]!.message).toContain('为0，')
  })

  it('with a blank cell of a kind that may be negative or an amount: silent (no bound)', () => {
    const values = zeros('2019', { 'active.penalty.decisions': 5 })
    delete values['active.enforcement.decisions']
    expect(run('2019', values, { overview: '行政处罚和行政强制共4项。' })).toHaveLength(1)
    expect(run('2019', values, { overview: '行政处罚和行政强制共6项。' })).toEqual([])
    expect(run('2019', zeros('2019'), { overview: '行政处罚和行政强制共6项。' })).toHaveLength(1)
  })

  it('Chinese numerals are read as numbers, nonsense runs are not', async () => {
    const { readNumber } = await import('./narrative')
    expect([
      readNumber('两'),
      readNumber('十二'),
      readNumber('二十'),
      readNumber('一百零三'),
      readNumber('12'),
    ]).toEqual([2, 12, 20, 103, 12])
    expect(readNumber('一二')).toBeNaN()
  })

  it('full-width digits are read; the quote is cut to about 60 characters', () => {
    const long = `${'为进一步做好政府信息公开工作，'.repeat(4)}本年度共收到政府信息公开申请５件，${'均在法定期限内答复，'.repeat(4)}`
    const [f] = run('2021', zeros('2021', { 'requests.new.natural': 3 }), { overview: long })
    expect(f!.message).toContain('所述收到的申请数为5，')
    const quoted = /“(.*)”/.exec(f!.message)![1]!
    expect(quoted.length).toBeLessThanOrEqual(62)
    expect(quoted).toContain('收到政府信息公开申请５件')
  })

  it('reads only 一 by default: 五 may speak of other years', () => {
    expect(run('2021', zeros('2021'), { problems: '收到政府信息公开申请5件。' })).toEqual([])
  })
})
