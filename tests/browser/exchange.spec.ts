import { readFileSync } from 'node:fs'
import { unzipSync, strFromU8 } from 'fflate'
import { expect, test } from '@playwright/test'
import { chineseRenders } from './helpers'
import { editorReady } from './editor-helpers'
import {
  KIND,
  SAMPLE_TITLE,
  asFile,
  closeSummary,
  departmentFile,
  downloaded,
  importFiles,
  listItem,
  schemaErrors,
  storedRows,
  waitForSample,
} from './exchange-helpers'

const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/jining-cgj-2020.json', import.meta.url), 'utf8'))

async function exportFromHome(page: import('@playwright/test').Page, titles: string[], zip = false) {
  await page.getByRole('button', { name: '导出报告文件…' }).click()
  const dialog = page.getByTestId('export-dialog')
  for (const t of titles) await dialog.getByRole('checkbox', { name: t }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: zip ? '导出为一个 ZIP 文件' : '导出', exact: true }).click()
  return download
}

test('the sample exported and imported into a fresh browser profile keeps every value and text', async ({
  page,
  browser,
}) => {
  await waitForSample(page)
  const download = await exportFromHome(page, [SAMPLE_TITLE])
  expect(download.suggestedFilename()).toBe('济宁市城市管理局-2020年政府信息公开工作年度报告.json')
  const text = (await downloaded(download)).toString('utf8')
  const file = JSON.parse(text)
  expect(await schemaErrors(file)).toBe('')
  expect(file).toMatchObject({ kind: KIND, schemaVersion: 2, edition: '2019', agency: '济宁市城市管理局', year: 2020 })
  expect(file.values).toEqual(FIXTURE.values)
  expect(file.texts).toEqual(FIXTURE.texts)
  expect(file.generator).toMatch(/^年报 Nianbao /)

  // A fresh profile: the app seeds its own copy of the sample, so the import asks; replace it.
  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await waitForSample(other)
  await importFiles(other, [asFile(download.suggestedFilename(), text)])
  const question = other.getByTestId('duplicate-question')
  await expect(question).toContainText(`文件“${download.suggestedFilename()}”是${SAMPLE_TITLE}`)
  await question.getByRole('button', { name: '替换' }).click()
  const summary = other.getByTestId('import-summary')
  await expect(summary.getByTestId('import-totals')).toContainText('共 1 个文件：已导入 1 个。')
  await expect(summary).toContainText('原报告已移入回收站，可以恢复')
  await closeSummary(other)
  await expect(other.getByTestId('recycle-bin')).toContainText(SAMPLE_TITLE)

  // Exported again from the fresh profile: the same values and texts, character for character.
  const again = JSON.parse((await downloaded(await exportFromHome(other, [SAMPLE_TITLE]))).toString('utf8'))
  expect(again.values).toEqual(file.values)
  expect(again.texts).toEqual(file.texts)
  const rows = (await storedRows(other)).filter((r) => !r.deletedAt)
  expect(rows).toHaveLength(1)
  expect(rows[0]!.texts).toEqual(FIXTURE.texts)
  await fresh.close()
})

