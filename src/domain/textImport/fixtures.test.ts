/// <reference types="node" />
// The published reports of tests/fixtures, recognised.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { getEdition, inputCellsOf } from '../edition'
import { cleanValues, normalizeText, TEXT_KEYS } from '../report'
import { resolveValues } from '../totals'
import { type RecognisedReport, recogniseText } from '.'

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), 'utf8')

function recognise(name: string): RecognisedReport {
  const result = recogniseText(fixture(name))
  if (!result.ok) throw new Error(result.error)
  return result.report
}

/** Every input cell of the edition not in `filled` is blank. */
function expectBlankExcept(report: RecognisedReport, filled: Record<string, number>) {
  expect(report.values).toEqual(filled)
  const blank = inputCellsOf(getEdition(report.edition)).filter((c) => !(c.key in filled))
  for (const c of blank) expect(report.values[c.key]).toBeUndefined()
}

describe('jining-cgj-2020.txt (a whole report, tables flattened to one cell per line)', () => {
  const sample = JSON.parse(fixture('jining-cgj-2020.json')) as {
    edition: string
    agency: string
    year: number
    values: Record<string, number>
    texts: Record<string, string>
  }
  const report = recognise('jining-cgj-2020.txt')

  it('tells the edition from its labels, agency and year from the title broken over lines', () => {
    expect(report.edition).toBe('2019')
    expect(report.agency).toBe('济宁市城市管理局')
    expect(report.year).toBe(2020)
  })

  it('recognises exactly the values of the transcribed sample', () => {
    const edition = getEdition('2019')
    expect(report.values).toEqual(cleanValues(edition, sample.values))
    // Every input cell is filled, and the totals the text states agree with the sums.
    expect(Object.keys(report.values)).toHaveLength(inputCellsOf(edition).length)
    const resolved = resolveValues(edition, report.values)
    for (const [key, value] of Object.entries(sample.values)) expect(resolved.get(key), key).toBe(value)
    expect(report.totalMismatches).toEqual([])
  })

  it('recognises exactly the texts of the sample', () => {
    for (const key of TEXT_KEYS)
      expect(normalizeText(report.texts[key]), key).toBe(normalizeText(sample.texts[key] ?? ''))
    expect(report.texts.overview.split('\n')).toContain('（二）依申请公开情况')
  })

  it('leaves nothing unrecognised or ignored', () => {
    expect(report.unrecognised).toEqual([])
    expect(report.ignored).toEqual([])
    expect(report.preamble).toBe('')
  })
})

describe('tianjin-hexi-zwfwb-2022-partial.txt (| cells, half-width brackets, 商业 企业)', () => {
  const report = recognise('tianjin-hexi-zwfwb-2022-partial.txt')
  const zeros = (row: string, columns: string[]) => Object.fromEntries(columns.map((c) => [`${row}.${c}`, 0]))
  const applicants = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']

  it('imports table 二 and the top of 三, right, and leaves the rest blank', () => {
    expect(report.edition).toBe('2021')
    expect(report.values['active.licensing.decisions']).toBe(1517)
    expect(report.values['requests.new.natural']).toBe(1)
    expect(report.values['requests.new.other_org']).toBe(3)
    expect(report.values['requests.open.other_org']).toBe(3)
    expectBlankExcept(report, {
      ...zeros('active.rules', ['issued', 'repealed', 'in_force']),
      ...zeros('active.normative', ['issued', 'repealed', 'in_force']),
      'active.licensing.decisions': 1517,
      'active.penalty.decisions': 0,
      'active.enforcement.decisions': 0,
      'active.fees.amount': 0,
      ...zeros('requests.new', applicants),
      'requests.new.natural': 1,
      'requests.new.other_org': 3,
      ...zeros('requests.carried_in', applicants),
      ...zeros('requests.open', applicants),
      'requests.open.natural': 1,
      'requests.open.other_org': 3,
    })
    expect(report.totalMismatches).toEqual([])
  })

  it('keeps the overview, the introduction apart, and ignores the cut-off cell', () => {
    expect(report.texts.overview).toMatch(/^按照区委、区政府有关要求/)
    expect(report.preamble).toContain('本年度报告根据《中华人民共和国政府信息公开条例》')
    expect(report.texts.problems).toBe('')
    expect(report.ignored).toEqual(['(二)部分'])
    expect(report.unrecognised).toEqual([])
    expect(report.agency).toBeUndefined()
  })
})

describe('shaoxing-donghu-2023-partial.txt (本年(2023)制发件数, 规范性文件)', () => {
  const report = recognise('shaoxing-donghu-2023-partial.txt')

  it('tells edition 2021 despite the year in the labels and reads 规范性文件 as 行政规范性文件', () => {
    expect(report.edition).toBe('2021')
    expectBlankExcept(report, {
      'active.rules.issued': 0,
      'active.rules.repealed': 0,
      'active.rules.in_force': 0,
      'active.normative.issued': 0,
      'active.normative.repealed': 1,
      'active.normative.in_force': 0,
    })
  })

  it('keeps the overview with its subsections as paragraphs', () => {
    const paragraphs = report.texts.overview.split('\n')
    expect(paragraphs[0]).toMatch(/^根据《中华人民共和国政府信息公开条例》的要求/)
    expect(paragraphs).toContain('(二)规范依申请公开办理')
    expect(report.texts.overview).toContain('因信息公开引起的行政复议31件,行政诉讼0件')
    expect(report.ignored).toEqual(['信息内容 | 本年(2023)处理决定'])
  })
})

describe('wuhan-sthjj-2020-partial.txt (Traditional script, annotated labels, an extra row)', () => {
  const report = recognise('wuhan-sthjj-2020-partial.txt')

  it('reads the 2019 table through the Traditional characters and the annotations', () => {
    expect(report.edition).toBe('2019')
    expectBlankExcept(report, {
      'active.rules.made': 0,
      'active.rules.published': 0,
      'active.rules.public_total': 0,
      // 規範性檔案(…): the Taiwan-phrased 规范性文件
      'active.normative.made': 2,
      'active.normative.published': 2,
      'active.normative.public_total': 19,
      'active.licensing.prev_items': 8,
      'active.licensing.change': 5,
      'active.licensing.decisions': 93,
      'active.other_services.prev_items': 117,
      'active.other_services.change': 0,
      'active.other_services.decisions': 165,
      'active.penalty.prev_items': 90,
      'active.penalty.change': 0,
      'active.penalty.decisions': 22,
      'active.enforcement.prev_items': 4,
      'active.enforcement.change': 4,
      // a lone dash is none
      'active.enforcement.decisions': 0,
    })
  })

  it('ignores the provincial extra row and leaves the empty 收费 row and the cut 采购 row blank', () => {
    expect(report.ignored).toHaveLength(1)
    expect(report.ignored[0]).toMatch(/^其他主動公開檔案.*\| 186 \| 86 \| 255$/)
    expect(report.values['active.fees.prev_items']).toBeUndefined()
    expect(report.values['active.procurement.projects']).toBeUndefined()
    expect(report.unrecognised).toEqual([])
    expect(report.preamble).toMatch(/現將我局2020年度政府信息公開情況報告如下。$/)
  })
})
