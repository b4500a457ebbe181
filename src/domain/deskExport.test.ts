import { describe, expect, it } from 'vitest'
import { deskRows, newDesk, reviewYear, withAgencies } from './desk'
import { findingLines, indicatorSheet, issuesSheet, sendBackSheet, sendBackText, sheetCsv } from './deskExport'
import { cellsOf, getEdition } from './edition'
import { reviewReport } from './review'
import { resolveValues } from './totals'
import { sampleReport } from '@/testing/fixtures'

const broken = () => {
  const r = sampleReport()
  r.values['requests.carried_out.natural'] = (r.values['requests.carried_out.natural'] ?? 0) + 3
  delete r.values['appeals.cases.review_upheld']
  delete r.values['appeals.cases.review_corrected']
  r.texts.other = '无'
  return r
}

describe('退回意见', () => {
  const r = broken()
  const lines = findingLines(r, [
    ...reviewReport(r),
    {
      rule: 'desk.filler',
      severity: 'warning',
      cells: [],
      text: 'other',
      message: '六、其他需要报告的事项：只写了「无」',
    },
  ])

  it('names part, row and column apart from the message; blanks as one line per table', () => {
    expect(lines[0]).toEqual({
      severity: '错误',
      part: '三、收到和处理政府信息公开申请情况',
      row: '',
      column: '自然人',
      message: expect.stringMatching(/^第一项加第二项之和（.+）应等于第三项加第四项之和（.+）$/),
    })
    expect(lines).toContainEqual({
      severity: '警告',
      part: '六、其他需要报告的事项',
      row: '',
      column: '',
      message: '只写了「无」',
    })
    expect(lines.at(-1)).toEqual({
      severity: '提示',
      part: '四、政府信息公开行政复议、行政诉讼情况',
      row: '',
      column: '',
      message: '2个单元格尚未填写（没有数字请填 0）',
    })
  })

  it('as numbered text for a letter and as a sheet with the same lines', () => {
    const text = sendBackText(r, lines, new Date(2024, 1, 5).getTime())
    expect(text.split('\n')[0]).toBe('关于《济宁市城市管理局2020年政府信息公开工作年度报告》的退回意见')
    expect(text).toContain(`经审核，贵单位报送的年度报告有以下${lines.length}处问题`)
    expect(text).toContain('\n1. 【错误】三、收到和处理政府信息公开申请情况 · 自然人：第一项加第二项之和')
    expect(text.trim().endsWith('2024年2月5日')).toBe(true)
    const sheet = sendBackSheet(lines)
    expect(sheet[0]).toEqual(['序号', '严重程度', '部分', '行', '列', '问题'])
    expect(sheet).toHaveLength(lines.length + 1)
    expect(sheet[1]![0]).toBe(1)
  })
})

describe('问题清单 and 指标明细', () => {
  const sample = sampleReport()
  // 甲局 copies 乙局's 一 (both the sample's): received later, it is the one flagged. Stamped here,
  // since two reports made in the same millisecond would be ordered by the roster instead.
  const ok = {
    ...sample,
    agency: '乙局',
    id: 'b',
    createdAt: 1,
    texts: { ...sample.texts, other: '本年度未收取信息处理费。' },
  }
  const bad = { ...broken(), agency: '甲局', id: 'a', createdAt: 2 }
  const d = withAgencies(newDesk(2020, 0), ['甲局', '乙局', '丙局'], 'typed', 0)
  const rows = deskRows(d, [bad, ok], reviewYear(2020, [bad, ok], new Map()))

  it('every department’s findings in one sheet, one not received as one line', () => {
    const sheet = issuesSheet(rows)
    expect(sheet[0]).toEqual(['部门', '状态', '严重程度', '部分', '行', '列', '问题'])
    expect(new Set(sheet.slice(1).map((r) => r[0]))).toEqual(new Set(['甲局', '丙局']))
    expect(sheet.at(-1)).toEqual(['丙局', '未报送', '错误', '', '', '', '未报送年度报告'])
  })

  it('one row per department received, one column per cell with its official place, totals included', () => {
    const sheet = indicatorSheet(rows)
    const cells = cellsOf(getEdition(ok.edition))
    expect(sheet[0]!.slice(0, 4)).toEqual([
      '部门',
      '状态',
      '格式版本',
      cells[0] && expect.stringContaining('二、主动公开政府信息情况'),
    ])
    expect(sheet[0]).toHaveLength(3 + cells.length)
    expect(sheet.map((r) => r[0])).toEqual(['部门', '甲局', '乙局'])
    const total = sheet[0]!.indexOf(
      sheet[0]!.find((h) => String(h).includes('一、本年新收政府信息公开申请数量 · 总计'))!,
    )
    expect(sheet[2]![total]).toBe(resolveValues(getEdition(ok.edition), ok.values).get('requests.new.total'))
    expect(sheet[1]!.filter((v) => v === null)).toHaveLength(2)
  })

  it('as CSV for Excel: BOM, CRLF, formula-like names neutralised', () => {
    const csv = sheetCsv([
      ['部门', '值'],
      ['=HYPERLINK("x")', -2],
      ['a,b', null],
    ])
    expect(csv).toBe('\uFEFF部门,值\r\n"\'=HYPERLINK(""x"")",-2\r\n"a,b",\r\n')
  })
})
