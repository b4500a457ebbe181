/// <reference types="node" />
// The published contract: docs/report.schema.json (the exchange file as a JSON Schema) and
// docs/cells.md (every cell key and every rule of every edition) are derived from the edition
// definitions here. When an edition changes, this test fails until the documents are written
// again: `UPDATE_CONTRACT=1 npx vitest run src/domain/contract.test.ts`.
// Every kind of file the app writes is validated against the schema with Ajv.
import { readFileSync, writeFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sampleReport } from '@/testing/fixtures'
import { nextYearReport } from './carryOver'
import { chooseParts, createCompiledReport } from './compile'
import { cellsOf, describeCell, inputCellsOf, tablesOf, textsOf } from './edition'
import { EDITIONS } from './editions'
import { EXCHANGE_KIND, SCHEMA_VERSION, readExchangeData, toExchangeFile } from './exchange'
import type { EditionDef, LinearRule, Term } from './format'
import { AGENCY_MAX, type Report, TEXT_KEYS, createReport } from './report'

const SCHEMA_FILE = new URL('../../docs/report.schema.json', import.meta.url)
const CELLS_FILE = new URL('../../docs/cells.md', import.meta.url)
const UPDATE = process.env.UPDATE_CONTRACT === '1'

function buildSchema() {
  const name = { type: 'string', minLength: 1, maxLength: AGENCY_MAX, pattern: '\\S' }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: '政府信息公开工作年度报告交换文件',
    description:
      'A report of the 政府信息公开工作年度报告 as exchanged between departments (docs/exchange-format.md). ' +
      'Generated from the edition definitions by src/domain/contract.test.ts: do not edit by hand.',
    type: 'object',
    required: ['kind', 'schemaVersion', 'edition', 'agency', 'year'],
    properties: {
      kind: { const: EXCHANGE_KIND },
      schemaVersion: { type: 'integer', minimum: 1, maximum: SCHEMA_VERSION },
      edition: { enum: EDITIONS.map((e) => e.key) },
      agency: { ...name, description: '报告机关的全称' },
      year: { type: 'integer', minimum: Math.min(...EDITIONS.map((e) => e.years.from)), description: '报告年度' },
      values: {
        type: 'object',
        description: '单元格 → 数字；缺少或 null 表示空白（不是 0）。合计单元格可写出，读取方会重新计算并核对。',
        additionalProperties: { type: ['number', 'null'] },
      },
      texts: {
        type: 'object',
        properties: Object.fromEntries(TEXT_KEYS.map((k) => [k, { type: ['string', 'null'] }])),
      },
      compiledFrom: {
        type: 'array',
        description: '汇总报告：所汇总的部门（schemaVersion 2）',
        items: name,
      },
      compiledLeftOut: {
        type: 'array',
        description: '汇总报告：未计入的部门及原因（schemaVersion 2）',
        items: {
          type: 'object',
          required: ['agency', 'reason'],
          properties: { agency: name, reason: { type: 'string', minLength: 1, pattern: '\\S' } },
        },
      },
      carriedFrom: {
        type: 'object',
        description: '由哪一份上年度报告结转而来（schemaVersion 2）',
        required: ['agency', 'year'],
        properties: { agency: name, year: { type: 'integer' } },
      },
      final: { type: 'boolean', description: '是否已定稿（schemaVersion 2）' },
      exportedAt: { type: 'string' },
      generator: { type: 'string' },
    },
    dependentRequired: { compiledLeftOut: ['compiledFrom'] },
    allOf: EDITIONS.map((edition) => ({
      if: { properties: { edition: { const: edition.key } }, required: ['edition'] },
      then: {
        properties: {
          values: {
            type: 'object',
            propertyNames: { enum: cellsOf(edition).map((c) => c.key) },
            properties: Object.fromEntries(
              cellsOf(edition).map((c) => [c.key, { description: describeCell(c) + (c.computed ? '（合计）' : '') }]),
            ),
          },
        },
      },
    })),
  }
}

