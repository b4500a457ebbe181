import { describe, expect, it } from 'vitest'
import { getEdition, textsOf } from './edition'
import { JUDGE_FROM_CHARS, coverage, guidanceCheck } from './guidance'
import { reviewReport } from './review'
import { sampleReport } from '@/testing/fixtures'

const e2021 = getEdition('2021')
const overview = textsOf(e2021).find((t) => t.key === 'overview')!
const texts = (t: Partial<Record<'overview' | 'problems' | 'other', string>>) => ({
  overview: '',
  problems: '',
  other: '',
  ...t,
})
const check = (t: Parameters<typeof texts>[0]) =>
  guidanceCheck(e2021, { edition: '2021', values: {}, texts: texts(t) }, new Map())

const FULL =
  '本年度主动公开政府信息120条。收到政府信息公开申请3件，均按时答复。加强政府信息管理，开展规范性文件清理。' +
  '优化政府网站信息公开专栏。强化监督保障，开展培训2次，纳入年度考核。'

describe('the guidance of the 2021 edition', () => {
  it('is data of the edition: 一 lists the five aspects of 国办公开办函〔2021〕30号', () => {
    expect(overview.guidance?.source).toBe('国办公开办函〔2021〕30号')
    expect(overview.guidance?.items.map((i) => i.topic)).toEqual([
      '主动公开',
      '依申请公开',
      '政府信息管理',
      '平台建设',
      '监督保障',
    ])
  })

  it('marks each aspect covered, or missing once the part is long enough to judge', () => {
    expect(coverage(overview.guidance!, FULL)).toEqual(['covered', 'covered', 'covered', 'covered', 'covered'])
    const noPlatform = FULL.replace('优化政府网站信息公开专栏。', '认真落实各项工作要求，做到应公开尽公开。')
    expect(coverage(overview.guidance!, noPlatform)[3]).toBe('missing')
    // Too short to judge: silence.
    expect(coverage(overview.guidance!, '主动公开信息。')).toEqual([
      'covered',
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ])
  })

  it('gives one notice per aspect left out entirely, naming it; none for a full part, a short one or an empty one', () => {
    expect(check({ overview: FULL })).toEqual([])
    const without = FULL.replace('优化政府网站信息公开专栏。', '认真落实各项工作要求，做到应公开尽公开。')
    const found = check({ overview: without })
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ rule: 'guidance.missing', severity: 'notice', text: 'overview' })
    expect(found[0]!.message).toContain('一、总体情况：没有写到“平台建设”')
    expect(check({ overview: '' })).toEqual([])
    expect(check({ other: '无' })).toEqual([])
    const longOther = '本机关本年度认真落实上级部署，' + '各项工作有序推进，'.repeat(Math.ceil(JUDGE_FROM_CHARS / 9))
    expect(check({ other: longOther }).map((f) => f.message)).toEqual([
      expect.stringContaining('六、其他需要报告的事项：没有写到“信息处理费”'),
    ])
  })

  it('says nothing about the sample report (a 2019 report is never judged on the 2021 aspects)', () => {
    expect(reviewReport(sampleReport()).filter((f) => f.rule === 'guidance.missing')).toEqual([])
  })
})
