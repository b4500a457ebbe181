// Backup of the whole database and its restore in another browser; the home page's record of
// the last backup and its reminder; the version history in the editor.
import { readFileSync } from 'node:fs'
import { type Page, expect, test } from '@playwright/test'
import { SAMPLE_TITLE, cell, home, openReport, rawReports, rawRows, sampleId, saved, typeCell } from './safety-helpers'

async function putMeta(page: Page, key: string, value: unknown) {
  await page.evaluate(
    ([key, value]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('nianbao')
        req.onsuccess = () => {
          const tx = req.result.transaction('meta', 'readwrite')
          tx.objectStore('meta').put({ key, value })
          tx.oncomplete = () => {
            req.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    [key, value] as const,
  )
}

test('one file holds every report, the recycle bin and the history, and restores them in another browser', async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000)
  // This browser: the sample edited (so it has versions), a report in the recycle bin.
  await home(page)
  const id = await sampleId(page)
  await openReport(page, id)
  await typeCell(page, 'requests.new.natural', '21')
  await saved(page)
  await page.goto('/')
  await page.getByLabel('机关名称').fill('将被删除的局')
  await page.getByRole('button', { name: '新建报告' }).click()
  await expect(page.locator('.editor[data-ready]')).toBeVisible()
  await page.goto('/')
  await page
    .getByTestId('report-list')
    .locator('li')
    .filter({ hasText: '将被删除的局' })
    .getByRole('button', { name: '删除' })
    .click()
  await expect(page.getByTestId('recycle-bin')).toContainText('将被删除的局')
  // The compiling office's desk of 2023: a roster of two departments.
  await page.goto('/#/desk/2023')
  await page.getByLabel('部门名称（每行一个）').fill('甲局\n乙局')
  await page.getByRole('button', { name: '加入名单' }).click()
  await expect(page.getByTestId('desk-counts')).toContainText('已报送 0/2')
  await page.goto('/')

  const panel = page.getByTestId('backup-panel')
  await expect(panel).toContainText('所有报告只保存在本浏览器中')
  await expect(page.getByTestId('last-backup')).toContainText('从未备份')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-button').click()])
  expect(download.suggestedFilename()).toMatch(/^年报备份-\d{8}-\d{4}\.json$/)
  await expect(page.getByTestId('last-backup')).not.toContainText('从未备份')
  const file = readFileSync((await download.path())!)
  const reportsHere = await rawReports(page)
  const historyHere = await rawRows<{ id: string }>(page, 'history')
  expect(historyHere.length).toBeGreaterThan(0)
  const desksHere = await rawRows<{ year: number }>(page, 'desks')
  expect(desksHere.map((d) => d.year)).toEqual([2023])

  // Another browser (another computer): it has only its own seeded sample.
  const other = await browser.newContext()
  const there = await other.newPage()
  await home(there)
  const ownSample = await sampleId(there)
  await there
    .getByTestId('restore-input')
    .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: file })
  const plan = there.getByTestId('restore-plan')
  await expect(plan).toContainText(
    `含 ${reportsHere.length} 份报告（其中 1 份在回收站）、${historyHere.length} 个历史版本`,
  )
  await expect(plan).toContainText('将新增 2 份、替换 0 份；本机另有 1 份报告不在备份中，保持不变')
  await expect(plan).toContainText('本机另有一份同名同年度的报告，两份都会保留')
  await expect(plan.getByTestId('restore-plan-desks')).toContainText('2023年度汇总工作台（名单 2 个部门）将新增')
  // Nothing written before the person confirms.
  expect((await rawReports(there)).length).toBe(1)
  await there.getByTestId('confirm-restore-backup').click()
  await expect(there.getByTestId('restore-done')).toContainText('写入 2 份报告、1 个年度的汇总工作台')

  const restored = await rawReports(there)
  for (const row of reportsHere) expect(restored.find((r) => r.id === row.id)).toEqual(row)
  expect(restored.find((r) => r.id === ownSample)).toBeDefined()
  const restoredHistory = await rawRows<{ id: string }>(there, 'history')
  for (const v of historyHere) expect(restoredHistory.find((r) => r.id === v.id)).toEqual(v)
  await expect(there.getByTestId('recycle-bin')).toContainText('将被删除的局')
  await openReport(there, id)
  await expect(cell(there, 'requests', 'new', 'natural')).toHaveText('21')
  expect(await rawRows(there, 'desks')).toEqual(desksHere)
  await there.goto('/#/desk/2023')
  await expect(there.getByTestId('desk-counts')).toContainText('已报送 0/2')
  await expect(there.getByTestId('desk-grid')).toContainText('乙局')
  await other.close()
})

test('a file that is not a backup is refused with a message and changes nothing', async ({ page }) => {
  await home(page)
  const before = await rawReports(page)
  await page.getByTestId('restore-input').setInputFiles({
    name: '报告.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"kind":"gov-info-disclosure-annual-report"}'),
  })
  await expect(page.getByTestId('restore-error')).toContainText('备份文件“报告.json”：这是单份报告的交换文件')
  await expect(page.getByTestId('restore-plan')).toBeHidden()
  expect(await rawReports(page)).toEqual(before)
})

test('the home page says when the last backup was made and reminds gently after a long stretch of editing', async ({
  page,
}) => {
  await home(page)
  await expect(page.getByTestId('backup-reminder')).toBeHidden()
  // A week and more of editing since the last backup.
  await putMeta(page, 'editsSinceBackup', { since: Date.now() - 9 * 24 * 3600_000, count: 120 })
  await page.reload()
  await expect(page.getByTestId('backup-reminder')).toContainText('9天来已修改120次，还没有备份或导出过')
  await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-button').click()])
  await expect(page.getByTestId('backup-reminder')).toBeHidden()
  await expect(page.getByTestId('last-backup')).not.toContainText('从未备份')
})

test('the history panel lists versions, marks what differs and restores one (the restore is a version too)', async ({
  page,
}) => {
  await home(page)
  const id = await sampleId(page)
  await openReport(page, id)
  await typeCell(page, 'requests.new.natural', '55')
  await saved(page)
  await page.getByRole('tab', { name: '历史版本' }).click()
  const panel = page.getByTestId('history-panel')
  const first = panel.locator('li').first()
  await expect(first).toContainText('编辑时自动保存')
  await first.getByRole('button').first().click()
  await expect(first.getByTestId('version-detail')).toContainText('55')
  // The grids mark the cells the chosen version differs in.
  await expect(cell(page, 'requests', 'new', 'natural')).toHaveClass(/cell-changed/)
  await expect(cell(page, 'requests', 'open', 'natural')).not.toHaveClass(/cell-changed/)
  await first.getByTestId('restore-version').click()
  await first.getByTestId('confirm-restore-version').click()
  await expect(cell(page, 'requests', 'new', 'natural')).toHaveText('1')
  await expect(panel.locator('li').first()).toContainText('恢复旧版本前')
  expect((await rawReports(page)).find((r) => r.id === id)!.values['requests.new.natural']).toBe(1)
  expect(SAMPLE_TITLE).toBeTruthy()
})