const KIND_WORDS = {
  count: '件数：≥ 0 的整数',
  change: '增减：整数，可为负',
  amount: '金额（万元）：≥ 0，至多 4 位小数',
}
const OP_WORDS = { '=': '=', '<=': '≤', '>=': '≥' }

function termText(t: Term): string {
  const cell = [t.row ?? '·', t.column ?? '·'].join('.')
  return `${t.sign === -1 ? '−' : '+'} ${t.lastYear ? '上年 ' : ''}\`${cell}\``
}

function ruleLine(rule: LinearRule): string {
  const side = (terms: readonly Term[]) => (terms.length ? terms.map(termText).join(' ').replace(/^\+ /, '') : '0')
  const rows = rule.rows === 'each' ? '每一行' : rule.rows.map((r) => `\`${r}\``).join(' ')
  const columns = rule.columns === 'each' ? '每一列' : rule.columns.map((c) => `\`${c}\``).join(' ')
  const cross = rule.crossYear ? (rule.crossYear.sameEdition ? '（跨年度，上年同一格式）' : '（跨年度）') : ''
  return (
    `| \`${rule.id}\` | ${rule.severity} | \`${rule.table}\` | ${rows} | ${columns} | ` +
    `${side(rule.lhs)} ${OP_WORDS[rule.op]} ${side(rule.rhs)}${cross} | ${rule.lhsLabel} / ${rule.rhsLabel} |`
  )
}

function editionSection(edition: EditionDef): string {
  const lines = [
    `## Edition \`${edition.key}\`: ${edition.name}`,
    '',
    `Report years ${edition.years.from}${edition.years.to ? `–${edition.years.to}` : ' and later'}. ` +
      `Recognised in a published text by: ${edition.markers.join('、')}.`,
    '',
    `Texts: ${textsOf(edition)
      .map((t) => `\`${t.key}\` ${t.heading}`)
      .join(' · ')}.`,
    '',
  ]
  for (const table of tablesOf(edition)) {
    lines.push(
      `### \`${table.key}\` ${table.heading}`,
      '',
      '| cell key | where | value | computed |',
      '|---|---|---|---|',
    )
    for (const cell of cellsOf(edition).filter((c) => c.table === table)) {
      const where = describeCell(cell).replace(`${table.heading} · `, '')
      lines.push(
        `| \`${cell.key}\` | ${where} | ${KIND_WORDS[cell.column.kind]} | ${cell.computed ? '合计，不填写' : ''} |`,
      )
    }
    lines.push('')
  }
  lines.push(
    '### Rules',
    '',
    '`·` stands for the row or column the rule iterates over.',
    '',
    '| id | severity | table | rows | columns | rule | named in messages as |',
    '|---|---|---|---|---|---|---|',
    ...edition.rules.map(ruleLine),
    '',
  )
  return lines.join('\n')
}

function buildCellsDoc(): string {
  return [
    '# Cells and rules of every edition',
    '',
    'Generated from `src/domain/editions/*.ts` by `src/domain/contract.test.ts`; do not edit by hand. ',
    'Every cell key is `table.row.column` and never changes once published (docs/official-format.md).',
    '',
    ...EDITIONS.map(editionSection),
  ].join('\n')
}

describe('the published contract', () => {
  it('docs/report.schema.json and docs/cells.md are derived from the edition definitions', () => {
    const schema = `${JSON.stringify(buildSchema(), null, 2)}\n`
    const cells = buildCellsDoc()
    if (UPDATE) {
      writeFileSync(SCHEMA_FILE, schema)
      writeFileSync(CELLS_FILE, cells)
    }
    expect(readFileSync(SCHEMA_FILE, 'utf8'), 'run UPDATE_CONTRACT=1 npx vitest run src/domain/contract.test.ts').toBe(
      schema,
    )
    expect(readFileSync(CELLS_FILE, 'utf8'), 'run UPDATE_CONTRACT=1 npx vitest run src/domain/contract.test.ts').toBe(
      cells,
    )
  })
})

