import type { ColDef, ColGroupDef } from 'ag-grid-community'
import { describe, expect, it, vi } from 'vitest'
import { tableOf, tablesOf } from '@/domain/edition'
import { EDITIONS } from '@/domain/editions'
import { inventedEdition } from '@/testing/inventedEdition'
import { edition2021 } from '@/domain/editions/e2021'
import { type GridRow, buildColumns, gridModel, gridRows, rowHeights, sheetColumns } from './columns'

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

describe('二 as one sheet', () => {
  const model = gridModel(tableOf(edition2021, 'active')!)

  it('puts each block heading and header above its rows, the numbers under their columns', () => {
    expect(model.sheet).toBe(true)
    expect(model.rows.slice(0, 5).map((r) => r.kind)).toEqual(['block', 'header', 'body', 'body', 'block'])
    expect(model.rows.filter((r) => r.kind === 'block').map((r) => r.texts![0])).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ])
    expect(model.colIds).toEqual(['v0', 'v1', 'v2'])
    const at = (row: string) => model.cells[model.rows.findIndex((r) => r.key === row)]
    expect(at('normative')).toEqual([
      'active.normative.issued',
      'active.normative.repealed',
      'active.normative.in_force',
    ])
    // A block of one column: its number spans the three positions, and sits at the first.
    expect(at('penalty')).toEqual(['active.penalty.decisions', undefined, undefined])
    expect(model.rows.find((r) => r.key === 'penalty')!.slots![1]!.cell.colspan).toBe(3)
  })

  it('has no cell on a heading or header row, so the keys never land there', () => {
    model.rows.forEach((r, i) => {
      if (r.kind !== 'body') expect(model.cells[i]!.every((c) => c === undefined)).toBe(true)
    })
  })

  it('keeps a one-block table (三) under column headers, its column ids the official keys', () => {
    const requests = gridModel(tableOf(edition2021, 'requests')!)
    expect(requests.sheet).toBe(false)
    expect(requests.colIds).toContain('natural')
    expect(requests.cells[0]![0]).toBe(`requests.${requests.rows[0]!.key}.${requests.colIds[0]}`)
  })
})

describe('row heights from the labels', () => {
  const table = tableOf(edition2021, 'requests')!
  const block = table.blocks[0]!
  const heights = rowHeights(table, block, 400)
  const rowOf = (label: string) => block.rows.find((r) => r.label.startsWith(label))!.key

  it('gives a label that fits one line the grid row height, a longer one a line more each', () => {
    expect(heights.get(rowOf('一、本年新收'))).toBe(30)
    const twoLines = heights.get(rowOf('（二）部分公开'))!
    expect(twoLines).toBeGreaterThan(30)
    expect(twoLines).toBeLessThan(60)
  })

  it('is narrower, so taller, for the same labels in a narrower label area', () => {
    const narrow = rowHeights(table, block, 160)
    expect(narrow.get(rowOf('（二）部分公开'))!).toBeGreaterThan(heights.get(rowOf('（二）部分公开'))!)
    expect([...narrow.values()].every((h) => h >= 30)).toBe(true)
  })
})

describe('opening the grids', () => {
  // Building Intl.Segmenter's Chinese dictionary costs tens of milliseconds on first use: the
  // editions' own grids are laid out from the words known ahead of time (wordBreaks.known.ts).
  it('asks the word segmenter nothing for any table of any edition', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment')
    try {
      for (const edition of EDITIONS)
        for (const table of tablesOf(edition)) {
          const model = gridModel(table)
          if (!model.sheet) buildColumns({ table, block: table.blocks[0]!, labelWidth: 400, valueColumn: () => ({}) })
          else sheetColumns({ table, labelWidth: 170, valueColumn: () => ({}) })
        }
      expect(segment).not.toHaveBeenCalled()
    } finally {
      segment.mockRestore()
    }
  })
})
