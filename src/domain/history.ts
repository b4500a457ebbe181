// Version history of a report, as pure functions: what a version holds, what differs between
// two versions, when an edit earns a new version, which old versions are thinned away, and when
// to remind about a backup. No clock is read here: every function takes `now`.
import { cellsOf, columnLabel, findCell, findEdition, textsOf } from './edition'
import type { CellKey, EditionKey, TextKey } from './format'
import { AGENCY_MAX, TEXT_KEYS, cleanTexts, cleanValues } from './report'
import type { ReportTexts, Values } from './report'

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** An edit after this long since the last version saves the state before it as a version. */
export const AUTO_SNAPSHOT_MS = 5 * MINUTE
/** A change of this many cells at once (a paste, an undo of one) is a version of its own. */
export const BULK_CELLS = 10

/** Why a version was taken: it holds the state just before that event. */
export type SnapshotReason =
  | 'auto' // while editing, at most every AUTO_SNAPSHOT_MS
  | 'import' // an imported file replaced the report
  | 'restore' // an older version was restored
  | 'compile' // a compile (汇总) changed the report
  | 'paste' // many cells pasted at once
  | 'fill-blanks' // blanks filled with 0
  | 'bulk' // many cells changed at once (undo/redo of a paste…)
  | 'replace' // the report was overwritten some other way
  | 'backup-restore' // a whole-database backup was restored over it
  | 'final' // marked final (定稿): the version as it was made final
  | 'unfinal' // reopened (取消定稿): the final version

const SNAPSHOT_REASONS: readonly SnapshotReason[] = [
  'auto',
  'import',
  'restore',
  'compile',
  'paste',
  'fill-blanks',
  'bulk',
  'replace',
  'backup-restore',
  'final',
  'unfinal',
]

const REASON_LABELS: Readonly<Record<SnapshotReason, string>> = {
  auto: '编辑时自动保存',
  import: '导入文件覆盖前',
  restore: '恢复旧版本前',
  compile: '重新汇总前',
  paste: '粘贴多个单元格前',
  'fill-blanks': '空白单元格填0前',
  bulk: '批量修改前',
  replace: '被覆盖前',
  'backup-restore': '从备份恢复前',
  final: '定稿',
  unfinal: '取消定稿',
}

/** What a version holds of a report: what the person can change. */
export interface VersionContent {
  agency: string
  edition: EditionKey
  values: Values
  texts: ReportTexts
}

/** A stored version (a row of the history table). */
export interface Snapshot extends VersionContent {
  id: string
  reportId: string
  /** When it was taken (ms since epoch). */
  at: number
  reason: SnapshotReason
  /** How many cells, texts and names differ from the version before it when it was taken. */
  changedCells: number
  /** For reason 'restore': when the version that was restored had been taken. */
  restoredFrom?: number
}

export function contentOf(r: VersionContent): VersionContent {
  return { agency: r.agency, edition: r.edition, values: { ...r.values }, texts: { ...r.texts } }
}

/** A blank report of the same agency and edition: what the first version is compared with. */
export function blankLike(c: VersionContent): VersionContent {
  return { agency: c.agency, edition: c.edition, values: {}, texts: { overview: '', problems: '', other: '' } }
}

// ---------------------------------------------------------------------------------------------
// Differences

export interface VersionDiff {
  /** Table cells whose value differs (blank vs 0 differs), in key order. */
  cells: CellKey[]
  texts: TextKey[]
  agency: boolean
  edition: boolean
}

export function diffContent(a: VersionContent, b: VersionContent): VersionDiff {
  const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)])
  const cells = [...keys].filter((k) => !Object.is(a.values[k], b.values[k])).sort()
  const texts = TEXT_KEYS.filter((k) => (a.texts[k] ?? '') !== (b.texts[k] ?? ''))
  return { cells, texts, agency: a.agency !== b.agency, edition: a.edition !== b.edition }
}

/** Cells, texts and names that differ, counted one each. */
export function changeCount(d: VersionDiff): number {
  return d.cells.length + d.texts.length + (d.agency ? 1 : 0) + (d.edition ? 1 : 0)
}

export function sameContent(a: VersionContent, b: VersionContent): boolean {
  return changeCount(diffContent(a, b)) === 0
}