describe('every file the app writes validates against the published schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
  let validate: ReturnType<typeof ajv.compile> | undefined
  const valid = (file: unknown) => {
    validate ??= ajv.compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')))
    const ok = validate(file)
    return ok ? 'valid' : ajv.errorsText(validate.errors)
  }
  const write = (report: Report, parts?: string[]) =>
    JSON.parse(JSON.stringify(toExchangeFile(report, 't', undefined, parts)))

  it('the sample report, and the schema refuses what the reader refuses', () => {
    const file = write(sampleReport())
    expect(valid(file)).toBe('valid')
    expect(valid({ ...file, kind: 'other' })).not.toBe('valid')
    expect(valid({ ...file, schemaVersion: SCHEMA_VERSION + 1 })).not.toBe('valid')
    expect(valid({ ...file, values: { ...file.values, 'requests.new.nobody': 1 } })).toMatch(
      /property name|equal to one of/,
    )
    expect(valid({ ...file, values: { 'requests.new.natural': '1' } })).toMatch(/number/)
    expect(valid({ ...file, edition: '2021' })).not.toBe('valid') // 2019 keys under 2021
    expect(valid({ ...file, agency: ' ' })).not.toBe('valid')
    expect(valid({ ...file, compiledLeftOut: [{ agency: '甲', reason: '未报送' }] })).not.toBe('valid')
  })

  it('generated reports of both editions, drafts and final, with any values', () => {
    for (const edition of EDITIONS) {
      const cells = inputCellsOf(edition)
      const arb = fc.record({
        picked: fc.subarray(cells.map((c) => c.key)),
        number: fc.integer({ min: -50, max: 5000 }),
        final: fc.boolean(),
        text: fc.string(),
      })
      fc.assert(
        fc.property(arb, ({ picked, number, final, text }) => {
          const report: Report = {
            ...createReport('某县某局', edition.years.from, edition.key),
            values: Object.fromEntries(picked.map((k, i) => [k, number + i])),
            texts: { overview: text, problems: '', other: '无' },
            ...(final ? { final: true } : {}),
          }
          const file = write(report)
          expect(valid(file)).toBe('valid')
          // …and what the schema accepts, the reader reads.
          expect(readExchangeData(file, 'x.json').ok).toBe(true)
        }),
        { numRuns: 150 },
      )
    }
  })

  it('compiled reports, reports received compiled, and carried-over reports', () => {
    const parts = ['甲局', '乙局', '丙局'].map((agency, i) => ({
      ...createReport(agency, 2023, '2021'),
      values: { 'requests.new.natural': i + 1 },
    }))
    const selection = chooseParts(parts)!
    const compiled: Report = {
      ...createCompiledReport('某县人民政府', selection),
      compiledLeftOut: [{ agency: '丁局', reason: '未报送' }],
    }
    const file = write(
      compiled,
      parts.map((p) => p.agency),
    )
    expect(file.compiledFrom).toEqual(['甲局', '乙局', '丙局'])
    expect(valid(file)).toBe('valid')
    const read = readExchangeData(file, 'x.json')
    expect(read.ok && read.file.origin.compiledLeftOut).toEqual([{ agency: '丁局', reason: '未报送' }])

    const next = nextYearReport(sampleReport())
    if (!next.ok) throw new Error(next.error)
    const carried = write(next.report)
    expect(carried.carriedFrom).toEqual({ agency: '济宁市城市管理局', year: 2020 })
    expect(valid(carried)).toBe('valid')
  })

  it('a version 1 file as older versions wrote it', () => {
    const v1 = JSON.parse(readFileSync(new URL('../../tests/fixtures/jining-cgj-2020.json', import.meta.url), 'utf8'))
    expect(v1.schemaVersion).toBe(1)
    expect(valid(v1)).toBe('valid')
  })
})
