// The parts of a compiled report as they stand in the database now, from the reports store.
import { type MaybeRefOrGetter, computed, toValue } from 'vue'
import type { ReportRow } from '@/db/reports'
import { partStates } from '@/domain/compile'
import type { Report } from '@/domain/report'
import { resolveValues } from '@/domain/totals'
import { getEdition } from '@/domain/edition'
import { useReportsStore } from '@/stores/reports'

export function useCompiledParts(
  report: MaybeRefOrGetter<Pick<Report, 'year' | 'edition' | 'compiledFrom'> | undefined>,
) {
  const store = useReportsStore()
  const all = computed<ReportRow[]>(() => [...store.reports, ...store.bin])
  const states = computed(() => {
    const r = toValue(report)
    return r ? partStates(r, new Map(all.value.map((row) => [row.id, row]))) : []
  })
  const parts = computed(() => states.value.flatMap((s) => (s.included ? [s.report] : [])))
  /** Each part's resolved values (totals included), computed once per change. */
  const resolved = computed(
    () => new Map(parts.value.map((p) => [p.id, resolveValues(getEdition(p.edition), p.values)])),
  )
  return { all: computed(() => store.reports), states, parts, resolved }
}
