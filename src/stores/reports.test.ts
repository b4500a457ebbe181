import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/database'
import { historyOf } from '@/db/history'
import { EDITS_KEY, getMeta } from '@/db/reports'
import type { EditsSinceBackup } from '@/domain/history'
import { createReport } from '@/domain/report'
import { useReportsStore } from './reports'

beforeEach(async () => {
  setActivePinia(createPinia())
  await db.delete()
  await db.open()
})

describe('rename from the home list', () => {
  it('is an edit like a rename in the editor: a version of the old name, counted for the backup reminder', async () => {
    const report = { ...createReport('某局', 2022, '2021'), values: { 'requests.new.natural': 3 } }
    await db.reports.put(report)
    const store = useReportsStore()
    await store.rename(report.id, '  某市某局 ')
    const stored = await db.reports.get(report.id)
    expect(stored?.agency).toBe('某市某局')
    expect(stored!.updatedAt).toBeGreaterThan(report.updatedAt)
    expect((await getMeta<EditsSinceBackup>(EDITS_KEY))?.count).toBe(1)
    const versions = await historyOf(report.id)
    expect(versions.map((v) => v.agency)).toEqual(['某局'])
    expect(stored?.values).toEqual({ 'requests.new.natural': 3 })
  })
})
