import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { makeDocx } from './docx'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')

test('pasting the sample text previews it, creates the report and opens it with zero errors', async ({ page }) => {
  await page.goto('/')
  // The seeded sample is the same agency and year: start from a browser without it.
  const sample = page.getByTestId('report-list').locator('li').filter({ hasText: '济宁市城市管理局2020年' })
  await expect(sample).toBeVisible()
  await sample.getByRole('button', { name: '删除' }).click()
  await expect(sample).toHaveCount(0)

  await page.getByTestId('import-text-link').click()
  const box = page.getByTestId('paste-box')
  await box.focus()
  // Paste as a person does: the clipboard carries the copied text.
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    const box = document.querySelector('[data-testid=paste-box]') as HTMLTextAreaElement
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    // A textarea inserts the text itself; the synthetic event does not, so do what the browser would.
    box.value = text
    box.dispatchEvent(new Event('input', { bubbles: true }))
  }, fixture('jining-cgj-2020.txt'))

  await expect(page.getByTestId('recognised-summary')).toContainText('2019年版格式')
  await expect(page.getByTestId('blank-count')).toHaveText('0')
  await expect(page.locator('input[name=agency]')).toHaveValue('济宁市城市管理局')
  await expect(page.locator('input[name=year]')).toHaveValue('2020')
  const preview = page.getByTestId('text-preview')
  await expect(preview).toContainText('济宁市城市管理局2020年政府信息公开工作年度报告')
  await expect(preview.locator('[data-cell="active.penalty.change"]')).toHaveText('-2')
  await expect(preview.locator('[data-cell="active.procurement.amount"]')).toHaveText(/66\.36/)
  await page.screenshot({ path: 'test-results/text-import-preview.png', fullPage: false })

  await page.getByTestId('create-from-text').click()
  await expect(page).toHaveURL(/#\/report\//)
  await expect(page.locator('[data-severity=error]')).toHaveCount(0)
  await page.goto('/')
  const imported = page.getByTestId('report-list').locator('li').filter({ hasText: '济宁市城市管理局2020年' })
  await expect(imported.getByTestId('report-status')).toContainText('错误 0')
  await expect(imported.getByTestId('report-status')).toContainText('警告 0')
  await expect(imported.getByTestId('report-status')).toContainText('空白 0')
})

test('a partial report imports what it contains and marks the rest blank; a duplicate asks first', async ({ page }) => {
  await page.goto('/#/import-text')
  await page.getByTestId('paste-box').fill(fixture('tianjin-hexi-zwfwb-2022-partial.txt'))
  await expect(page.getByTestId('recognised-summary')).toContainText('2021年版格式')
  const preview = page.getByTestId('text-preview')
  await expect(preview.locator('[data-cell="active.licensing.decisions"]')).toHaveText('1517')
  await expect(preview.locator('[data-cell="requests.deny_secret.natural"]')).toHaveText('空白')
  // The copy has no title: creating asks for the agency first, then takes what is typed.
  await page.getByTestId('create-from-text').click()
  await expect(page.getByRole('alert')).toContainText('请填写机关名称')
  await page.locator('input[name=agency]').fill('天津市河西区政务服务办')
  await page.locator('input[name=year]').fill('2022')
  await page.getByTestId('create-from-text').click()
  await expect(page).toHaveURL(/#\/report\//)

  // The same text again: asked, and 跳过 changes nothing.
  await page.goto('/#/import-text')
  await page.getByTestId('paste-box').fill(fixture('tianjin-hexi-zwfwb-2022-partial.txt'))
  await page.locator('input[name=agency]').fill('天津市河西区政务服务办')
  await page.locator('input[name=year]').fill('2022')
  await page.getByTestId('create-from-text').click()
  await expect(page.getByTestId('duplicate-question')).toBeVisible()
  await page.getByRole('button', { name: '跳过' }).click()
  await expect(page.getByRole('alert')).toContainText('已跳过')
})

test('text that is not a report says so in Chinese', async ({ page }) => {
  await page.goto('/#/import-text')
  await page.getByTestId('paste-box').fill('今天天气很好。')
  await expect(page.getByTestId('recognise-error')).toBeVisible()
  await expect(page.getByTestId('create-from-text')).toHaveCount(0)
})

test('a copy from a web page keeps its table structure', async ({ page }) => {
  await page.goto('/#/import-text')
  const html = `<p>某某区司法局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度工作稳步推进。</p>
    <p>二、主动公开政府信息情况</p><table>
    <tr><td colspan="4">第二十条第（一）项</td></tr>
    <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
    <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
    <tr><td>行政规范性文件</td><td>3</td><td>1</td><td>12</td></tr>
    <tr><td colspan="4">第二十条第（五）项</td></tr>
    <tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
    <tr><td>行政许可</td><td colspan="3">251</td></tr></table>`
  await page.getByTestId('paste-box').focus()
  await page.evaluate((html) => {
    const data = new DataTransfer()
    data.setData('text/html', html)
    data.setData('text/plain', 'flattened')
    document
      .querySelector('[data-testid=paste-box]')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, html)
  await expect(page.getByText('（按表格结构识别）')).toBeVisible()
  await expect(page.locator('input[name=agency]')).toHaveValue('某某区司法局')
  const preview = page.getByTestId('text-preview')
  await expect(preview.locator('[data-cell="active.normative.in_force"]')).toHaveText('12')
  await expect(preview.locator('[data-cell="active.licensing.decisions"]')).toHaveText('251')
  await expect(preview.locator('[data-cell="active.penalty.decisions"]')).toHaveText('空白')
})

test('a Word file (.docx) is read through its tables', async ({ page }) => {
  const docx = makeDocx([
    '某某县审计局2022年政府信息公开工作年度报告',
    '一、总体情况',
    '本年度共收到政府信息公开申请2件。',
    '二、主动公开政府信息情况',
    [
      ['第二十条第（一）项', '', '', ''],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '0', '0'],
      ['行政规范性文件', '2', '0', '7'],
    ],
  ])
  await page.goto('/#/import-text')
  await page.getByTestId('text-file-input').setInputFiles({
    name: '审计局年报.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: docx,
  })
  await expect(page.getByText('（按表格结构识别）')).toBeVisible()
  await expect(page.locator('input[name=agency]')).toHaveValue('某某县审计局')
  await expect(page.locator('input[name=year]')).toHaveValue('2022')
  const preview = page.getByTestId('text-preview')
  await expect(preview.locator('[data-cell="active.normative.issued"]')).toHaveText('2')
  await expect(preview.locator('[data-cell="active.normative.in_force"]')).toHaveText('7')
  await expect(preview).toContainText('本年度共收到政府信息公开申请2件。')
})

test('a .txt file is read as the published text, and the preview names the file', async ({ page }) => {
  await page.goto('/#/import-text')
  await page.getByTestId('text-file-input').setInputFiles({
    name: '绍兴东湖2023.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(fixture('shaoxing-donghu-2023-partial.txt')),
  })
  await expect(page.getByText('绍兴东湖2023.txt')).toBeVisible()
  await expect(page.getByTestId('recognised-summary')).toContainText('2021年版格式')
  // 规范性文件 for 行政规范性文件, as the copy writes it.
  await expect(page.getByTestId('text-preview').locator('[data-cell="active.normative.repealed"]')).toHaveText('1')
})
