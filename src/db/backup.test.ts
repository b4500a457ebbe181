import 'fake-indexeddb/auto'
import '@/testing/nodeSelf'
import { exportDB } from 'dexie-export-import'
import { beforeEach, describe, expect, it } from 'vitest'
import { applyBackup, createBackup, readBackup } from './backup'
import { backupStatus, recordExport } from './backupStatus'
import { db } from './database'
import { historyOf } from './history'
import { updateDesk } from './desks'
import { moveToBin, patchReport, putReport } from './reports'
import { withAgencies } from '@/domain/desk'
import { createReport } from '@/domain/report'
import { sampleReport } from '@/testing/fixtures'

beforeEach(async () => {
  await db.delete()
  await db.open()
})

async function everything() {
  return { reports: await db.reports.toArray(), history: await db.history.toArray() }
}

/** A browser with a report, one in the recycle bin, and history. */
async function fillBrowser() {
  const a = sampleReport()
  const b = { ...createReport('回收站里的局', 2023), id: 'binned' }
  await putReport(a)
  await putReport(b)
  await patchReport(a.id, { values: { 'requests.new.natural': 5 } })
  await moveToBin(b.id)
  return { a, b }
}

describe('a backup of the whole database', () => {
  it('holds every report, the recycle bin and the history, and restores them in an empty browser', async () => {
    await fillBrowser()
    const before = await everything()
    const { blob, fileName } = await createBackup(Date.UTC(2026, 10, 25, 1, 30))
    expect(fileName).toMatch(/^年报备份-\d{8}-\d{4}\.json$/)

    await db.delete()
    await db.open()
    const read = await readBackup(blob, fileName)
    if (!read.ok) throw new Error(read.error)
    expect(read.plan.reports.map((r) => [r.title, r.inBin, r.status])).toEqual(
      expect.arrayContaining([
        ['济宁市城市管理局2020年政府信息公开工作年度报告', false, 'new'],
        ['回收站里的局2023年政府信息公开工作年度报告', true, 'new'],
      ]),
    )
    expect(read.plan.versions).toBe(before.history.length)
    expect(read.plan.madeAt).toBe(Date.UTC(2026, 10, 25, 1, 30))
    expect(await db.reports.count()).toBe(0) // reading wrote nothing
    await applyBackup(read.plan)
    const after = await everything()
    expect(after.reports.sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      before.reports.sort((x, y) => x.id.localeCompare(y.id)),
    )
    expect(after.history).toEqual(before.history)
  })

  it('restores a compiled report with the list of its parts (the add-on marks every list it writes)', async () => {
    const { a } = await fillBrowser()
    const compiled = { ...createReport('某市人民政府', 2020), id: 'compiled', compiledFrom: [a.id] }
    await putReport(compiled)
    const { blob } = await createBackup()
    expect(await blob.text()).toContain('arrayNonindexKeys')
    await db.delete()
    await db.open()
    const read = await readBackup(blob, 'b.json')
    if (!read.ok) throw new Error(read.error)
    await applyBackup(read.plan)
    expect((await db.reports.get('compiled'))?.compiledFrom).toEqual([a.id])
  })

  it('records when it was made and starts the reminder count again', async () => {
    const { a } = await fillBrowser()
    expect((await backupStatus()).edits?.count).toBe(1)
    await createBackup(1000)
    expect(await backupStatus()).toEqual({ lastBackupAt: 1000 })
    await patchReport(a.id, { values: { 'requests.new.natural': 6 } })
    await recordExport(2000)
    expect(await backupStatus()).toEqual({ lastBackupAt: 1000, lastExportAt: 2000 })
  })
})

