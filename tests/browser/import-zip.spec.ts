import { strToU8, zipSync } from 'fflate'
import { expect, test } from '@playwright/test'
import {
  SAMPLE_TITLE,
  asFile,
  closeSummary,
  departmentFile,
  downloaded,
  importFiles,
  listItem,
  storedRows,
  waitForSample,
} from './exchange-helpers'

const A = '某市甲局2022年政府信息公开工作年度报告'
const B = '某市乙局2022年政府信息公开工作年度报告'

test('our own zip of several reports imports back into a fresh browser, by the picker', async ({ page, browser }) => {
  await waitForSample(page)
  await importFiles(page, [
    asFile('a.json', departmentFile('某市甲局', 1)),
    asFile('b.json', departmentFile('某市乙局', 2)),
  ])
  await closeSummary(page)
  await page.getByRole('button', { name: '导出报告文件…' }).click()
  const dialog = page.getByTestId('export-dialog')
  for (const t of [SAMPLE_TITLE, A, B]) await dialog.getByRole('checkbox', { name: t }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: '导出为一个 ZIP 文件', exact: true }).click()
  const zip = await download
  const bytes = await downloaded(zip)
  const sent = (await storedRows(page)).filter((r) => r.agency !== '济宁市城市管理局')

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await waitForSample(other)
  await expect(other.getByTestId('import-input')).toHaveAttribute('accept', /\.zip/)
  await other.getByTestId('import-input').setInputFiles({
    name: zip.suggestedFilename(),
    mimeType: 'application/zip',
    buffer: bytes,
  })
  // The sample is already there in a fresh profile: the zip's copy of it is a duplicate.
  const question = other.getByTestId('duplicate-question')
  await expect(question).toContainText(
    `${zip.suggestedFilename()}/济宁市城市管理局-2020年政府信息公开工作年度报告.json`,
  )
  await question.getByRole('button', { name: '替换' }).click()
  const summary = other.getByTestId('import-summary')
  await expect(summary.getByTestId('import-totals')).toContainText('共 3 个文件：已导入 3 个。')
  await expect(summary).toContainText(`${zip.suggestedFilename()}/某市甲局-2022年政府信息公开工作年度报告.json`)
  await closeSummary(other)
  await expect(listItem(other, A)).toHaveCount(1)
  await expect(listItem(other, B)).toHaveCount(1)
  const rows = (await storedRows(other)).filter((r) => !r.deletedAt && r.agency !== '济宁市城市管理局')
  const byAgency = (list: Record<string, unknown>[]) =>
    Object.fromEntries(list.map((r) => [r.agency as string, { values: r.values, texts: r.texts }]))
  expect(byAgency(rows)).toEqual(byAgency(sent))
  await fresh.close()
})

test('a zip dropped on the page: its .json files are a batch, anything else is listed as ignored', async ({ page }) => {
  await waitForSample(page)
  const packed = zipSync({
    '各部门/c.json': strToU8(JSON.stringify(departmentFile('某市丙局', 3))),
    '各部门/broken.json': strToU8('{ not json'),
    '各部门/说明.txt': strToU8('各部门报告'),
  })
  const transfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer()
    dt.items.add(new File([new Uint8Array(data)], '报告.zip', { type: 'application/zip' }))
    return dt
  }, Array.from(packed))
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await expect(page.getByTestId('drop-hint')).toContainText('.zip')
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
  const summary = page.getByTestId('import-summary')
  await expect(summary.getByTestId('import-totals')).toContainText('共 2 个文件：已导入 1 个，未导入 1 个。')
  await expect(summary.locator('[data-status=refused]')).toContainText('报告.zip/各部门/broken.json')
  await summary.getByTestId('import-ignored').getByText('另有 1 个不是报告文件（.json）的文件，未处理').click()
  await expect(summary.getByTestId('import-ignored')).toContainText('报告.zip/各部门/说明.txt')
  await page.screenshot({ path: 'test-results/import-zip-summary.png' })
  await closeSummary(page)
  await expect(listItem(page, '某市丙局2022年政府信息公开工作年度报告')).toHaveCount(1)

  // A file that only pretends to be a zip is refused with a reason, and nothing else changes.
  await importFiles(page, [{ name: '坏的.zip', content: 'not a zip' }])
  await expect(page.getByTestId('import-summary')).toContainText(
    '文件“坏的.zip”不是有效的 ZIP 文件（可能已损坏），未导入',
  )
})
