import { describe, expect, it } from 'vitest'
import { inventedEdition } from '@/testing/inventedEdition'
import { getEdition, tableOf, tablesOf } from './edition'
import { EDITIONS } from './editions'
import { blockRows } from './csv'
import { type HeaderNode, type LayoutRow, blockRowsOf, columnHeader, sharedHeadOf, tableLayout } from './tableLayout'

/** Lays rows out on a grid as a browser does; fails on a gap or an overlap. Returns the text at each grid place. */
function fill(rows: readonly LayoutRow[], width: number): string[][] {
  const taken = rows.map(() => Array<string | undefined>(width).fill(undefined))
  rows.forEach((row, r) => {
    let c = 0
    for (const cell of row.cells) {
      while (c < width && taken[r]![c] !== undefined) c++
      for (let dr = 0; dr < cell.rowspan; dr++)
        for (let dc = 0; dc < cell.colspan; dc++) {
          expect(r + dr, `${cell.text} leaves its rows`).toBeLessThan(rows.length)
          expect(c + dc, `${cell.text} runs past the grid`).toBeLessThan(width)
          expect(taken[r + dr]![c + dc], `overlap at ${r + dr},${c + dc}`).toBeUndefined()
          taken[r + dr]![c + dc] = cell.text || cell.cell || ''
        }
      c += cell.colspan
    }
  })
  taken.forEach((row, r) =>
    expect(
      row.every((t) => t !== undefined),
      `gap in row ${r}`,
    ).toBe(true),
  )
  return taken as string[][]
}

const spans = (row: LayoutRow) => row.cells.map((c) => `${c.text || c.cell}:${c.rowspan}x${c.colspan}`)
const leaves = (nodes: readonly HeaderNode[]): HeaderNode[] =>
  nodes.flatMap((n) => (n.column ? [n] : leaves(n.children)))

describe('every table of every edition, the invented one included', () => {
  for (const edition of [...EDITIONS, inventedEdition]) {
    for (const table of tablesOf(edition)) {
      it(`${edition.key} ${table.key}: header and rows fill the grid; one value cell per cell, in order`, () => {
        const layout = tableLayout(table)
        const width = layout.widths.length
        expect(width).toBe(layout.labelColumns + layout.valueColumns)
        if (sharedHeadOf(layout).length) fill(sharedHeadOf(layout), width)
        for (const block of layout.blocks) {
          fill(blockRowsOf(layout, block), width)
          fill(block.header, width)
          // The header tree's leaves are the block's columns, in order.
          expect(leaves(block.tree).map((n) => n.column)).toEqual(block.block.columns)
        }
        const cells = layout.blocks.flatMap((b) => b.body.flatMap((r) => r.cells.filter((c) => c.cell)))
        expect(cells.map((c) => c.cell)).toEqual(
          table.blocks.flatMap((b) => b.rows.flatMap((r) => b.columns.map((c) => `${table.key}.${r.key}.${c.key}`))),
        )
      })
    }
  }
})

