import { type Page, expect, test } from '@playwright/test'
import { cellsOf, describeCell, getEdition } from '../../src/domain/edition'
import {
  BROKEN,
  CONTINUOUS,
  COPIER,
  COPY_SOURCE,
  FILLER,
  MISSING,
  ROSTER,
  UNBALANCED,
  WRONG_YEAR,
  fileName,
  folderOf,
  lastYearFiles,
  seasonFiles,
} from './desk-helpers'
import { asFile, chooseFiles, closeSummary, downloaded } from './exchange-helpers'
import { readXlsx } from './xlsx'

const grid = (page: Page) => page.getByTestId('desk-grid')
const row = (page: Page, agency: string) => grid(page).locator(`.ag-row[row-id="${agency}"]`)
const cell = (page: Page, agency: string, col: string) => row(page, agency).locator(`[col-id="${col}"]`)

async function shownAgencies(page: Page): Promise<string[]> {
  const ids = await grid(page)
    .locator('.ag-row[row-id]')
    .evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('row-index')), r.getAttribute('row-id')!] as const))
  return ids.sort((a, b) => a[0] - b[0]).map(([, id]) => id)
}

async function filterBy(page: Page, label: string) {
  await page
    .getByRole('group', { name: '按状态筛选' })
    .getByRole('button', { name: new RegExp(`^${label} `) })
    .click()
}

