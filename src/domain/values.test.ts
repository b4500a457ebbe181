import { describe, expect, it } from 'vitest'
import type { ValueKind } from './format'
import { domainError, formatValue, parseValue } from './values'

const accepted: [input: string, kind: ValueKind, value: number | null][] = [
  // blank is not 0
  ['', 'count', null],
  ['   ', 'count', null],
  ['\u3000\u00a0', 'amount', null],
  // plain, with surrounding spaces (ASCII, full-width U+3000, NBSP)
  ['12', 'count', 12],
  [' 12 ', 'count', 12],
  ['\u300012\u3000', 'count', 12],
  ['\u00a012\u00a0', 'count', 12],
  ['0', 'count', 0],
  ['007', 'count', 7],
  ['3.0', 'count', 3],
  // full-width digits, signs, dot and comma
  ['１２', 'count', 12],
  ['－２', 'change', -2],
  ['＋４', 'change', 4],
  ['＋４', 'count', 4],
  ['１，０３６', 'count', 1036],
  ['６６．３６', 'amount', 66.36],
  // thousands separators
  ['1,036', 'count', 1036],
  ['1，036', 'count', 1036],
  ['12,345,678', 'count', 12345678],
  ['1,036.5', 'amount', 1036.5],
  // signs and words for a change
  ['+4', 'change', 4],
  ['-8', 'change', -8],
  ['\u22128', 'change', -8],
  ['减3', 'change', -3],
  ['增5', 'change', 5],
  ['减少3', 'change', -3],
  ['增加5', 'change', 5],
  ['减 3', 'change', -3],
  ['-0', 'change', 0],
  ['+4', 'count', 4],
  ['增5', 'count', 5],
  ['减0', 'count', 0],
  // units after a count or a change
  ['12件', 'count', 12],
  ['12 件', 'count', 12],
  ['3项', 'count', 3],
  ['4个', 'count', 4],
  ['5条', 'count', 5],
  ['减2项', 'change', -2],
  // amounts: plain number = 万元; 元, 万, 万元, 亿, 亿元 converted to 万元
  ['66.36', 'amount', 66.36],
  ['66.36万元', 'amount', 66.36],
  ['66.36万', 'amount', 66.36],
  ['251000元', 'amount', 25.1],
  ['251,000元', 'amount', 25.1],
  ['1元', 'amount', 0.0001],
  ['1.2亿元', 'amount', 12000],
  ['1.23456789亿', 'amount', 12345.6789],
  ['0.1234', 'amount', 0.1234],
  ['12.3000', 'amount', 12.3],
  // a lone dash of any kind, a slash or 无: none, i.e. 0
  ['-', 'count', 0],
  ['－', 'count', 0],
  ['—', 'count', 0],
  ['——', 'count', 0],
  ['–', 'count', 0],
  ['\u2212', 'count', 0],
  ['/', 'count', 0],
  ['／', 'count', 0],
  ['-', 'change', 0],
  ['—', 'amount', 0],
  ['无', 'count', 0],
  ['无', 'change', 0],
  ['无', 'amount', 0],
  [' 无 ', 'count', 0],
]

const rejected: [input: string, kind: ValueKind, error: string][] = [
  ['abc', 'count', '“abc”不是数字，请填写不小于0的整数'],
  ['abc', 'change', '“abc”不是数字，请填写整数（可带正负号）'],
  ['abc', 'amount', '“abc”不是数字，请填写不小于0的金额（万元，最多4位小数）'],
  ['1.2.3', 'count', '“1.2.3”不是数字，请填写不小于0的整数'],
  ['3件abc', 'count', '“3件abc”不是数字，请填写不小于0的整数'],
  ['件', 'count', '“件”不是数字，请填写不小于0的整数'],
  ['减', 'change', '“减”不是数字，请填写整数（可带正负号）'],
  ['+', 'change', '“+”不是数字，请填写整数（可带正负号）'],
  ['1,03', 'count', '“1,03”不是数字，请填写不小于0的整数'],
  ['1 036', 'count', '“1 036”不是数字，请填写不小于0的整数'],
  ['-1-', 'change', '“-1-”不是数字，请填写整数（可带正负号）'],
  ['12万元', 'count', '“12万元”的单位不对，请填写不小于0的整数'],
  ['12元', 'change', '“12元”的单位不对，请填写整数（可带正负号）'],
  ['12件', 'amount', '“12件”的单位不对，请填写不小于0的金额（万元，最多4位小数）'],
  ['减3', 'count', '件数不能为负数（“减3”）'],
  ['-2', 'count', '件数不能为负数（“-2”）'],
  ['－２', 'count', '件数不能为负数（“－２”）'],
  ['1.5', 'count', '件数须为整数（“1.5”）'],
  ['1.5', 'change', '增减数须为整数（“1.5”）'],
  ['-3', 'amount', '金额不能为负数（“-3”）'],
  ['0.12345万元', 'amount', '金额最多保留4位小数（万元）（“0.12345万元”）'],
  ['0.12345', 'amount', '金额最多保留4位小数（万元）（“0.12345”）'],
  ['1.5元', 'amount', '金额最多保留4位小数（万元），“1.5元”即0.00015万元'],
  ['1.234567891亿元', 'amount', '金额最多保留4位小数（万元），“1.234567891亿元”即12345.67891万元'],
]

