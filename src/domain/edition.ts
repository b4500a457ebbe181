// Lookups derived from an edition's definition: its cells, their kinds, which are computed.
import { EDITIONS } from './editions'
import type {
  BlockDef,
  CellKey,
  ColumnDef,
  EditionDef,
  EditionKey,
  RowDef,
  TableDef,
  TableKey,
  TextDef,
} from './format'

export interface CellDef {
  key: CellKey
  table: TableDef
  block: BlockDef
  blockIndex: number
  row: RowDef
  column: ColumnDef
  /** A total: derived from other cells, never typed. */
  computed: boolean
}

export const cellKey = (table: string, row: string, column: string): CellKey => `${table}.${row}.${column}`

export const FIRST_YEAR = 2019

export function findEdition(key: string): EditionDef | undefined {
  return EDITIONS.find((e) => e.key === key)
}

export function getEdition(key: EditionKey): EditionDef {
  const edition = findEdition(key)
  if (!edition) throw new Error(`未知的格式版本：${key}`)
  return edition
}

/** The edition a new report of `year` gets by default; undefined before 2019. */
export function editionForYear(year: number): EditionDef | undefined {
  return EDITIONS.find((e) => year >= e.years.from && (e.years.to === undefined || year <= e.years.to))
}

export function tablesOf(edition: EditionDef): TableDef[] {
  return edition.parts.flatMap((p) => (p.kind === 'table' ? [p.table] : []))
}

export function textsOf(edition: EditionDef): TextDef[] {
  return edition.parts.flatMap((p) => (p.kind === 'text' ? [p.text] : []))
}

export function tableOf(edition: EditionDef, key: TableKey): TableDef | undefined {
  return tablesOf(edition).find((t) => t.key === key)
}

const cellCache = new WeakMap<EditionDef, { list: CellDef[]; byKey: Map<CellKey, CellDef> }>()

function index(edition: EditionDef) {
  let cached = cellCache.get(edition)
  if (!cached) {
    const list: CellDef[] = []
    for (const table of tablesOf(edition)) {
      table.blocks.forEach((block, blockIndex) => {
        for (const row of block.rows) {
          for (const column of block.columns) {
            list.push({
              key: cellKey(table.key, row.key, column.key),
              table,
              block,
              blockIndex,
              row,
              column,
              computed: Boolean(row.sumOf || column.sumOf),
            })
          }
        }
      })
    }
    cached = { list, byKey: new Map(list.map((c) => [c.key, c])) }
    cellCache.set(edition, cached)
  }
  return cached
}

/** Every cell of the edition, in official order (table, block, row, column). */
export function cellsOf(edition: EditionDef): readonly CellDef[] {
  return index(edition).list
}

export function inputCellsOf(edition: EditionDef): CellDef[] {
  return cellsOf(edition).filter((c) => !c.computed)
}

export function findCell(edition: EditionDef, key: CellKey): CellDef | undefined {
  return index(edition).byKey.get(key)
}

/** Where a cell sits, in words: 三、收到和处理政府信息公开申请情况 · 一、本年新收… · 自然人 */
export function describeCell(cell: CellDef): string {
  const rowLabel = cell.row.label || undefined
  const place = [cell.table.heading, cell.block.heading, rowLabel, columnLabel(cell.column)].filter(Boolean)
  return place.join(' · ')
}

/** A column's label with the groups that tell it apart (行政复议 结果维持). */
export function columnLabel(column: ColumnDef): string {
  const groups = (column.groups ?? []).filter((g) => g !== '申请人情况' && g !== '法人或其他组织')
  return [...groups, column.label].join(' ')
}
