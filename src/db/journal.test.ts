import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from './database'
import { TabJournal, beforeOf, pendingPart, recoverJournals } from './journal'
import { patchReport, putReport } from './reports'
import { sampleReport } from '@/testing/fixtures'

class MemoryStorage implements Storage {
  private map = new Map<string, string>()
  get length() {
    return this.map.size
  }
  clear() {
    this.map.clear()
  }
  getItem(k: string) {
    return this.map.get(k) ?? null
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null
  }
  removeItem(k: string) {
    this.map.delete(k)
  }
  setItem(k: string, v: string) {
    this.map.set(k, String(v))
  }
}

beforeEach(async () => {
  await db.delete()
  await db.open()
})

const cell = 'requests.new.natural'

describe('what a journalled edit still has to write', () => {
  const r = sampleReport()
  const entry = (before: number | null, after: number | null) => ({
    before: { values: { [cell]: before } },
    after: { values: { [cell]: after } },
  })

  it('writes a field the database still holds as it was before the edit', () => {
    expect(pendingPart({ ...r, values: { [cell]: 1 } }, entry(1, 2))).toEqual({ values: { [cell]: 2 } })
    expect(pendingPart({ ...r, values: {} }, entry(null, 0))).toEqual({ values: { [cell]: 0 } })
  })

  it('leaves a field already written, or changed since by another tab', () => {
    expect(pendingPart({ ...r, values: { [cell]: 2 } }, entry(1, 2))).toBeUndefined()
    expect(pendingPart({ ...r, values: { [cell]: 7 } }, entry(1, 2))).toBeUndefined()
  })

  it('covers texts and the agency, and takes nothing malformed', () => {
    const edit = { texts: { overview: '新' }, agency: '新局' }
    expect(pendingPart(r, { before: beforeOf(r, edit), after: edit })).toEqual(edit)
    expect(pendingPart(r, { before: {}, after: { values: { [cell]: 'x' as unknown as number } } })).toBeUndefined()
  })
})

describe('recovering the edits of a tab that is gone', () => {
  it('replays a dead tab’s journal once, and leaves a live tab’s alone', async () => {
    const r = sampleReport()
    await putReport(r)
    const storage = new MemoryStorage()
    let now = 1_000_000
    const clock = () => now
    // A tab makes two edits and dies before either reaches IndexedDB.
    const dead = new TabJournal(storage, 'dead', clock)
    dead.append(r.id, { values: { [cell]: r.values[cell] ?? null } }, { values: { [cell]: 500 } })
    dead.append(r.id, { texts: { overview: r.texts.overview } }, { texts: { overview: '崩溃前写的' } })
    // Another tab is alive, with an edit in flight.
    const live = new TabJournal(storage, 'live', clock)
    live.append(r.id, { values: { 'requests.new.legal': null } }, { values: { 'requests.new.legal': 3 } })

    now += 5_000
    expect(await recoverJournals(storage, undefined, clock)).toBe(0) // both could still be alive
    now += 60_000
    live.append(r.id, { values: { 'requests.new.legal': 3 } }, { values: { 'requests.new.legal': 4 } }) // heartbeat
    expect(await recoverJournals(storage, undefined, clock)).toBe(2)
    const stored = (await db.reports.get(r.id))!
    expect(stored.values[cell]).toBe(500)
    expect(stored.texts.overview).toBe('崩溃前写的')
    expect(stored.values['requests.new.legal']).toBe(r.values['requests.new.legal'])
    expect(storage.getItem('nianbao:journal:dead')).toBeNull()
    expect(storage.getItem('nianbao:journal:live')).not.toBeNull()
    expect(await recoverJournals(storage, undefined, clock)).toBe(0)
  })

  it('never undoes an edit that reached the database, nor a later one from another tab', async () => {
    const r = sampleReport()
    await putReport(r)
    const storage = new MemoryStorage()
    const dead = new TabJournal(storage, 'dead', () => 0)
    dead.append(r.id, { values: { [cell]: r.values[cell] ?? null } }, { values: { [cell]: 500 } })
    await patchReport(r.id, { values: { [cell]: 500 } }) // it did reach the database…
    await patchReport(r.id, { values: { [cell]: 600 } }) // …and another tab changed it since
    expect(await recoverJournals(storage, undefined, () => 60_000)).toBe(0)
    expect((await db.reports.get(r.id))!.values[cell]).toBe(600)
  })

  it('removes entries as they are written, and the key with the last', () => {
    const storage = new MemoryStorage()
    const j = new TabJournal(storage, 't')
    j.append('r', {}, { values: { [cell]: 1 } })
    j.append('r', {}, { values: { [cell]: 2 } })
    j.shift()
    expect(JSON.parse(storage.getItem(j.key)!).entries).toHaveLength(1)
    j.shift()
    expect(storage.length).toBe(0)
  })
})