export interface DiffLine {
  /** A cell key, `texts.overview`, `agency` or `edition`. */
  key: string
  label: string
  /** In the version, and now (as shown: blank is 「空白」). */
  then: string
  now: string
}

/** The differences of a version from the current report, in words, for the history panel. */
export function describeDiff(version: VersionContent, current: VersionContent): DiffLine[] {
  const d = diffContent(version, current)
  const lines: DiffLine[] = []
  const show = (v: number | undefined) => (v === undefined ? '空白' : String(v))
  if (d.agency) lines.push({ key: 'agency', label: '机关名称', then: version.agency, now: current.agency })
  if (d.edition) lines.push({ key: 'edition', label: '格式版本', then: version.edition, now: current.edition })
  const edition = findEdition(current.edition) ?? findEdition(version.edition)
  // In the order of the tables (二 before 三, rows down, columns across), unknown keys last.
  const order = new Map(edition ? cellsOf(edition).map((c, i) => [c.key, i]) : [])
  const rank = (key: string) => order.get(key) ?? Number.MAX_SAFE_INTEGER
  const cells = [...d.cells].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))
  for (const key of cells) {
    const cell = edition && findCell(edition, key)
    lines.push({
      key,
      label: cell ? cellPlace(cell) : key,
      then: show(version.values[key]),
      now: show(current.values[key]),
    })
  }
  const headings = new Map(edition ? textsOf(edition).map((t) => [t.key, t.heading]) : [])
  for (const key of d.texts) {
    lines.push({
      key: `texts.${key}`,
      label: headings.get(key) ?? key,
      then: brief(version.texts[key]),
      now: brief(current.texts[key]),
    })
  }
  return lines
}

/** 表三 · 一、本年新收政府信息公开申请数量 · 自然人: whole names, the table by its number. */
function cellPlace(cell: NonNullable<ReturnType<typeof findCell>>): string {
  const numeral = /^([一二三四五六七八九十]+)、/.exec(cell.table.heading)?.[1]
  const table = numeral ? `表${numeral}` : cell.table.heading
  return [table, cell.block.heading, cell.row.label, columnLabel(cell.column)].filter(Boolean).join(' · ')
}

function brief(text: string | undefined): string {
  const t = (text ?? '').replace(/\n/g, ' ')
  if (!t) return '（空）'
  return t.length > 40 ? `${t.slice(0, 40)}…（共${t.length}字）` : t
}

// ---------------------------------------------------------------------------------------------
// When to take a version

/**
 * Whether an edit of the report (whose stored state is `current`) first saves `current` as an
 * automatic version: when there is none yet, or the last one is AUTO_SNAPSHOT_MS old and differs.
 */
export function needsAutoSnapshot(
  last: Pick<Snapshot, 'at' | keyof VersionContent> | undefined,
  current: VersionContent,
  now: number,
): boolean {
  if (!last) return true
  if (now - last.at < AUTO_SNAPSHOT_MS && now >= last.at) return false
  return !sameContent(last, current)
}

/** The reason a patch of `cellCount` cells is saved as its own version, if any. */
export function patchReason(explicit: SnapshotReason | undefined, cellCount: number): SnapshotReason | undefined {
  return explicit ?? (cellCount >= BULK_CELLS ? 'bulk' : undefined)
}

// ---------------------------------------------------------------------------------------------
// Thinning

interface ThinningPolicy {
  /** Every version younger than this is kept. */
  keepAllMs: number
  /** Then the newest of each calendar day, up to this age… */
  dailyMs: number
  /** …and the newest of each calendar month after it. */
}

const THINNING: ThinningPolicy = { keepAllMs: DAY, dailyMs: 30 * DAY }

/** China Standard Time: the offices using this keep Beijing time and it has no daylight saving. */
export const CHINA_OFFSET_MS = 8 * HOUR

/**
 * The ids of the versions to delete so that what stays is: all of the last day, the newest of
 * each day for a month, the newest of each month after that. `offsetMs` places the calendar
 * (days start at local midnight). Versions dated in the future (a clock set wrong) are kept.
 */
