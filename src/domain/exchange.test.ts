/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cellsOf, getEdition, inputCellsOf } from './edition'
import {
  EXCHANGE_KIND,
  MAX_DEPTH,
  MAX_FILE_BYTES,
  SCHEMA_VERSION,
  exchangeFileName,
  migrate,
  originFields,
  readExchangeData,
  readExchangeFile,
  serializeReport,
  toExchangeFile,
} from './exchange'
import type { ParsedExchange } from './exchange'
import { cleanTexts, createReport } from './report'
import type { Report } from './report'

// lastYear(NOW) is 2027.
const NOW = new Date('2026-06-01T12:00:00Z')
const FIXTURE = new URL('../../tests/fixtures/jining-cgj-2020.json', import.meta.url)

function validFile(): Record<string, unknown> {
  return {
    kind: EXCHANGE_KIND,
    schemaVersion: 1,
    edition: '2021',
    agency: '某市某局',
    year: 2022,
    values: { 'requests.new.natural': 1, 'requests.new.commercial': 2 },
    texts: { overview: '总体', problems: '问题', other: '无' },
    exportedAt: '2026-01-01T00:00:00.000Z',
    generator: 'test',
  }
}

function withField(field: string, value: unknown): Record<string, unknown> {
  return { ...validFile(), [field]: value }
}

function without(field: string): Record<string, unknown> {
  const file = validFile()
  delete file[field]
  return file
}

function withValues(values: Record<string, unknown>): Record<string, unknown> {
  return withField('values', values)
}

