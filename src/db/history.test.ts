import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from './database'
import { historyOf, restoreVersion, snapshotReport } from './history'
import { patchReport, purgeReport, putReport, setReportFinal } from './reports'
import { AUTO_SNAPSHOT_MS, DAY, MINUTE } from '@/domain/history'
import { createReport } from '@/domain/report'
import { sampleReport } from '@/testing/fixtures'

let clock = Date.UTC(2026, 10, 25, 1, 0, 0)
beforeEach(async () => {
  vi.spyOn(Date, 'now').mockImplementation(() => clock)
  await db.delete()
  await db.open()
})
afterEach(() => vi.restoreAllMocks())

async function stored(id: string) {
  return (await db.reports.get(id))!
}

describe('versions taken while editing', () => {
  it('saves the state before an edit at most every few minutes', async () => {
    const r = createReport('某局', 2024, undefined, clock)
    await putReport(r)
    await patchReport(r.id, { values: { 'requests.new.natural': 1 } }) // first edit: the blank report is a version
    clock += MINUTE
    await patchReport(r.id, { values: { 'requests.new.natural': 2 } })
    clock += AUTO_SNAPSHOT_MS
    await patchReport(r.id, { values: { 'requests.new.natural': 3 } }) // 6 minutes on: the state with 2
    const versions = await historyOf(r.id)
    expect(versions.map((v) => [v.reason, v.values['requests.new.natural']])).toEqual([
      ['auto', undefined],
      ['auto', 2],
    ])
    expect(versions[1]!.changedCells).toBe(1)
    expect((await stored(r.id)).values['requests.new.natural']).toBe(3)
  })

  it('saves a version before fill-blanks, a paste of many cells and a restore, every time', async () => {
    const r = sampleReport()
    await putReport(r)
    await patchReport(r.id, { values: { 'requests.new.natural': 5 } })
    await patchReport(r.id, { values: { 'requests.new.natural': 6 }, snapshot: 'fill-blanks' })
    const many = Object.fromEntries(
      ['natural', 'commercial', 'research', 'social', 'legal', 'other'].flatMap((c) => [
        [`requests.new.${c}`, 1],
        [`requests.carried.${c}`, 1],
      ]),
    )
    await patchReport(r.id, { values: many })
    const reasons = (await historyOf(r.id)).map((v) => v.reason)
    expect(reasons).toEqual(['auto', 'fill-blanks', 'bulk'])
  })

  it('does not take a version when an edit changes nothing', async () => {
    const r = createReport('某局', 2024, undefined, clock)
    await putReport(r)
    await patchReport(r.id, { values: { 'requests.new.natural': null }, snapshot: 'paste' })
    expect(await historyOf(r.id)).toEqual([])
  })

  it('saves the stored report before a whole-report write replaces it (import, compile)', async () => {
    const r = sampleReport()
    await putReport(r)
    await putReport({ ...r, values: {} }, 'import')
    await putReport({ ...r, values: {} }, 'import') // identical: nothing to save
    const versions = await historyOf(r.id)
    expect(versions.map((v) => v.reason)).toEqual(['import'])
    expect(versions[0]!.values).toEqual(r.values)
  })

  it('takes a throttled version (a compiled report rewritten with each part) at most every few minutes', async () => {
    const { versionBeforeChange } = await import('./history')
    const r = sampleReport()
    await putReport(r)
    const next = (n: number) => ({ ...r, values: { ...r.values, 'requests.new.natural': n } })
    await versionBeforeChange(r, next(1), 'compile', clock, true)
    await versionBeforeChange(next(1), next(2), 'compile', clock + MINUTE, true)
    await versionBeforeChange(next(2), next(3), 'compile', clock + AUTO_SNAPSHOT_MS + MINUTE, true)
    expect((await historyOf(r.id)).map((v) => [v.reason, v.values['requests.new.natural']])).toEqual([
      ['compile', r.values['requests.new.natural']],
      ['compile', 2],
    ])
  })

  it('can be asked for a version from outside (before a compile)', async () => {
    const r = sampleReport()
    await putReport(r)
    const v = await snapshotReport(r.id, 'compile')
    expect(v).toMatchObject({ reason: 'compile', values: r.values })
  })
})

describe('restoring a version', () => {
  it('brings the content back and keeps the state it replaced as a version', async () => {
    const r = sampleReport()
    await putReport(r)
    await patchReport(r.id, { values: { 'requests.new.natural': 99 }, texts: { overview: '改过' } })
    const [first] = await historyOf(r.id)
    clock += MINUTE
    const restored = await restoreVersion(first!.id)
    expect(restored.values).toEqual(r.values)
    expect(restored.texts).toEqual(r.texts)
    const versions = await historyOf(r.id)
    expect(versions.map((v) => v.reason)).toEqual(['auto', 'restore'])
    expect(versions[1]).toMatchObject({ restoredFrom: first!.at, texts: expect.objectContaining({ overview: '改过' }) })
    // Restoring the restore undoes it: nothing was lost.
    await restoreVersion(versions[1]!.id)
    expect((await stored(r.id)).values['requests.new.natural']).toBe(99)
  })

  it('refuses a version that no longer exists without touching the report', async () => {
    const r = sampleReport()
    await putReport(r)
    await expect(restoreVersion('gone')).rejects.toThrow('这个历史版本已不存在')
    expect((await stored(r.id)).values).toEqual(r.values)
  })
})

describe('storage stays bounded', () => {
  it('thins old versions as new ones are taken', async () => {
    const r = createReport('某局', 2024, undefined, clock)
    await putReport(r)
    // 70 days, 6 edits a day 10 minutes apart.
    for (let day = 0; day < 70; day++) {
      for (let i = 0; i < 6; i++) {
        clock += 10 * MINUTE
        await patchReport(r.id, { values: { 'requests.new.natural': day * 100 + i } })
      }
      clock += DAY - 60 * MINUTE
    }
    const versions = await historyOf(r.id)
    // A day of versions (≤ 6), one a day for a month, one a month before that.
    expect(versions.length).toBeLessThanOrEqual(6 + 30 + 3)
    expect(versions.length).toBeGreaterThan(30)
  }, 30_000)

  it('deletes the versions with the report when it is deleted for good', async () => {
    const r = sampleReport()
    await putReport(r)
    await patchReport(r.id, { values: { 'requests.new.natural': 1 } })
    await purgeReport(r.id)
    expect(await db.history.count()).toBe(0)
  })
})

describe('定稿 (final)', () => {
  it('is stored on the report and recorded in its history each time it changes', async () => {
    const r = createReport('某局', 2024, undefined, clock)
    await putReport(r)
    await patchReport(r.id, { values: { 'requests.new.natural': 4 } })
    clock += MINUTE
    await setReportFinal(r.id, true)
    expect((await stored(r.id)).final).toBe(true)
    await setReportFinal(r.id, true) // already final: nothing new
    clock += MINUTE
    await setReportFinal(r.id, false)
    expect((await stored(r.id)).final).toBeUndefined()
    const versions = await historyOf(r.id)
    expect(versions.map((v) => [v.reason, v.values['requests.new.natural']])).toEqual([
      ['auto', undefined],
      ['final', 4],
      ['unfinal', 4],
    ])
  })
})
