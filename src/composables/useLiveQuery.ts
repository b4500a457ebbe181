// A live query of src/db/live.ts as a Vue ref: updated whenever the data changes, in this tab or
// another, until the calling scope is disposed.
import { type Ref, onScopeDispose, shallowRef } from 'vue'
import type { Subscription } from '@/db/live'

export function useLiveQuery<T>(watch: (onValue: (value: T) => void) => Subscription, initial: T): Ref<T> {
  const result = shallowRef(initial) as Ref<T>
  const subscription = watch((value) => (result.value = value))
  onScopeDispose(() => subscription.unsubscribe())
  return result
}
