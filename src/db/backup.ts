// Backup of the whole database (every report, the recycle bin, the history, the compiling
// office's desks) to one file, and its restore in another browser.
//
// The file is written by Dexie's export add-on (dexie-export-import), in its documented format
// (formatName "dexie"). It is read back by a strict reader of that format instead of the add-on's
// importInto: a backup file is untrusted input, and importInto revives typed values from it
// (`$types`: Blob, ImageData, an <img> whose src the file names), and with clearTablesBeforeImport
// empties the tables outside its own transaction. Here nothing is written until every row has
// been checked, the person has seen what the file holds and what it would replace, and then
// everything is written in one transaction: it all lands, or nothing changes.
import { LAST_BACKUP_KEY } from './backupStatus'
import { database, loadedDb } from './open'
import { DB_NAME, DB_VERSION, type HistoryRow, type ReportRow, SCHEMAS } from './schema'
import { addVersion } from './history'
import { EDITS_KEY, getMeta, setMeta } from './reports'
import type { Desk } from '@/domain/desk'
import { restoreDesk } from '@/domain/deskRestore'
import { type EditsSinceBackup, restoreSnapshot, sameContent } from '@/domain/history'
import { type Report, reportTitle, restoreReport } from '@/domain/report'

/** A larger file is refused before it is read. */
const MAX_BACKUP_BYTES = 256 * 1024 * 1024
const MAX_ROWS = 1_000_000

// ---------------------------------------------------------------------------------------------
// Writing

function backupFileName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `年报备份-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.json`
}

/**
 * The whole database as one file. The time of the backup is stored first (meta lastBackupAt),
 * so the file itself says when it was made.
 */
export async function createBackup(now = Date.now()): Promise<{ blob: Blob; fileName: string }> {
  const db = loadedDb() ?? (await database())
  const previous = await getMeta<number>(LAST_BACKUP_KEY)
  const previousEdits = await getMeta<EditsSinceBackup>(EDITS_KEY)
  await db.transaction('rw', db.meta, async () => {
    await setMeta(LAST_BACKUP_KEY, now)
    await db.meta.delete(EDITS_KEY)
  })
  try {
    // The add-on is loaded only when a backup is made: it is not needed to open the app.
    const { exportDB } = await import('dexie-export-import')
    const blob = await exportDB(db, { prettyJson: false })
    return { blob, fileName: backupFileName(new Date(now)) }
  } catch (e) {
    await db.transaction('rw', db.meta, async () => {
      if (previous === undefined) await db.meta.delete(LAST_BACKUP_KEY)
      else await setMeta(LAST_BACKUP_KEY, previous)
      if (previousEdits) await setMeta(EDITS_KEY, previousEdits)
    })
    throw e
  }
}

// ---------------------------------------------------------------------------------------------
// Reading

interface BackupReport {
  id: string
  title: string
  inBin: boolean
  /** new: not in this browser · same: identical here · replace: here with other content */
  status: 'new' | 'same' | 'replace'
  /** For replace: this browser's copy was changed after the backup's. */
  localNewer: boolean
  /** For new: this browser holds another report of the same agency and year (both will stay). */
  sameTitleHere: boolean
}

interface BackupDesk {
  year: number
  /** Departments on its roster. */
  departments: number
  /** new: no desk of that year here · same: identical here · replace: here with other content */
  status: 'new' | 'same' | 'replace'
  /** For replace: this browser's desk was changed after the backup's. */
  localNewer: boolean
}

export interface BackupPlan {
  fileName: string
  /** When the backup was made, if the file says. */
  madeAt?: number
  schemaVersion: number
  reports: BackupReport[]
  /** Versions in the file (of the reports it holds). */
  versions: number
  /** Reports in this browser that the file does not hold: they stay as they are. */
  keptHere: number
  /** The compiling office's desks in the file, one per year. */
  desks: BackupDesk[]
  /** Rows to write (checked and normalised). */
  rows: { reports: ReportRow[]; history: HistoryRow[]; desks: Desk[] }
}

export type BackupReadResult = { ok: true; plan: BackupPlan } | { ok: false; error: string }

class BackupError extends Error {}

/** Reads an untrusted backup file and plans its restore. Never throws; writes nothing. */
export async function readBackup(file: Blob, fileName: string): Promise<BackupReadResult> {
  const fail = (message: string): BackupReadResult => ({ ok: false, error: `备份文件“${fileName}”：${message}` })
  try {
    if (file.size > MAX_BACKUP_BYTES)
      return fail(`文件超过 ${MAX_BACKUP_BYTES / 1024 / 1024} MB，不是本程序的备份文件，未恢复`)
    const text = await file.text()
    return { ok: true, plan: await planRestore(parseBackup(text), fileName) }
  } catch (e) {
    if (e instanceof BackupError) return fail(e.message)
    return fail(`读取时出错（${e instanceof Error ? e.message : String(e)}），未恢复`)
  }
}

