import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { fixtureText } from '@/testing/fixtures'
import { cellsOf, describeCell, editionForYear, findCell, getEdition, inputCellsOf, tablesOf, textsOf } from './edition'
import { EDITIONS } from './editions'

const keysOf = (edition: string, table: string) => [
  ...new Set(
    cellsOf(getEdition(edition))
      .filter((c) => c.table.key === table)
      .map((c) => c.row.key),
  ),
]

describe('editions as the spec gives them', () => {
  it('pick the edition from the year, none before 2019', () => {
    expect(editionForYear(2018)).toBeUndefined()
    expect(editionForYear(2019)?.key).toBe('2019')
    expect(editionForYear(2020)?.key).toBe('2019')
    expect(editionForYear(2021)?.key).toBe('2021')
    expect(editionForYear(2030)?.key).toBe('2021')
  })

  it('have the six parts in official order', () => {
    for (const e of EDITIONS) {
      expect(e.parts.map((p) => (p.kind === 'text' ? p.text.heading : p.table.heading))).toEqual([
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ])
      expect(textsOf(e).map((t) => t.key)).toEqual(['overview', 'problems', 'other'])
      expect(tablesOf(e).map((t) => t.key)).toEqual(['active', 'requests', 'appeals'])
    }
  })

  it('2019 二 has five blocks with the spec’s keys and labels', () => {
    const active = tablesOf(getEdition('2019'))[0]!
    expect(active.blocks.map((b) => b.heading)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
      '第二十条第（九）项',
    ])
    expect(active.blocks.map((b) => b.columns.map((c) => `${c.key}:${c.label}`))).toEqual([
      ['made:本年新制作数量', 'published:本年新公开数量', 'public_total:对外公开总数量'],
      ['prev_items:上一年项目数量', 'change:本年增/减', 'decisions:处理决定数量'],
      ['prev_items:上一年项目数量', 'change:本年增/减', 'decisions:处理决定数量'],
      ['prev_items:上一年项目数量', 'change:本年增/减'],
      ['projects:采购项目数量', 'amount:采购总金额'],
    ])
    expect(findCell(getEdition('2019'), 'active.procurement.amount')?.column.unit).toBe('万元')
    expect(findCell(getEdition('2019'), 'active.penalty.change')?.column.kind).toBe('change')
  })

  it('2021 二 has the spec’s keys and labels', () => {
    const active = tablesOf(getEdition('2021'))[0]!
    expect(active.blocks.map((b) => b.rows.map((r) => `${r.key}:${r.label}`))).toEqual([
      ['rules:规章', 'normative:行政规范性文件'],
      ['licensing:行政许可'],
      ['penalty:行政处罚', 'enforcement:行政强制'],
      ['fees:行政事业性收费'],
    ])
    expect(active.blocks.map((b) => b.columns.map((c) => c.label))).toEqual([
      ['本年制发件数', '本年废止件数', '现行有效件数'],
      ['本年处理决定数量'],
      ['本年处理决定数量'],
      ['本年收费金额（单位：万元）'],
    ])
  })

  it('三 differs between editions only in （六）其他处理', () => {
    const common = [
      'new',
      'carried_in',
      'open',
      'partial',
      'deny_secret',
      'deny_law',
      'deny_safety',
      'deny_third_party',
      'deny_internal',
      'deny_process',
      'deny_case_file',
      'deny_query',
      'none_not_held',
      'none_needs_creation',
      'none_unclear',
      'skip_petition',
      'skip_repeat',
      'skip_publication',
      'skip_excessive',
      'skip_confirm',
    ]
    expect(keysOf('2019', 'requests')).toEqual([...common, 'other', 'handled_total', 'carried_out'])
    expect(keysOf('2021', 'requests')).toEqual([
      ...common,
      'other_no_correction',
      'other_no_fee',
      'other_misc',
      'handled_total',
      'carried_out',
    ])
    const deny = findCell(getEdition('2021'), 'requests.deny_safety.natural')!
    expect(deny.row.path).toEqual(['三、本年度办理结果', '（三）不予公开'])
    expect(deny.row.label).toBe('3.危及“三安全一稳定”')
  })

  it('四 has one row of fifteen columns in three groups', () => {
    const cells = cellsOf(getEdition('2021')).filter((c) => c.table.key === 'appeals')
    expect(cells).toHaveLength(15)
    expect(cells.filter((c) => c.computed).map((c) => c.column.key)).toEqual([
      'review_total',
      'direct_total',
      'after_review_total',
    ])
    expect(findCell(getEdition('2021'), 'appeals.cases.direct_upheld')?.column.groups).toEqual([
      '行政诉讼',
      '未经复议直接起诉',
    ])
  })

  it('marks every 总计 as computed and nothing else', () => {
    const computed = cellsOf(getEdition('2019')).filter((c) => c.computed)
    expect(computed.every((c) => c.column.label === '总计' || c.row.key === 'handled_total')).toBe(true)
    expect(computed).toHaveLength(23 + 6 + 3)
    expect(inputCellsOf(getEdition('2019')).length + computed.length).toBe(cellsOf(getEdition('2019')).length)
  })

  it('names a cell by its table, block, row and column', () => {
    expect(describeCell(findCell(getEdition('2019'), 'appeals.cases.after_review_pending')!)).toBe(
      '四、政府信息公开行政复议、行政诉讼情况 · 行政诉讼 复议后起诉 尚未审结',
    )
  })

  it('uses every cell key of the sample file', () => {
    const sample = JSON.parse(fixtureText('jining-cgj-2020.json')) as { values: Record<string, number> }
    const keys = cellsOf(getEdition('2019')).map((c) => c.key)
    expect(Object.keys(sample.values).sort()).toEqual([...keys].sort())
  })

  it('ships the sample report unchanged from the fixture', () => {
    const shipped = readFileSync(new URL('../sample/jining-cgj-2020.json', import.meta.url), 'utf8')
    expect(JSON.parse(shipped)).toEqual(JSON.parse(fixtureText('jining-cgj-2020.json')))
  })
})
