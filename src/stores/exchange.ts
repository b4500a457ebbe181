// Exchange with other departments: importing batches of report files (with the duplicate
// question and the summary), exporting reports as files, CSV of one table, 新建下一年度 and
// creating a compiled report. Loaded only when one of these is used (dynamic import()).
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { version } from '../../package.json'
import { downloadBlob } from '@/composables/downloadBlob'
import { recordExport } from '@/db/backupStatus'
import { addNextYearReport, partAgencies, reportsForImport, writeImportPlan } from '@/db/exchange'
import { type ReportRow, getReports } from '@/db/reports'
import { storageErrorMessage } from '@/db/errors'
import { nextYearReport } from '@/domain/carryOver'
import { csvFileName, tableCsv } from '@/domain/csv'
import { type ParsedExchange, MAX_FILE_BYTES, exchangeFileName, serializeReport } from '@/domain/exchange'
import type { TableKey } from '@/domain/format'
import {
  type BatchEntry,
  type Decision,
  type Existing,
  type FileResult,
  countResults,
  planImport,
  readEntry,
  tooLarge,
} from '@/domain/importBatch'
import { type Report, reportTitle } from '@/domain/report'

export const GENERATOR = `年报 Nianbao ${version}`

export interface DuplicateQuestion {
  fileName: string
  title: string
  agency: string
  /** The report already there: stored, or imported earlier from this batch. */
  existingTitle: string
  existingUpdatedAt: number
  existingFileName?: string
  /** The report was pasted (从已发布的报告导入), not read from a file. */
  pasted?: boolean
  /** The batch holds other files: the answer may apply to the rest of them. */
  more: boolean
}

export type ImportPhase = 'idle' | 'reading' | 'asking' | 'writing' | 'done'

/**
 * Files are read one at a time; after this many milliseconds of reading the browser gets to
 * paint the progress (by time, not by count: a yield costs a few idle milliseconds, and a
 * thousand small files need few of them).
 */
const SLICE_MS = 40
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