async function openDesk(page: Page) {
  await page.goto('/')
  await page.getByTestId('desk-link').click()
  await page.getByRole('combobox', { name: '年度' }).selectOption('2023')
  await expect(page).toHaveURL(/#\/desk\/2023$/)
  await expect(page.getByRole('heading', { name: '汇总工作台' })).toBeVisible()
}

test('the desk of a season: roster, a folder of reports, every finding, sending back, compiling, the sheets', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.goto('/')
  // The home page (a lazy route) shown first: a hash changed while it loads was lost.
  await expect(page.getByRole('heading', { name: '我的年度报告' })).toBeVisible()
  // The desk is reached from the home page; this year's desk (2023 in the files) is chosen.
  await page.goto('/#/desk/2023')

  // The roster, pasted as a spreadsheet column with numbering.
  await page.getByLabel('部门名称（每行一个）').fill(ROSTER.map((n, i) => `${i + 1}. ${n}`).join('\n'))
  await page.getByRole('button', { name: '加入名单' }).click()
  await expect(page.getByTestId('desk-counts')).toContainText('已报送 0/30')
  await expect(page.getByTestId('desk-deadlines')).toContainText('各部门报送年度报告截止：2024年1月31日')
  await expect(page.getByTestId('desk-deadlines')).toContainText('本级政府年度报告公布截止：2024年3月31日')

  // Last year's reports of two departments arrive first: not this year's, said so, kept.
  await chooseFiles(
    page,
    'desk-import-input',
    lastYearFiles().map((f) => asFile(fileName(f), f)),
  )
  await closeSummary(page)
  await expect(page.getByTestId('desk-other-years')).toContainText('2 个文件不是2023年度的报告')

  // The season's 27 files, chosen as one folder (with a stray .txt, left alone).
  await page.getByTestId('desk-folder-input').setInputFiles(folderOf(seasonFiles()))
  await expect(page.getByTestId('import-summary')).toContainText('27')
  await closeSummary(page)

  const counts = page.getByTestId('desk-counts')
  await expect(counts).toContainText('已报送 27/30')
  await expect(counts).toContainText('未报送 3')
  await expect(counts).toContainText('有错误 4')
  await expect(counts).toContainText('无上年报告可核对 25')
  // The season as figures: the department charts list who sent a report, and not who did not.
  const charts = page.getByTestId('desk-charts')
  await expect(charts).toContainText('各部门图表')
  // Drawn once scrolled to (below the fold).
  await charts.scrollIntoViewIfNeeded()
  await expect(charts.locator('canvas').first()).toBeVisible()
  await expect(charts).not.toContainText(MISSING[0]!)
  await page.screenshot({ path: 'test-results/desk.png' })

  await filterBy(page, '未报送')
  await expect.poll(async () => (await shownAgencies(page)).sort()).toEqual([...MISSING].sort())
  await filterBy(page, '有错误')
  await expect.poll(async () => (await shownAgencies(page)).sort()).toEqual([...UNBALANCED].sort())
  for (const a of UNBALANCED) await expect(cell(page, a, 'errors')).not.toHaveText('0')

  // Warnings: the copy (on the copier only, naming the source), continuity broken, the filler.
  await filterBy(page, '全部')
  const findingsOf = async (agency: string) => {
    await page.getByRole('gridcell', { name: agency, exact: true }).click()
    await expect(page.getByTestId('desk-detail').getByRole('heading', { name: agency })).toBeVisible()
    return page.getByTestId('desk-detail')
  }
  await expect(await findingsOf(COPIER)).toContainText(`一、总体情况：与「${COPY_SOURCE}」2023年报告的同一部分相似度`)
  await expect(await findingsOf(COPY_SOURCE)).not.toContainText('疑似照抄')
  // The editor says so too, beside the report's own checks.
  await (await findingsOf(COPIER)).getByRole('link', { name: '打开报告' }).click()
  await expect(page.getByTestId('editor-desk-notes')).toContainText(
    `一、总体情况：与「${COPY_SOURCE}」2023年报告的同一部分相似度`,
  )
  await page.getByTestId('editor-desk-notes').getByRole('link', { name: '在汇总工作台中查看' }).click()
  await expect(page.getByTestId('desk-detail').getByRole('heading', { name: COPIER })).toBeVisible()
  await expect(await findingsOf(WRONG_YEAR)).toContainText('3处写的是2022年，而本报告是2023年度的报告')
  await expect(await findingsOf(FILLER)).toContainText('六、其他需要报告的事项：只写了「无。」')
  await expect(await findingsOf(BROKEN)).toContainText('上年报告结转下年度继续办理数')
  const continuous = await findingsOf(CONTINUOUS)
  await expect(continuous).toContainText('没有发现问题')
  await expect(continuous).not.toContainText('未做跨年度核对')
  await expect(await findingsOf(ROSTER[6]!)).toContainText('没有本机关上年度的报告，未做跨年度核对')
  // Everyone else has nothing to say.
  const quiet = ROSTER.slice(0, 27).filter((a) => ![...UNBALANCED, COPIER, WRONG_YEAR, FILLER, BROKEN].includes(a))
  for (const a of quiet.slice(0, 18)) {
    await expect(cell(page, a, 'errors')).toHaveText('0')
    await expect(cell(page, a, 'warnings')).toHaveText('0')
  }

  // Sending back: the text to copy and the sheet, read back; the date recorded.
  const sentBack = UNBALANCED[0]!
  await findingsOf(sentBack)
  await page.getByTestId('desk-send-back').click()
  const dialog = page.getByTestId('send-back')
  const text = await dialog.getByTestId('send-back-text').inputValue()
  expect(text).toContain(`关于《${sentBack}2023年政府信息公开工作年度报告》的退回意见`)
  expect(text).toMatch(/1\. 【错误】三、收到和处理政府信息公开申请情况 · .*自然人：第一项加第二项之和/)
  const [xlsx] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('send-back-xlsx').click()])
  expect(xlsx.suggestedFilename()).toBe(`${sentBack}-2023年-退回意见.xlsx`)
  const sheet = readXlsx(await downloaded(xlsx))
  expect(sheet.sheetName).toBe('退回意见')
  expect(sheet.rows[0]).toEqual(['序号', '严重程度', '部分', '行', '列', '问题'])
  expect(sheet.rows[1]!.slice(0, 3)).toEqual([1, '错误', '三、收到和处理政府信息公开申请情况'])
  expect(sheet.rows[1]![4]).toBe('自然人')
  expect(sheet.rows[1]![5]).toMatch(/^第一项加第二项之和（.*）应等于第三项加第四项之和/)
  expect(text.split('\n').filter((l) => /^\d+\. /.test(l))).toHaveLength(sheet.rows.length - 1)
  await dialog.getByRole('button', { name: '记为已退回' }).click()
  await expect(cell(page, sentBack, 'status')).toHaveText('已退回')
  await expect(cell(page, sentBack, 'action')).toContainText(/退回 \d{4}-\d{2}-\d{2}/)

  // Five departments accepted.
  const accepted = quiet.slice(0, 5)
  for (const a of accepted) {
    await findingsOf(a)
    await page.getByTestId('desk-accept').click()
    await expect(cell(page, a, 'status')).toHaveText('已通过')
  }
  await expect(counts).toContainText('已通过 5')
  await expect(counts).toContainText('已退回 1')

  // The 问题清单 and the 指标明细, read back cell by cell.
  const [issues] = await Promise.all([page.waitForEvent('download'), page.getByTestId('issues-xlsx').click()])
  const list = readXlsx(await downloaded(issues)).rows
  expect(list[0]).toEqual(['部门', '状态', '严重程度', '部分', '行', '列', '问题'])
  for (const a of MISSING) expect(list).toContainEqual([a, '未报送', '错误', null, null, null, '未报送年度报告'])
  expect(list.filter((r) => r[0] === COPIER)).toEqual([
    [COPIER, '已报送', '警告', '一、总体情况', null, null, expect.stringMatching(`^与「${COPY_SOURCE}」2023年报告`)],
  ])
  expect(list.filter((r) => r[0] === sentBack && r[2] === '错误').length).toBeGreaterThan(0)
  expect(list.filter((r) => r[0] === sentBack)[0]![1]).toBe('已退回')
  expect(new Set(list.slice(1).map((r) => r[0]))).toEqual(
    new Set([...MISSING, ...UNBALANCED, COPIER, WRONG_YEAR, FILLER, BROKEN]),
  )

  const files = seasonFiles()
  const [indicators] = await Promise.all([page.waitForEvent('download'), page.getByTestId('indicators-xlsx').click()])
  const table = readXlsx(await downloaded(indicators)).rows
  const cells = cellsOf(getEdition('2021'))
  expect(table[0]).toEqual(['部门', '状态', '格式版本', ...cells.map(describeCell)])
  expect(table).toHaveLength(28)
  for (const f of files) {
    const line = table.find((r) => r[0] === f.agency)!
    expect(line.slice(3)).toEqual(cells.map((c) => f.values[c.key] ?? null))
  }

  // Compile the accepted: who is in, who is out and why, on the compiled report.
  const compile = page.getByTestId('desk-compile')
  await expect(compile.getByTestId('desk-compile-plan')).toHaveText('将计入 5 个部门，不计入 25 个。')
  await compile.getByLabel('汇总机关名称').fill('某市人民政府')
  await compile.getByRole('button', { name: '汇总 5 个部门' }).click()
  const membership = page.getByTestId('compiled-membership')
  await expect(membership.getByTestId('compiled-included')).toHaveText(`计入 5 个部门：${accepted.join('、')}`)
  const out = membership.getByTestId('left-out')
  await expect(out).toContainText('未计入 25 个部门')
  await expect(out).toContainText(`${MISSING[0]}：未报送`)
  await expect(out).toContainText(`${sentBack}：已退回修改，尚未重新报送`)
  await expect(out).toContainText(new RegExp(`${UNBALANCED[1]}：尚未审核通过（有\\d+个错误）`))
  await expect(out).toContainText(`${COPIER}：尚未审核通过`)
  await page.screenshot({ path: 'test-results/desk-compiled.png' })
})

