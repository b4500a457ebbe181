import 'fake-indexeddb/auto'
import { beforeEach, expect, it } from 'vitest'
import { db } from './database'
import { readReportEarly, readReportFirst } from './firstRead'
import { patchReport, putReport } from './reports'
import { sampleReport } from '@/testing/fixtures'

beforeEach(async () => {
  await db.reports.clear()
  await putReport({ ...sampleReport(), id: 'a' })
  await putReport({ ...sampleReport(), id: 'b', agency: '另一个部门' })
})

it('the read started with the page is the editor’s first read of that report, once', async () => {
  readReportEarly('a')
  expect((await readReportFirst('a'))?.agency).toBe(sampleReport().agency)
  // Changed since, and opened again (another visit of the same address): read anew, never the
  // page's old answer.
  await patchReport('a', { agency: '改过的名称' })
  expect((await readReportFirst('a'))?.agency).toBe('改过的名称')
})

it('another report than the one the page opened on is read for itself', async () => {
  readReportEarly('a')
  expect((await readReportFirst('b'))?.agency).toBe('另一个部门')
  expect(await readReportFirst('missing')).toBeUndefined()
})
