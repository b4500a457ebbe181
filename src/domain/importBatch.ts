// Importing a batch of exchange files: each file read on its own (a broken one never stops the
// others), duplicates of a stored report decided one by one (replace, keep both, skip), and
// one plan of what to write, so the store can write the whole batch in one transaction.
import { type ParsedExchange, type TotalMismatch, MAX_FILE_BYTES, originFields, readExchangeFile } from './exchange'
import { type Report, createReport, reportTitle } from './report'
import { reviewReport } from './review'

export type BatchEntry =
  | {
      name: string
      ok: true
      file: ParsedExchange
      /** Errors the checks find in it (a negative count…). */ errors: number
    }
  | { name: string; ok: false; error: string; field?: string }

/** A file refused before it is read: larger than any exchange file (the page must not freeze). */
export function tooLarge(name: string, bytes: number): BatchEntry {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`
  return {
    name,
    ok: false,
    error: `文件“${name}”：文件大小 ${mb(bytes)}，超过 ${mb(MAX_FILE_BYTES)}，不是年度报告交换文件，未导入`,
  }
}

/** Reads and checks one file (the slow part of an import: the caller yields between files). */
export function readEntry(name: string, text: string, now = new Date()): BatchEntry {
  const read = readExchangeFile(text, name, now)
  if (!read.ok) return { name, ok: false, error: read.error, ...(read.field ? { field: read.field } : {}) }
  const errors = reviewReport(read.file).filter((f) => f.severity === 'error').length
  return { name, ok: true, file: read.file, errors }
}

export type Decision = 'replace' | 'keepBoth' | 'skip'

/** A report already there that a file duplicates: stored, or imported earlier in this batch. */
export interface Existing {
  id: string
  agency: string
  year: number
  updatedAt: number
  /** The batch file it comes from; undefined for a stored report. */
  fileName?: string
}

export type FileStatus = 'imported' | 'replaced' | 'keptBoth' | 'skipped' | 'refused'

export interface FileResult {
  name: string
  status: FileStatus
  /** The report created (imported, replaced, keptBoth). */
  reportId?: string
  title?: string
  /** refused: the message naming the file and the field. */
  error?: string
  field?: string
  /** replaced: the report put in the recycle bin. */
  replacedTitle?: string
  /** Set when a later file of the batch replaced this one: it went to the recycle bin too. */
  replacedLater?: string
  totalMismatches: TotalMismatch[]
  unknownFields: string[]
  /** Errors the checks find in the imported report (a negative count…). */
  errors: number
}

export interface ImportPlan {
  /** New rows, in file order; a row replaced later in the same batch has deletedAt set. */
  rows: (Report & { deletedAt?: number })[]
  /** Stored reports to move to the recycle bin. */
  binIds: string[]
  /** Stored report id → the id of the report that replaced it. */
  replaced: Map<string, string>
  results: FileResult[]
}

/**
 * Plans the import of `entries` against the stored reports not in the bin. `decide` is asked
 * about each file whose agency and year are already there (stored, or earlier in the batch),
 * in file order; with several, it is told the most recently changed.
 */
export async function planImport(
  entries: readonly BatchEntry[],
  stored: readonly Existing[],
  decide: (file: ParsedExchange, name: string, existing: Existing) => Decision | Promise<Decision>,
  now = Date.now(),
): Promise<ImportPlan> {
  const plan: ImportPlan = { rows: [], binIds: [], replaced: new Map(), results: [] }
  // The reports there now (stored, then imported from this batch), by agency and year: a batch
  // of a thousand files against a thousand stored reports looks each one up, not through all.
  const current = new Map<string, Existing[]>()
  const keyOf = (r: { agency: string; year: number }) => `${r.year}\u0000${r.agency.trim()}`
  const add = (r: Existing) => {
    const list = current.get(keyOf(r))
    if (list) list.push(r)
    else current.set(keyOf(r), [r])
  }
  stored.forEach(add)
  const resultOf = new Map<string, FileResult>()
  for (const entry of entries) {
    if (!entry.ok) {
      plan.results.push({
        name: entry.name,
        status: 'refused',
        error: entry.error,
        ...(entry.field ? { field: entry.field } : {}),
        totalMismatches: [],
        unknownFields: [],
        errors: 0,
      })
      continue
    }
    const { file } = entry
    const base = {
      name: entry.name,
      title: reportTitle(file),
      totalMismatches: file.totalMismatches,
      unknownFields: file.unknownFields,
    }
    const existing = [...(current.get(keyOf(file)) ?? [])].sort((a, b) => b.updatedAt - a.updatedAt)[0]
    const decision = existing ? await decide(file, entry.name, existing) : undefined
    if (decision === 'skip') {
      plan.results.push({ ...base, status: 'skipped', errors: 0 })
      continue
    }
    const agency = decision === 'keepBoth' ? numberedCopy(file, [...current.values()].flat()) : file.agency
    const report: Report = {
      ...createReport(agency, file.year, file.edition, now),
      values: file.values,
      texts: file.texts,
      ...originFields(file.origin),
    }
    const status = decision === 'replace' ? 'replaced' : decision === 'keepBoth' ? 'keptBoth' : 'imported'
    const result: FileResult = {
      ...base,
      title: reportTitle(report),
      status,
      reportId: report.id,
      errors: entry.errors,
    }
    if (decision === 'replace' && existing) {
      const same = current.get(keyOf(existing))!
      same.splice(same.indexOf(existing), 1)
      if (existing.fileName === undefined) {
        plan.binIds.push(existing.id)
        plan.replaced.set(existing.id, report.id)
        result.replacedTitle = reportTitle(existing)
      } else {
        // A file earlier in this batch: imported all the same, straight into the recycle bin.
        const row = plan.rows.find((r) => r.id === existing.id)
        if (row) row.deletedAt = now
        const earlier = resultOf.get(existing.id)
        if (earlier) earlier.replacedLater = entry.name
        result.replacedTitle = `${reportTitle(existing)}（本批文件“${existing.fileName}”）`
      }
    }
    plan.rows.push(report)
    plan.results.push(result)
    resultOf.set(report.id, result)
    add({ id: report.id, agency: report.agency, year: report.year, updatedAt: now, fileName: entry.name })
  }
  return plan
}

/** 甲局（2）, 甲局（3）…: the first number no report of that year uses, so the copies tell apart. */
function numberedCopy(file: { agency: string; year: number }, reports: readonly Existing[]): string {
  const name = file.agency.trim()
  const used = new Set(reports.filter((r) => r.year === file.year).map((r) => r.agency.trim()))
  let n = 2
  while (used.has(`${name}（${n}）`)) n++
  return `${name}（${n}）`
}

export interface BatchCounts {
  imported: number
  skipped: number
  refused: number
}

export function countResults(results: readonly FileResult[]): BatchCounts {
  const counts: BatchCounts = { imported: 0, skipped: 0, refused: 0 }
  for (const r of results) {
    if (r.status === 'refused') counts.refused++
    else if (r.status === 'skipped') counts.skipped++
    else counts.imported++
  }
  return counts
}

export const STATUS_LABEL: Record<FileStatus, string> = {
  imported: '已导入',
  replaced: '已替换',
  keptBoth: '已导入（保留两份）',
  skipped: '已跳过',
  refused: '未导入',
}
