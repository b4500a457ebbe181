// Report rows in IndexedDB. Every change is a patch applied inside one transaction to the
// row as stored, so a second tab's newer cells are never overwritten by a stale copy.
import { type ReportRow, db } from './database'
import type { CellKey, TextKey } from '@/domain/format'
import type { Report } from '@/domain/report'

export interface ReportPatch {
  /** Cell key → number, or null to blank it. */
  values?: Record<CellKey, number | null>
  texts?: Partial<Record<TextKey, string>>
  agency?: string
  year?: number
  edition?: string
}

export function applyPatchTo<T extends Report>(report: T, patch: ReportPatch): T {
  const next = { ...report, values: { ...report.values }, texts: { ...report.texts } }
  for (const [k, v] of Object.entries(patch.values ?? {})) {
    if (v === null) delete next.values[k]
    else next.values[k] = v
  }
  Object.assign(next.texts, patch.texts)
  if (patch.agency !== undefined) next.agency = patch.agency
  if (patch.year !== undefined) next.year = patch.year
  if (patch.edition !== undefined) next.edition = patch.edition
  return next
}

export async function patchReport(id: string, patch: ReportPatch): Promise<ReportRow> {
  return db.transaction('rw', db.reports, async () => {
    const row = await db.reports.get(id)
    if (!row) throw new Error('这份报告已不在数据库中（可能已在另一个标签页中删除）')
    const next = { ...applyPatchTo(row, patch), updatedAt: Date.now() }
    await db.reports.put(next)
    return next
  })
}

export const getReport = (id: string) => db.reports.get(id)
export const putReport = (row: ReportRow) => db.reports.put(row)

export async function listReports(): Promise<ReportRow[]> {
  const rows = await db.reports.toArray()
  return rows.sort((a, b) => b.updatedAt - a.updatedAt)
}

export async function moveToBin(id: string) {
  await db.reports.update(id, { deletedAt: Date.now() })
}

export async function restoreFromBin(id: string) {
  await db.transaction('rw', db.reports, async () => {
    const row = await db.reports.get(id)
    if (!row) return
    delete row.deletedAt
    await db.reports.put(row)
  })
}

export const purgeReport = (id: string) => db.reports.delete(id)

export async function getMeta<T>(key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined
}

export const setMeta = (key: string, value: unknown) => db.meta.put({ key, value })
