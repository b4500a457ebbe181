// When the last backup and export were made and how many edits since: the backup reminder
// reads this on every screen, so it is apart from the backup file's code (backup.ts), which loads
// only when a backup is made or restored.
import { database, loadedDb } from './open'
import { EDITS_KEY, setMeta } from './reports'
import type { EditsSinceBackup } from '@/domain/history'

export const LAST_BACKUP_KEY = 'lastBackupAt'
const LAST_EXPORT_KEY = 'lastExportAt'

/** A report was exported as an exchange file: that counts as a backup of it for the reminder. */
export async function recordExport(now = Date.now()) {
  const db = loadedDb() ?? (await database())
  await db.transaction('rw', db.meta, async () => {
    await setMeta(LAST_EXPORT_KEY, now)
    await db.meta.delete(EDITS_KEY)
  })
}

export interface BackupStatus {
  lastBackupAt?: number
  lastExportAt?: number
  edits?: EditsSinceBackup
}

export async function backupStatus(): Promise<BackupStatus> {
  const db = loadedDb() ?? (await database())
  const rows = await db.meta.bulkGet([LAST_BACKUP_KEY, LAST_EXPORT_KEY, EDITS_KEY])
  const [backup, exported, edits] = rows.map((r) => r?.value)
  const status: BackupStatus = {}
  if (typeof backup === 'number') status.lastBackupAt = backup
  if (typeof exported === 'number') status.lastExportAt = exported
  if (edits && typeof edits === 'object') status.edits = edits as EditsSinceBackup
  return status
}
