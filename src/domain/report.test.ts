import { describe, expect, it } from 'vitest'
import { createReport, reportTitle, restoreReport, validateIdentity } from './report'

const now = new Date('2026-11-25T00:00:00Z')

describe('a new report', () => {
  it('takes its edition from the year unless one is chosen', () => {
    expect(createReport('某局', 2020).edition).toBe('2019')
    expect(createReport('某局', 2024).edition).toBe('2021')
    expect(createReport('某局', 2022, '2019').edition).toBe('2019')
  })

  it('refuses a year before 2019 and an empty or long name with a Chinese message', () => {
    expect(validateIdentity('某局', 2018, now)).toBe(
      '2018年的报告使用2019年以前的旧格式，本工具不支持，请填写2019年或以后的年度',
    )
    expect(validateIdentity('  ', 2024, now)).toBe('请填写机关名称')
    expect(validateIdentity('局'.repeat(101), 2024, now)).toBe('机关名称不能超过100个字（现为101个字）')
    expect(validateIdentity('某局', 2028, now)).toBe('年度不能晚于2027年')
    expect(validateIdentity('某局', 2027, now)).toBeUndefined()
  })

  it('is titled as the official format says', () => {
    expect(reportTitle({ agency: '济宁市城市管理局', year: 2020 })).toBe(
      '济宁市城市管理局2020年政府信息公开工作年度报告',
    )
  })

  it('starts with every cell blank (not 0)', () => {
    const r = createReport('某局', 2024)
    expect(r.values).toEqual({})
  })
})

describe('restoring untrusted data', () => {
  it('drops unknown, computed and non-numeric cells and non-string texts', () => {
    const r = restoreReport({
      id: 'x',
      agency: ' 某局 ',
      year: 2020,
      edition: '2019',
      values: { 'requests.new.natural': 2, 'requests.new.total': 9, 'nope.a.b': 1, 'requests.open.natural': '3' },
      texts: { overview: 'a\r\n\r\nb ', problems: 5 },
    })!
    expect(r.agency).toBe('某局')
    expect(r.values).toEqual({ 'requests.new.natural': 2 })
    expect(r.texts).toEqual({ overview: 'a\nb', problems: '', other: '' })
  })

  it('refuses what cannot be a report', () => {
    expect(restoreReport(null)).toBeUndefined()
    expect(restoreReport({ agency: '某局', year: 2018 })).toBeUndefined()
    expect(restoreReport({ agency: '', year: 2020 })).toBeUndefined()
  })

  it('defaults a missing edition from the year', () => {
    expect(restoreReport({ agency: '某局', year: 2023 })?.edition).toBe('2021')
  })
})
