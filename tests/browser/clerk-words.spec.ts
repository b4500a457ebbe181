import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { SAMPLE_TITLE, listItem, waitForSample } from './exchange-helpers'
import { editorReady } from './editor-helpers'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')

test('the header speaks of the data, not of 持久存储; the sample is marked 示例 in the list and the editor', async ({
  page,
}) => {
  await waitForSample(page)
  const storage = page.getByTestId('storage-state')
  await expect(storage).toContainText('数据仅保存在本浏览器中')
  await expect(storage).not.toContainText('持久存储')
  const label = (await storage.textContent())!.trim()
  // Either nothing more, or what it asks of the clerk.
  if (label !== '数据仅保存在本浏览器中') expect(label).toContain('请定期备份')

  await expect(listItem(page, SAMPLE_TITLE).getByTestId('sample-tag')).toHaveText('示例')
  await page.getByLabel('机关名称').fill('某市自己局')
  await page.getByLabel('年度').fill('2023')
  await page.getByRole('button', { name: '新建报告' }).click()
  await editorReady(page)
  await expect(page.getByTestId('sample-tag')).toHaveCount(0)
  await page.goto('/')
  await expect(listItem(page, '某市自己局2023年政府信息公开工作年度报告').getByTestId('sample-tag')).toHaveCount(0)
  await listItem(page, SAMPLE_TITLE).getByRole('link', { name: SAMPLE_TITLE }).click()
  await editorReady(page)
  await expect(page.getByTestId('sample-tag')).toHaveText('示例')
})

test('a pasted report already there: the question speaks of the pasted report; 保留两份 numbers the copy', async ({
  page,
}) => {
  await waitForSample(page)
  await page.getByTestId('import-text-link').click()
  // The way back to the list.
  await page.getByTestId('back-to-list').click()
  await expect(page).toHaveURL(/#\/$/)
  await page.getByTestId('import-text-link').click()
  await page.getByTestId('paste-box').fill(fixture('jining-cgj-2020.txt'))
  await expect(page.locator('input[name=agency]')).toHaveValue('济宁市城市管理局')
  await page.getByTestId('create-from-text').click()
  const question = page.getByTestId('duplicate-question')
  await expect(question).toContainText(`粘贴的报告是${SAMPLE_TITLE}，本浏览器中已有这一机关这一年度的报告`)
  await expect(question).not.toContainText('.json')
  await expect(question).not.toContainText('本批其余')
  await expect(question).toContainText('济宁市城市管理局（2）')
  await page.screenshot({ path: 'test-results/text-import-duplicate.png' })
  await question.getByRole('button', { name: '保留两份' }).click()
  await expect(page.getByRole('heading', { name: '济宁市城市管理局（2）2020年政府信息公开工作年度报告' })).toBeVisible()
  await page.goto('/')
  const copy = listItem(page, '济宁市城市管理局（2）2020年政府信息公开工作年度报告')
  await expect(copy).toContainText(/创建于 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/)
  await expect(listItem(page, SAMPLE_TITLE)).toContainText('创建于')
})
