import { describe, expect, it } from 'vitest'
import { EXCHANGE_KIND, MAX_FILE_BYTES } from './exchange'
import {
  type BatchEntry,
  type Decision,
  type Existing,
  countResults,
  planImport,
  readEntry,
  tooLarge,
} from './importBatch'

const NOW = new Date('2026-06-01T12:00:00Z')

function fileText(
  agency: string,
  year = 2022,
  values: Record<string, unknown> = { 'requests.new.natural': 1 },
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    kind: EXCHANGE_KIND,
    schemaVersion: 1,
    edition: '2021',
    agency,
    year,
    values,
    texts: { overview: '总体' },
    ...extra,
  })
}

const entry = (name: string, text: string): BatchEntry => readEntry(name, text, NOW)
const stored = (id: string, agency: string, year = 2022, updatedAt = 1): Existing => ({ id, agency, year, updatedAt })
const always = (d: Decision) => () => d

describe('readEntry', () => {
  it('reads a good file and refuses a broken one, naming the file and field', () => {
    expect(entry('a.json', fileText('甲局')).ok).toBe(true)
    const bad = entry('b.json', fileText('乙局', 2022, { 'requests.new.natural': '3' }))
    expect(bad).toEqual({
      name: 'b.json',
      ok: false,
      error: '文件“b.json”：values.requests.new.natural 的值“"3"”不是数字',
      field: 'values.requests.new.natural',
    })
    expect(entry('c.json', 'not json')).toMatchObject({
      ok: false,
      error: '文件“c.json”：不是有效的 JSON 文件，无法读取',
    })
  })

  it('refuses a file too large before reading it', () => {
    const e = tooLarge('big.json', MAX_FILE_BYTES + 1)
    expect(e).toMatchObject({ ok: false })
    expect(!e.ok && e.error).toBe('文件“big.json”：文件大小 5.0 MB，超过 5.0 MB，不是年度报告交换文件，未导入')
  })
})

describe('planImport', () => {
  it('imports new files, refuses broken ones and lists mistakes, unknown fields and errors', async () => {
    const entries = [
      entry('a.json', fileText('甲局', 2022, { 'requests.new.natural': 1, 'requests.new.total': 5 })),
      entry('b.json', '{'),
      entry('c.json', fileText('丙局', 2022, { 'active.rules.issued': -1 }, { note: 'x' })),
    ]
    const plan = await planImport(entries, [], always('skip'), 42)
    expect(plan.rows.map((r) => r.agency)).toEqual(['甲局', '丙局'])
    expect(plan.rows[0]).toMatchObject({
      year: 2022,
      edition: '2021',
      values: { 'requests.new.natural': 1 },
      createdAt: 42,
      updatedAt: 42,
    })
    expect(plan.rows[0]!.texts).toEqual({ overview: '总体', problems: '', other: '' })
    expect(plan.results.map((r) => r.status)).toEqual(['imported', 'refused', 'imported'])
    expect(plan.results[0]!.totalMismatches.map((m) => [m.cell, m.stated, m.computed])).toEqual([
      ['requests.new.total', 5, 1],
    ])
    expect(plan.results[1]!.error).toContain('b.json')
    expect(plan.results[2]).toMatchObject({ unknownFields: ['note'], errors: 1 })
    expect(plan.binIds).toEqual([])
    expect(countResults(plan.results)).toEqual({ imported: 2, skipped: 0, refused: 1 })
  })

  it('asks about a duplicate of a stored report (same agency trimmed, same year), the most recent one', async () => {
    const asked: [string, string][] = []
    const decide = (_f: unknown, name: string, existing: Existing) => {
      asked.push([name, existing.id])
      return 'skip' as const
    }
    const older = stored('old', ' 甲局', 2022, 1)
    const newer = stored('new', '甲局', 2022, 2)
    const plan = await planImport(
      [entry('a.json', fileText('甲局 ')), entry('b.json', fileText('甲局', 2021))],
      [older, newer, stored('x', '乙局')],
      decide,
    )
    expect(asked).toEqual([['a.json', 'new']])
    expect(plan.results.map((r) => r.status)).toEqual(['skipped', 'imported'])
    expect(plan.rows).toHaveLength(1)
  })

  it('replace puts the stored report in the bin and links the replacement; keep both keeps it', async () => {
    const plan = await planImport([entry('a.json', fileText('甲局'))], [stored('s1', '甲局')], always('replace'))
    expect(plan.binIds).toEqual(['s1'])
    expect(plan.replaced).toEqual(new Map([['s1', plan.rows[0]!.id]]))
    expect(plan.results[0]).toMatchObject({ status: 'replaced', replacedTitle: '甲局2022年政府信息公开工作年度报告' })

    const both = await planImport([entry('a.json', fileText('甲局'))], [stored('s1', '甲局')], always('keepBoth'))
    expect(both.binIds).toEqual([])
    expect(both.rows).toHaveLength(1)
    expect(both.results[0]!.status).toBe('keptBoth')
    // The copy is numbered: the two tell apart in the list (and a third gets the next number).
    expect(both.rows[0]!.agency).toBe('甲局（2）')
    expect(both.results[0]!.title).toBe('甲局（2）2022年政府信息公开工作年度报告')
    const third = await planImport(
      [entry('a.json', fileText('甲局'))],
      [stored('s1', '甲局'), { ...stored('s2', '甲局'), agency: '甲局（2）' }],
      always('keepBoth'),
    )
    expect(third.rows[0]!.agency).toBe('甲局（3）')
  })

  it('a second file of the same agency and year in one batch is a duplicate too', async () => {
    const files = [entry('a.json', fileText('甲局')), entry('a2.json', fileText('甲局'))]
    const replaced = await planImport(files, [], always('replace'), 7)
    expect(replaced.rows.map((r) => r.deletedAt)).toEqual([7, undefined])
    expect(replaced.binIds).toEqual([])
    expect(replaced.results[0]!.replacedLater).toBe('a2.json')
    expect(replaced.results[1]!.replacedTitle).toBe('甲局2022年政府信息公开工作年度报告（本批文件“a.json”）')
    const skipped = await planImport(files, [], always('skip'))
    expect(skipped.rows).toHaveLength(1)
  })

  it('waits for an asynchronous answer', async () => {
    const plan = await planImport([entry('a.json', fileText('甲局'))], [stored('s1', '甲局')], () =>
      Promise.resolve('keepBoth' as const),
    )
    expect(plan.results[0]!.status).toBe('keptBoth')
  })
})
