import { describe, expect, it } from 'vitest'
import { cellKey, getEdition, tableOf } from './edition'
import { EDITIONS } from './editions'
import type { EditionDef, TableDef } from './format'
import {
  type PrintCell,
  type PrintRow,
  type PrintTable,
  buildPrintDoc,
  buildPrintTable,
  paragraphsOf,
  printValue,
} from './printLayout'
import { createReport } from './report'
import { resolveValues } from './totals'

/** Lays rows out on a grid as a browser does; fails on a gap or an overlap. */
function grid(rows: readonly PrintRow[], width: number): (PrintCell | undefined)[][] {
  const out: (PrintCell | undefined)[][] = rows.map(() => Array<PrintCell | undefined>(width).fill(undefined))
  const taken = rows.map(() => Array<boolean>(width).fill(false))
  rows.forEach((row, r) => {
    let c = 0
    for (const cell of row.cells) {
      while (c < width && taken[r]![c]) c++
      for (let dr = 0; dr < cell.rowspan; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          expect(r + dr, `row span of ${cell.text} leaves its section`).toBeLessThan(rows.length)
          expect(taken[r + dr]![c + dc], `overlap at ${r + dr},${c + dc} (${cell.text})`).toBe(false)
          expect(c + dc, `${cell.text} runs past the grid`).toBeLessThan(width)
          taken[r + dr]![c + dc] = true
        }
      }
      out[r]![c] = cell
      c += cell.colspan
    }
  })
  taken.forEach((row, r) => expect(row.every(Boolean), `gap in row ${r} (${rows[r]!.key})`).toBe(true))
  return out
}

const width = (t: PrintTable) => t.widths.length
const texts = (row: PrintRow) => row.cells.map((c) => c.text)
const spans = (row: PrintRow) => row.cells.map((c) => `${c.text}:${c.rowspan}x${c.colspan}`)

function table(edition: EditionDef, key: TableDef['key'], values = {}) {
  const def = tableOf(edition, key)!
  return buildPrintTable(def, resolveValues(edition, values))
}

describe('print layout of every table of every edition', () => {
  for (const edition of EDITIONS) {
    for (const part of edition.parts) {
      if (part.kind !== 'table') continue
      it(`${edition.key} ${part.table.key}: header and sections fill the grid with no gap or overlap`, () => {
        const t = buildPrintTable(part.table, resolveValues(edition, {}))
        expect(t.widths.length).toBe(t.labelColumns + Math.max(...part.table.blocks.map((b) => b.columns.length)))
        if (t.head.length) grid(t.head, width(t))
        for (const s of t.sections) grid(s.rows, width(t))
      })

      it(`${edition.key} ${part.table.key}: one value cell per cell of the definition, in official order`, () => {
        const t = buildPrintTable(part.table, resolveValues(edition, {}))
        const printed = t.sections.flatMap((s) =>
          s.rows.flatMap((r) => r.cells.filter((c) => c.role === 'value').map((c) => c.cell)),
        )
        const expected = part.table.blocks.flatMap((b) =>
          b.rows.flatMap((r) => b.columns.map((c) => cellKey(part.table.key, r.key, c.key))),
        )
        expect(printed).toEqual(expected)
      })
    }
  }
})

