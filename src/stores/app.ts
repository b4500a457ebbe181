// App-wide state: first-start seeding and whether the browser keeps our data for good.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useReportsStore } from './reports'

export const useAppStore = defineStore('app', () => {
  /** undefined: not asked yet or not supported. */
  const persisted = ref<boolean>()

  async function start() {
    await useReportsStore().seedSample()
    // navigator.storage.persist() only works in a secure context (https or localhost).
    if (navigator.storage?.persist) {
      try {
        persisted.value = (await navigator.storage.persisted()) || (await navigator.storage.persist())
      } catch {
        persisted.value = false
      }
    }
  }

  // Said in terms of the clerk's data, and only the part that asks something of them.
  const persistedLabel = computed(() =>
    persisted.value === false
      ? '数据仅保存在本浏览器中 · 浏览器空间不足时可能被清除，请定期备份'
      : '数据仅保存在本浏览器中',
  )
  const persistedHint = computed(() =>
    persisted.value
      ? '浏览器已同意持久保存本站数据，清理空间时不会自动删除。'
      : '浏览器可能在空间不足时清除本站数据，请定期导出报告或备份。',
  )

  return { persisted, persistedLabel, persistedHint, start }
})
