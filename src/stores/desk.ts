// The compiling office's desk of one year (汇总工作台): its roster and what was done with each
// department's report, every received report's review (with last year's and the other
// departments' reports), and the desk's actions. Loaded with the desk's screen only.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import { updateDesk, watchDesks } from '@/db/desks'
import { getReports } from '@/db/reports'
import {
  type Desk,
  type DeskEntry,
  type ReviewProgress,
  compilePlan,
  deskCounts,
  deskRows,
  newDesk,
  parseRoster,
  reviewYearSteps,
  sameAgency,
  unlisted,
  withAgencies,
} from '@/domain/desk'
import type { DeskReview } from '@/domain/deskReview'
import { FIRST_YEAR } from '@/domain/edition'
import { createCompiled, useExchangeStore } from '@/stores/exchange'
import { useReportsStore } from '@/stores/reports'

export interface ArrivedUnknown {
  agencies: string[]
  /** Files of the batch whose report is of another year than the desk's. */
  otherYears: string[]
}

/** Milliseconds of checking before the page gets a frame. */
const SLICE_MS = 12

export const useDeskStore = defineStore('desk', () => {
  const reports = useReportsStore()
  const desks = useLiveQuery<Desk[] | undefined>(watchDesks, undefined)
  const loaded = computed(() => desks.value !== undefined && reports.loaded)
  const year = ref(new Date().getFullYear() - 1)
  const desk = computed(() => desks.value?.find((d) => d.year === year.value) ?? newDesk(year.value, 0))

  // Each report's own checks and text fingerprints, kept while the reports stay unchanged.
  const cache: Parameters<typeof reviewYearSteps>[2] = new Map()
  const rank = computed(() => new Map(desk.value.entries.map((e, i) => [e.agency.trim(), i])))
  // The reviews, brought up to date a slice at a time: a thousand reports just imported (or the
  // desk opened in a new tab) show their statuses at once, their checks as they are done.
  const reviews = shallowRef<ReadonlyMap<string, DeskReview>>(new Map())
  /** Set while reports are being checked. */
  const checking = shallowRef<ReviewProgress>()
  let run = 0
  let waiting: (() => void)[] = []
  watch(
    [year, () => reports.reports, rank],
    ([y, all, ranks]) => {
      const id = ++run
      const steps = reviewYearSteps(y, all, cache, (a) => ranks.get(a.trim()) ?? Number.MAX_SAFE_INTEGER)
      const slice = () => {
        if (id !== run) return
        const t0 = performance.now()
        for (;;) {
          const step = steps.next()
          if (step.done) {
            reviews.value = step.value
            checking.value = undefined
            for (const resolve of waiting.splice(0)) resolve()
            return
          }
          if (performance.now() - t0 > SLICE_MS) {
            checking.value = step.value
            setTimeout(slice, 0)
            return
          }
        }
      }
      // All checked before (most changes): done at once, in the same render.
      slice()
    },
    { immediate: true },
  )
  /** Resolves once every report of the year is checked (at once when it is). */
  const reviewed = () =>
    checking.value ? new Promise<void>((resolve) => (waiting = [...waiting, resolve])) : Promise.resolve()
  const rows = computed(() => deskRows(desk.value, reports.reports, reviews.value))
  const counts = computed(() => deskCounts(rows.value))
  const notListed = computed(() => unlisted(desk.value, reports.reports))
  /** Every year a report can be of, newest first. */
  const years = computed(() => {
    const set = new Set<number>([year.value, ...(desks.value ?? []).map((d) => d.year)])
    for (let y = FIRST_YEAR; y <= new Date().getFullYear(); y++) set.add(y)
    return [...set].sort((a, b) => b - a)
  })
  /** Last year's roster, to take over. */
  const lastYearRoster = computed(() => desks.value?.find((d) => d.year === year.value - 1)?.entries ?? [])

  /** File names of the last batch's reports, for departments added to the roster after it. */
  const pendingFiles = ref(new Map<string, string | undefined>())

  const change = (fn: (desk: Desk, now: number) => Desk) => updateDesk(year.value, fn)

  function addNames(text: string, source: DeskEntry['source'] = 'typed') {
    const names = parseRoster(text)
    return change((d, now) => withAgencies(d, names, source, now))
  }

  function takeLastYear() {
    const names = lastYearRoster.value.map((e) => e.agency)
    return change((d, now) => withAgencies(d, names, 'lastYear', now))
  }

  function addAgencies(names: readonly string[]) {
    return change((d, now) => withAgencies(d, names, 'file', now))
  }

  function removeAgency(agency: string) {
    return change((d) => ({ ...d, entries: d.entries.filter((e) => !sameAgency(e.agency, agency)) }))
  }

  function editEntry(agency: string, fn: (e: DeskEntry, now: number) => DeskEntry) {
    return change((d, now) => ({
      ...d,
      entries: d.entries.map((e) => (sameAgency(e.agency, agency) ? fn(e, now) : e)),
    }))
  }

  const markSentBack = (agency: string, items: number) =>
    editEntry(agency, (e, now) => ({ ...e, sentBackAt: now, sentBackItems: items }))
  const markAccepted = (agency: string) => editEntry(agency, (e, now) => ({ ...e, acceptedAt: now }))

  /**
   * Imports files through the existing import (its duplicate question and summary). Files of
   * departments on the roster are noted against them; departments not on it are returned, to
   * ask whether to add them.
   */
  async function importFiles(files: readonly File[], ignored: readonly string[] = []): Promise<ArrivedUnknown> {
    const exchange = useExchangeStore()
    const ids = await exchange.importFiles(files, { ignored })
    const rows = await getReports(ids)
    const fileOf = new Map(exchange.results.map((r) => [r.reportId, r.name]))
    const ofYear = rows.filter((r) => r.year === year.value)
    const otherYears = rows.filter((r) => r.year !== year.value).map((r) => fileOf.get(r.id) ?? r.agency)
    // The first file of each department in the batch (a thousand files: looked up, not searched).
    const arrivedFile = new Map<string, string | undefined>()
    for (const r of ofYear) if (!arrivedFile.has(r.agency.trim())) arrivedFile.set(r.agency.trim(), fileOf.get(r.id))
    const current = await change((d) => ({
      ...d,
      entries: d.entries.map((e) => {
        const file = arrivedFile.get(e.agency.trim())
        return file ? { ...e, receivedFile: file } : e
      }),
    }))
    const listed = new Set(current.entries.map((e) => e.agency.trim()))
    const agencies = [...arrivedFile.keys()].filter((a) => !listed.has(a))
    pendingFiles.value = new Map(ofYear.map((r) => [r.agency.trim(), fileOf.get(r.id)]))
    return { agencies, otherYears }
  }

  function addArrived(names: readonly string[]) {
    return change((d, now) => {
      const next = withAgencies(d, names, 'file', now)
      return {
        ...next,
        entries: next.entries.map((e) => {
          const file = pendingFiles.value.get(e.agency.trim())
          return file && !e.receivedFile ? { ...e, receivedFile: file } : e
        }),
      }
    })
  }

  /** Compiles from the desk; returns the compiled report's id. */
  async function compile(agency: string, mode: 'accepted' | 'received'): Promise<string | undefined> {
    // Who is left out, and why, names errors: every report checked first.
    await reviewed()
    const plan = compilePlan(rows.value, mode, year.value)
    if (!plan.parts.length) return undefined
    const id = await createCompiled(
      agency,
      plan.parts.map((p) => p.id),
      { year: plan.year, leftOut: plan.leftOut, ...(plan.edition ? { edition: plan.edition } : {}) },
    )
    if (!id) return undefined
    await change((d, now) => ({
      ...d,
      compiled: { reportId: id, at: now, mode, included: plan.parts.map((p) => p.agency), leftOut: plan.leftOut },
    }))
    return id
  }

  return {
    loaded,
    year,
    desk,
    desks,
    years,
    reviews,
    checking,
    reviewed,
    rows,
    counts,
    notListed,
    lastYearRoster,
    addNames,
    takeLastYear,
    addAgencies,
    addArrived,
    removeAgency,
    markSentBack,
    markAccepted,
    importFiles,
    compile,
  }
})
