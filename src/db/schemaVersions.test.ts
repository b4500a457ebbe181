// Every database schema the app has shipped opens in the current code with nothing lost: each
// test builds a database exactly as that version declared it, fills it, and opens it now.
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { DB_VERSION, NianbaoDb, SCHEMAS } from './database'
import { patchReport } from './reports'
import { sampleReport } from '@/testing/fixtures'

/**
 * The schemas as shipped, copied here so that editing one in database.ts (instead of adding the
 * next) fails this test. Version 1: commit 6bd3508, the first release.
 */
const SHIPPED: Record<string, string>[] = [
  { reports: 'id, [agency+year], year, updatedAt, deletedAt', meta: 'key' },
  { history: 'id, [reportId+at], at' },
  { desks: 'year' },
]

/** Rows as version 1 wrote them: a report, one in the recycle bin, a compiled one, app state. */
function v1Rows() {
  const sample = { ...sampleReport(), id: 'sample', createdAt: 1_600_000_000_000, updatedAt: 1_600_000_100_000 }
  const binned = { ...sampleReport(), id: 'binned', agency: '回收站里的局', deletedAt: 1_600_000_200_000 }
  const compiled = {
    ...sampleReport(),
    id: 'compiled',
    agency: '某市',
    compiledFrom: ['sample'],
    carriedFrom: '上年度的数字',
  }
  return {
    reports: [sample, binned, compiled],
    meta: [
      { key: 'seeded', value: true },
      { key: 'lastBackupAt', value: 1_600_000_300_000 },
    ],
  }
}

function historyRows() {
  const r = sampleReport()
  return [
    {
      id: 'v1',
      reportId: 'sample',
      at: 1_600_000_050_000,
      reason: 'auto',
      agency: r.agency,
      edition: r.edition,
      values: r.values,
      texts: r.texts,
      changedCells: 3,
    },
  ]
}

function deskRows() {
  return [
    {
      year: 2020,
      entries: [{ agency: '济宁市城市管理局', source: 'typed', sentBackAt: 1_600_000_400_000, sentBackItems: 2 }],
      createdAt: 1_600_000_000_000,
      updatedAt: 1_600_000_400_000,
    },
  ]
}

/** Builds database `name` as version `version` shipped it, with rows of each of its tables. */
async function buildShipped(name: string, version: number) {
  const old = new Dexie(name)
  for (let v = 1; v <= version; v++) old.version(v).stores(SHIPPED[v - 1]!)
  await old.open()
  const rows: Record<string, unknown[]> = { ...v1Rows(), history: historyRows(), desks: deskRows() }
  for (const table of old.tables) await table.bulkAdd(rows[table.name]!)
  const snapshot = Object.fromEntries(await Promise.all(old.tables.map(async (t) => [t.name, await t.toArray()])))
  old.close()
  return snapshot as Record<string, unknown[]>
}

describe('database upgrades', () => {
  it('lists every shipped schema unchanged, in order', () => {
    expect(SCHEMAS.slice(0, SHIPPED.length)).toEqual(SHIPPED)
    expect(DB_VERSION).toBe(SCHEMAS.length)
    // A new schema version must be added to SHIPPED (and so get a test) in the same change.
    expect(SHIPPED.length).toBe(DB_VERSION)
  })

  for (let version = 1; version <= SHIPPED.length; version++) {
    it(`opens a version ${version} database with nothing lost`, async () => {
      const name = `upgrade-from-${version}`
      const before = await buildShipped(name, version)
      const current = new NianbaoDb(name)
      await current.open()
      expect(current.verno).toBe(DB_VERSION)
      for (const [table, rows] of Object.entries(before)) {
        expect(await current.table(table).toArray(), table).toEqual(rows)
      }
      // The indexes work on the old rows.
      expect(await current.reports.where('[agency+year]').equals(['回收站里的局', 2020]).count()).toBe(1)
      expect(await current.history.count()).toBe(version >= 2 ? 1 : 0)
      expect(await current.desks.count()).toBe(version >= 3 ? 1 : 0)
      current.close()
    })
  }

  it('keeps working on an upgraded version 1 database: edits take versions', async () => {
    await buildShipped('nianbao', 1)
    const r = await patchReport('sample', { values: { 'requests.new.natural': 77 } })
    expect(r.values['requests.new.natural']).toBe(77)
    const { db } = await import('./database')
    expect(
      await db.history.where('[reportId+at]').between(['sample', Dexie.minKey], ['sample', Dexie.maxKey]).count(),
    ).toBe(1)
    expect(await db.reports.count()).toBe(3)
  })
})