interface ParsedBackup {
  version: number
  madeAt?: number
  reports: ReportRow[]
  history: HistoryRow[]
  desks: Desk[]
}

const TABLES_BY_VERSION: readonly (readonly string[])[] = SCHEMAS.map((_, i) =>
  SCHEMAS.slice(0, i + 1).flatMap((s) => Object.keys(s)),
)

/** Checks the file against the add-on's format and every row against the app's own rules. */
function parseBackup(text: string): ParsedBackup {
  if (!text.trim()) throw new BackupError('文件是空的')
  let data: unknown
  try {
    // The add-on marks typed values (Date, Blob…) with $types; this app never stores any, and
    // reviving them from an untrusted file is what this reader is for avoiding. It also marks
    // every array it writes (a desk's roster, a compiled report's parts) as arrayNonindexKeys,
    // which revives an array as the array it is: that mark alone is dropped.
    data = JSON.parse(text.replace(/^\uFEFF/, ''), (key, value: unknown) => {
      if (key !== '$types') return value
      if (onlyArrayMarks(value)) return undefined
      throw new BackupError('文件含有本程序不会写出的特殊类型数据（$types），不是本程序的备份文件')
    })
  } catch (e) {
    if (e instanceof BackupError) throw e
    throw new BackupError('不是有效的 JSON 文件，无法读取')
  }
  const file = object(data, '文件内容不是 JSON 对象，不是本程序的备份文件')
  if (file.formatName !== 'dexie' || file.formatVersion !== 1) {
    throw new BackupError(
      file.kind === 'gov-info-disclosure-annual-report'
        ? '这是单份报告的交换文件，请用“导入报告”打开，而不是“从备份恢复”'
        : '不是本程序的备份文件（缺少 formatName "dexie"）',
    )
  }
  const body = object(file.data, '缺少 data 部分，文件不完整')
  if (body.databaseName !== DB_NAME)
    throw new BackupError(`不是本程序的备份文件（数据库名为${show(body.databaseName)}）`)
  const version = body.databaseVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new BackupError(`数据库版本${show(version)}无效`)
  if (version > DB_VERSION)
    throw new BackupError(`此备份由更新版本的本程序制作（数据库版本 ${version}），请先升级本程序再恢复`)
  if (!Array.isArray(body.data)) throw new BackupError('缺少 data.data 部分，文件不完整')
  const known = TABLES_BY_VERSION[version - 1]!
  const out: ParsedBackup = { version, reports: [], history: [], desks: [] }
  let count = 0
  for (const t of body.data as unknown[]) {
    const table = object(t, 'data.data 中有一项不是对象')
    const name = table.tableName
    if (typeof name !== 'string' || !known.includes(name)) throw new BackupError(`含有未知的数据表${show(name)}`)
    if (table.inbound !== true || !Array.isArray(table.rows)) throw new BackupError(`数据表 ${name} 的格式不对`)
    count += table.rows.length
    if (count > MAX_ROWS) throw new BackupError('数据行数过多，不是本程序的备份文件')
    table.rows.forEach((raw: unknown, i: number) => {
      const where = `数据表 ${name} 第 ${i + 1} 行`
      if (name === 'reports') out.reports.push(reportRow(raw, where))
      else if (name === 'history') {
        const v = restoreSnapshot(raw)
        if (!v) throw new BackupError(`${where}不是有效的历史版本`)
        out.history.push(v)
      } else if (name === 'desks') {
        const d = restoreDesk(raw)
        if (!d) throw new BackupError(`${where}不是有效的汇总工作台`)
        out.desks.push(d)
      } else if (name === 'meta') {
        const m = object(raw, `${where}不是对象`)
        if (m.key === 'lastBackupAt' && typeof m.value === 'number' && Number.isFinite(m.value)) out.madeAt = m.value
      }
    })
  }
  return out
}

/** A $types of a row that only says which of its fields are arrays. */
function onlyArrayMarks(types: unknown): boolean {
  return (
    Boolean(types) &&
    typeof types === 'object' &&
    !Array.isArray(types) &&
    Object.values(types as object).every((t) => t === 'arrayNonindexKeys')
  )
}

