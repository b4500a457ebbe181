// The checks of many reports (a province's thousand departments) without freezing the page:
// each report is checked again only when it or last year's report of its agency changed, a few
// at a time between frames; the map fills in as the results come.
import { type Ref, computed, onScopeDispose, shallowRef, watch } from 'vue'
import type { ReportRow } from '@/db/reports'
import { type PartFindings, partReview } from '@/domain/compile'

/** Milliseconds of checking per slice before the browser gets to paint. */
const SLICE_MS = 12
/** The results shown are brought up to date at most this often while checking goes on. */
const PUBLISH_MS = 300

export function useIncrementalReview(reports: Ref<readonly ReportRow[]>, all: Ref<readonly ReportRow[]>) {
  const results = shallowRef<ReadonlyMap<string, PartFindings<ReportRow>>>(new Map())
  const cache = new Map<string, { key: string; value: PartFindings<ReportRow> }>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let published = 0

  /** Every report by agency and year (the first of each, as findLastYear finds it). */
  const byAgencyYear = computed(() => {
    const out = new Map<string, ReportRow>()
    for (const r of all.value) {
      const k = `${r.year}\u0000${r.agency}`
      if (!out.has(k)) out.set(k, r)
    }
    return out
  })
  const lastYearOf = (r: ReportRow) => byAgencyYear.value.get(`${r.year - 1}\u0000${r.agency}`)
  const keyOf = (r: ReportRow) => {
    const last = lastYearOf(r)
    return `${r.updatedAt}|${r.edition}|${last ? `${last.id}:${last.updatedAt}` : ''}`
  }

  function step() {
    timer = undefined
    const t0 = performance.now()
    for (const r of reports.value) {
      const key = keyOf(r)
      if (cache.get(r.id)?.key === key) continue
      const last = lastYearOf(r)
      cache.set(r.id, { key, value: partReview(r, last ? [last] : []) })
      if (performance.now() - t0 > SLICE_MS) {
        // Showing the results re-renders the whole list: not after every slice.
        if (t0 - published > PUBLISH_MS) publish()
        timer = setTimeout(step, 0)
        return
      }
    }
    publish()
  }

  function publish() {
    published = performance.now()
    results.value = new Map(
      reports.value.flatMap((r) => (cache.has(r.id) ? [[r.id, cache.get(r.id)!.value] as const] : [])),
    )
  }

  watch(
    [reports, all],
    () => {
      clearTimeout(timer)
      timer = setTimeout(step, 0)
    },
    { immediate: true },
  )
  onScopeDispose(() => clearTimeout(timer))

  return results
}
