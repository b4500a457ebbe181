import { expect, test } from '@playwright/test'
import { editorReady } from './editor-helpers'

const title = (agency: string, year: number) => `${agency}${year}年政府信息公开工作年度报告`

test('a new report takes its edition from the year, which can be changed; years before 2019 are refused', async ({
  page,
}) => {
  await page.goto('/')
  const year = page.getByLabel('年度')
  const edition = page.getByLabel('格式版本')
  await page.getByLabel('机关名称').fill('测试市水利局')

  await year.fill('2020')
  await expect(edition.locator('option:checked')).toHaveText('2019年版格式')
  await year.fill('2022')
  await expect(edition.locator('option:checked')).toHaveText('2021年版格式')

  await year.fill('2018')
  await page.getByRole('button', { name: '新建报告' }).click()
  await expect(page.getByRole('alert')).toContainText('2018年的报告使用2019年以前的旧格式')

  // A 2021 report in the 2019 format (real ones exist): the choice is kept.
  await year.fill('2021')
  await edition.selectOption({ label: '2019年版格式' })
  await page.getByRole('button', { name: '新建报告' }).click()
  await editorReady(page)
  await expect(page.getByRole('heading', { name: title('测试市水利局', 2021) })).toBeVisible()
  await expect(page.locator('[data-table=active] [row-id=penalty] .cell-col-change')).toBeVisible()

  await page.getByRole('link', { name: '我的年度报告' }).click()
  const item = page
    .getByTestId('report-list')
    .locator('li')
    .filter({ hasText: title('测试市水利局', 2021) })
  await expect(item).toContainText('2019年版格式')
  // Its status at a glance: every cell still blank.
  await expect(item.getByTestId('report-status')).toContainText('错误 0')
  await expect(item.getByTestId('report-status')).toContainText(/空白 [1-9]\d*/)
})

test('reports are renamed, duplicated, deleted to the recycle bin, restored, and destroyed only on a second click', async ({
  page,
}) => {
  await page.goto('/')
  const list = page.getByTestId('report-list')
  const sample = title('济宁市城市管理局', 2020)
  const item = (name: string) => list.locator('li').filter({ hasText: name })

  await item(sample).getByRole('button', { name: '复制' }).click()
  await expect(item(title('济宁市城市管理局（副本）', 2020))).toBeVisible()
  // The copy has the sample's numbers: same status.
  await expect(item(title('济宁市城市管理局（副本）', 2020)).getByTestId('report-status')).toContainText('空白 0')

  await item(title('济宁市城市管理局（副本）', 2020)).getByRole('button', { name: '重命名' }).click()
  await page.getByLabel('新的机关名称').fill('济宁市城管局档案')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(item(title('济宁市城管局档案', 2020))).toBeVisible()

  await item(title('济宁市城管局档案', 2020)).getByRole('button', { name: '删除' }).click()
  await expect(item(title('济宁市城管局档案', 2020))).toHaveCount(0)
  const bin = page.getByTestId('recycle-bin')
  await expect(bin).toContainText(title('济宁市城管局档案', 2020))

  await bin.getByRole('button', { name: '恢复' }).click()
  await expect(item(title('济宁市城管局档案', 2020))).toBeVisible()
  await expect(bin).toContainText('回收站是空的')

  await item(title('济宁市城管局档案', 2020)).getByRole('button', { name: '删除' }).click()
  await bin.getByRole('button', { name: '永久删除' }).click()
  // Nothing is gone yet: a second, explicit click is needed.
  await expect(bin).toContainText(title('济宁市城管局档案', 2020))
  await bin.getByRole('button', { name: '取消' }).click()
  await bin.getByRole('button', { name: '永久删除' }).click()
  await bin.getByRole('button', { name: '确认永久删除' }).click()
  await expect(bin).toContainText('回收站是空的')
  await page.reload()
  await expect(item(sample)).toBeVisible()
  await expect(page.getByText(title('济宁市城管局档案', 2020))).toHaveCount(0)

  // Opening a report goes to its editor.
  await item(sample).getByRole('link').click()
  await editorReady(page)
  await expect(page.getByRole('heading', { name: sample })).toBeVisible()
})

test('a report’s status follows its errors, warnings and blanks', async ({ page }) => {
  await page.goto('/')
  const sample = page
    .getByTestId('report-list')
    .locator('li')
    .filter({ hasText: title('济宁市城市管理局', 2020) })
  await sample.getByRole('link').click()
  await editorReady(page)
  // A number that breaks 三's 勾稽关系 in a filled column, and a blank elsewhere.
  const natural = page.locator('[data-table=requests] [row-id=new] [col-id=natural]')
  await natural.click()
  await page.keyboard.type('5')
  await page.keyboard.press('Enter')
  await page.locator('[data-table=appeals] [row-id=cases] [col-id=review_upheld]').click()
  await page.keyboard.press('Delete')
  await expect(page.getByTestId('save-state')).toHaveText('已保存')
  await page.getByRole('link', { name: '我的年度报告' }).click()
  const status = page
    .getByTestId('report-list')
    .locator('li')
    .filter({ hasText: title('济宁市城市管理局', 2020) })
    .getByTestId('report-status')
  await expect(status).toContainText('错误 2')
  await expect(status).toContainText('空白 1')
})