test('a batch of 20 files: 16 imported, 2 mistakes shown, 4 refused with reasons, nothing stored changed', async ({
  page,
}) => {
  await waitForSample(page)
  const before = await storedRows(page)

  const good = Array.from({ length: 14 }, (_, i) =>
    asFile(`dept-${i + 1}.json`, departmentFile(`某市第${i + 1}局`, i + 1)),
  )
  const negative = departmentFile('某市负数局', 101)
  negative.values['active.rules.issued'] = -3
  const wrongTotal = departmentFile('某市总计局', 102)
  const stated = wrongTotal.values['requests.new.total']!
  wrongTotal.values['requests.new.total'] = stated + 5
  const lacking = departmentFile('某市旧键局', 103)
  ;(lacking.values as Record<string, number>)['active.rules.made'] = 1
  const notNumber = departmentFile('某市文字局', 104) as { values: Record<string, unknown> }
  notNumber.values['requests.new.natural'] = '3'
  const files = [
    ...good.slice(0, 5),
    asFile('broken-not-json.json', '{"kind": "gov-info-disclosure-annual-report", "values": {'),
    asFile('mistake-negative.json', negative),
    ...good.slice(5, 10),
    asFile('broken-wrong-kind.json', { ...departmentFile('某市别的局', 105), kind: 'something-else' }),
    asFile('mistake-total.json', wrongTotal),
    asFile('broken-lacking-key.json', lacking),
    ...good.slice(10),
    asFile('broken-not-number.json', notNumber),
  ]
  expect(files).toHaveLength(20)
  await importFiles(page, files)

  const summary = page.getByTestId('import-summary')
  await expect(summary.getByTestId('import-totals')).toContainText('共 20 个文件：已导入 16 个，未导入 4 个。')
  await expect(summary.locator('[data-status=refused]')).toHaveCount(4)
  const result = (name: string) => summary.getByTestId('import-result').filter({ hasText: name })
  await expect(result('broken-not-json.json')).toContainText(
    '文件“broken-not-json.json”：不是有效的 JSON 文件，无法读取',
  )
  await expect(result('broken-wrong-kind.json')).toContainText(
    '文件“broken-wrong-kind.json”：kind 的值“"something-else"”不对',
  )
  await expect(result('broken-lacking-key.json')).toContainText(
    '文件“broken-lacking-key.json”：values 中的“active.rules.made”不是2021年版格式的单元格',
  )
  await expect(result('broken-not-number.json')).toContainText(
    '文件“broken-not-number.json”：values.requests.new.natural 的值“"3"”不是数字',
  )
  // The stated total that disagrees, with both numbers.
  await expect(result('mistake-total.json').getByTestId('total-mismatch')).toContainText(
    `三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 总计：文件写明 ${stated + 5}，各项之和为 ${stated}`,
  )
  await expect(result('mistake-negative.json')).toHaveAttribute('data-status', 'imported')
  await expect(result('mistake-negative.json')).toContainText('检查发现 1 个错误')
  await page.screenshot({ path: 'test-results/exchange-import-summary.png' })
  expect(await chineseRenders(page)).toBe(true)

  // The negative count is an error in the editor.
  await result('mistake-negative.json').getByRole('link', { name: '某市负数局2022年政府信息公开工作年度报告' }).click()
  await editorReady(page)
  await expect(page.getByTestId('findings')).toContainText('件数不能为负数（“-3”）')

  // Nothing stored before changed; 16 reports more.
  await page.goto('/')
  await expect(page.getByTestId('report-list').locator('li')).toHaveCount(17)
  const after = await storedRows(page)
  expect(after).toHaveLength(17)
  for (const row of before) expect(after.find((r) => r.id === row.id)).toEqual(row)
})

test('a duplicate asks: keep both, then replace (the replaced one restorable), or skip', async ({ page }) => {
  await waitForSample(page)
  const first = departmentFile('某市重复局', 1)
  await importFiles(page, [asFile('first.json', first)])
  await closeSummary(page)
  const title = '某市重复局2022年政府信息公开工作年度报告'
  await expect(listItem(page, title)).toHaveCount(1)

  // Keep both.
  const second = departmentFile('某市重复局', 2)
  await importFiles(page, [asFile('second.json', second)])
  const question = page.getByTestId('duplicate-question')
  await expect(question).toContainText(`文件“second.json”是${title}，本浏览器中已有这一机关这一年度的报告`)
  await page.screenshot({ path: 'test-results/exchange-duplicate-question.png' })
  await question.getByRole('button', { name: '保留两份' }).click()
  await expect(page.getByTestId('import-summary').getByTestId('import-result')).toContainText('已导入（保留两份）')
  await closeSummary(page)
  // The copy is numbered, so the two tell apart.
  const copyTitle = '某市重复局（2）2022年政府信息公开工作年度报告'
  await expect(listItem(page, title)).toHaveCount(1)
  await expect(listItem(page, copyTitle)).toHaveCount(1)

  // Replace, dropped onto the page this time: the report of that agency goes to the recycle bin.
  const third = departmentFile('某市重复局', 3)
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer()
    dt.items.add(new File([text], 'third.json', { type: 'application/json' }))
    return dt
  }, JSON.stringify(third))
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer })
  await expect(page.getByTestId('drop-hint')).toBeVisible()
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer })
  await expect(page.getByTestId('drop-hint')).toBeHidden()
  await question.getByRole('button', { name: '替换' }).click()
  await expect(page.getByTestId('import-summary')).toContainText(`替换了${title}，原报告已移入回收站，可以恢复。`)
  await closeSummary(page)
  await expect(listItem(page, title)).toHaveCount(1)
  await expect(listItem(page, copyTitle)).toHaveCount(1)
  await expect(page.getByTestId('recycle-bin')).toContainText(title)
  const live = (await storedRows(page)).filter((r) => String(r.agency).startsWith('某市重复局') && !r.deletedAt)
  const natural = (r: Record<string, unknown>) => (r.values as Record<string, number>)['requests.new.natural']
  expect(live.map(natural).sort()).toEqual(
    [second.values['requests.new.natural'], third.values['requests.new.natural']].sort(),
  )

  // Restorable.
  await page.getByTestId('recycle-bin').getByRole('button', { name: '恢复' }).click()
  await expect(listItem(page, title)).toHaveCount(2)

  // Skip: nothing changes.
  const rows = await storedRows(page)
  await importFiles(page, [asFile('fourth.json', departmentFile('某市重复局', 4))])
  await question.getByRole('button', { name: '跳过' }).click()
  await expect(page.getByTestId('import-summary').getByTestId('import-result')).toContainText('已跳过')
  await closeSummary(page)
  expect(await storedRows(page)).toEqual(rows)
})

