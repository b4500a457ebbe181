// An edition that does not exist: more header levels and a deeper row nesting than either
// official one, units, computed cells, several blocks and a note. Every adapter of the table
// layout (grid, print, CSV, Word, Excel, web page) must render it from its definition alone.
import { getEdition } from '@/domain/edition'
import type { EditionDef } from '@/domain/format'
import { createReport, type Report } from '@/domain/report'

const base = getEdition('2021')

export const inventedEdition: EditionDef = {
  ...base,
  key: 'x2099',
  name: '虚构版格式',
  years: { from: 2099 },
  rules: [],
  parts: [
    { kind: 'text', text: { key: 'overview', heading: '一、虚构总体情况' } },
    {
      kind: 'table',
      table: {
        key: 'requests',
        heading: '二、虚构的深表',
        note: '（虚构注：甲加乙等于丙）',
        columnsCaption: '顶层',
        blocks: [
          {
            columns: [
              { key: 'a', label: '甲列', kind: 'count', groups: ['一组', '一组甲'] },
              { key: 'b', label: '乙列', kind: 'count', groups: ['一组', '一组乙', '深组', '最深组'] },
              { key: 'c', label: '丙列', kind: 'count', groups: ['一组', '一组乙', '深组', '最深组'] },
              { key: 'd', label: '丁列', kind: 'change', groups: ['一组', '一组乙', '深组'] },
              { key: 'e', label: '金额', kind: 'amount', unit: '万元', groups: ['二组'] },
              { key: 'sum', label: '合计', kind: 'count', sumOf: ['a', 'b', 'c'] },
            ],
            rows: [
              { key: 'r1', label: '一、第一行' },
              { key: 'r2', label: '1.深行甲', path: ['二、第一层', '（一）第二层', '第三层'] },
              { key: 'r3', label: '2.深行乙', path: ['二、第一层', '（一）第二层', '第三层'] },
              { key: 'r4', label: '3.浅一层', path: ['二、第一层', '（一）第二层'] },
              { key: 'r5', label: '（二）另一层', path: ['二、第一层'] },
              { key: 'r_total', label: '（三）小计', path: ['二、第一层'], sumOf: ['r2', 'r3', 'r4', 'r5'] },
              { key: 'r6', label: '三、末行' },
            ],
          },
        ],
      },
    },
    {
      kind: 'table',
      table: {
        key: 'active',
        heading: '三、虚构的分块表',
        blocks: [
          {
            heading: '第一块',
            rowHeader: '项目',
            columns: [
              { key: 'p', label: '件数', kind: 'count' },
              { key: 'q', label: '费用', kind: 'amount', unit: '万元' },
              { key: 'r', label: '变化', kind: 'change', groups: ['比较'] },
            ],
            rows: [
              { key: 'k1', label: '第一项' },
              { key: 'k2', label: '第二项' },
            ],
          },
          {
            heading: '第二块',
            rowHeader: '项目',
            columns: [{ key: 'p', label: '件数（单位：件）', kind: 'count', unit: '件' }],
            rows: [{ key: 'k3', label: '第三项' }],
          },
        ],
      },
    },
    { kind: 'text', text: { key: 'problems', heading: '四、虚构问题' } },
    { kind: 'text', text: { key: 'other', heading: '五、虚构其他' } },
  ],
}

/** A report of the invented edition with a distinct value in every input cell. */
export function inventedReport(): Report {
  // createReport knows only the registered editions: take a 2021 report and switch it over.
  const r = { ...createReport('虚构市虚构局', 2021), year: 2099, edition: inventedEdition.key }
  r.values = {
    'requests.r1.a': 1,
    'requests.r1.b': 2,
    'requests.r1.c': 3,
    'requests.r1.d': -4,
    'requests.r1.e': 5.5,
    'requests.r2.a': 11,
    'requests.r2.b': 12,
    'requests.r2.c': 13,
    'requests.r2.d': 14,
    'requests.r2.e': 15.25,
    'requests.r3.a': 21,
    'requests.r3.b': 22,
    'requests.r3.c': 23,
    'requests.r3.d': 24,
    'requests.r4.a': 31,
    'requests.r5.c': 43,
    'requests.r6.a': 61,
    'active.k1.p': 7,
    'active.k1.q': 8.75,
    'active.k1.r': -9,
    'active.k3.p': 10,
  }
  r.texts = { overview: '虚构的第一段。\n虚构的第二段。', problems: '虚构问题。', other: '无。' }
  return r
}
