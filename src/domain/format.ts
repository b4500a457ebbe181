// The declarative shape of an official edition: everything else (grids, checks, print,
// file validation, text import, aggregation) reads these definitions and nothing else.

export type EditionKey = string
export type TableKey = 'active' | 'requests' | 'appeals'
export type TextKey = 'overview' | 'problems' | 'other'
/** `table.row.column`, the stable cell key of official-format.md. */
export type CellKey = string

/** count: whole ≥ 0 · change: whole of either sign · amount: 万元 ≥ 0, ≤ 4 decimals */
export type ValueKind = 'count' | 'change' | 'amount'

export interface ColumnDef {
  key: string
  /** Official wording, character for character. */
  label: string
  kind: ValueKind
  /** Unit shown in the header when the official label does not carry it. */
  unit?: string
  /** Header groups above this column, outermost first (e.g. 申请人情况 › 法人或其他组织). */
  groups?: readonly string[]
  /** Computed as the sum of these columns of the same row. */
  sumOf?: readonly string[]
}

export interface RowDef {
  key: string
  label: string
  /** Labels of the official group rows this row nests under, outermost first. */
  path?: readonly string[]
  /** Computed as the sum of these rows of the same column. */
  sumOf?: readonly string[]
}

/** A block of rows sharing one column set (二 has five, 三 and 四 one each). */
export interface BlockDef {
  /** e.g. 第二十条第（一）项 */
  heading?: string
  /** Label of the row-label column (信息内容 in 二). */
  rowHeader?: string
  columns: readonly ColumnDef[]
  rows: readonly RowDef[]
}

export interface TableDef {
  key: TableKey
  /** The part heading, e.g. 三、收到和处理政府信息公开申请情况 */
  heading: string
  /** Printed in the table's corner cell (三's 勾稽关系 note). */
  note?: string
  /** Group above every column (三: 申请人情况). */
  columnsCaption?: string
  blocks: readonly BlockDef[]
}

/** One thing the official notice asks a text part to cover. */
export interface GuidanceItem {
  /** e.g. 平台建设 */
  topic: string
  /** What belongs under it, in the notice's words as far as they go. */
  hint: string
  /**
   * Words of which a part covering the topic uses at least one. None of them in a part long
   * enough to judge: the topic is left out (a notice). Absent: never judged (we are not sure).
   */
  mentions?: readonly string[]
}

export interface TextGuidance {
  /** Where the asks come from, e.g. 国办公开办函〔2021〕30号. */
  source: string
  items: readonly GuidanceItem[]
}

export interface TextDef {
  key: TextKey
  heading: string
  /** What the edition's notice asks this part to cover: shown beside the text box, checked. */
  guidance?: TextGuidance
}

export type PartDef = { kind: 'text'; text: TextDef } | { kind: 'table'; table: TableDef }

/** One term of a linear rule: a cell, possibly of last year's report, with a sign. */
export interface Term {
  /** Fixed row; absent means the row the rule is iterating. */
  row?: string
  /** Fixed column; absent means the column the rule is iterating. */
  column?: string
  sign?: 1 | -1
  lastYear?: boolean
}

export type Severity = 'error' | 'warning' | 'notice'

/**
 * A linear check: for every row in `rows` and column in `columns` (each that the table
 * has), sum(lhs) `op` sum(rhs). An empty rhs means 0.
 */
export interface LinearRule {
  id: string
  severity: Severity
  table: TableKey
  /** Row keys to iterate; 'each' = every row of the blocks that hold all the terms' columns. */
  rows: readonly string[] | 'each'
  columns: readonly string[] | 'each'
  lhs: readonly Term[]
  op: '=' | '<=' | '>='
  rhs: readonly Term[]
  /** How the message names each side, e.g. 第一项加第二项之和. */
  lhsLabel: string
  rhsLabel: string
  /** Only with last year's report present (and of this edition, when set). */
  crossYear?: { sameEdition?: boolean }
}

export interface EditionDef {
  key: EditionKey
  /** e.g. 2019年版（国办发〔2019〕…） */
  name: string
  /** Report years this edition is the default for. */
  years: { from: number; to?: number }
  /** Labels that, found in a published text, identify this edition. */
  markers: readonly string[]
  parts: readonly PartDef[]
  rules: readonly LinearRule[]
}
