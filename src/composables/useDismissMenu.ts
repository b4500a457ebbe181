// A <details> menu closes as menus do: Esc (focus back on its button) or a click outside it.
import { type Ref, onBeforeUnmount, onMounted } from 'vue'

export function useDismissMenu(menus: Ref<HTMLDetailsElement | undefined>[]) {
  function pointer(e: PointerEvent) {
    for (const m of menus) {
      if (m.value?.open && !m.value.contains(e.target as Node)) m.value.open = false
    }
  }
  function key(e: KeyboardEvent) {
    if (e.key !== 'Escape') return
    for (const m of menus) {
      if (!m.value?.open) continue
      m.value.open = false
      m.value.querySelector('summary')?.focus()
      e.stopPropagation()
    }
  }
  onMounted(() => {
    document.addEventListener('pointerdown', pointer, true)
    document.addEventListener('keydown', key, true)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('pointerdown', pointer, true)
    document.removeEventListener('keydown', key, true)
  })
}
