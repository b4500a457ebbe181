// Which cells look different after an edit: their value, their most severe finding, a refused
// entry or a mark. Only those are redrawn; the rest of the grids are left as they are.
import type { Finding } from '@/domain/findings'
import type { CellKey } from '@/domain/format'

/** Everything a grid cell's look depends on besides its place and the selection. */
export interface CellLook {
  resolved: ReadonlyMap<CellKey, number>
  findingsByCell: ReadonlyMap<CellKey, readonly Finding[]>
  rejected: ReadonlyMap<CellKey, string>
  marked: ReadonlySet<CellKey>
}

/** Keys present in either map whose entries differ by `same`. */
function diffMaps<V>(
  a: ReadonlyMap<CellKey, V>,
  b: ReadonlyMap<CellKey, V>,
  same: (x: V, y: V) => boolean,
  out: Set<CellKey>,
) {
  if (a === b) return
  for (const [k, v] of a) if (!b.has(k) || !same(v, b.get(k)!)) out.add(k)
  for (const k of b.keys()) if (!a.has(k)) out.add(k)
}

const topSeverity = (list: readonly Finding[]) => list[0]?.severity

export function changedCells(prev: CellLook, next: CellLook): Set<CellKey> {
  const out = new Set<CellKey>()
  diffMaps(prev.resolved, next.resolved, Object.is, out)
  diffMaps(prev.findingsByCell, next.findingsByCell, (x, y) => topSeverity(x) === topSeverity(y), out)
  diffMaps(prev.rejected, next.rejected, Object.is, out)
  if (prev.marked !== next.marked) {
    for (const k of prev.marked) if (!next.marked.has(k)) out.add(k)
    for (const k of next.marked) if (!prev.marked.has(k)) out.add(k)
  }
  return out
}
