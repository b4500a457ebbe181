// A Dexie liveQuery as a Vue ref: re-runs when the data changes, in this tab or another.
import { liveQuery } from 'dexie'
import { type Ref, onScopeDispose, shallowRef } from 'vue'

export function useLiveQuery<T>(query: () => T | Promise<T>, initial: T): Ref<T> {
  const result = shallowRef(initial) as Ref<T>
  const subscription = liveQuery(query).subscribe({
    next: (value) => (result.value = value),
    error: (e) => console.error('liveQuery', e),
  })
  onScopeDispose(() => subscription.unsubscribe())
  return result
}