describe('parseValue accepts', () => {
  it.each(accepted)('%j as %s → %j', (input, kind, value) => {
    expect(parseValue(input, kind)).toEqual({ ok: true, value })
  })

  it.each([
    ['-0', 'change'],
    ['减0', 'count'],
    ['-0元', 'amount'],
  ] as [string, ValueKind][])('never returns -0 (%j as %s)', (input, kind) => {
    const result = parseValue(input, kind)
    expect(result.ok && Object.is(result.value, 0)).toBe(true)
  })
})

describe('parseValue rejects', () => {
  it.each(rejected)('%j as %s', (input, kind, error) => {
    expect(parseValue(input, kind)).toEqual({ ok: false, error })
  })

  it('names what was typed, trimmed, not the normalised text', () => {
    expect(parseValue('\u3000ａｂｃ\u3000', 'count')).toEqual({
      ok: false,
      error: '“ａｂｃ”不是数字，请填写不小于0的整数',
    })
  })
})

describe('formatValue', () => {
  const cases: [value: number | null | undefined, kind: ValueKind, text: string][] = [
    [null, 'count', ''],
    [undefined, 'amount', ''],
    [0, 'count', '0'],
    [1036, 'count', '1036'],
    [-2, 'change', '-2'],
    [4, 'change', '4'],
    [-0, 'change', '0'],
    [66.36, 'amount', '66.36'],
    [25.1, 'amount', '25.1'],
    [12000, 'amount', '12000'],
    [0.0001, 'amount', '0.0001'],
    [251000 / 10000, 'amount', '25.1'],
    [0.1 + 0.2, 'amount', '0.3'],
    [1234567.1234, 'amount', '1234567.1234'],
  ]
  it.each(cases)('%j as %s → %j', (value, kind, text) => {
    expect(formatValue(value, kind)).toBe(text)
  })

  it.each([
    ['1036', 'count'],
    ['-2', 'change'],
    ['66.36', 'amount'],
    ['0.0001', 'amount'],
  ] as [string, ValueKind][])('round-trips %j as %s', (text, kind) => {
    const parsed = parseValue(text, kind)
    expect(parsed.ok && formatValue(parsed.value, kind)).toBe(text)
  })
})

describe('domainError', () => {
  const cases: [value: number, kind: ValueKind, error: string | undefined][] = [
    [0, 'count', undefined],
    [12, 'count', undefined],
    [-1, 'count', '件数不能为负数（“-1”）'],
    [1.5, 'count', '件数须为整数（“1.5”）'],
    [-3, 'change', undefined],
    [4, 'change', undefined],
    [0.5, 'change', '增减数须为整数（“0.5”）'],
    [0, 'amount', undefined],
    [66.36, 'amount', undefined],
    [0.0001, 'amount', undefined],
    [-0.5, 'amount', '金额不能为负数（“-0.5”）'],
    [0.00015, 'amount', '金额最多保留4位小数（万元）（“0.00015”）'],
    [Number.NaN, 'count', '“NaN”不是数字，请填写不小于0的整数'],
  ]
  it.each(cases)('%j as %s', (value, kind, error) => {
    expect(domainError(value, kind)).toBe(error)
  })
})
