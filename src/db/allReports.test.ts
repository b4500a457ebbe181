import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NianbaoDb, db } from './database'
import { watchAllReports } from './live'
import { moveToBin, patchReport, putReport } from './reports'
import type { ReportRow } from './schema'
import { createReport } from '@/domain/report'

const subscriptions: { unsubscribe(): void }[] = []
afterEach(() => subscriptions.splice(0).forEach((s) => s.unsubscribe()))
beforeEach(async () => {
  await db.delete()
  await db.open()
})

/** Watches every report; `next(pred)` resolves with the first answer that satisfies it. */
function watching() {
  const answers: ReportRow[][] = []
  let waiters: { pred: (rows: ReportRow[]) => boolean; resolve: (rows: ReportRow[]) => void }[] = []
  subscriptions.push(
    watchAllReports(
      (rows) => {
        answers.push(rows)
        waiters = waiters.filter((w) => !(w.pred(rows) && (w.resolve(rows), true)))
      },
      (e) => {
        throw e
      },
    ),
  )
  const next = (pred: (rows: ReportRow[]) => boolean) =>
    new Promise<ReportRow[]>((resolve) => {
      const last = answers.at(-1)
      if (last && pred(last)) resolve(last)
      else waiters.push({ pred, resolve })
    })
  return { answers, next }
}

const agencies = (rows: ReportRow[]) => rows.map((r) => r.agency).sort()

describe('watching every stored report', () => {
  it('follows adds, edits, the recycle bin and deletion, reading only the reports a write changed', async () => {
    const a = createReport('甲局', 2023, '2021')
    const b = createReport('乙局', 2023, '2021')
    await putReport(a)
    await putReport(b)
    const w = watching()
    expect(agencies(await w.next((rows) => rows.length === 2))).toEqual(['乙局', '甲局'])

    const whole = vi.spyOn(db.reports, 'toArray')
    await patchReport(a.id, { values: { 'requests.new.natural': 7 } })
    const edited = await w.next((rows) => rows.find((r) => r.id === a.id)?.values['requests.new.natural'] === 7)
    expect(edited).toHaveLength(2)

    await moveToBin(b.id)
    expect((await w.next((rows) => Boolean(rows.find((r) => r.id === b.id)?.deletedAt))).length).toBe(2)

    await db.reports.delete(a.id)
    expect(agencies(await w.next((rows) => rows.length === 1))).toEqual(['乙局'])
    // None of these writes read the whole table again.
    expect(whole).not.toHaveBeenCalled()
    whole.mockRestore()
  })

  it('reads everything again after a write of many reports at once or a clear', async () => {
    const w = watching()
    await w.next((rows) => rows.length === 0)
    await db.reports.bulkPut(Array.from({ length: 60 }, (_, i) => createReport(`第${i}局`, 2023, '2021')))
    await w.next((rows) => rows.length === 60)
    await db.reports.clear()
    await w.next((rows) => rows.length === 0)
  })

  it('sees the writes of another tab', async () => {
    const a = createReport('甲局', 2023, '2021')
    await putReport(a)
    const w = watching()
    await w.next((rows) => rows.length === 1)
    const other = new NianbaoDb()
    try {
      await other.reports.put({ ...a, agency: '甲局（改）', updatedAt: a.updatedAt + 1 })
      await other.reports.put(createReport('丙局', 2023, '2021'))
      expect(
        agencies(await w.next((rows) => rows.length === 2 && rows.some((r) => r.agency === '甲局（改）'))),
      ).toEqual(['丙局', '甲局（改）'])
    } finally {
      other.close()
    }
  })

  it('misses no write made while the first read is under way, and a second watcher gets the list at once', async () => {
    const w = watching()
    const c = createReport('丁局', 2023, '2021')
    void putReport(c)
    await w.next((rows) => rows.some((r) => r.id === c.id))
    const second = watching()
    expect(agencies(await second.next(() => true))).toEqual(['丁局'])
  })

  it('starts afresh after everyone stopped watching', async () => {
    const w = watching()
    await w.next((rows) => rows.length === 0)
    subscriptions.splice(0).forEach((s) => s.unsubscribe())
    await putReport(createReport('戊局', 2023, '2021'))
    const again = watching()
    expect(agencies(await again.next((rows) => rows.length === 1))).toEqual(['戊局'])
    expect(w.answers.flat()).toHaveLength(0)
  })
})