describe('三 收到和处理政府信息公开申请情况', () => {
  const t = table(getEdition('2019'), 'requests')

  it('draws the official three header rows, the 勾稽关系 note in the corner', () => {
    expect(t.labelColumns).toBe(3)
    expect(t.head).toHaveLength(3)
    expect(spans(t.head[0]!)).toEqual([
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）:3x3',
      '申请人情况:1x7',
    ])
    expect(spans(t.head[1]!)).toEqual(['自然人:2x1', '法人或其他组织:1x5', '总计:2x1'])
    expect(spans(t.head[2]!)).toEqual([
      '商业企业:1x1',
      '科研机构:1x1',
      '社会公益组织:1x1',
      '法律服务机构:1x1',
      '其他:1x1',
    ])
    expect(t.head[0]!.cells[0]!.role).toBe('corner')
  })

  it('nests the row labels as the official table does', () => {
    const rows = t.sections[0]!.rows
    const label = (key: string) => rows.find((r) => r.key === key)!.cells.filter((c) => c.role !== 'value')
    expect(label('new').map((c) => `${c.text}:${c.rowspan}x${c.colspan}`)).toEqual([
      '一、本年新收政府信息公开申请数量:1x3',
    ])
    // 三、本年度办理结果 spans every outcome row: （一）…（六） and （七）总计.
    expect(label('open').map((c) => `${c.text}:${c.rowspan}x${c.colspan}`)).toEqual([
      '三、本年度办理结果:20x1',
      '（一）予以公开:1x2',
    ])
    expect(label('partial').map((c) => c.text)).toEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'])
    expect(label('deny_secret').map((c) => `${c.text}:${c.rowspan}x${c.colspan}`)).toEqual([
      '（三）不予公开:8x1',
      '1.属于国家秘密:1x1',
    ])
    expect(label('deny_law').map((c) => c.text)).toEqual(['2.其他法律行政法规禁止公开'])
    expect(label('none_not_held').map((c) => `${c.text}:${c.rowspan}`)).toEqual([
      '（四）无法提供:3',
      '1.本机关不掌握相关政府信息:1',
    ])
    expect(label('skip_petition').map((c) => `${c.text}:${c.rowspan}`)).toEqual([
      '（五）不予处理:5',
      '1.信访举报投诉类申请:1',
    ])
    expect(label('other').map((c) => `${c.text}:${c.colspan}`)).toEqual(['（六）其他处理:2'])
    expect(label('handled_total').map((c) => `${c.text}:${c.colspan}`)).toEqual(['（七）总计:2'])
    expect(label('carried_out').map((c) => `${c.text}:${c.colspan}`)).toEqual(['四、结转下年度继续办理:3'])
  })

  it('2021: （六）其他处理 spans its three rows', () => {
    const rows = table(getEdition('2021'), 'requests').sections[0]!.rows
    const first = rows.find((r) => r.key === 'other_no_correction')!
    expect(first.cells[0]).toMatchObject({ role: 'rowGroup', text: '（六）其他处理', rowspan: 3 })
    expect(rows.find((r) => r.key === 'open')!.cells[0]).toMatchObject({ text: '三、本年度办理结果', rowspan: 22 })
  })

  it('prints every value in its cell, totals computed, blanks empty', () => {
    const edition = getEdition('2019')
    const t2 = table(edition, 'requests', { 'requests.new.natural': 1, 'requests.new.commercial': 2 })
    const row = t2.sections[0]!.rows.find((r) => r.key === 'new')!
    const values = row.cells.filter((c) => c.role === 'value')
    expect(values.map((c) => c.text)).toEqual(['1', '2', '', '', '', '', '3'])
    expect(values.map((c) => c.blank)).toEqual([false, false, true, true, true, true, false])
    expect(values.at(-1)).toMatchObject({ cell: 'requests.new.total', computed: true })
  })
})

describe('四 行政复议、行政诉讼', () => {
  const t = table(getEdition('2021'), 'appeals', { 'appeals.cases.direct_other': 4 })

  it('has no row-label column and the official three header rows', () => {
    expect(t.labelColumns).toBe(0)
    expect(t.dense).toBe(true)
    expect(spans(t.head[0]!)).toEqual(['行政复议:1x5', '行政诉讼:1x10'])
    expect(spans(t.head[1]!)).toEqual([
      '结果维持:2x1',
      '结果纠正:2x1',
      '其他结果:2x1',
      '尚未审结:2x1',
      '总计:2x1',
      '未经复议直接起诉:1x5',
      '复议后起诉:1x5',
    ])
    expect(texts(t.head[2]!)).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
    ])
  })

  it('prints the one row of fifteen values', () => {
    const rows = t.sections[0]!.rows
    expect(rows).toHaveLength(1)
    expect(rows[0]!.cells.map((c) => c.text)).toEqual(['', '', '', '', '', '', '', '4', '', '4', '', '', '', '', ''])
  })
})

describe('二 主动公开政府信息情况', () => {
  it('2019: each block has its heading row, 信息内容 header and rows; shorter blocks stretch the last column', () => {
    const t = table(getEdition('2019'), 'active', {
      'active.procurement.projects': 19,
      'active.procurement.amount': 66.36,
      'active.penalty.change': -2,
    })
    expect(t.head).toEqual([])
    expect(t.widths).toHaveLength(4)
    expect(t.sections).toHaveLength(5)
    const [first, , third, fourth, fifth] = t.sections
    expect(spans(first!.rows[0]!)).toEqual(['第二十条第（一）项:1x4'])
    expect(texts(first!.rows[1]!)).toEqual(['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'])
    expect(texts(first!.rows[2]!)).toEqual(['规章', '', '', ''])
    expect(texts(third!.rows[2]!)).toEqual(['行政处罚', '', '-2', ''])
    expect(spans(fourth!.rows[1]!)).toEqual(['信息内容:1x1', '上一年项目数量:1x1', '本年增/减:1x2'])
    // 采购总金额 has no unit in the official header: the amount carries it.
    expect(texts(fifth!.rows[1]!)).toEqual(['信息内容', '采购项目数量', '采购总金额'])
    expect(texts(fifth!.rows[2]!)).toEqual(['政府集中采购', '19', '66.36万元'])
    expect(t.sections.every((s) => s.keepTogether)).toBe(true)
  })

  it('2021: a one-column block spans the three value columns; the header names the unit, the amount does not repeat it', () => {
    const t = table(getEdition('2021'), 'active', { 'active.fees.amount': 12.3456 })
    const fees = t.sections[3]!
    expect(spans(fees.rows[1]!)).toEqual(['信息内容:1x1', '本年收费金额（单位：万元）:1x3'])
    expect(texts(fees.rows[2]!)).toEqual(['行政事业性收费', '12.3456'])
  })
})