export const useExchangeStore = defineStore('exchange', () => {
  const phase = ref<ImportPhase>('idle')
  const progress = ref({ done: 0, total: 0 })
  const question = shallowRef<DuplicateQuestion>()
  const results = shallowRef<FileResult[]>([])
  /** The whole batch could not be written: nothing of it was stored. */
  const failure = ref<string>()
  /** Files of a dropped or chosen folder, or inside a .zip, that are not .json: left alone. */
  const ignored = ref<string[]>([])
  let answer: ((decision: Decision) => void) | undefined
  let forAll: Decision | undefined

  /**
   * Imports a batch: every file read and validated on its own, duplicates asked about, then
   * the whole batch written in one transaction. Returns the ids of the reports imported.
   */
  async function importFiles(
    files: readonly File[],
    options: { ignored?: readonly string[]; pasted?: boolean } = {},
  ): Promise<string[]> {
    if (phase.value === 'reading' || phase.value === 'asking' || phase.value === 'writing') {
      throw new Error('正在导入上一批文件，请等它完成后再导入')
    }
    phase.value = 'reading'
    progress.value = { done: 0, total: files.length }
    results.value = []
    failure.value = undefined
    ignored.value = [...(options.ignored ?? [])]
    forAll = undefined
    try {
      const unpacked = await unpackZips(files)
      ignored.value.push(...unpacked.ignored)
      progress.value = { done: 0, total: unpacked.items.length }
      const entries = []
      const { items } = unpacked
      const textOf = (item: File | BatchEntry | undefined) =>
        item instanceof File && item.size <= MAX_FILE_BYTES ? readText(item) : undefined
      // The next file is read from disk while this one is checked.
      let next = textOf(items[0])
      let slice = performance.now()
      for (const [i, item] of items.entries()) {
        const text = await next
        next = textOf(items[i + 1])
        entries.push(
          !(item instanceof File)
            ? item
            : item.size > MAX_FILE_BYTES
              ? tooLarge(item.name, item.size)
              : readEntry(item.name, text ?? ''),
        )
        progress.value = { done: i + 1, total: items.length }
        if (performance.now() - slice > SLICE_MS) {
          await yieldToBrowser()
          slice = performance.now()
        }
      }
      const stored: Existing[] = await reportsForImport()
      const more = entries.length > 1
      const plan = await planImport(entries, stored, (file, name, existing) =>
        ask(file, name, existing, { more, pasted: Boolean(options.pasted) }),
      )
      question.value = undefined
      phase.value = 'writing'
      await writeImportPlan(plan)
      results.value = plan.results
      return plan.rows.filter((r) => !r.deletedAt).map((r) => r.id)
    } catch (e) {
      failure.value = `导入失败，本批文件均未导入，已有的报告没有任何改变。${storageErrorMessage(e)
        .replace(/^保存失败：/, '原因：')
        .replace(/您的修改.*$/, '')}`
      results.value = []
      return []
    } finally {
      question.value = undefined
      answer = undefined
      phase.value = 'done'
    }
  }

  function ask(
    file: ParsedExchange,
    fileName: string,
    existing: Existing,
    batch: { more: boolean; pasted: boolean },
  ): Decision | Promise<Decision> {
    if (forAll) return forAll
    phase.value = 'asking'
    question.value = {
      fileName,
      more: batch.more,
      ...(batch.pasted ? { pasted: true } : {}),
      title: reportTitle(file),
      agency: file.agency.trim(),
      existingTitle: reportTitle(existing),
      existingUpdatedAt: existing.updatedAt,
      ...(existing.fileName !== undefined ? { existingFileName: existing.fileName } : {}),
    }
    return new Promise<Decision>((resolve) => (answer = resolve))
  }

  /** The person's answer to the duplicate question; `all` applies it to the rest of the batch. */
  function decide(decision: Decision, all = false) {
    if (!answer) return
    if (all) forAll = decision
    const resolve = answer
    answer = undefined
    question.value = undefined
    phase.value = 'reading'
    resolve(decision)
  }

  function dismiss() {
    if (phase.value !== 'done') return
    phase.value = 'idle'
    results.value = []
    failure.value = undefined
  }

  return {
    phase,
    progress,
    question,
    results,
    failure,
    ignored,
    counts: () => countResults(results.value),
    importFiles,
    decide,
    dismiss,
  }
})

/** Text of a file; a file that cannot be read (gone from the USB stick) reads as empty, so it is refused on its own. */
async function readText(file: File): Promise<string> {
  try {
    return await file.text()
  } catch {
    return ''
  }
}

const isZip = (file: File) => /\.zip$/i.test(file.name) || /zip/.test(file.type)
/** A zip larger than this is refused before it is opened (a zip of thousands of reports is far smaller). */
const MAX_ZIP_BYTES = 200 * 1024 * 1024

/**
 * The files of a batch with every .zip opened: each .json inside becomes a file of the batch
 * named 「archive.zip/inner.json」; anything else inside is listed as ignored. A zip that cannot
 * be opened, or an entry too large or packed in a way we cannot read, is refused on its own.
 */
