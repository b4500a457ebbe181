// The checks of many reports (200 departments) without freezing the page: each report is
// checked again only when it or last year's report of its agency changed, a few at a time
// between frames; the map fills in as the results come.
import { type Ref, onScopeDispose, shallowRef, watch } from 'vue'
import type { ReportRow } from '@/db/reports'
import { type PartFindings, partReview } from '@/domain/compile'
import { findLastYear } from '@/domain/review'

/** Milliseconds of checking per slice before the browser gets to paint. */
const SLICE_MS = 12

export function useIncrementalReview(reports: Ref<readonly ReportRow[]>, all: Ref<readonly ReportRow[]>) {
  const results = shallowRef<ReadonlyMap<string, PartFindings<ReportRow>>>(new Map())
  const cache = new Map<string, { key: string; value: PartFindings<ReportRow> }>()
  let timer: ReturnType<typeof setTimeout> | undefined

  const keyOf = (r: ReportRow) => {
    const last = findLastYear(r, all.value)
    return `${r.updatedAt}|${r.edition}|${last ? `${last.id}:${last.updatedAt}` : ''}`
  }

  function step() {
    timer = undefined
    const t0 = performance.now()
    for (const r of reports.value) {
      const key = keyOf(r)
      if (cache.get(r.id)?.key === key) continue
      cache.set(r.id, { key, value: partReview(r, all.value) })
      if (performance.now() - t0 > SLICE_MS) {
        publish()
        timer = setTimeout(step, 0)
        return
      }
    }
    publish()
  }

  function publish() {
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
