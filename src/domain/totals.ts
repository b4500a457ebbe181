// Computed cells (every 总计), derived from the definition's sumOf, never stored.
import { cellKey, cellsOf } from './edition'
import type { CellKey, EditionDef } from './format'
import type { Values } from './report'

/** Every cell's value: input cells as stored, computed cells summed; blank stays absent. */
export type Resolved = Map<CellKey, number>

/** A computed cell is blank only when every cell it sums is blank. */
export function resolveValues(edition: EditionDef, values: Values): Resolved {
  const out: Resolved = new Map()
  for (const [k, v] of Object.entries(values)) out.set(k, v)
  const cells = cellsOf(edition)
  // Row sums first (per column), then column sums: a corner cell sums the already-summed row.
  for (const pass of ['row', 'column'] as const) {
    for (const cell of cells) {
      const parts = pass === 'row' ? cell.row.sumOf : cell.column.sumOf
      if (!parts || (pass === 'row' && cell.column.sumOf)) continue
      let sum = 0
      let any = false
      for (const p of parts) {
        const key =
          pass === 'row' ? cellKey(cell.table.key, p, cell.column.key) : cellKey(cell.table.key, cell.row.key, p)
        const v = out.get(key)
        if (v !== undefined) {
          sum += v
          any = true
        }
      }
      if (any) out.set(cell.key, roundAmount(sum))
    }
  }
  return out
}

/** Sums of amounts in 万元 keep at most 4 decimals without float noise (0.1+0.2). */
export function roundAmount(n: number): number {
  return Math.round(n * 10000) / 10000
}
