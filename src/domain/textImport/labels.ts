// Everything the recogniser matches, derived from the edition definitions (never a second list).
import { EDITIONS } from '../editions'
import type { BlockDef, EditionDef, RowDef, TableDef } from '../format'
import { baseKey, driftOf, labelKey, unnumberedKey } from './normalize'

/** What a cell of a published table is, once matched against the edition. */
export type Meaning =
  | { kind: 'row'; block: BlockDef; row: RowDef }
  /** A label row holds no values itself (三、本年度办理结果, （三）不予公开). */
  | { kind: 'group'; label: string }
  /** Block headings, column labels and groups, notes, captions: nothing to read. */
  | { kind: 'header'; label: string }

export interface TableLabels {
  table: TableDef
  /** The block of the single row without a label (四: one row of fifteen numbers). */
  unlabelled?: { block: BlockDef; row: RowDef }
  /** Labels that, opening a line, mean the text has reached this table. */
  openers: ReadonlySet<string>
  lookup(cell: string): Meaning | undefined
}

type Index = Map<string, Meaning[]>

function add(index: Index, key: string, meaning: Meaning) {
  if (!key) return
  const list = index.get(key) ?? []
  if (!list.some((m) => same(m, meaning))) list.push(meaning)
  index.set(key, list)
}

function same(a: Meaning, b: Meaning): boolean {
  if (a.kind === 'row' && b.kind === 'row') return a.row === b.row
  return a.kind === b.kind && a.kind !== 'row'
}

/** One meaning for a key, with the drift group; undefined when absent or ambiguous. */
function find(index: Index, key: string): Meaning | 'ambiguous' | undefined {
  for (const k of [key, ...driftOf(key)]) {
    const list = index.get(k)
    if (list && list.length > 0) return list.length === 1 ? list[0] : 'ambiguous'
  }
  return undefined
}

export function tableLabels(table: TableDef): TableLabels {
  const exact: Index = new Map()
  const base: Index = new Map()
  const unnumbered: Index = new Map()
  const openers = new Set<string>()
  let unlabelled: TableLabels['unlabelled']
  const label = (text: string | undefined, meaning: Meaning) => {
    if (!text) return
    add(exact, labelKey(text), meaning)
    add(base, baseKey(text), meaning)
    add(unnumbered, unnumberedKey(text), meaning)
  }
  const header = (text: string | undefined) => label(text, { kind: 'header', label: text ?? '' })

  header(table.heading)
  header(table.note)
  header(table.columnsCaption)
  if (table.note) openers.add(labelKey(table.note))
  if (table.columnsCaption) openers.add(labelKey(table.columnsCaption))
  table.blocks.forEach((block, blockIndex) => {
    header(block.heading)
    header(block.rowHeader)
    if (block.heading) openers.add(labelKey(block.heading))
    for (const column of block.columns) {
      header(column.label)
      for (const g of column.groups ?? []) header(g)
      const outer = column.groups?.[0]
      if (outer) openers.add(labelKey(outer))
    }
    block.rows.forEach((row, i) => {
      if (!row.label) {
        unlabelled = { block, row }
        return
      }
      label(row.label, { kind: 'row', block, row })
      for (const g of row.path ?? []) label(g, { kind: 'group', label: g })
      if (i === 0 && blockIndex === 0) openers.add(labelKey(row.label))
    })
  })

  return {
    table,
    unlabelled,
    openers,
    lookup(cell) {
      // The exact wording first; then without an annotation in brackets; then without the
      // numbering. A key that means two things at one level is no match at all.
      for (const [index, key] of [
        [exact, labelKey(cell)],
        [base, baseKey(cell)],
        [unnumbered, unnumberedKey(cell)],
      ] as const) {
        if (!key) continue
        const found = find(index, key)
        if (found === 'ambiguous') return undefined
        if (found) return found
      }
      return undefined
    },
  }
}

/** Distinct markers of `edition` found in `textKey` (a whole text through labelKey). */
function markersFound(edition: EditionDef, textKey: string): string[] {
  return edition.markers.filter((m) => textKey.includes(labelKey(m)))
}

/** The edition whose markers the text carries; undefined when none or a tie. */
export function editionFromMarkers(textKey: string): { edition?: EditionDef; found: Map<string, string[]> } {
  const found = new Map(EDITIONS.map((e) => [e.key, markersFound(e, textKey)] as const))
  const ranked = [...EDITIONS].sort((a, b) => found.get(b.key)!.length - found.get(a.key)!.length)
  const [first, second] = ranked
  const n1 = first ? found.get(first.key)!.length : 0
  const n2 = second ? found.get(second.key)!.length : 0
  return { edition: n1 > 0 && n1 > n2 ? first : undefined, found }
}