test('a report from a department not on the roster asks to add it; a report again is a resubmission', async ({
  page,
}) => {
  await openDesk(page)
  await page.getByLabel('部门名称（每行一个）').fill(ROSTER.slice(0, 3).join('\n'))
  await page.getByRole('button', { name: '加入名单' }).click()
  const files = seasonFiles()
  const stranger = { ...files[5]!, agency: '某市外来局' }
  const transfer = await page.evaluateHandle(
    (list) => {
      const dt = new DataTransfer()
      for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }))
      return dt
    },
    [files[0]!, stranger].map((f) => ({ name: fileName(f), text: JSON.stringify(f) })),
  )
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await expect(page.getByTestId('drop-hint')).toBeVisible()
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
  await closeSummary(page)
  const ask = page.getByTestId('unknown-agencies')
  await expect(ask).toContainText('1 个部门不在2023年度的名单中')
  await expect(ask).toContainText('某市外来局')
  await ask.getByRole('button', { name: '加入名单（1个）' }).click()
  await expect(page.getByTestId('desk-counts')).toContainText('已报送 2/4')
  await expect(cell(page, '某市外来局', 'received')).toContainText(fileName(stranger))

  // Sent back, then a corrected file arrives: the duplicate question, then 已重新报送.
  await page.getByRole('gridcell', { name: ROSTER[0]!, exact: true }).click()
  await page.getByTestId('desk-send-back').click()
  await page.getByTestId('send-back').getByRole('button', { name: '记为已退回' }).click()
  await expect(cell(page, ROSTER[0]!, 'status')).toHaveText('已退回')
  await chooseFiles(page, 'desk-import-input', [asFile('改正后.json', files[0]!)])
  await page.getByTestId('duplicate-question').getByRole('button', { name: '替换' }).click()
  await closeSummary(page)
  await expect(cell(page, ROSTER[0]!, 'status')).toHaveText('已重新报送')
  await expect(cell(page, ROSTER[0]!, 'received')).toContainText('改正后.json')
})
