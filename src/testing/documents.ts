// Test support for the documents a department hands over: reports to write, and the check that
// what our own text import recognises in a document equals the report it was written from.
import { expect } from 'vitest'
import { chooseParts, createCompiledReport } from '@/domain/compile'
import { getEdition, inputCellsOf } from '@/domain/edition'
import { paragraphsOf } from '@/domain/printLayout'
import { type Report, TEXT_KEYS, createReport } from '@/domain/report'
import type { RecogniseResult } from '@/domain/textImport'

/** A 2021 report with a distinct number in every input cell (changes negative, amounts with decimals). */
export function distinctReport(): Report {
  const edition = getEdition('2021')
  const r = createReport('某某市某某区数据资源管理局', 2022, '2021')
  inputCellsOf(edition).forEach((cell, i) => {
    const n = i + 1
    r.values[cell.key] = cell.column.kind === 'change' ? -n : cell.column.kind === 'amount' ? n + 0.25 : n
  })
  r.texts = {
    overview: '本年度，我局主动公开政府信息1234条。\n（一）主动公开\n公开规章7件。',
    problems: '一是公开内容不够全面。\n二是解读形式单一。',
    other: '本年度未收取信息处理费。',
  }
  return r
}

/** A compiled (汇总) report of three departments of 2022. */
export function compiledReport(): Report {
  const depts = ['甲局', '乙局', '丙局'].map((agency, d) => {
    const r = createReport(agency, 2022, '2021')
    inputCellsOf(getEdition('2021')).forEach((cell, i) => {
      if ((i + d) % 3 === 0) r.values[cell.key] = cell.column.kind === 'amount' ? 1.5 : d + 1
    })
    return r
  })
  const compiled = createCompiledReport('某某市汇总', chooseParts(depts)!)
  compiled.texts = { overview: '全市各部门汇总情况。', problems: '', other: '无。' }
  return compiled
}

/** The report a document was written from, as the text import would see it: input cells, texts by paragraph. */
export function expectRecognised(result: RecogniseResult, report: Report) {
  if (!result.ok) throw new Error(result.error)
  const r = result.report
  const edition = getEdition(report.edition)
  const inputs = Object.fromEntries(
    inputCellsOf(edition).flatMap((c) => (report.values[c.key] === undefined ? [] : [[c.key, report.values[c.key]]])),
  )
  expect(r.edition).toBe(report.edition)
  expect(r.agency).toBe(report.agency)
  expect(r.year).toBe(report.year)
  expect(r.unrecognised).toEqual([])
  expect(r.values).toEqual(inputs)
  for (const key of TEXT_KEYS) expect(r.texts[key], key).toBe(paragraphsOf(report.texts[key]).join('\n'))
}
