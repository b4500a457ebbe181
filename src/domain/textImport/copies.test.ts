/// <reference types="node" />
// Real copies of published tables, the shapes that used to lose cells: our print view copied as
// text in Chromium (tabs, a group label on its first row's line), the pdftotext -layout of its
// PDF (spaces, group labels in pieces beside rows, labels wrapped, header broken over lines, two
// rows' values run together), and the |-separated copy of a web page (tianjin fixture) with
// empty cells. Every value recognised must be the report's; what is not certain stays blank.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { getEdition, inputCellsOf } from '../edition'
import { cleanValues } from '../report'
import type { Values } from '../report'
import { type RecognisedReport, recogniseText } from '.'

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), 'utf8')

function recognise(text: string): RecognisedReport {
  const result = recogniseText(text)
  if (!result.ok) throw new Error(result.error)
  return result.report
}

const truth: Record<string, { edition: string; values: Values }> = {
  'print-jining-cgj-2020': JSON.parse(fixture('jining-cgj-2020.json')) as { edition: string; values: Values },
  'print-2021': JSON.parse(fixture('pdf/print-2021.json')) as { edition: string; values: Values },
}
const expectedOf = (name: string) => cleanValues(getEdition(truth[name]!.edition), truth[name]!.values)

/** Every value recognised is the report's own (nothing placed wrong). */
function expectNothingWrong(report: RecognisedReport, expected: Values) {
  for (const [key, value] of Object.entries(report.values)) expect(value, key).toBe(expected[key])
}

const row = (values: Values, table: string, rowKey: string) =>
  Object.fromEntries(Object.entries(values).filter(([k]) => k.startsWith(`${table}.${rowKey}.`)))

describe.each(['print-jining-cgj-2020', 'print-2021'])('%s copied from the print view in Chromium', (name) => {
  const report = recognise(fixture(`copies/${name}.chromium-copy.txt`))
  const expected = expectedOf(name)

  it('every cell, a group label on the line of its first row (（三）不予公开 → 1.属于国家秘密)', () => {
    expect(report.values).toEqual(expected)
    expect(Object.keys(report.values)).toHaveLength(inputCellsOf(getEdition(truth[name]!.edition)).length)
    expect(report.unrecognised).toEqual([])
    expect(report.ignored).toEqual([])
  })
})

describe.each(['print-jining-cgj-2020', 'print-2021'])('%s: pdftotext -layout of its PDF', (name) => {
  const text = fixture(`copies/${name}.pdftotext-layout.txt`)
  const report = recognise(text)
  const expected = expectedOf(name)

  it('nothing placed wrong', () => expectNothingWrong(report, expected))

  it('a group label, or a piece of it, beside a row’s label: the row is read (三、 （一）予以公开 · 果 1.属于国家秘密)', () => {
    expect(text).toMatch(/三、 （一）予以公开/)
    expect(row(report.values, 'requests', 'open')).toEqual(row(expected, 'requests', 'open'))
    expect(row(report.values, 'requests', 'deny_secret')).toEqual(row(expected, 'requests', 'deny_secret'))
    expect(Object.keys(row(report.values, 'requests', 'deny_secret'))).toHaveLength(6)
  })

  it('a label wrapped after its values (2.其他法律行政法规禁止 … / 公开) and before them (（二）部分公开… / 这一情形…)', () => {
    expect(row(report.values, 'requests', 'deny_law')).toEqual(row(expected, 'requests', 'deny_law'))
    expect(Object.keys(row(report.values, 'requests', 'deny_law'))).toHaveLength(6)
    expect(row(report.values, 'requests', 'partial')).toEqual(row(expected, 'requests', 'partial'))
    expect(Object.keys(row(report.values, 'requests', 'partial'))).toHaveLength(6)
  })

  it('a header broken over lines (自然人 商业 科研 社会 / 公益 / … / 企业 机构 组织 机构) is not listed as text not understood', () => {
    expect(text).toMatch(/\n\s*(?:公益|法律)\n/)
    expect(report.ignored.filter((l) => /公益|企业|维持/.test(l))).toEqual([])
  })
})

it('two rows’ values run together by the layout (00) are listed, not read as 0', () => {
  const report = recognise(fixture('copies/print-jining-cgj-2020.pdftotext-layout.txt'))
  expect(row(report.values, 'requests', 'deny_internal')).toEqual({})
  expect(report.unrecognised.map((u) => u.cell)).toContain('requests.deny_internal.natural')
  expect(report.unrecognised[0]!.reason).toContain('两个数连在一起')
})

describe('empty cells kept as empty separators (tianjin: a |-separated web copy)', () => {
  const original = fixture('tianjin-hexi-zwfwb-2022-partial.txt')
  const line = original.split('\n').find((l) => l.startsWith('规章 |'))!

  it('| 0 |  | 0 |: the blank stays blank, the others keep their columns', () => {
    const copy = original.replace(line, '规章 | 0 |  | 0 |')
    const report = recognise(copy)
    expect(report.values['active.rules.issued']).toBe(0)
    expect(report.values['active.rules.repealed']).toBeUndefined()
    expect(report.values['active.rules.in_force']).toBe(0)
    expect(report.unrecognised).toEqual([])
  })
})

describe('the 总计 column of a copy (2021, Chromium copy of the print view)', () => {
  const copy = fixture('copies/print-2021.chromium-copy.txt')
  const expected = expectedOf('print-2021')
  const lines = copy.split('\n')
  const newLine = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量\t'))

  it('left empty: every input still read, no total stated', () => {
    const cut = lines.map((l) =>
      /^.*申请数量\t|^（.）|^四、结转/.test(l) && l.includes('\t') ? l.replace(/\t\d+$/, '\t') : l,
    )
    const report = recognise(cut.join('\n'))
    expect(report.values).toEqual(expected)
    expect(report.totalMismatches).toEqual([])
  })

  it('holding a number that disagrees: every input read, the disagreement named', () => {
    const wrong = [...lines]
    wrong[newLine] = wrong[newLine]!.replace(/\t\d+$/, '\t9999')
    const report = recognise(wrong.join('\n'))
    expect(report.values).toEqual(expected)
    expect(report.totalMismatches).toEqual([
      expect.objectContaining({ cell: 'requests.new.total', stated: 9999, computed: expect.any(Number) }),
    ])
  })
})

it('pdftotext in reading order (labels and values in separate runs): what it reads is right', () => {
  const report = recognise(fixture('copies/print-jining-cgj-2020.pdftotext.txt'))
  expectNothingWrong(report, expectedOf('print-jining-cgj-2020'))
  expect(report.unrecognised.length).toBeGreaterThan(0)
})
