import type { ColDef, ColGroupDef } from 'ag-grid-community'
import { describe, expect, it } from 'vitest'
import { tableOf } from '@/domain/edition'
import { inventedEdition } from '@/testing/inventedEdition'
import { type GridRow, buildColumns, gridRows } from './columns'

type Col = ColDef<GridRow> | ColGroupDef<GridRow>
const isGroup = (c: Col): c is ColGroupDef<GridRow> => 'children' in c
/** Each leaf as `header path > colId`. */
// Header names carry zero-width spaces between words (wordBreaks.ts): compared without them.
const shown = (name: string | undefined) => (name ?? '').replaceAll('\u200b', '')
const leaves = (cols: readonly Col[], path: string[] = []): string[] =>
  cols.flatMap((c) =>
    isGroup(c)
      ? leaves(c.children, [...path, shown(c.headerName)])
      : [`${[...path, shown(c.headerName)].join('>')}#${c.colId}`],
  )

describe('the grid of an edition it has never seen', () => {
  const table = tableOf(inventedEdition, 'requests')!
  const block = table.blocks[0]!
  const columns = buildColumns({ table, block, labelWidth: 400, valueColumn: () => ({}) })

  it('nests the column groups as deep as the definition, with units in the header', () => {
    const note = '（虚构注：甲加乙等于丙）'
    expect(leaves(columns)).toEqual([
      `${note}>#_label0`,
      `${note}>#_label1`,
      `${note}>#_label2`,
      `${note}>#_label3`,
      '顶层>一组>一组甲>甲列#a',
      '顶层>一组>一组乙>深组>最深组>乙列#b',
      '顶层>一组>一组乙>深组>最深组>丙列#c',
      '顶层>一组>一组乙>深组>丁列#d',
      '顶层>二组>金额（万元）#e',
      '顶层>合计#sum',
    ])
  })

  it('gives each row its labels at four levels, the label columns sharing the label width', () => {
    const rows = gridRows(table, block)
    expect(rows[1]).toEqual({ key: 'r2', labels: ['二、第一层', '（一）第二层', '第三层', '1.深行甲'], own: 3 })
    expect(rows[3]).toEqual({ key: 'r4', labels: ['二、第一层', '（一）第二层', '3.浅一层', '3.浅一层'], own: 2 })
    expect(rows[0]!.own).toBe(0)
    const labels = (columns[0] as ColGroupDef<GridRow>).children as ColDef<GridRow>[]
    const widths = labels.map((c) => c.width!)
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(398)
  })
})