function reportRow(raw: unknown, where: string): ReportRow {
  const r = object(raw, `${where}不是对象`)
  if (typeof r.id !== 'string' || !r.id || r.id.length > 100) throw new BackupError(`${where}缺少报告编号（id）`)
  const report: Report | undefined = restoreReport(r)
  if (!report) throw new BackupError(`${where}不是有效的报告（机关名称或年度有误）`)
  const row: ReportRow = report
  if (typeof r.deletedAt === 'number' && Number.isFinite(r.deletedAt)) row.deletedAt = r.deletedAt
  return row
}

function object(v: unknown, message: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new BackupError(message)
  return v as Record<string, unknown>
}

function show(v: unknown): string {
  let t: string
  try {
    t = JSON.stringify(v) ?? String(v)
  } catch {
    t = String(v)
  }
  return `“${t.length > 40 ? `${t.slice(0, 40)}…` : t}”`
}

async function planRestore(parsed: ParsedBackup, fileName: string): Promise<BackupPlan> {
  const db = loadedDb() ?? (await database())
  // The same id twice: the later row wins, as a put would.
  const byId = new Map(parsed.reports.map((r) => [r.id, r]))
  const reports = [...byId.values()]
  const stored = await db.reports.bulkGet(reports.map((r) => r.id))
  const holds = new Set(byId.keys())
  const history = parsed.history.filter((v) => holds.has(v.reportId))
  const local = await db.reports.toArray()
  const titlesHere = new Set(local.filter((r) => !r.deletedAt).map((r) => `${r.agency}\u0000${r.year}`))
  const plan: BackupPlan = {
    fileName,
    schemaVersion: parsed.version,
    reports: reports.map((r, i) => {
      const here = stored[i]
      const status = !here
        ? 'new'
        : sameContent(here, r) && Boolean(here.deletedAt) === Boolean(r.deletedAt)
          ? 'same'
          : 'replace'
      return {
        id: r.id,
        title: reportTitle(r),
        inBin: Boolean(r.deletedAt),
        status,
        localNewer: status === 'replace' && here!.updatedAt > r.updatedAt,
        sameTitleHere: status === 'new' && !r.deletedAt && titlesHere.has(`${r.agency}\u0000${r.year}`),
      }
    }),
    versions: history.length,
    keptHere: local.length - stored.filter(Boolean).length,
    desks: await planDesks(parsed.desks),
    rows: { reports, history, desks: [...new Map(parsed.desks.map((d) => [d.year, d])).values()] },
  }
  if (parsed.madeAt !== undefined) plan.madeAt = parsed.madeAt
  return plan
}

/** A desk as stored, read the way a backup's is, so that the two compare field by field. */
const sameDesk = (a: Desk, b: Desk) => JSON.stringify(restoreDesk(a)) === JSON.stringify(restoreDesk(b))

async function planDesks(desks: readonly Desk[]): Promise<BackupDesk[]> {
  // The same year twice: the later row wins, as a put would.
  const byYear = [...new Map(desks.map((d) => [d.year, d])).values()]
  const db = loadedDb() ?? (await database())
  const here = await db.desks.bulkGet(byYear.map((d) => d.year))
  return byYear.map((d, i) => {
    const mine = here[i]
    const status = !mine ? 'new' : sameDesk(mine, d) ? 'same' : 'replace'
    return {
      year: d.year,
      departments: d.entries.length,
      status,
      localNewer: status === 'replace' && mine!.updatedAt > d.updatedAt,
    }
  })
}

/**
 * Restores a planned backup in one transaction: its versions are added, each report it holds is
 * written, and a report of this browser that it replaces is first saved as a version
 * ('backup-restore'), so that nothing here is lost. Reports it does not hold stay. Each desk it
 * holds replaces this browser's desk of that year (the plan says so first); other years stay.
 */
export async function applyBackup(plan: BackupPlan, now = Date.now()): Promise<{ written: number; desks: number }> {
  const db = loadedDb() ?? (await database())
  return db.transaction('rw', db.reports, db.history, db.desks, async () => {
    await db.history.bulkPut(plan.rows.history)
    let written = 0
    for (const row of plan.rows.reports) {
      const here = await db.reports.get(row.id)
      if (here && sameContent(here, row) && Boolean(here.deletedAt) === Boolean(row.deletedAt)) continue
      if (here && !sameContent(here, row)) await addVersion(here, 'backup-restore', now)
      await db.reports.put(row)
      written++
    }
    let desks = 0
    for (const desk of plan.rows.desks) {
      const here = await db.desks.get(desk.year)
      if (here && sameDesk(here, desk)) continue
      await db.desks.put(desk)
      desks++
    }
    return { written, desks }
  })
}
