import { expect, test } from '@playwright/test'
import { createReport } from './editor-helpers'

test('beside 一、总体情况 a checklist of the five aspects opens; leaving one out entirely is a notice, silence until then', async ({
  page,
}) => {
  await createReport(page, '某市指引局', 2023)
  const part = page.locator('section.part').filter({ has: page.locator('textarea[data-text=overview]') })
  const toggle = part.getByRole('button', { name: /写作要点/ })
  await expect(toggle).toHaveText('写作要点（5项）')
  await toggle.click()
  const list = part.getByTestId('text-guidance')
  await expect(list).toContainText('依据：国办公开办函〔2021〕30号')
  await expect(list.locator('li strong')).toHaveText(['主动公开', '依申请公开', '政府信息管理', '平台建设', '监督保障'])

  const box = part.locator('textarea')
  // A short start: too little to tell what is missing, so nothing is said.
  await box.fill('本年度主动公开政府信息120条。')
  await expect(list.locator('li[data-state=covered]')).toHaveCount(1)
  await expect(list.locator('li[data-state=missing]')).toHaveCount(0)
  const findings = page.locator('.findings, [data-testid=findings-panel]').first()
  await expect(findings).not.toContainText('没有写到')

  await box.fill(
    '本年度主动公开政府信息120条。收到政府信息公开申请3件，均按时答复。加强政府信息管理，开展规范性文件清理。' +
      '强化监督保障，开展培训2次，纳入年度考核。认真落实各项工作要求，做到应公开尽公开。',
  )
  await expect(list.locator('li[data-state=missing]')).toHaveText(/平台建设\s*未写到/)
  await expect(findings).toContainText('一、总体情况：没有写到“平台建设”')
  await page.setViewportSize({ width: 1280, height: 720 })
  await part.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/text-guidance-1280.png' })

  await box.fill(`${await box.inputValue()}优化政府网站信息公开专栏。`)
  await expect(list.locator('li[data-state=missing]')).toHaveCount(0)
  await expect(findings).not.toContainText('没有写到')
  await toggle.click()
  await expect(list).toHaveCount(0)
})