describe('restoring over reports already here', () => {
  it('says what it would replace, keeps what it does not hold, and saves each replaced report as a version', async () => {
    const { a } = await fillBrowser()
    const { blob } = await createBackup()
    // After the backup: one report edited here, one new report here.
    await patchReport(a.id, { values: { 'requests.new.natural': 999 } })
    const here = await putReport(createReport('只在本机的局', 2024))
    const read = await readBackup(blob, 'b.json')
    if (!read.ok) throw new Error(read.error)
    expect(read.plan.reports.find((r) => r.id === a.id)).toMatchObject({ status: 'replace', localNewer: true })
    expect(read.plan.reports.find((r) => r.id === 'binned')).toMatchObject({ status: 'same' })
    expect(read.plan.keptHere).toBe(1)
    await applyBackup(read.plan)
    expect((await db.reports.get(a.id))!.values['requests.new.natural']).toBe(5)
    expect(await db.reports.get(here)).toBeDefined()
    const versions = await historyOf(a.id)
    expect(versions.at(-1)).toMatchObject({
      reason: 'backup-restore',
      values: expect.objectContaining({ 'requests.new.natural': 999 }),
    })
  })
})

describe("the compiling office's desks", () => {
  /** A desk of 2023: two departments, one sent back with 3 findings, one accepted, compiled. */
  async function fillDesk() {
    return updateDesk(2023, (d, now) => {
      const listed = withAgencies(d, ['甲局', '乙局'], 'typed', now)
      return {
        ...listed,
        entries: [
          { ...listed.entries[0]!, receivedFile: '甲局-2023.json', sentBackAt: 1000, sentBackItems: 3 },
          { ...listed.entries[1]!, acceptedAt: 2000 },
        ],
        compiled: {
          reportId: 'compiled-1',
          at: 3000,
          mode: 'accepted',
          included: ['乙局'],
          leftOut: [{ agency: '甲局', reason: '已退回修改，尚未重新报送' }],
        },
      }
    })
  }

  it('come back with their roster, what was sent back and accepted, and the last compilation', async () => {
    await fillBrowser()
    const desk = await fillDesk()
    const { blob } = await createBackup()

    await db.delete()
    await db.open()
    const read = await readBackup(blob, 'b.json')
    if (!read.ok) throw new Error(read.error)
    expect(read.plan.desks).toEqual([{ year: 2023, departments: 2, status: 'new', localNewer: false }])
    expect(await db.desks.count()).toBe(0) // reading wrote nothing
    expect(await applyBackup(read.plan)).toMatchObject({ desks: 1 })
    expect(await db.desks.get(2023)).toEqual(desk)
  })

  it("replace this browser's desk of the same year, say so first, and leave other years alone", async () => {
    await fillDesk()
    const { blob } = await createBackup()
    // After the backup: 2023's desk sent 乙局 back here; a desk of 2024 was started here.
    const changed = await updateDesk(2023, (d, now) => ({
      ...d,
      entries: d.entries.map((e) => (e.agency === '乙局' ? { ...e, sentBackAt: now } : e)),
    }))
    const other = await updateDesk(2024, (d, now) => withAgencies(d, ['丙局'], 'typed', now))
    const read = await readBackup(blob, 'b.json')
    if (!read.ok) throw new Error(read.error)
    expect(read.plan.desks).toEqual([
      {
        year: 2023,
        departments: 2,
        status: 'replace',
        localNewer: changed.updatedAt > read.plan.rows.desks[0]!.updatedAt,
      },
    ])
    await applyBackup(read.plan)
    expect((await db.desks.get(2023))!.entries.find((e) => e.agency === '乙局')).not.toHaveProperty('sentBackAt')
    expect(await db.desks.get(2024)).toEqual(other)

    // Restoring the same file again changes nothing.
    const again = await readBackup(blob, 'b.json')
    if (!again.ok) throw new Error(again.error)
    expect(again.plan.desks[0]!.status).toBe('same')
    expect(await applyBackup(again.plan)).toMatchObject({ desks: 0 })
  })

  it('are written with the reports or not at all', async () => {
    await fillBrowser()
    await fillDesk()
    const { blob } = await createBackup()
    await db.delete()
    await db.open()
    const read = await readBackup(blob, 'b.json')
    if (!read.ok) throw new Error(read.error)
    // A desk the database refuses (a year that is no valid key) fails the whole restore.
    const broken = { ...read.plan, rows: { ...read.plan.rows, desks: [{ ...read.plan.rows.desks[0]!, year: NaN }] } }
    await expect(applyBackup(broken)).rejects.toThrow()
    expect(await db.reports.count()).toBe(0)
    expect(await db.desks.count()).toBe(0)
  })

  it('refuse a file whose desk has no year or no roster', async () => {
    await fillDesk()
    const file = (rows: unknown[]) =>
      new Blob([
        JSON.stringify({
          formatName: 'dexie',
          formatVersion: 1,
          data: {
            databaseName: 'nianbao',
            databaseVersion: 3,
            tables: [],
            data: [{ tableName: 'desks', inbound: true, rows }],
          },
        }),
      ])
    for (const bad of [{ entries: [] }, { year: 2023 }, { year: '2023', entries: [] }]) {
      const read = await readBackup(file([bad]), '坏文件.json')
      expect(read.ok ? '' : read.error).toContain('数据表 desks 第 1 行不是有效的汇总工作台')
    }
    // An entry without a department name is dropped; the rest of the desk is kept.
    const read = await readBackup(
      file([{ year: 2022, entries: [{ agency: '丁局', source: 'file' }, { source: 'typed' }] }]),
      'x.json',
    )
    if (!read.ok) throw new Error(read.error)
    expect(read.plan.rows.desks[0]!.entries).toEqual([{ agency: '丁局', source: 'file' }])
  })
})