describe('the printed document', () => {
  it('has the title, then the six parts in order, texts as paragraphs', () => {
    const r = createReport('某某市城市管理局', 2021)
    r.texts.overview = '第一段。\n\n  第二段。  \n'
    const doc = buildPrintDoc(r)
    expect(doc.title).toBe('某某市城市管理局2021年政府信息公开工作年度报告')
    expect(doc.titleLines).toEqual(['某某市城市管理局2021年', '政府信息公开工作年度报告'])
    expect(doc.parts.map((p) => (p.kind === 'text' ? p.text.heading : p.table.heading))).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ])
    expect(doc.parts[0]).toEqual({
      kind: 'text',
      text: { key: 'overview', heading: '一、总体情况', paragraphs: ['第一段。', '第二段。'] },
    })
    expect(doc.parts[5]).toMatchObject({ kind: 'text', text: { paragraphs: [] } })
  })

  it('formats values as the grid does, units only where the header lacks them', () => {
    const col = { key: 'amount', label: '采购总金额', kind: 'amount', unit: '万元' } as const
    expect(printValue(undefined, col)).toBe('')
    expect(printValue(0, col)).toBe('0万元')
    expect(printValue(1.5, { ...col, label: '金额（单位：万元）' })).toBe('1.5')
    expect(printValue(-3, { key: 'change', label: '本年增/减', kind: 'change' })).toBe('-3')
    expect(paragraphsOf('a\r\nb\rc')).toEqual(['a', 'b', 'c'])
  })

  it('prints an edition it has never seen, from its definition alone', () => {
    const base = getEdition('2021')
    const extra: TableDef = {
      key: 'appeals',
      heading: '四、虚构的表',
      note: '（注）',
      blocks: [
        {
          columns: [
            { key: 'a', label: '甲', kind: 'count', groups: ['组'] },
            { key: 'b', label: '乙', kind: 'count', groups: ['组', '子组'] },
            { key: 'c', label: '丙', kind: 'count', groups: ['组', '子组'] },
            { key: 'd', label: '合计', kind: 'count', sumOf: ['a', 'b', 'c'] },
          ],
          rows: [
            { key: 'x', label: '一、甲行' },
            { key: 'y', label: '1.乙', path: ['二、分组', '（一）细分'] },
            { key: 'z', label: '2.丙', path: ['二、分组', '（一）细分'] },
            { key: 'w', label: '（二）丁', path: ['二、分组'] },
          ],
        },
      ],
    }
    const edition: EditionDef = { ...base, key: 'x', parts: [{ kind: 'table', table: extra }] }
    const t = buildPrintDoc(
      {
        agency: '甲',
        year: 2030,
        edition: 'x',
        values: { 'appeals.y.b': 2, 'appeals.y.c': 3 },
        texts: { overview: '', problems: '', other: '' },
      },
      edition,
    ).parts[0]!
    if (t.kind !== 'table') throw new Error('table expected')
    const p = t.table
    expect(p.labelColumns).toBe(3)
    expect(spans(p.head[0]!)).toEqual(['（注）:3x3', '组:1x3', '合计:3x1'])
    expect(spans(p.head[1]!)).toEqual(['甲:2x1', '子组:1x2'])
    expect(spans(p.head[2]!)).toEqual(['乙:1x1', '丙:1x1'])
    const rows = p.sections[0]!.rows
    expect(spans(rows[1]!)).toEqual(['二、分组:3x1', '（一）细分:2x1', '1.乙:1x1', ':1x1', '2:1x1', '3:1x1', '5:1x1'])
    expect(spans(rows[3]!)).toEqual(['（二）丁:1x2', ':1x1', ':1x1', ':1x1', ':1x1'])
    grid(p.head, p.widths.length)
    grid(rows, p.widths.length)
  })
})
