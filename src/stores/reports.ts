// The reports held in this browser: the list, the recycle bin and what can be done to them.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { watchAllReports } from '@/db/live'
import {
  type ReportRow,
  getMeta,
  getReport,
  moveToBin,
  patchReport,
  purgeReport,
  putOnce,
  putReport,
  restoreFromBin,
} from '@/db/reports'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { type Report, createReport, newId } from '@/domain/report'
import { type ReportStatus, findLastYear, reportStatus, reviewReport } from '@/domain/review'

export const useReportsStore = defineStore('reports', () => {
  const rows = useLiveQuery<ReportRow[] | undefined>(watchAllReports, undefined)
  const loaded = computed(() => rows.value !== undefined)
  const byRecent = (a: ReportRow, b: ReportRow) => b.updatedAt - a.updatedAt
  const reports = computed(() => (rows.value ?? []).filter((r) => !r.deletedAt).sort(byRecent))
  const bin = computed(() =>
    (rows.value ?? []).filter((r) => r.deletedAt).sort((a, b) => (b.deletedAt ?? 0) - (a.deletedAt ?? 0)),
  )

  // Checked on demand (the list shows a page of them, not all of a province's thousand), and
  // again only when the report (or last year's report of its agency) changed.
  const statusCache = new Map<string, { key: string; status: ReportStatus }>()
  function statusOf(r: ReportRow): ReportStatus {
    const last = findLastYear(r, reports.value)
    const key = `${r.updatedAt}|${r.edition}|${Object.keys(r.values).length}|${last ? `${last.id}:${last.updatedAt}` : ''}`
    let cached = statusCache.get(r.id)
    if (cached?.key !== key) statusCache.set(r.id, (cached = { key, status: reportStatus(reviewReport(r, last)) }))
    return cached.status
  }

  /** The sample report seeded at first start (marked 示例 wherever it is shown). */
  const sampleId = ref<string>()
  void getMeta<string>('sampleId').then((id) => (sampleId.value ??= id))

  const byId = computed(() => new Map((rows.value ?? []).map((r) => [r.id, r])))
  function find(id: string) {
    return byId.value.get(id)
  }

  async function create(agency: string, year: number, edition?: string): Promise<Report> {
    const report = createReport(agency, year, edition)
    await putReport(report)
    return report
  }

  async function add(report: Report) {
    await putReport(report)
  }

  async function rename(id: string, agency: string) {
    // The same path as a rename in the editor: a version when due, and it counts as an edit.
    await patchReport(id, { agency: agency.trim() })
  }

  async function duplicate(id: string): Promise<Report | undefined> {
    const row = await getReport(id)
    if (!row) return undefined
    const now = Date.now()
    const copy: Report = {
      ...structuredClone(row),
      id: newId(),
      agency: `${row.agency}（副本）`,
      createdAt: now,
      updatedAt: now,
    }
    delete (copy as ReportRow).deletedAt
    await putReport(copy)
    return copy
  }

  /** Seeds the sample report the first time the app starts in this browser. */
  async function seedSample() {
    if (await getMeta<boolean>('seeded')) return
    const [{ readExchangeData }, sample] = await Promise.all([
      import('@/domain/exchange'),
      import('@/sample/jining-cgj-2020.json'),
    ])
    const read = readExchangeData(sample.default, 'jining-cgj-2020.json')
    if (read.ok) {
      const report = createReport(read.file.agency, read.file.year, read.file.edition)
      if (await putOnce('seeded', { ...report, values: read.file.values, texts: read.file.texts }, 'sampleId'))
        sampleId.value = report.id
    }
  }

  return {
    loaded,
    reports,
    bin,
    statusOf,
    sampleId,
    find,
    create,
    add,
    rename,
    duplicate,
    remove: moveToBin,
    restore: restoreFromBin,
    purge: purgeReport,
    seedSample,
  }
})
