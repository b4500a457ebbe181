import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { cellsOf, getEdition } from '../../src/domain/edition'
import { chineseRenders } from './helpers'
import { cell, editorReady, saved } from './editor-helpers'
import {
  asFile,
  chooseFiles,
  closeSummary,
  departmentFile,
  downloaded,
  importFiles,
  listItem,
  schemaErrors,
  waitForSample,
} from './exchange-helpers'

const DEPARTMENTS = 20
/** Blank in every department: stays blank. Blank in one: the others' sum. */
const BLANK_EVERYWHERE = 'appeals.cases.direct_other'
const BLANK_IN_ONE = 'appeals.cases.review_upheld'

test('compiling 20 departments: every value the sum of the parts, per-cell contributions, each part’s errors, kept current', async ({
  page,
}) => {
  await waitForSample(page)
  const departments = Array.from({ length: DEPARTMENTS }, (_, i) =>
    departmentFile(`某县第${String(i + 1).padStart(2, '0')}局`, 500 + i, {
      omit: i === 1 ? [BLANK_EVERYWHERE, BLANK_IN_ONE] : [BLANK_EVERYWHERE],
    }),
  )
  departments[2]!.values['active.rules.repealed'] = -1
  const otherEdition = departmentFile('某县旧版局', 900, { edition: '2019' })

  // Sums computed here, from the files (their totals as the departments wrote them).
  const expected = new Map<string, number>()
  for (const d of departments)
    for (const [k, v] of Object.entries(d.values)) expected.set(k, (expected.get(k) ?? 0) + v)

  await page.goto('/#/compile')
  await chooseFiles(page, 'compile-import-files', [
    ...departments.map((d, i) => asFile(`dept-${i + 1}.json`, d)),
    asFile('old-edition.json', otherEdition),
  ])
  await expect(page.getByTestId('import-totals')).toContainText('共 21 个文件：已导入 21 个。')
  await closeSummary(page)
  await expect(page.getByTestId('compile-import-notes')).toHaveText(
    '已导入，但未选入本次汇总：「某县旧版局」使用2019年版格式，本次汇总使用2021年版格式：两种格式的表格不同，不能相加',
  )
  const candidates = page.getByTestId('compile-candidates')
  const old = candidates.locator('li').filter({ hasText: '某县旧版局' })
  await expect(old.getByRole('checkbox')).toBeDisabled()
  await expect(old.getByTestId('refused-reason')).toHaveText(
    '使用2019年版格式，与本次汇总的格式（2021年版格式）不同，不能相加',
  )
  await expect(candidates.getByRole('checkbox', { checked: true })).toHaveCount(DEPARTMENTS)

  await page.getByLabel('汇总机关名称').fill('某县人民政府（汇总）')
  await page.screenshot({ path: 'test-results/compile-form.png', fullPage: true })
  await page.getByTestId('compile-go').click()
  const report = page.getByTestId('compiled-report')
  await expect(
    report.getByRole('heading', { name: '某县人民政府（汇总）2022年政府信息公开工作年度报告' }),
  ).toBeVisible()
  await expect(report).toContainText(`汇总报告 ${DEPARTMENTS}个部门 · 2021年版格式`)

  // Every cell of every table against the sums.
  const shown = async () => {
    const out = new Map<string, string>()
    for (const tab of [
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]) {
      await report.getByRole('tab', { name: tab }).click()
      const cells = await report
        .locator('td[data-cell]')
        .evaluateAll((tds) => tds.map((td) => [td.getAttribute('data-cell')!, td.textContent!.trim()] as const))
      for (const [k, v] of cells) out.set(k, v)
    }
    return out
  }
  const values = await shown()
  expect([...values.keys()].sort()).toEqual(
    cellsOf(getEdition('2021'))
      .map((c) => c.key)
      .sort(),
  )
  for (const [key, text] of values) {
    const sum = expected.get(key)
    if (sum === undefined) expect(text, key).toBe('')
    else expect(Number(text), key).toBeCloseTo(sum, 4)
  }
  expect(values.get(BLANK_EVERYWHERE)).toBe('')
  expect(Number(values.get(BLANK_IN_ONE))).toBe(expected.get(BLANK_IN_ONE))

  // What each department contributed to a cell.
  await report.getByRole('tab', { name: '三、收到和处理政府信息公开申请情况' }).click()
  await report.locator('td[data-cell="requests.new.total"]').click()
  const parts = page.getByTestId('cell-contributions')
  await expect(parts).toContainText('三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 总计')
  await expect(parts.locator('tbody tr')).toHaveCount(DEPARTMENTS)
  await expect(parts.locator('tbody tr').first()).toHaveText(
    `某县第01局${departments[0]!.values['requests.new.total']}`,
  )
  await expect(parts.getByTestId('contribution-total')).toHaveText(String(expected.get('requests.new.total')))
  await report.getByRole('tab', { name: '四、政府信息公开行政复议、行政诉讼情况' }).click()
  await report.locator(`td[data-cell="${BLANK_IN_ONE}"]`).click()
  await expect(parts.locator('tbody tr').filter({ hasText: '某县第02局' })).toHaveText('某县第02局空白')

  // Each part's own errors, by department.
  const third = page.getByTestId('compiled-part').filter({ hasText: '某县第03局' })
  await expect(third.getByTestId('part-errors')).toContainText('件数不能为负数（“-1”）')
  await expect(page.getByTestId('compiled-parts')).toContainText('1 个部门的报告有错误')
  await page.screenshot({ path: 'test-results/compile-report.png', fullPage: true })
  expect(await chineseRenders(page)).toBe(true)

  // A part changes: the compiled report follows.
  const compiledUrl = page.url()
  await page.getByTestId('compiled-part').filter({ hasText: '某县第01局' }).getByRole('link').click()
  await editorReady(page)
  const before = departments[0]!.values['requests.open.natural']!
  await cell(page, 'requests', 'open', 'natural').click()
  await page.keyboard.type(String(before + 100))
  await page.keyboard.press('Enter')
  await saved(page)
  await page.goto(compiledUrl)
  await report.getByRole('tab', { name: '三、收到和处理政府信息公开申请情况' }).click()
  await expect(report.locator('td[data-cell="requests.open.natural"]')).toHaveText(
    String(expected.get('requests.open.natural')! + 100),
  )
  await expect(report.locator('td[data-cell="requests.handled_total.total"]')).toHaveText(
    String(expected.get('requests.handled_total.total')! + 100),
  )
})

