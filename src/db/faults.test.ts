// Storage faults provoked in fake-indexeddb: a newer version of the app upgrading the database
// under this one, a database newer than this code, a full disk. Each time: the failure is
// reported, and nothing already stored is damaged. (tests/browser/safety.spec.ts does the same
// in Chromium through the UI.)
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DB_VERSION, NianbaoDb, dbEvents } from './database'
import { storageErrorMessage } from './errors'
import { sampleReport } from '@/testing/fixtures'

afterEach(() => vi.restoreAllMocks())

function rawOpen(name: string, version: number, upgrade?: (db: IDBDatabase) => void): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version)
    req.onupgradeneeded = () => upgrade?.(req.result)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
    req.onblocked = () => reject(new Error('blocked'))
  })
}

function rawGetAll(idb: IDBDatabase, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = idb.transaction(store).objectStore(store).getAll()
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
}

const events = () => {
  const seen: string[] = []
  for (const type of ['outdated', 'blocked', 'ready']) dbEvents.addEventListener(type, () => seen.push(type))
  return seen
}

describe('a newer version of the app in another tab', () => {
  it('is not blocked: this tab closes at once, says so, and writes nothing more', async () => {
    const seen = events()
    const db = new NianbaoDb('vc-test')
    const r = sampleReport()
    await db.reports.put(r)
    // The other tab opens the database at a newer version (its upgrade adds a table).
    const newer = await rawOpen('vc-test', DB_VERSION * 10 + 10, (idb) =>
      idb.createObjectStore('future', { keyPath: 'id' }),
    )
    expect(seen).toContain('outdated')
    expect(db.outdated).toBe(true)
    const error = await db.reports.put({ ...r, values: {} }).catch((e: unknown) => e)
    expect(storageErrorMessage(error)).toContain('数据库被关闭')
    expect(await rawGetAll(newer, 'reports')).toEqual([r])
    newer.close()
  })
})

describe('a database newer than this code', () => {
  it('is opened by no write of this code, which asks for a reload', async () => {
    const seen = events()
    const newer = await rawOpen('newer-test', 990, (idb) => {
      idb.createObjectStore('reports', { keyPath: 'id' }).createIndex('year', 'year')
      idb.createObjectStore('somethingNew', { keyPath: 'id' })
    })
    newer.close()
    const db = new NianbaoDb('newer-test')
    const error = await db.reports.put(sampleReport()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(seen).toContain('outdated')
    expect(storageErrorMessage(error)).toContain('本程序已在另一个标签页中更新，请刷新本页面')
    const check = await rawOpen('newer-test', 990)
    expect(await rawGetAll(check, 'reports')).toEqual([])
    check.close()
  })
})

describe('a full disk', () => {
  it('fails the write with the advice to export, and leaves the stored report as it was', async () => {
    const { db } = await import('./database')
    const { patchReport } = await import('./reports')
    const r = sampleReport()
    await db.reports.put(r)
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const error = await patchReport(r.id, { values: { 'requests.new.natural': 42 } }).catch((e: unknown) => e)
    expect(storageErrorMessage(error)).toBe(
      '保存失败：浏览器存储空间已满。您的修改仍显示在屏幕上，正在重试；请先导出报告文件以免丢失。',
    )
    put.mockRestore()
    expect(await db.reports.get(r.id)).toEqual(r)
    // The retry, once there is room again, saves the edit.
    await patchReport(r.id, { values: { 'requests.new.natural': 42 } })
    expect((await db.reports.get(r.id))!.values['requests.new.natural']).toBe(42)
  })

  it('still saves the edit when only its version does not fit', async () => {
    const { db } = await import('./database')
    const { patchReport } = await import('./reports')
    const r = { ...sampleReport(), id: 'only-history-full' }
    await db.reports.put(r)
    const original = IDBObjectStore.prototype.add
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      if (this.name === 'history') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      return original.apply(this, args)
    })
    await patchReport(r.id, { values: { 'requests.new.natural': 43 } })
    expect((await db.reports.get(r.id))!.values['requests.new.natural']).toBe(43)
    expect(await db.history.filter((v) => v.reportId === r.id).count()).toBe(0)
  })
})
