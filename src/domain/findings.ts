// What a check reports: one inconsistency, where it is and how to say it.
import type { CellKey, Severity } from './format'

export interface Finding {
  /** Rule id of official-format.md (requests.balance, values.domain, blank, narrative.*…). */
  rule: string
  severity: Severity
  /** Cells involved, the first being where the editor focuses. Empty for text-only findings. */
  cells: CellKey[]
  /** Chinese, naming the table, the row and column labels and the numbers. */
  message: string
  /** For text findings: which text part it is about. */
  text?: 'overview' | 'problems' | 'other'
  /** A rule not holding yet while some of its cells are blank: shown quietly as 待填完. */
  pending?: boolean
}

export const SEVERITY_LABEL = { error: '错误', warning: '警告', notice: '提示' } as const
export const SEVERITY_ORDER = { error: 0, warning: 1, notice: 2 } as const