test('a folder of files goes straight into a compilation; the compiled report opens in the editor like any other', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-compile-'))
  mkdirSync(join(dir, 'sub'))
  writeFileSync(join(dir, 'a.json'), JSON.stringify(departmentFile('某区甲局', 1, { year: 2023 })))
  writeFileSync(join(dir, 'sub', 'b.json'), JSON.stringify(departmentFile('某区乙局', 2, { year: 2023 })))
  writeFileSync(join(dir, 'c.json'), JSON.stringify(departmentFile('某区丙局', 3, { year: 2022 })))
  writeFileSync(join(dir, '说明.txt'), '各部门报告')
  await waitForSample(page)
  await page.goto('/#/compile')
  await page.getByTestId('compile-import-folder').setInputFiles(dir)
  await expect(page.getByTestId('import-totals')).toContainText('共 3 个文件：已导入 3 个。')
  await expect(page.getByTestId('import-summary')).toContainText('另有 1 个不是报告文件（.json）的文件，未处理')
  await closeSummary(page)
  await expect(page.getByTestId('compile-year')).toHaveValue('2023')
  await expect(page.getByTestId('compile-import-notes')).toHaveText(
    '已导入，但未选入本次汇总：「某区丙局」是2022年度的报告，本次汇总的是2023年度',
  )
  await expect(page.getByTestId('compile-candidates').getByRole('checkbox', { checked: true })).toHaveCount(2)
  await page.getByLabel('汇总机关名称').fill('某区人民政府')
  await page.getByTestId('compile-go').click()
  await expect(page.getByTestId('compiled-report')).toContainText('汇总报告 2个部门 · 2021年版格式')

  await page.getByRole('link', { name: '打开报告（检查、填写文字、打印）' }).click()
  await editorReady(page)
  await expect(page.getByRole('heading', { name: '某区人民政府2023年政府信息公开工作年度报告' })).toBeVisible()
  // In the editor a compiled report says what it is, refuses typed numbers, and shows each
  // department's share of the focused cell.
  await expect(page.getByTestId('compiled-banner')).toContainText('这是汇总报告（2个部门）')
  const total =
    (departmentFile('某区甲局', 1, { year: 2023 }).values['requests.new.natural'] ?? 0) +
    (departmentFile('某区乙局', 2, { year: 2023 }).values['requests.new.natural'] ?? 0)
  const natural = cell(page, 'requests', 'new', 'natural')
  await expect(natural).toHaveText(String(total))
  await natural.click()
  await page.keyboard.type('9999')
  await page.keyboard.press('Enter')
  await expect(natural).toHaveText(String(total))
  await page.getByRole('tab', { name: '各部门数字' }).click()
  await natural.click()
  const parts = page.getByTestId('cell-contributions')
  await expect(parts.locator('tbody tr')).toHaveCount(2)
  await expect(parts.getByTestId('contribution-total')).toHaveText(String(total))

  // Exported, the file says it is a compiled report and of whom; opened in another browser it is
  // still known as one.
  const download = page.waitForEvent('download')
  await page.getByTestId('exchange-toolbar').getByRole('button', { name: '导出', exact: true }).click()
  // Its texts are still empty: exporting says so first.
  await page.getByTestId('export-anyway').click()
  const text = (await downloaded(await download)).toString('utf8')
  const file = JSON.parse(text)
  expect(file.compiledFrom).toEqual(expect.arrayContaining(['某区甲局', '某区乙局']))
  expect(file.compiledFrom).toHaveLength(2)
  expect(await schemaErrors(file)).toBe('')
  const elsewhere = await page.context().browser()!.newContext()
  const other = await elsewhere.newPage()
  await waitForSample(other)
  await importFiles(other, [asFile('汇总.json', file)])
  await closeSummary(other)
  await expect(listItem(other, '某区人民政府2023年政府信息公开工作年度报告')).toContainText('汇总报告（2个部门）')
  await other
    .getByTestId('report-list')
    .getByRole('link', { name: '某区人民政府2023年政府信息公开工作年度报告' })
    .click()
  await editorReady(other)
  await expect(other.getByTestId('received-compiled')).toHaveText('汇总报告 · 2个部门')
  await elsewhere.close()

  await page.getByTestId('exchange-toolbar').getByRole('link', { name: '汇总报告 · 2个部门' }).click()
  await expect(page.getByTestId('compiled-parts')).toContainText('某区甲局')
  await expect(page.getByTestId('compiled-parts')).toContainText('某区乙局')
})
