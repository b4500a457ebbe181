// App-wide safety state: the database connection (another tab updated the app, an upgrade is
// blocked), edits recovered after a crash, offline readiness and updates, and backups.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { useLiveQuery } from '@/composables/useLiveQuery'
import type { BackupPlan } from '@/db/backup'
import type { BackupStatus } from '@/db/backupStatus'
import { dbEvents, isDbOutdated } from '@/db/connection'
import { firstScreenPainted } from '@/db/open'
import { storageErrorMessage } from '@/db/errors'
import { recoverJournals, tabJournal } from '@/db/journal'
import { watchBackupStatus } from '@/db/live'
import { backupReminder } from '@/domain/history'
import { applyUpdate, startOffline } from '@/sw/register'

export type DbState = 'ok' | 'blocked' | 'outdated'
export type UpdateState = 'none' | 'waiting' | 'reload'

/** The backup file's code loads when a backup is made or restored, not with the page. */
const backupCode = () => import('@/db/backup')

export const useSafetyStore = defineStore('safety', () => {
  const dbState = ref<DbState>(isDbOutdated() ? 'outdated' : 'ok')
  /** Edits of a closed or crashed tab written on this start. */
  const recovered = ref(0)
  const offline = ref<'service-worker' | 'preloaded'>()
  const offlineReady = ref(false)
  const update = ref<UpdateState>('none')

  const status = useLiveQuery<BackupStatus>(watchBackupStatus, {})
  const now = ref(Date.now())
  const reminder = computed(() => backupReminder(status.value.edits, now.value))

  let started = false
  async function start() {
    if (started) return
    started = true
    dbEvents.addEventListener('outdated', () => (dbState.value = 'outdated'))
    dbEvents.addEventListener('blocked', () => dbState.value !== 'outdated' && (dbState.value = 'blocked'))
    dbEvents.addEventListener('ready', () => dbState.value === 'blocked' && (dbState.value = 'ok'))
    if (isDbOutdated()) dbState.value = 'outdated'
    setInterval(() => (now.value = Date.now()), 60_000)
    // The offline code (service worker, preloading) waits for the first screen's paint.
    await firstScreenPainted()
    offline.value = await startOffline({
      onNeedRefresh: () => (update.value = 'waiting'),
      onOfflineReady: () => (offlineReady.value = true),
      onNeedReload: () => (update.value = 'reload'),
    })
    try {
      recovered.value = await recoverJournals(undefined, tabJournal)
    } catch (e) {
      console.error('recover', e)
    }
  }

  // Backup and restore -------------------------------------------------------------------------

  const busy = ref(false)
  const backupError = ref<string>()

  async function backup(): Promise<{ blob: Blob; fileName: string } | undefined> {
    busy.value = true
    backupError.value = undefined
    try {
      const { createBackup } = await backupCode()
      return await createBackup()
    } catch (e) {
      backupError.value = `备份失败：${storageErrorMessage(e)
        .replace(/^保存失败：/, '')
        .replace(/您的修改.*$/, '')}`
      return undefined
    } finally {
      busy.value = false
    }
  }

  // Shallow: its rows go to IndexedDB as they are, and a reactive proxy cannot be stored.
  const plan = shallowRef<BackupPlan>()
  const restoreError = ref<string>()
  /** What the last restore wrote: reports, and the compiling office's desks. */
  const restored = ref<{ reports: number; desks: number }>()

  async function readRestoreFile(file: File) {
    busy.value = true
    plan.value = undefined
    restoreError.value = undefined
    restored.value = undefined
    try {
      const { readBackup } = await backupCode()
      const read = await readBackup(file, file.name)
      if (read.ok) plan.value = read.plan
      else restoreError.value = read.error
    } finally {
      busy.value = false
    }
  }

  async function confirmRestore() {
    if (!plan.value) return
    busy.value = true
    try {
      const { applyBackup } = await backupCode()
      const { written, desks } = await applyBackup(plan.value)
      restored.value = { reports: written, desks }
      plan.value = undefined
    } catch (e) {
      restoreError.value = `恢复失败，数据库没有任何改变。${storageErrorMessage(e)
        .replace(/^保存失败：/, '原因：')
        .replace(/您的修改.*$/, '')}`
    } finally {
      busy.value = false
    }
  }

  function cancelRestore() {
    plan.value = undefined
    restoreError.value = undefined
  }

  return {
    dbState,
    recovered,
    offline,
    offlineReady,
    update,
    status,
    reminder,
    start,
    applyUpdate,
    busy,
    backupError,
    backup,
    plan,
    restoreError,
    restored,
    readRestoreFile,
    confirmRestore,
    cancelRestore,
  }
})