describe('the invented edition', () => {
  const deep = tableLayout(tableOf(inventedEdition, 'requests')!)
  const block = deep.blocks[0]!

  it('has five header levels under the caption, and four row-label columns', () => {
    expect(deep.labelColumns).toBe(4)
    expect(block.labelDepth).toBe(4)
    expect(block.header.map(spans)).toEqual([
      ['（虚构注：甲加乙等于丙）:6x4', '顶层:1x6'],
      ['一组:1x4', '二组:1x1', '合计:5x1'],
      ['一组甲:1x1', '一组乙:1x3', '金额:4x1'],
      ['甲列:3x1', '深组:1x3'],
      ['最深组:1x2', '丁列:2x1'],
      ['乙列:1x1', '丙列:1x1'],
    ])
    expect(block.header[0]!.cells[0]!.note).toBe(true)
    expect(deep.dense).toBe(false)
  })

  it('nests the row labels four deep, each group label spanning its rows', () => {
    const fourRows = block.body.slice(1, 3).map(spans)
    expect(fourRows[0]!.slice(0, 4)).toEqual(['二、第一层:5x1', '（一）第二层:3x1', '第三层:2x1', '1.深行甲:1x1'])
    expect(fourRows[1]!.slice(0, 1)).toEqual(['2.深行乙:1x1'])
    expect(spans(block.body[3]!).slice(0, 1)).toEqual(['3.浅一层:1x2'])
    expect(spans(block.body[0]!).slice(0, 1)).toEqual(['一、第一行:1x4'])
    expect(block.body.find((r) => r.key === 'r_total')!.cells.filter((c) => c.computed)).toHaveLength(6)
    expect(
      block.body
        .find((r) => r.key === 'r1')!
        .cells.filter((c) => c.computed)
        .map((c) => c.cell),
    ).toEqual(['requests.r1.sum'])
  })

  it('names the unit a label lacks, and only then', () => {
    const blocks = tableLayout(tableOf(inventedEdition, 'active')!).blocks
    expect(columnHeader(blocks[0]!.block.columns[1]!)).toBe('费用（万元）')
    expect(columnHeader(blocks[1]!.block.columns[0]!)).toBe('件数（单位：件）')
  })

  it('keeps short blocks together, each with its heading and header', () => {
    const layout = tableLayout(tableOf(inventedEdition, 'active')!)
    expect(layout.sharedHeader).toBe(false)
    expect(layout.blocks.map((b) => b.keepTogether)).toEqual([true, true])
    expect(blockRowsOf(layout, layout.blocks[1]!).map(spans)).toEqual([
      ['第二块:1x4'],
      ['项目:1x1', '件数（单位：件）:1x3'],
      ['第三项:1x1', 'active.k3.p:1x3'],
    ])
    expect(deep.blocks[0]!.keepTogether).toBe(true)
  })
})

describe('the official tables', () => {
  const e2021 = getEdition('2021')
  const block = (key: 'requests' | 'appeals' | 'active', i = 0) => tableLayout(tableOf(e2021, key)!).blocks[i]!

  it('puts each group row once before the rows under it (flat lists)', () => {
    const lines = blockRows(block('requests'))
    const labels = lines.map((l) => (l.kind === 'group' ? `#${l.depth}${l.label}` : l.row.key))
    expect(labels.slice(0, 6)).toEqual([
      'new',
      'carried_in',
      '#0三、本年度办理结果',
      'open',
      'partial',
      '#1（三）不予公开',
    ])
    expect(labels.filter((l) => l.startsWith('#'))).toEqual([
      '#0三、本年度办理结果',
      '#1（三）不予公开',
      '#1（四）无法提供',
      '#1（五）不予处理',
      '#1（六）其他处理',
    ])
    expect(labels.at(-2)).toBe('handled_total')
  })

  it('nests the column headers with their spans', () => {
    const rows = block('appeals').header.map((r) => r.cells.map((c) => `${c.text}:${c.colspan}x${c.rowspan}`))
    expect(rows[0]).toEqual(['行政复议:5x1', '行政诉讼:10x1'])
    expect(rows[1]).toEqual([
      '结果维持:1x2',
      '结果纠正:1x2',
      '其他结果:1x2',
      '尚未审结:1x2',
      '总计:1x2',
      '未经复议直接起诉:5x1',
      '复议后起诉:5x1',
    ])
    expect(rows[2]).toHaveLength(10)
    const requests = block('requests').header
    expect(requests[0]!.cells.map((c) => `${c.text}:${c.colspan}x${c.rowspan}`)).toEqual([
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）:3x3',
      '申请人情况:7x1',
    ])
    expect(requests[1]!.cells.map((c) => c.text)).toEqual(['自然人', '法人或其他组织', '总计'])
  })
})
