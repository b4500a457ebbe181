// 国办公开办函〔2021〕30号 (report years 2021 and later).
import type { EditionDef } from '../format'
import {
  ACTIVE_HEADING,
  ACTIVE_ROW_HEADER,
  APPEALS_TABLE,
  OTHER_ROWS_2021,
  RULE_CARRY_REQUESTS,
  RULE_REQUESTS_BALANCE,
  TEXT_OTHER,
  TEXT_OVERVIEW,
  TEXT_PROBLEMS,
  requestsTable,
} from './common'

const DECISIONS = [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }] as const

export const edition2021: EditionDef = {
  key: '2021',
  name: '2021年版格式',
  years: { from: 2021 },
  markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '本年处理决定数量'],
  parts: [
    TEXT_OVERVIEW,
    {
      kind: 'table',
      table: {
        key: 'active',
        heading: ACTIVE_HEADING,
        blocks: [
          {
            heading: '第二十条第（一）项',
            rowHeader: ACTIVE_ROW_HEADER,
            columns: [
              { key: 'issued', label: '本年制发件数', kind: 'count' },
              { key: 'repealed', label: '本年废止件数', kind: 'count' },
              { key: 'in_force', label: '现行有效件数', kind: 'count' },
            ],
            rows: [
              { key: 'rules', label: '规章' },
              { key: 'normative', label: '行政规范性文件' },
            ],
          },
          {
            heading: '第二十条第（五）项',
            rowHeader: ACTIVE_ROW_HEADER,
            columns: DECISIONS,
            rows: [{ key: 'licensing', label: '行政许可' }],
          },
          {
            heading: '第二十条第（六）项',
            rowHeader: ACTIVE_ROW_HEADER,
            columns: DECISIONS,
            rows: [
              { key: 'penalty', label: '行政处罚' },
              { key: 'enforcement', label: '行政强制' },
            ],
          },
          {
            heading: '第二十条第（八）项',
            rowHeader: ACTIVE_ROW_HEADER,
            columns: [{ key: 'amount', label: '本年收费金额（单位：万元）', kind: 'amount', unit: '万元' }],
            rows: [{ key: 'fees', label: '行政事业性收费' }],
          },
        ],
      },
    },
    { kind: 'table', table: requestsTable(OTHER_ROWS_2021) },
    { kind: 'table', table: APPEALS_TABLE },
    TEXT_PROBLEMS,
    TEXT_OTHER,
  ],
  rules: [
    RULE_REQUESTS_BALANCE,
    RULE_CARRY_REQUESTS,
    {
      id: 'carry.in_force',
      severity: 'warning',
      table: 'active',
      rows: 'each',
      columns: ['in_force'],
      lhs: [{ column: 'in_force' }],
      op: '=',
      rhs: [{ column: 'in_force', lastYear: true }, { column: 'issued' }, { column: 'repealed', sign: -1 }],
      lhsLabel: '本年现行有效件数',
      rhsLabel: '上年现行有效件数加本年制发件数减本年废止件数',
      crossYear: { sameEdition: true },
    },
  ],
}
