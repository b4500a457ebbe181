import { describe, expect, it } from 'vitest'
import type { Finding } from '@/domain/findings'
import { type CellLook, changedCells } from './changes'

const finding = (severity: Finding['severity'], cells: string[]): Finding => ({
  rule: 'r',
  severity,
  cells,
  message: severity,
})

const look = (o: Partial<CellLook> = {}): CellLook => ({
  resolved: new Map(),
  findingsByCell: new Map(),
  rejected: new Map(),
  marked: new Set(),
  ...o,
})

describe('changedCells', () => {
  it('names the cells whose value changed, appeared or went blank, and no other', () => {
    const prev = look({
      resolved: new Map([
        ['t.a.x', 1],
        ['t.b.x', 2],
        ['t.c.x', 3],
      ]),
    })
    const next = look({
      resolved: new Map([
        ['t.a.x', 1],
        ['t.b.x', 5],
        ['t.d.x', 4],
      ]),
    })
    expect([...changedCells(prev, next)].sort()).toEqual(['t.b.x', 't.c.x', 't.d.x'])
  })

  it('names a cell whose most severe finding changed, not one whose message only did', () => {
    const prev = look({
      findingsByCell: new Map([
        ['t.a.x', [finding('warning', ['t.a.x'])]],
        ['t.b.x', [finding('error', ['t.b.x'])]],
      ]),
    })
    const next = look({
      findingsByCell: new Map([
        ['t.a.x', [finding('error', ['t.a.x']), finding('warning', ['t.a.x'])]],
        ['t.b.x', [{ ...finding('error', ['t.b.x']), message: 'other numbers' }]],
        ['t.c.x', [finding('notice', ['t.c.x'])]],
      ]),
    })
    expect([...changedCells(prev, next)].sort()).toEqual(['t.a.x', 't.c.x'])
  })

  it('names cells refused or marked, and those no longer so', () => {
    const prev = look({ rejected: new Map([['t.a.x', 'bad']]), marked: new Set(['t.m.x']) })
    const next = look({ rejected: new Map([['t.b.x', 'bad']]), marked: new Set(['t.n.x']) })
    expect([...changedCells(prev, next)].sort()).toEqual(['t.a.x', 't.b.x', 't.m.x', 't.n.x'])
  })

  it('is empty when nothing a cell shows changed', () => {
    const same = look({ resolved: new Map([['t.a.x', 1]]) })
    expect(changedCells(same, look({ resolved: new Map([['t.a.x', 1]]) })).size).toBe(0)
  })
})
