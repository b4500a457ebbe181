import { expect, test } from '@playwright/test'
import { editorReady } from './editor-helpers'
import { wordsBrokenIn } from './helpers'
import { asFile, chooseFiles, closeSummary, departmentFile, waitForSample } from './exchange-helpers'

test('at 1280×720 the compiled report shows first who is wrong, linked to each report; a compiled report is never offered as a part', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 })
  await waitForSample(page)
  const wrong = departmentFile('某县丙局', 3, { year: 2023 })
  wrong.values['active.rules.repealed'] = -1
  await page.goto('/#/compile')
  await chooseFiles(page, 'compile-import-files', [
    asFile('a.json', departmentFile('某县甲局', 1, { year: 2023 })),
    asFile('b.json', departmentFile('某县乙局', 2, { year: 2023 })),
    asFile('c.json', wrong),
  ])
  await closeSummary(page)
  await page.getByLabel('汇总机关名称').fill('某县人民政府')
  await page.getByTestId('compile-go').click()
  const report = page.getByTestId('compiled-report')
  await expect(report.getByRole('heading', { name: '某县人民政府2023年政府信息公开工作年度报告' })).toBeVisible()

  // The department with errors comes first, in view without scrolling, and opens its report.
  const first = page.getByTestId('compiled-part').first()
  await expect(first.getByTestId('part-errors')).toBeVisible()
  await expect(first.getByRole('link', { name: '某县丙局' })).toBeInViewport()
  await page.screenshot({ path: 'test-results/compiled-report-1280.png' })
  // Its figures' column headers wrap between words (商业/企业), not inside one.
  expect(await wordsBrokenIn(page, '.values-table thead th')).toEqual([])
  // The compiled report's own count is a link to where its problems are shown.
  await expect(page.getByTestId('compiled-errors')).toHaveAttribute('href', /#\/report\//)
  await first.getByRole('link', { name: '某县丙局' }).click()
  await editorReady(page)
  await expect(page.getByRole('heading', { name: '某县丙局2023年政府信息公开工作年度报告' })).toBeVisible()

  // A new compilation of the same year: 全选 ticks the three departments, not the compiled report.
  await page.goto('/#/compile')
  const candidates = page.getByTestId('compile-candidates')
  await expect(candidates.locator('li')).toHaveCount(3)
  await expect(candidates).not.toContainText('某县人民政府')
  await expect(page.getByTestId('compiled-not-offered')).toContainText('另有 1 份汇总报告')
  await page.getByRole('button', { name: '全选', exact: true }).click()
  await expect(candidates.getByRole('checkbox', { checked: true })).toHaveCount(3)
  await expect(page.getByTestId('refused-reason')).toHaveCount(0)
  await expect(page.getByTestId('compile-go')).toHaveText('生成汇总报告（3个部门）')
  await page.screenshot({ path: 'test-results/compile-form-1280.png' })
})
