// The one message line under the toolbar: what a paste, a copy or a refused entry did.
import { shallowRef } from 'vue'

export interface Notice {
  kind: 'info' | 'error'
  text: string
  /** One line per cell that needs a word (refused values). */
  details?: string[]
}

export const notice = shallowRef<Notice>()

export function say(n: Notice | undefined) {
  notice.value = n
}
