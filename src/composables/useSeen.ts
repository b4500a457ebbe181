// Whether an element has come near the screen once: what sits far below the fold (a province's
// department charts) is built when the person scrolls to it, not while the page opens.
import { type Ref, onScopeDispose, ref, watch } from 'vue'

export function useSeen(el: Readonly<Ref<HTMLElement | null | undefined>>, margin = '200px'): Ref<boolean> {
  const seen = ref(false)
  if (typeof IntersectionObserver === 'undefined') {
    seen.value = true
    return seen
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        seen.value = true
        observer.disconnect()
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
  })
  return seen
}