export function versionsToThin(
  versions: readonly Pick<Snapshot, 'id' | 'at'>[],
  now: number,
  policy = THINNING,
  offsetMs = CHINA_OFFSET_MS,
): string[] {
  const newestFirst = [...versions].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
  const seen = new Set<string>()
  const remove: string[] = []
  for (const v of newestFirst) {
    const age = now - v.at
    if (age < policy.keepAllMs) continue
    const local = new Date(v.at + offsetMs)
    const bucket =
      age < policy.dailyMs
        ? `d${local.getUTCFullYear()}-${local.getUTCMonth()}-${local.getUTCDate()}`
        : `m${local.getUTCFullYear()}-${local.getUTCMonth()}`
    if (seen.has(bucket)) remove.push(v.id)
    else seen.add(bucket)
  }
  return remove
}

// ---------------------------------------------------------------------------------------------
// The list in the history panel

export interface VersionEntry {
  id: string
  at: number
  reason: SnapshotReason
  label: string
  /** Cells, texts and names that differ from the version before it in the list (or from a blank report). */
  changedFromPrevious: number
  /** …and from the current report. */
  differsFromCurrent: number
  restoredFrom?: number
}

/** Newest first. */
export function listVersions(snapshots: readonly Snapshot[], current: VersionContent | undefined): VersionEntry[] {
  const oldestFirst = [...snapshots].sort((a, b) => a.at - b.at)
  const entries = oldestFirst.map((s, i): VersionEntry => {
    const previous = i > 0 ? oldestFirst[i - 1]! : blankLike(s)
    const entry: VersionEntry = {
      id: s.id,
      at: s.at,
      reason: s.reason,
      label: REASON_LABELS[s.reason] ?? s.reason,
      changedFromPrevious: changeCount(diffContent(previous, s)),
      differsFromCurrent: current ? changeCount(diffContent(s, current)) : 0,
    }
    if (s.restoredFrom !== undefined) entry.restoredFrom = s.restoredFrom
    return entry
  })
  return entries.reverse()
}

// ---------------------------------------------------------------------------------------------
// Untrusted history rows (from a backup file)

/** A history row from untrusted data, normalised; undefined if it cannot be one. */
export function restoreSnapshot(raw: unknown): Snapshot | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined
  const r = raw as Record<string, unknown>
  if (typeof r.id !== 'string' || !r.id || r.id.length > 100) return undefined
  if (typeof r.reportId !== 'string' || !r.reportId || r.reportId.length > 100) return undefined
  if (typeof r.at !== 'number' || !Number.isFinite(r.at)) return undefined
  if (typeof r.agency !== 'string') return undefined
  const edition = typeof r.edition === 'string' ? findEdition(r.edition) : undefined
  if (!edition) return undefined
  const reason = SNAPSHOT_REASONS.find((x) => x === r.reason) ?? 'replace'
  const snapshot: Snapshot = {
    id: r.id,
    reportId: r.reportId,
    at: r.at,
    reason,
    agency: r.agency.trim().slice(0, AGENCY_MAX),
    edition: edition.key,
    values: cleanValues(edition, r.values),
    texts: cleanTexts(r.texts),
    changedCells:
      typeof r.changedCells === 'number' && Number.isInteger(r.changedCells) && r.changedCells >= 0
        ? r.changedCells
        : 0,
  }
  if (typeof r.restoredFrom === 'number' && Number.isFinite(r.restoredFrom)) snapshot.restoredFrom = r.restoredFrom
  return snapshot
}

// ---------------------------------------------------------------------------------------------
// Backup reminder

/** Edits written since the last backup or export: when the first was and how many. */
export interface EditsSinceBackup {
  since: number
  count: number
}

const REMIND_AFTER_EDITS = 300
const REMIND_AFTER_MS = 7 * DAY
/** Fewer edits than this never remind (a typo fixed weeks after a backup is no stretch of editing). */
const REMIND_MIN_EDITS = 20

/**
 * A gentle reminder when much has been edited since the last backup or export: many edits, or
 * edits spread over a week or more. undefined when there is nothing to say.
 */
export function backupReminder(edits: EditsSinceBackup | undefined, now: number): string | undefined {
  if (!edits || edits.count < REMIND_MIN_EDITS) return undefined
  const days = Math.floor((now - edits.since) / DAY)
  if (edits.count < REMIND_AFTER_EDITS && now - edits.since < REMIND_AFTER_MS) return undefined
  const span = days >= 1 ? `${days}天来` : '今天'
  return `${span}已修改${edits.count}次，还没有备份或导出过。数据只保存在本浏览器中，建议现在备份一次。`
}
