import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/db/database'
import { EXCHANGE_KIND } from '@/domain/exchange'
import { createReport } from '@/domain/report'
import { sampleReport } from '@/testing/fixtures'
import { startCompiledSync } from './compiledSync'
import { syncCompiledNow } from '@/db/exchange'
import { useEditorStore } from './editor'
import { createCompiled, createNextYear, useExchangeStore } from './exchange'

beforeEach(async () => {
  setActivePinia(createPinia())
  await db.delete()
  await db.open()
})
afterEach(() => vi.restoreAllMocks())

const file = (name: string, agency: string, values: Record<string, unknown> = { 'requests.new.natural': 1 }) =>
  new File(
    [JSON.stringify({ kind: EXCHANGE_KIND, schemaVersion: 1, edition: '2021', agency, year: 2022, values })],
    name,
  )

/** Waits until `check` holds (live queries and the sync answer asynchronously). */
async function until(check: () => boolean | Promise<boolean>, ms = 2000) {
  const end = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('importFiles', () => {
  it('stores the good files in one go and reports every file', async () => {
    const store = useExchangeStore()
    const ids = await store.importFiles([file('a.json', '甲局'), new File(['{'], 'b.json'), file('c.json', '丙局')])
    expect(ids).toHaveLength(2)
    expect((await db.reports.toArray()).map((r) => r.agency).sort()).toEqual(['丙局', '甲局'])
    expect(store.results.map((r) => r.status)).toEqual(['imported', 'refused', 'imported'])
    expect(store.phase).toBe('done')
    store.dismiss()
    expect(store.phase).toBe('idle')
  })

  it('asks about a duplicate and, on replace, moves the stored report to the bin and relinks compiled reports', async () => {
    const old = { ...createReport('甲局', 2022, '2021'), values: { 'requests.new.natural': 5 } }
    await db.reports.add(old)
    const compiledId = (await createCompiled('某市', [old.id]))!
    const store = useExchangeStore()
    const running = store.importFiles([file('a.json', '甲局', { 'requests.new.natural': 2 })])
    await until(() => store.phase === 'asking')
    expect(store.question).toMatchObject({
      fileName: 'a.json',
      title: '甲局2022年政府信息公开工作年度报告',
      existingTitle: '甲局2022年政府信息公开工作年度报告',
    })
    store.decide('replace')
    const [id] = await running
    expect((await db.reports.get(old.id))!.deletedAt).toBeTypeOf('number')
    expect((await db.reports.get(compiledId))!.compiledFrom).toEqual([id])
    await syncCompiledNow()
    expect((await db.reports.get(compiledId))!.values).toEqual({ 'requests.new.natural': 2 })
  })

  it('writes nothing of a batch whose write fails, and changes nothing stored', async () => {
    const old = createReport('甲局', 2022, '2021')
    await db.reports.add(old)
    const before = await db.reports.toArray()
    vi.spyOn(db.reports, 'bulkAdd').mockRejectedValueOnce(
      Object.assign(new Error('full'), { name: 'QuotaExceededError' }),
    )
    const store = useExchangeStore()
    const running = store.importFiles([file('a.json', '甲局'), file('b.json', '乙局')])
    await until(() => store.phase === 'asking')
    store.decide('replace')
    expect(await running).toEqual([])
    expect(store.failure).toContain('导入失败，本批文件均未导入，已有的报告没有任何改变')
    expect(await db.reports.toArray()).toEqual(before)
  })

  it('refuses a second batch while one is being imported', async () => {
    await db.reports.add(createReport('甲局', 2022, '2021'))
    const store = useExchangeStore()
    const running = store.importFiles([file('a.json', '甲局')])
    await until(() => store.phase === 'asking')
    await expect(store.importFiles([file('b.json', '乙局')])).rejects.toThrow('正在导入上一批文件')
    store.decide('skip')
    expect(await running).toEqual([])
  })
})

describe('新建下一年度', () => {
  it('stores the carried report; asks when that year is already there', async () => {
    const sample = sampleReport()
    await db.reports.add(sample)
    const first = await createNextYear(sample)
    expect(first.ok).toBe(true)
    const next = first.ok ? (await db.reports.get(first.id))! : undefined
    expect(next).toMatchObject({
      agency: '济宁市城市管理局',
      year: 2021,
      edition: '2021',
      values: { 'requests.carried_in.natural': 1 },
    })
    expect(next!.carriedFrom).toContain('由济宁市城市管理局2020年政府信息公开工作年度报告结转')
    const again = await createNextYear(sample)
    expect(again).toMatchObject({ ok: false, error: '济宁市城市管理局2021年政府信息公开工作年度报告已经存在' })
    expect(await createNextYear(sample, true)).toMatchObject({ ok: true })
  })

  it('the cross-year checks run live in the editor against last year’s stored report', async () => {
    const sample = sampleReport()
    await db.reports.add(sample)
    const created = await createNextYear(sample)
    if (!created.ok) throw new Error(created.error)
    const editor = useEditorStore()
    editor.open(created.id)
    await until(() => editor.lastYear?.id === sample.id)
    const carry = () => editor.findings.filter((f) => f.rule === 'carry.requests')
    expect(carry()).toEqual([])
    // Last year's report changes (another tab, an import): this year's editor sees it at once.
    await db.reports.update(sample.id, { values: { ...sample.values, 'requests.carried_out.natural': 4 } })
    await until(() => carry().length > 0)
    expect(carry()[0]!.message).toContain('本年上年结转数（1）应等于上年报告结转下年度继续办理数（4）')
    editor.close()
  })
})

describe('compiled reports stay current', () => {
  it('follows a part while the sync runs, and leaves out a part moved to the bin', async () => {
    const a = { ...createReport('甲局', 2022, '2021'), values: { 'requests.new.natural': 1 } }
    const b = { ...createReport('乙局', 2022, '2021'), values: { 'requests.new.natural': 2 } }
    const old = { ...createReport('丙局', 2022, '2019'), values: { 'requests.new.natural': 50 } }
    await db.reports.bulkAdd([a, b, old])
    const id = (await createCompiled('某市', [a.id, b.id, old.id]))!
    const compiled = (await db.reports.get(id))!
    expect(compiled.compiledFrom).toEqual([a.id, b.id])
    expect(compiled.values).toEqual({ 'requests.new.natural': 3 })

    const stop = startCompiledSync()
    try {
      await db.reports.update(a.id, { values: { 'requests.new.natural': 10 } })
      await until(async () => (await db.reports.get(id))!.values['requests.new.natural'] === 12)
      await db.reports.update(b.id, { deletedAt: Date.now() })
      await until(async () => (await db.reports.get(id))!.values['requests.new.natural'] === 10)
    } finally {
      stop()
    }
    // Stopped: nothing follows any more until it starts again (or the compiled report is opened).
    await db.reports.update(a.id, { values: { 'requests.new.natural': 20 } })
    await new Promise((r) => setTimeout(r, 50))
    expect((await db.reports.get(id))!.values['requests.new.natural']).toBe(10)
    expect(await syncCompiledNow()).toBe(1)
    expect((await db.reports.get(id))!.values['requests.new.natural']).toBe(20)
  })
})