describe('refusing files that are not a backup of this app', () => {
  const refuse = async (text: string) => {
    const before = await everything()
    const read = await readBackup(new Blob([text]), '坏文件.json')
    expect(read.ok).toBe(false)
    expect(await everything()).toEqual(before)
    return read.ok ? '' : read.error
  }

  beforeEach(fillBrowser)

  it('names the file and says why', async () => {
    expect(await refuse('')).toBe('备份文件“坏文件.json”：文件是空的')
    expect(await refuse('{')).toBe('备份文件“坏文件.json”：不是有效的 JSON 文件，无法读取')
    expect(await refuse('{"kind":"gov-info-disclosure-annual-report"}')).toContain('这是单份报告的交换文件')
    expect(
      await refuse(
        '{"formatName":"dexie","formatVersion":1,"data":{"databaseName":"other","databaseVersion":1,"tables":[],"data":[]}}',
      ),
    ).toContain('不是本程序的备份文件')
    expect(
      await refuse(
        '{"formatName":"dexie","formatVersion":1,"data":{"databaseName":"nianbao","databaseVersion":99,"tables":[],"data":[]}}',
      ),
    ).toContain('更新版本')
    expect(
      await refuse(
        '{"formatName":"dexie","formatVersion":1,"data":{"databaseName":"nianbao","databaseVersion":1,"tables":[],"data":[{"tableName":"history","inbound":true,"rows":[]}]}}',
      ),
    ).toContain('未知的数据表“"history"”')
  })

  it('refuses a whole file for one bad row, and typed values the add-on would revive', async () => {
    const file = (rows: unknown[]) =>
      JSON.stringify({
        formatName: 'dexie',
        formatVersion: 1,
        data: {
          databaseName: 'nianbao',
          databaseVersion: 2,
          tables: [],
          data: [{ tableName: 'reports', inbound: true, rows }],
        },
      })
    const good = { ...sampleReport(), id: 'good' }
    expect(await refuse(file([good, { id: 'bad', agency: '', year: 2020 }]))).toContain(
      '数据表 reports 第 2 行不是有效的报告',
    )
    expect(await refuse(file([{ ...good, $types: { values: 'blob2' } }]))).toContain('$types')
    expect(
      await refuse(file([{ ...good, texts: { overview: 'x', '\\u0024types': 1 } }]).replace('\\\\u0024', '\\u0024')),
    ).toContain('$types')
  })
})

describe('compatibility with the add-on', () => {
  it('reads what exportDB writes, pretty or not', async () => {
    await fillBrowser()
    for (const prettyJson of [false, true]) {
      const read = await readBackup(await exportDB(db, { prettyJson }), 'x.json')
      expect(read.ok).toBe(true)
    }
  })
})