test('markup in a file shows as text everywhere and never runs', async ({ page }) => {
  const payload = '<img src=x onerror=alert(1)>'
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await waitForSample(page)
  const file = departmentFile(`某局${payload}`, 7)
  file.texts = { overview: `总体${payload}`, problems: payload, other: payload }
  await importFiles(page, [asFile(`${payload}.json`, file)])
  const title = `某局${payload}2022年政府信息公开工作年度报告`
  await expect(page.getByTestId('import-summary')).toContainText(`${payload}.json`)
  await expect(page.getByTestId('import-summary')).toContainText(title)
  await closeSummary(page)
  await expect(page.getByTestId('report-list')).toContainText(title)
  const noImage = () => expect(page.locator('img[src="x"]')).toHaveCount(0)
  await noImage()

  await listItem(page, title).getByRole('link').click()
  await editorReady(page)
  await expect(page.getByRole('heading', { name: title })).toBeVisible()
  await expect(page.locator('textarea[data-text=overview]')).toHaveValue(`总体${payload}`)
  await expect(page.locator('textarea[data-text=problems]')).toHaveValue(payload)
  await noImage()

  // The compile view and a compiled report name the department as text too.
  await page.goto('/#/compile')
  await page.getByTestId('compile-year').selectOption('2022')
  await expect(page.getByTestId('compile-candidates')).toContainText(title)
  await page.getByTestId('compile-candidates').getByRole('checkbox').first().check()
  await page.getByLabel('汇总机关名称').fill(`汇总${payload}`)
  await page.getByTestId('compile-go').click()
  await expect(page.getByTestId('compiled-report')).toContainText(`汇总${payload}2022年政府信息公开工作年度报告`)
  await expect(page.getByTestId('compiled-parts')).toContainText(`某局${payload}`)
  await noImage()
  expect(dialogs).toEqual([])
})

