import { describe, expect, it } from 'vitest'
import { sampleReport } from '@/testing/fixtures'
import { BOM, csvField, csvFileName, tableCsv } from './csv'
import { createReport } from './report'

const lines = (csv: string) => csv.slice(BOM.length).split('\r\n')

describe('tableCsv', () => {
  it('starts with a byte-order mark and ends lines with CRLF', () => {
    const csv = tableCsv(sampleReport(), 'requests')
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.slice(1).includes('\n') && !/[^\r]\n/.test(csv)).toBe(true)
  })

  it('writes 三 of the sample with headings, group rows, labels and totals', () => {
    const out = lines(tableCsv(sampleReport(), 'requests'))
    expect(out.slice(0, 5)).toEqual([
      '济宁市城市管理局2020年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
      '',
      '申请人情况,自然人,商业企业,科研机构,社会公益组织,法律服务机构,其他,总计',
    ])
    expect(out[5]).toBe('一、本年新收政府信息公开申请数量,1,2,0,0,0,0,3')
    expect(out[7]).toBe('三、本年度办理结果,,,,,,,'.replace(/,+$/, ''))
    expect(out).toContain('（三）不予公开')
    expect(out.indexOf('（三）不予公开')).toBeLessThan(out.findIndex((l) => l.startsWith('1.属于国家秘密')))
    expect(out.at(-2)).toBe('四、结转下年度继续办理,1,0,0,0,0,0,1')
  })

  it('writes 二 of edition 2019 block by block, amounts in 万元 and negative changes', () => {
    const out = lines(tableCsv(sampleReport(), 'active'))
    expect(out).toContain('第二十条第（六）项')
    expect(out).toContain('信息内容,上一年项目数量,本年增/减,处理决定数量')
    expect(out).toContain('行政处罚,134,-2,132')
    expect(out).toContain('信息内容,采购项目数量,采购总金额（万元）')
    expect(out).toContain('政府集中采购,19,66.36')
  })

  it('writes 四 with the group names in the column labels; blank cells stay empty', () => {
    const report = createReport('某局', 2022, '2021')
    report.values = { 'appeals.cases.review_upheld': 2 }
    const out = lines(tableCsv(report, 'appeals'))
    expect(out[3]).toMatch(/^,行政复议 结果维持,行政复议 结果纠正,.*,行政诉讼 未经复议直接起诉 结果维持,/)
    expect(out[4]).toBe(',2,,,,2,,,,,,,,,,')
  })

  it('keeps a hostile agency name from running as a formula or breaking the row', () => {
    const report = { ...createReport('=HYPERLINK("x"),1', 2022, '2021') }
    expect(lines(tableCsv(report, 'appeals'))[0]).toBe('"\'=HYPERLINK(""x""),12022年政府信息公开工作年度报告"')
  })
})

describe('csvField', () => {
  it('quotes what needs it and leaves numbers alone', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('说"明"')).toBe('"说""明"""')
    expect(csvField('-2')).toBe('-2')
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvField('+86')).toBe('+86')
  })
})

describe('csvFileName', () => {
  it('names the agency, year and table, without characters a file name cannot hold', () => {
    expect(csvFileName(sampleReport(), 'requests')).toBe(
      '济宁市城市管理局-2020年-三、收到和处理政府信息公开申请情况.csv',
    )
    expect(csvFileName({ agency: 'a/b', year: 2022, edition: '2021' }, 'appeals')).toBe(
      'a_b-2022年-四、政府信息公开行政复议、行政诉讼情况.csv',
    )
  })
})