function readOk(data: unknown): ParsedExchange {
  const result = readExchangeData(data, 'x.json', NOW)
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`)
  return result.file
}

/** Reads through the text path (JSON) and returns the error, asserting refusal. */
function errorOf(data: unknown): { error: string; field?: string } {
  const result = readExchangeFile(JSON.stringify(data), 'x.json', NOW)
  if (result.ok) throw new Error('expected an error')
  return { error: result.error, field: result.field }
}

function nested(depth: number): unknown {
  let v: unknown = 0
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

function reportFrom(parsed: ParsedExchange): Report {
  const report = createReport(parsed.agency, parsed.year, parsed.edition, 0)
  return { ...report, values: parsed.values, texts: parsed.texts }
}

describe('the sample file', () => {
  const text = readFileSync(FIXTURE, 'utf8')
  const raw = JSON.parse(text) as { values: Record<string, number>; texts: Record<string, string> }

  it('reads back with no stated total differing from its sum', () => {
    const result = readExchangeFile(text, 'jining-cgj-2020.json', NOW)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { file } = result
    expect(file.agency).toBe('济宁市城市管理局')
    expect(file.year).toBe(2020)
    expect(file.edition).toBe('2019')
    expect(file.totalMismatches).toEqual([])
    expect(file.unknownFields).toEqual([])
    expect(file.generator).toBe('hand transcription of the published text')
    expect(file.exportedAt).toBe('2026-11-25T00:00:00.000Z')
  })

  it('gives exactly its input cells and its texts', () => {
    const file = readOk(raw)
    const inputKeys = new Set(inputCellsOf(getEdition('2019')).map((c) => c.key))
    const expected = Object.fromEntries(Object.entries(raw.values).filter(([k]) => inputKeys.has(k)))
    expect(file.values).toEqual(expected)
    // The sample is complete: every input cell is there.
    expect(Object.keys(file.values).length).toBe(inputKeys.size)
    expect(file.values['active.penalty.change']).toBe(-2)
    expect(file.values['active.procurement.amount']).toBe(66.36)
    expect(file.values['requests.new.total']).toBeUndefined()
    expect(file.texts).toEqual(cleanTexts(raw.texts))
    expect(file.texts.other).toBe('无')
  })

  it('writes back to the same values, totals included', () => {
    const file = readOk(raw)
    const written = toExchangeFile(reportFrom(file), 'test', NOW)
    expect(written.values).toEqual(raw.values)
    expect(Object.keys(written.values)).toEqual(Object.keys(raw.values))
  })
})

describe('round trip', () => {
  for (const key of ['2019', '2021']) {
    it(`keeps every value and text of a ${key} report`, () => {
      const edition = getEdition(key)
      const report = createReport('  某市某局  ', 2022, key, 0)
      // Distinct numbers in every input cell, a negative change and an amount with decimals among them.
      inputCellsOf(edition).forEach((cell, i) => {
        report.values[cell.key] =
          cell.column.kind === 'amount' ? i + 0.1234 : cell.column.kind === 'change' ? -i : i + 1
      })
      report.texts = { overview: '第一段\n第二段', problems: '问题“引号”\n改进', other: '' }
      const text = serializeReport(report, 'Nianbao test', NOW)
      const result = readExchangeFile(text, 'r.json', NOW)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.file.values).toEqual(report.values)
      expect(result.file.texts).toEqual(report.texts)
      expect(result.file.edition).toBe(key)
      expect(result.file.year).toBe(2022)
      expect(result.file.agency).toBe('某市某局')
      expect(result.file.totalMismatches).toEqual([])
      expect(result.file.unknownFields).toEqual([])
    })
  }
})

describe('toExchangeFile', () => {
  const report = createReport('某市某局', 2022, '2021', 0)
  report.values = { 'requests.new.commercial': 2, 'requests.new.natural': 1, 'appeals.cases.review_upheld': 0 }
  report.texts.overview = '总体'
  const file = toExchangeFile(report, 'Nianbao 0.1.0', NOW)

  it('writes the fields of the contract, in its order', () => {
    expect(Object.keys(file)).toEqual([
      'kind',
      'schemaVersion',
      'edition',
      'agency',
      'year',
      'values',
      'texts',
      'exportedAt',
      'generator',
    ])
    expect(file.kind).toBe(EXCHANGE_KIND)
    expect(file.schemaVersion).toBe(SCHEMA_VERSION)
    expect(file.exportedAt).toBe('2026-06-01T12:00:00.000Z')
    expect(file.generator).toBe('Nianbao 0.1.0')
    expect(file.texts).toEqual({ overview: '总体', problems: '', other: '' })
  })

  it('includes the totals, omits blank cells and follows the official cell order', () => {
    expect(file.values).toEqual({
      'requests.new.natural': 1,
      'requests.new.commercial': 2,
      'requests.new.total': 3,
      'appeals.cases.review_upheld': 0,
      'appeals.cases.review_total': 0,
    })
    const order = cellsOf(getEdition('2021')).map((c) => c.key)
    const keys = Object.keys(file.values)
    expect([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(keys)
  })

  it('serializes with two-space indentation', () => {
    expect(serializeReport(report, 'g', NOW)).toBe(JSON.stringify(toExchangeFile(report, 'g', NOW), null, 2))
    expect(serializeReport(report, 'g', NOW)).toContain('\n  "kind": "gov-info-disclosure-annual-report",')
  })
})

describe('exchangeFileName', () => {
  it('names the file after the report', () => {
    expect(exchangeFileName({ agency: '济宁市城市管理局', year: 2020 })).toBe(
      '济宁市城市管理局-2020年政府信息公开工作年度报告.json',
    )
  })

  it('replaces characters illegal in file names', () => {
    expect(exchangeFileName({ agency: 'a\\b/c:d*e?f"g<h>i|j\u0001k\nl', year: 2021 })).toBe(
      'a_b_c_d_e_f_g_h_i_j_k_l-2021年政府信息公开工作年度报告.json',
    )
  })
})

describe('reading: what is accepted', () => {
  it('treats null as a blank cell and an absent values as an empty report', () => {
    const file = readOk(withValues({ 'requests.new.natural': null, 'requests.new.commercial': 2 }))
    expect(file.values).toEqual({ 'requests.new.commercial': 2 })
    expect('requests.new.natural' in file.values).toBe(false)
    expect(readOk(without('values')).values).toEqual({})
  })

  it('imports numbers outside the domain as they stand', () => {
    const file = readOk(
      withValues({ 'requests.new.natural': -1, 'requests.new.commercial': 1.5, 'active.fees.amount': 12.34567 }),
    )
    expect(file.values).toEqual({
      'requests.new.natural': -1,
      'requests.new.commercial': 1.5,
      'active.fees.amount': 12.34567,
    })
  })

  it('lists unknown top-level fields (and unknown texts) without importing them', () => {
    const file = readOk({
      ...validFile(),
      comment: '手工修改',
      extra: { a: 1 },
      texts: { overview: 'x', summary: 'y' },
    })
    expect(file.unknownFields).toEqual(['comment', 'extra', 'texts.summary'])
    expect(file).not.toHaveProperty('comment')
    expect(file.texts).toEqual({ overview: 'x', problems: '', other: '' })
  })

  it('normalises texts with cleanTexts; absent or null texts are empty', () => {
    const file = readOk(withField('texts', { overview: '  第一段\r\n\r\n第二段  \n', problems: null }))
    expect(file.texts).toEqual({ overview: '第一段\n第二段', problems: '', other: '' })
    expect(readOk(without('texts')).texts).toEqual({ overview: '', problems: '', other: '' })
  })

  it('accepts a report year in the other edition (a 2021 report in the 2019 format)', () => {
    const file = readOk({ ...validFile(), edition: '2019', year: 2022, values: { 'active.penalty.change': -3 } })
    expect(file.edition).toBe('2019')
    expect(file.year).toBe(2022)
  })

  it('accepts the years 2019 to next year and trims the agency', () => {
    expect(readOk(withField('year', 2019)).year).toBe(2019)
    expect(readOk(withField('year', 2027)).year).toBe(2027)
    expect(readOk(withField('agency', '  某局 ')).agency).toBe('某局')
    expect(readOk(withField('agency', '局'.repeat(100))).agency).toHaveLength(100)
  })

  it('accepts a byte-order mark before the JSON', () => {
    const result = readExchangeFile(`\uFEFF${JSON.stringify(validFile())}`, 'x.json', NOW)
    expect(result.ok).toBe(true)
  })

  it('accepts nesting up to the limit', () => {
    // The file is level 1, so nested(MAX_DEPTH - 1) puts its innermost array at level MAX_DEPTH.
    const file = readOk(withField('extra', nested(MAX_DEPTH - 1)))
    expect(file.unknownFields).toEqual(['extra'])
  })
})

describe('reading: stated totals', () => {
  it('reports a stated total that differs from the sum, naming the cell and both numbers', () => {
    const file = readOk(
      withValues({ 'requests.new.natural': 1, 'requests.new.commercial': 2, 'requests.new.total': 5 }),
    )
    expect(file.totalMismatches).toEqual([
      {
        cell: 'requests.new.total',
        stated: 5,
        computed: 3,
        message:
          '三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 总计：文件写明 5，各项之和为 3',
      },
    ])
    expect(file.values).toEqual({ 'requests.new.natural': 1, 'requests.new.commercial': 2 })
  })

  it('compares a total whose parts are all blank with 0, and ignores a null total', () => {
    const file = readOk(
      withValues({ 'appeals.cases.review_total': 4, 'requests.new.total': null, 'requests.new.natural': 1 }),
    )
    expect(file.totalMismatches.map((m) => [m.cell, m.stated, m.computed])).toEqual([
      ['appeals.cases.review_total', 4, 0],
    ])
    expect(file.totalMismatches[0]?.message).toBe(
      '四、政府信息公开行政复议、行政诉讼情况 · 行政复议 总计：文件写明 4，各项之和为 0',
    )
  })

  it('checks the corner total (handled_total × total) and the row totals', () => {
    const file = readOk(
      withValues({
        'requests.open.natural': 2,
        'requests.open.total': 2,
        'requests.handled_total.natural': 2,
        'requests.handled_total.total': 7,
      }),
    )
    expect(file.totalMismatches.map((m) => m.message)).toEqual([
      '三、收到和处理政府信息公开申请情况 · （七）总计 · 总计：文件写明 7，各项之和为 2',
    ])
  })
})

describe('reading: errors name the file and the field', () => {
  afterEach(() => vi.restoreAllMocks())

  it('refuses text that is not JSON', () => {
    expect(readExchangeFile('{ "kind": ', 'x.json', NOW)).toEqual({
      ok: false,
      error: '文件“x.json”：不是有效的 JSON 文件，无法读取',
    })
    expect(readExchangeFile('<html></html>', '报告.json', NOW)).toEqual({
      ok: false,
      error: '文件“报告.json”：不是有效的 JSON 文件，无法读取',
    })
  })

  it('refuses an empty file', () => {
    expect(readExchangeFile(' \n', 'x.json', NOW)).toEqual({ ok: false, error: '文件“x.json”：文件是空的' })
  })

  it('refuses a top level that is not an object', () => {
    expect(readExchangeFile('[1, 2]', 'x.json', NOW)).toEqual({
      ok: false,
      error: '文件“x.json”：内容不是 JSON 对象（而是数组），不是年度报告交换文件',
    })
    expect(readExchangeFile('null', 'x.json', NOW)).toEqual({
      ok: false,
      error: '文件“x.json”：内容不是 JSON 对象（而是null），不是年度报告交换文件',
    })
    expect(readExchangeFile('"text"', 'x.json', NOW)).toEqual({
      ok: false,
      error: '文件“x.json”：内容不是 JSON 对象（而是文字），不是年度报告交换文件',
    })
    expect(readExchangeData(42, 'x.json', NOW)).toEqual({
      ok: false,
      error: '文件“x.json”：内容不是 JSON 对象（而是数字），不是年度报告交换文件',
    })
  })

  it('refuses a file over MAX_FILE_BYTES before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse')
    const message = { ok: false, error: '文件“x.json”：文件超过 5 MB，不是年度报告交换文件，未导入' }
    expect(readExchangeFile(' '.repeat(MAX_FILE_BYTES + 1), 'x.json', NOW)).toEqual(message)
    // Counted in UTF-8 bytes: 1.75 million Chinese characters are over 5 MB.
    expect(readExchangeFile('年'.repeat(Math.floor(MAX_FILE_BYTES / 3) + 1), 'x.json', NOW)).toEqual(message)
    expect(parse).not.toHaveBeenCalled()
  })

  it('counts UTF-8 bytes, not characters: a file of exactly MAX_FILE_BYTES is read', () => {
    const json = JSON.stringify(validFile())
    const result = readExchangeFile(json + ' '.repeat(MAX_FILE_BYTES - json.length), 'x.json', NOW)
    // Chinese characters in json take 3 bytes: pad by bytes, not by characters.
    const bytes = new TextEncoder().encode(json).length
    const exact = readExchangeFile(json + ' '.repeat(MAX_FILE_BYTES - bytes), 'x.json', NOW)
    expect(exact.ok).toBe(true)
    expect(result).toEqual({ ok: false, error: '文件“x.json”：文件超过 5 MB，不是年度报告交换文件，未导入' })
  })

  it('refuses nesting deeper than MAX_DEPTH, without recursion', () => {
    expect(errorOf(withField('extra', nested(MAX_DEPTH)))).toEqual({
      error: '文件“x.json”：extra 的嵌套超过 20 层，不是年度报告交换文件',
      field: 'extra',
    })
    // Far deeper than any call stack: the check must not overflow.
    const deep = `{"kind":"${EXCHANGE_KIND}","values":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    expect(readExchangeFile(deep, 'x.json', NOW)).toEqual({
      ok: false,
      error: '文件“x.json”：values 的嵌套超过 20 层，不是年度报告交换文件',
      field: 'values',
    })
  })

  it('refuses a missing or wrong kind', () => {
    expect(errorOf(without('kind'))).toEqual({
      error: '文件“x.json”：缺少 kind 字段，不是政府信息公开工作年度报告交换文件',
      field: 'kind',
    })
    expect(errorOf(withField('kind', 'something-else'))).toEqual({
      error:
        '文件“x.json”：kind 的值“"something-else"”不对，不是政府信息公开工作年度报告交换文件（应为“gov-info-disclosure-annual-report”）',
      field: 'kind',
    })
  })

  it('refuses a missing schemaVersion', () => {
    expect(errorOf(without('schemaVersion'))).toEqual({
      error: '文件“x.json”：缺少 schemaVersion 字段（文件格式的版本号）',
      field: 'schemaVersion',
    })
  })

  it('refuses a schemaVersion that is not an integer', () => {
    expect(errorOf(withField('schemaVersion', '1')).error).toBe('文件“x.json”：schemaVersion 的值“"1"”不是整数')
    expect(errorOf(withField('schemaVersion', 1.5)).error).toBe('文件“x.json”：schemaVersion 的值“1.5”不是整数')
    expect(errorOf(withField('schemaVersion', 0))).toEqual({
      error: '文件“x.json”：schemaVersion 的值“0”无效，应为 1 或更大的整数',
      field: 'schemaVersion',
    })
  })

  it('refuses a newer schemaVersion', () => {
    expect(errorOf(withField('schemaVersion', 3))).toEqual({
      error: '文件“x.json”：此文件由更新版本的程序导出（schemaVersion 3），请升级后再导入',
      field: 'schemaVersion',
    })
  })

  it('reads version 1 files as they were and version 2 files with their origin', () => {
    expect(SCHEMA_VERSION).toBe(2)
    const v1 = readOk(validFile())
    expect(v1.origin).toEqual({})
    expect(v1.values['requests.new.natural']).toBe(1)
    const v2 = readOk({
      ...validFile(),
      schemaVersion: 2,
      compiledFrom: [' 甲局 ', '乙局'],
      compiledLeftOut: [{ agency: '丙局', reason: '未报送' }],
      carriedFrom: { agency: '某市某局', year: 2021 },
      final: true,
    })
    expect(v2.origin).toEqual({
      compiledFrom: ['甲局', '乙局'],
      compiledLeftOut: [{ agency: '丙局', reason: '未报送' }],
      carriedFrom: { agency: '某市某局', year: 2021 },
      final: true,
    })
    expect(v2.unknownFields).toEqual([])
    expect(readOk({ ...validFile(), schemaVersion: 2, final: false }).origin).toEqual({})
  })

  it('refuses malformed version 2 fields, naming the field', () => {
    const v2 = (field: string, value: unknown) => ({ ...validFile(), schemaVersion: 2, [field]: value })
    expect(errorOf(v2('compiledFrom', '甲局'))).toEqual({
      error: '文件“x.json”：compiledFrom 应为部门名称的数组，文件中为文字',
      field: 'compiledFrom',
    })
    expect(errorOf(v2('compiledFrom', ['甲局', ' ']))).toEqual({
      error: '文件“x.json”：compiledFrom[1]（部门名称）是空的',
      field: 'compiledFrom[1]',
    })
    expect(errorOf(v2('compiledLeftOut', [{ agency: '丙局', reason: '未报送' }])).field).toBe('compiledLeftOut')
    expect(errorOf({ ...v2('compiledFrom', ['甲局']), compiledLeftOut: [{ agency: '丙局' }] })).toEqual({
      error: '文件“x.json”：compiledLeftOut[0].reason（未计入的原因）应为文字',
      field: 'compiledLeftOut[0].reason',
    })
    expect(errorOf(v2('carriedFrom', { agency: '某市某局', year: 2022 }))).toEqual({
      error: '文件“x.json”：carriedFrom.year 的值“2022”应为早于2022的整数年份',
      field: 'carriedFrom.year',
    })
    expect(errorOf(v2('final', 'yes'))).toEqual({
      error: '文件“x.json”：final（是否定稿）应为 true 或 false，文件中为“"yes"”',
      field: 'final',
    })
  })

  it('writes where a report came from and reads it back onto the report', () => {
    const report: Report = {
      ...createReport('某市', 2022, '2021'),
      compiledFrom: ['id-a', 'id-b'],
      compiledLeftOut: [{ agency: '丙局', reason: '未报送' }],
      carriedFromReport: { agency: '某市', year: 2021 },
      final: true,
    }
    const file = toExchangeFile(report, 'test', NOW, ['甲局', '乙局'])
    expect(file).toMatchObject({
      schemaVersion: 2,
      compiledFrom: ['甲局', '乙局'],
      compiledLeftOut: [{ agency: '丙局', reason: '未报送' }],
      carriedFrom: { agency: '某市', year: 2021 },
      final: true,
    })
    const read = readOk(JSON.parse(JSON.stringify(file)))
    expect(originFields(read.origin)).toEqual({
      compiledAgencies: ['甲局', '乙局'],
      compiledLeftOut: [{ agency: '丙局', reason: '未报送' }],
      carriedFromReport: { agency: '某市', year: 2021 },
      final: true,
    })
    // A compiled report received from elsewhere is still written as one.
    const received: Report = { ...createReport('某市', 2022, '2021'), ...originFields(read.origin) }
    expect(toExchangeFile(received, 'test', NOW).compiledFrom).toEqual(['甲局', '乙局'])
    // A plain draft says nothing of an origin.
    const plain = toExchangeFile(createReport('某市', 2022, '2021'), 'test', NOW)
    expect(Object.keys(plain)).not.toContain('compiledFrom')
    expect(Object.keys(plain)).not.toContain('final')
  })

  it('migrates older versions one step at a time through the table', () => {
    const table = {
      1: (f: Record<string, unknown>) => ({ ...f, schemaVersion: 2, renamed: f.old }),
      2: (f: Record<string, unknown>) => ({ ...f, schemaVersion: 3, steps: 2 }),
    }
    expect(migrate({ old: 'x' }, 1, 3, table)).toEqual({ old: 'x', renamed: 'x', schemaVersion: 3, steps: 2 })
    expect(migrate({ a: 1 }, SCHEMA_VERSION)).toEqual({ a: 1 })
    expect(() => migrate({}, 1, 3, { 2: table[2] })).toThrow(
      '无法读取 schemaVersion 1 的文件（缺少从版本 1 升级的转换）',
    )
  })

  it('refuses a missing, non-text or unknown edition', () => {
    expect(errorOf(without('edition'))).toEqual({
      error: '文件“x.json”：缺少 edition 字段（格式版本，应为“2019”或“2021”）',
      field: 'edition',
    })
    expect(errorOf(withField('edition', 2019)).error).toBe(
      '文件“x.json”：edition（格式版本）应为文字“2019”或“2021”，文件中为数字 2019',
    )
    expect(errorOf(withField('edition', '2020'))).toEqual({
      error: '文件“x.json”：edition 的值“2020”不是已知的格式版本（应为“2019”或“2021”）',
      field: 'edition',
    })
  })

  it('refuses a missing, non-text, empty or too long agency', () => {
    expect(errorOf(without('agency'))).toEqual({ error: '文件“x.json”：缺少 agency 字段（机关名称）', field: 'agency' })
    expect(errorOf(withField('agency', 12)).error).toBe('文件“x.json”：agency（机关名称）应为文字，文件中为数字 12')
    expect(errorOf(withField('agency', ' \u3000 ')).error).toBe('文件“x.json”：agency（机关名称）是空的')
    expect(errorOf(withField('agency', '局'.repeat(101)))).toEqual({
      error: '文件“x.json”：agency（机关名称）不能超过100个字（现为101个字）',
      field: 'agency',
    })
  })

  it('refuses a missing year or one that is not a whole number', () => {
    expect(errorOf(without('year'))).toEqual({ error: '文件“x.json”：缺少 year 字段（报告年度）', field: 'year' })
    expect(errorOf(withField('year', '2020')).error).toBe('文件“x.json”：year（报告年度）的值“"2020"”不是整数年份')
    expect(errorOf(withField('year', 2020.5)).error).toBe('文件“x.json”：year（报告年度）的值“2020.5”不是整数年份')
  })

  it('refuses a year before 2019 (the old format) or after next year', () => {
    expect(errorOf(withField('year', 2018))).toEqual({
      error:
        '文件“x.json”：year（报告年度）有误：2018年的报告使用2019年以前的旧格式，本工具不支持，请填写2019年或以后的年度',
      field: 'year',
    })
    expect(errorOf(withField('year', 2028))).toEqual({
      error: '文件“x.json”：year（报告年度）有误：年度不能晚于2027年',
      field: 'year',
    })
  })

  it('refuses values that are not an object', () => {
    expect(errorOf(withField('values', [1, 2]))).toEqual({
      error: '文件“x.json”：values 应为对象（单元格 → 数字），文件中为数组',
      field: 'values',
    })
    expect(errorOf(withField('values', null)).error).toBe(
      '文件“x.json”：values 应为对象（单元格 → 数字），文件中为null',
    )
  })

  it('refuses a key the edition lacks, naming the key and the edition', () => {
    expect(errorOf(withValues({ 'requests.new.natural': 1, 'requests.nonsense.natural': 1 }))).toEqual({
      error: '文件“x.json”：values 中的“requests.nonsense.natural”不是2021年版格式的单元格',
      field: 'values.requests.nonsense.natural',
    })
    // A cell of the other edition: the edition is probably what is wrong.
    expect(errorOf(withValues({ 'requests.other.natural': 1 })).error).toBe(
      '文件“x.json”：values 中的“requests.other.natural”不是2021年版格式的单元格（它是2019年版格式的单元格，请核对 edition）',
    )
  })

  it('refuses a value that is neither a number nor null, showing it', () => {
    expect(errorOf(withValues({ 'requests.new.natural': '12' }))).toEqual({
      error: '文件“x.json”：values.requests.new.natural 的值“"12"”不是数字',
      field: 'values.requests.new.natural',
    })
    expect(errorOf(withValues({ 'requests.new.total': true })).error).toBe(
      '文件“x.json”：values.requests.new.total 的值“true”不是数字',
    )
    expect(errorOf(withValues({ 'requests.new.natural': { n: 1 } })).error).toBe(
      '文件“x.json”：values.requests.new.natural 的值“{"n":1}”不是数字',
    )
    const long = errorOf(withValues({ 'requests.new.natural': 'x'.repeat(100) })).error
    expect(long).toBe(`文件“x.json”：values.requests.new.natural 的值“"${'x'.repeat(39)}…”不是数字`)
  })

  it('refuses NaN and Infinity in already-parsed data', () => {
    expect(readExchangeData(withValues({ 'requests.new.natural': Number.NaN }), 'x.json', NOW)).toEqual({
      ok: false,
      error: '文件“x.json”：values.requests.new.natural 的值“NaN”不是有限的数字',
      field: 'values.requests.new.natural',
    })
    const inf = readExchangeData(withValues({ 'requests.new.total': Number.POSITIVE_INFINITY }), 'x.json', NOW)
    expect(inf.ok ? '' : inf.error).toBe('文件“x.json”：values.requests.new.total 的值“Infinity”不是有限的数字')
  })

  it('refuses texts that are not an object, and a text that is not text', () => {
    expect(errorOf(withField('texts', '总体情况'))).toEqual({
      error: '文件“x.json”：texts 应为对象（overview、problems、other → 文字），文件中为文字',
      field: 'texts',
    })
    expect(errorOf(withField('texts', { overview: 1 }))).toEqual({
      error: '文件“x.json”：texts.overview 应为文字，文件中为数字 1',
      field: 'texts.overview',
    })
    expect(errorOf(withField('texts', { other: ['无'] })).error).toBe(
      '文件“x.json”：texts.other 应为文字，文件中为数组 ["无"]',
    )
  })

  it('never throws, whatever it is given', () => {
    const inputs: unknown[] = [
      undefined,
      null,
      0,
      '',
      [],
      {},
      () => 1,
      Symbol('s'),
      { kind: EXCHANGE_KIND, schemaVersion: 1, values: 5 },
    ]
    for (const input of inputs) {
      const result = readExchangeData(input, 'x.json', NOW)
      expect(result.ok).toBe(false)
    }
    for (const text of ['', '{', 'undefined', '1e999', '{"__proto__": {"kind": 1}}']) {
      expect(readExchangeFile(text, 'x.json', NOW).ok).toBe(false)
    }
  })
})