test('several reports export as one zip; a table exports as CSV with a byte-order mark; next year carries 上年结转', async ({
  page,
}) => {
  await waitForSample(page)
  await importFiles(page, [
    asFile('a.json', departmentFile('某市甲局', 1)),
    asFile('b.json', departmentFile('某市乙局', 2)),
  ])
  await closeSummary(page)
  const download = await exportFromHome(
    page,
    [SAMPLE_TITLE, '某市甲局2022年政府信息公开工作年度报告', '某市乙局2022年政府信息公开工作年度报告'],
    true,
  )
  expect(download.suggestedFilename()).toMatch(/^政府信息公开工作年度报告（3份）-\d{4}-\d\d-\d\d\.zip$/)
  const zip = unzipSync(new Uint8Array(await downloaded(download)))
  expect(Object.keys(zip).sort()).toEqual(
    [
      '某市乙局-2022年政府信息公开工作年度报告.json',
      '某市甲局-2022年政府信息公开工作年度报告.json',
      '济宁市城市管理局-2020年政府信息公开工作年度报告.json',
    ].sort(),
  )
  expect(JSON.parse(strFromU8(zip['济宁市城市管理局-2020年政府信息公开工作年度报告.json']!)).values).toEqual(
    FIXTURE.values,
  )
  // Every file of the zip keeps the published contract.
  for (const [name, bytes] of Object.entries(zip))
    expect(await schemaErrors(JSON.parse(strFromU8(bytes))), name).toBe('')

  // 新建下一年度 from the sample.
  await page.getByTestId('report-list').getByRole('link', { name: SAMPLE_TITLE }).click()
  await editorReady(page)
  const toolbar = page.getByTestId('exchange-toolbar')
  await toolbar.getByRole('button', { name: '新建下一年度' }).click()
  await expect(page.getByRole('heading', { name: '济宁市城市管理局2021年政府信息公开工作年度报告' })).toBeVisible()
  await editorReady(page)
  await toolbar.getByText('已结转上年数据').click()
  await expect(page.getByTestId('carried-from')).toHaveText(
    '由济宁市城市管理局2020年政府信息公开工作年度报告结转：二、上年结转政府信息公开申请数量（6格）。两年格式不同（2019年版格式 → 2021年版格式），只结转两种格式共有的内容。文字部分未结转。',
  )
  await toolbar.getByText('已结转上年数据').click()

  // The CSV of 三 shows the carried row; Excel reads it as UTF-8 by the byte-order mark.
  await toolbar.getByText('导出CSV').click()
  const csvDownload = page.waitForEvent('download')
  await toolbar.getByRole('button', { name: '三、收到和处理政府信息公开申请情况' }).click()
  const csv = await csvDownload
  expect(csv.suggestedFilename()).toBe('济宁市城市管理局-2021年-三、收到和处理政府信息公开申请情况.csv')
  const bytes = await downloaded(csv)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.toString('utf8').slice(1).split('\r\n')
  expect(lines).toContain('二、上年结转政府信息公开申请数量,1,0,0,0,0,0,1')
  expect(lines).toContain('一、本年新收政府信息公开申请数量,,,,,,,')

  // Exported as JSON (after the warning that it is still blank): the carried numbers are in the file.
  const jsonDownload = page.waitForEvent('download')
  await toolbar.getByRole('button', { name: '导出', exact: true }).click()
  await page.getByTestId('export-anyway').click()
  const json = JSON.parse((await downloaded(await jsonDownload)).toString('utf8'))
  expect(json.values).toEqual({
    'requests.carried_in.natural': 1,
    'requests.carried_in.commercial': 0,
    'requests.carried_in.research': 0,
    'requests.carried_in.nonprofit': 0,
    'requests.carried_in.legal': 0,
    'requests.carried_in.other_org': 0,
    'requests.carried_in.total': 1,
  })
  expect(json.texts).toEqual({ overview: '', problems: '', other: '' })
  // The file says where it was carried over from, and keeps the contract.
  expect(json.carriedFrom).toEqual({ agency: '济宁市城市管理局', year: 2020 })
  expect(await schemaErrors(json)).toBe('')

  // Asked again from the sample: that year is already there.
  await page.goto('/')
  await page.getByTestId('report-list').getByRole('link', { name: SAMPLE_TITLE }).click()
  await editorReady(page)
  await toolbar.getByRole('button', { name: '新建下一年度' }).click()
  await expect(page.getByRole('dialog')).toContainText('济宁市城市管理局2021年政府信息公开工作年度报告已经存在。')
  await page.getByRole('dialog').getByRole('link', { name: '打开已有的报告' }).click()
  await expect(page.getByRole('heading', { name: '济宁市城市管理局2021年政府信息公开工作年度报告' })).toBeVisible()
})

test('a file too large or nested too deep is refused without freezing the page', async ({ page }) => {
  await waitForSample(page)
  const huge = Buffer.alloc(6 * 1024 * 1024, 0x20)
  const deep = `{"kind":"${KIND}","schemaVersion":1,"values":${'['.repeat(200_000)}${']'.repeat(200_000)}}`
  await importFiles(page, [
    { name: 'huge.json', content: huge },
    asFile('deep.json', deep),
    asFile('ok.json', departmentFile('某市正常局', 9)),
  ])
  const summary = page.getByTestId('import-summary')
  await expect(summary.getByTestId('import-totals')).toContainText('共 3 个文件：已导入 1 个，未导入 2 个。')
  await expect(summary).toContainText('文件“huge.json”：文件大小 6.0 MB，超过 5.0 MB，不是年度报告交换文件，未导入')
  await expect(summary).toContainText('文件“deep.json”：values 的嵌套超过 20 层')
})

test('import, export and compile code is not in the first page’s bundle', () => {
  // The first page's bundle: the entry script and the modules Vite preloads with it (its static
  // imports). Everything else arrives by import() (and, for offline use, is preloaded later).
  const html = readFileSync(new URL('../../dist/index.html', import.meta.url), 'utf8')
  const head = html.slice(0, html.indexOf('<meta name="nianbao-chunks"') >>> 0)
  const files = [...head.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
  expect(files.length).toBeGreaterThan(0)
  const first = files.map((f) => readFileSync(new URL(`../../dist/${f}`, import.meta.url), 'utf8')).join('\n')
  // Text only the lazily loaded modules hold: the import store, compiling, carrying over, CSV, the summary,
  // the compile view, fflate.
  const lazy = [
    '正在导入上一批文件',
    '不能重复计入',
    '文字部分未结转',
    '没有表格',
    '导入结果',
    '生成汇总报告',
    'invalid zip data',
  ]
  expect(lazy.filter((t) => first.includes(t))).toEqual([])
  // …while the app's shell is there (the home page itself is a lazy route too).
  expect(first).toContain('数据仅保存在本浏览器中')
})
