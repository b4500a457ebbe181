// Computed cells (every 总计), derived from the definition's sumOf, never stored.
import { type CellDef, cellKey, cellsOf } from './edition'
import type { CellKey, EditionDef } from './format'
import type { Values } from './report'

/** Every cell's value: input cells as stored, computed cells summed; blank stays absent. */
export type Resolved = Map<CellKey, number>

const partsCache = new WeakMap<CellDef, readonly CellKey[]>()

/**
 * The cells a computed cell sums (its columns when the column is a total, else its rows); none
 * for an input cell. Built once per cell: a province's thousand reports resolve the same cells.
 */
export function partsOf(cell: CellDef): readonly CellKey[] {
  let parts = partsCache.get(cell)
  if (!parts) {
    const t = cell.table.key
    parts = cell.column.sumOf
      ? cell.column.sumOf.map((c) => cellKey(t, cell.row.key, c))
      : (cell.row.sumOf ?? []).map((r) => cellKey(t, r, cell.column.key))
    partsCache.set(cell, parts)
  }
  return parts
}

/** The computed cells in the order they are summed: row sums first, then column sums. */
const orderCache = new WeakMap<EditionDef, readonly CellDef[]>()

function sumOrder(edition: EditionDef): readonly CellDef[] {
  let order = orderCache.get(edition)
  if (!order) {
    const cells = cellsOf(edition)
    // Row sums first (per column), then column sums: a corner cell sums the already-summed row.
    order = [...cells.filter((c) => c.row.sumOf && !c.column.sumOf), ...cells.filter((c) => c.column.sumOf)]
    orderCache.set(edition, order)
  }
  return order
}

/** A computed cell is blank only when every cell it sums is blank. */
export function resolveValues(edition: EditionDef, values: Values): Resolved {
  const out: Resolved = new Map()
  for (const [k, v] of Object.entries(values)) out.set(k, v)
  for (const cell of sumOrder(edition)) {
    let sum = 0
    let any = false
    for (const key of partsOf(cell)) {
      const v = out.get(key)
      if (v !== undefined) {
        sum += v
        any = true
      }
    }
    if (any) out.set(cell.key, roundAmount(sum))
  }
  return out
}

/** Sums of amounts in 万元 keep at most 4 decimals without float noise (0.1+0.2). */
export function roundAmount(n: number): number {
  return Math.round(n * 10000) / 10000
}