async function unpackZips(files: readonly File[]): Promise<{ items: (File | BatchEntry)[]; ignored: string[] }> {
  const out: { items: (File | BatchEntry)[]; ignored: string[] } = { items: [], ignored: [] }
  for (const file of files) {
    if (!isZip(file)) {
      out.items.push(file)
      continue
    }
    if (file.size > MAX_ZIP_BYTES) {
      out.items.push(refused(file.name, `文件“${file.name}”太大（超过 200 MB），未打开`))
      continue
    }
    const { unzipSync } = await import('fflate')
    const inside: { name: string; size: number; problem?: string }[] = []
    let unzipped: Record<string, Uint8Array>
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      unzipped = unzipSync(bytes, {
        filter: (entry) => {
          if (entry.name.endsWith('/')) return false
          if (!/\.json$/i.test(entry.name) || /(^|\/)__MACOSX\//.test(entry.name)) {
            inside.push({ name: entry.name, size: entry.originalSize, problem: 'ignored' })
            return false
          }
          if (entry.originalSize > MAX_FILE_BYTES) {
            inside.push({ name: entry.name, size: entry.originalSize, problem: 'large' })
            return false
          }
          if (entry.compression !== 0 && entry.compression !== 8) {
            inside.push({ name: entry.name, size: entry.originalSize, problem: '压缩方式不受支持' })
            return false
          }
          inside.push({ name: entry.name, size: entry.originalSize })
          return true
        },
      })
    } catch {
      out.items.push(refused(file.name, `文件“${file.name}”不是有效的 ZIP 文件（可能已损坏），未导入`))
      continue
    }
    for (const { name, size, problem } of inside) {
      const shown = `${file.name}/${name}`
      if (problem === 'ignored') out.ignored.push(shown)
      else if (problem === 'large') out.items.push(tooLarge(shown, size))
      else if (problem) out.items.push(refused(shown, `文件“${shown}”：${problem}，未导入`))
      else out.items.push(new File([unzipped[name] as Uint8Array<ArrayBuffer>], shown, { type: 'application/json' }))
    }
  }
  return out
}

const refused = (name: string, error: string): BatchEntry => ({ name, ok: false, error })

// ---------------------------------------------------------------------------------------------
// Export

const jsonBlob = (text: string) => new Blob([text], { type: 'application/json;charset=utf-8' })

/** One report as 「{agency}-{year}年政府信息公开工作年度报告.json」. */
export async function exportReport(report: Report) {
  const parts = await partAgencies(report)
  downloadBlob(exchangeFileName(report), jsonBlob(serializeReport(report, GENERATOR, new Date(), parts)))
  // An exported file is a copy outside the browser: the backup reminder counts it.
  void recordExport()
}

/** Several reports: one zip of one file each, or (zip: false) one download per report. */
export async function exportReports(ids: readonly string[], options: { zip: boolean }) {
  const rows = await getReports(ids)
  if (rows.length === 1 || !options.zip) {
    for (const r of rows) {
      await exportReport(r)
      // Chrome drops downloads started in the same instant.
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    return
  }
  const { zipSync, strToU8 } = await import('fflate')
  const now = new Date()
  const used = new Set<string>()
  const files: Record<string, Uint8Array> = {}
  for (const r of rows) {
    files[uniqueName(exchangeFileName(r), used)] = strToU8(serializeReport(r, GENERATOR, now, await partAgencies(r)))
  }
  downloadBlob(
    zipFileName(rows.length, now),
    new Blob([zipSync(files, { level: 6, mtime: now }) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
  )
  void recordExport()
}

/** 「政府信息公开工作年度报告（12份）-2026-11-25.zip」 */
export function zipFileName(count: number, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `政府信息公开工作年度报告（${count}份）-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.zip`
}

/** a.json, a（2）.json … for two reports of the same agency and year. */
function uniqueName(name: string, used: Set<string>): string {
  let candidate = name
  for (let n = 2; used.has(candidate); n++) candidate = name.replace(/\.json$/, `（${n}）.json`)
  used.add(candidate)
  return candidate
}

export function exportCsv(report: Report, table: TableKey) {
  downloadBlob(csvFileName(report, table), new Blob([tableCsv(report, table)], { type: 'text/csv;charset=utf-8' }))
}

// ---------------------------------------------------------------------------------------------
// 新建下一年度 and 汇总

export type NextYearResult =
  { ok: true; id: string } | { ok: false; error: string } | { ok: false; existing: ReportRow; error: string }

/**
 * Stores next year's report of `report`'s agency, carried over. When that year's report of
 * the agency is already stored it is not created unless `evenIfExists`: the caller asks first.
 */
export async function createNextYear(report: Report, evenIfExists = false): Promise<NextYearResult> {
  const result = nextYearReport(report)
  if (!result.ok) return result
  const next = result.report
  const existing = await addNextYearReport(next, evenIfExists)
  if (existing) return { ok: false, existing, error: `${reportTitle(existing)}已经存在` }
  return { ok: true, id: next.id }
}

export { createCompiled } from '@/db/exchange'
