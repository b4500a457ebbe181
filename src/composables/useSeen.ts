// Whether an element has come near the screen once: what sits far below the fold (a province's
// department charts) is built when the person scrolls to it, not while the page opens. What is
// near the screen at once waits for the page to be idle: the list the person came for is drawn
// first, the charts beside it right after (a province's charts take ~200 ms on a 2-core machine).
import { type Ref, onScopeDispose, ref, watch } from 'vue'

export function useSeen(el: Readonly<Ref<HTMLElement | null | undefined>>, margin = '200px'): Ref<boolean> {
  const seen = ref(false)
  if (typeof IntersectionObserver === 'undefined') {
    seen.value = true
    return seen
  }
  let idle: number | undefined
  const whenIdle = (fn: () => void) => {
    if (typeof requestIdleCallback === 'undefined') fn()
    else idle = requestIdleCallback(fn, { timeout: 1000 })
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect()
        whenIdle(() => (seen.value = true))
      }
    },
    { rootMargin: margin },
  )
  const stop = watch(
    el,
    (now, before) => {
      if (before) observer.unobserve(before)
      if (now && !seen.value) observer.observe(now)
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    stop()
    observer.disconnect()
    if (idle !== undefined) cancelIdleCallback(idle)
  })
  return seen
}
