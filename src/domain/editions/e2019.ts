// The 2019 national format that came with the revised 条例 (report years 2019 and 2020).
import type { BlockDef, EditionDef, TextGuidance } from '../format'
import {
  ACTIVE_HEADING,
  ACTIVE_ROW_HEADER,
  APPEALS_TABLE,
  OTHER_ROWS_2019,
  PROBLEMS_ITEMS,
  RULE_CARRY_REQUESTS,
  RULE_REQUESTS_BALANCE,
  TEXT_OTHER,
  TEXT_OVERVIEW,
  TEXT_PROBLEMS,
  requestsTable,
  withGuidance,
} from './common'

/**
 * The 2019 format lists no aspects for 一: the five of the 2021 notice are shown as a reference,
 * never checked (we do not know that a 2019/2020 report was asked for them).
 */
const OVERVIEW_2019: TextGuidance = {
  source: '参照国办公开办函〔2021〕30号（2019年版格式未逐项列明，不作检查）',
  items: [
    { topic: '主动公开', hint: '主动公开政府信息的情况' },
    { topic: '依申请公开', hint: '收到和处理政府信息公开申请的情况' },
    { topic: '政府信息管理', hint: '规范性文件清理、公开属性认定、保密审查等' },
    { topic: '平台建设', hint: '政府网站、政府信息公开专栏、政务新媒体、政府公报等' },
    { topic: '监督保障', hint: '组织领导、工作考核、社会评议、责任追究、培训等' },
  ],
}
const OTHER_2019: TextGuidance = {
  source: '条例第五十条（五）',
  items: [{ topic: '其他需要报告的事项', hint: '其他需要报告的事项；没有的填“无”' }],
}

const ITEMS = [
  { key: 'prev_items', label: '上一年项目数量', kind: 'count' },
  { key: 'change', label: '本年增/减', kind: 'change' },
] as const

const itemsBlock = (heading: string, rows: BlockDef['rows']): BlockDef => ({
  heading,
  rowHeader: ACTIVE_ROW_HEADER,
  columns: [...ITEMS, { key: 'decisions', label: '处理决定数量', kind: 'count' }],
  rows,
})

export const edition2019: EditionDef = {
  key: '2019',
  name: '2019年版格式',
  years: { from: 2019, to: 2020 },
  markers: [
    '本年新制作数量',
    '本年新公开数量',
    '对外公开总数量',
    '上一年项目数量',
    '第二十条第（九）项',
    '政府集中采购',
  ],
  parts: [
    withGuidance(TEXT_OVERVIEW, OVERVIEW_2019),
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
              { key: 'made', label: '本年新制作数量', kind: 'count' },
              { key: 'published', label: '本年新公开数量', kind: 'count' },
              { key: 'public_total', label: '对外公开总数量', kind: 'count' },
            ],
            rows: [
              { key: 'rules', label: '规章' },
              { key: 'normative', label: '规范性文件' },
            ],
          },
          itemsBlock('第二十条第（五）项', [
            { key: 'licensing', label: '行政许可' },
            { key: 'other_services', label: '其他对外管理服务事项' },
          ]),
          itemsBlock('第二十条第（六）项', [
            { key: 'penalty', label: '行政处罚' },
            { key: 'enforcement', label: '行政强制' },
          ]),
          {
            heading: '第二十条第（八）项',
            rowHeader: ACTIVE_ROW_HEADER,
            columns: ITEMS,
            rows: [{ key: 'fees', label: '行政事业性收费' }],
          },
          {
            heading: '第二十条第（九）项',
            rowHeader: ACTIVE_ROW_HEADER,
            columns: [
              { key: 'projects', label: '采购项目数量', kind: 'count' },
              { key: 'amount', label: '采购总金额', kind: 'amount', unit: '万元' },
            ],
            rows: [{ key: 'procurement', label: '政府集中采购' }],
          },
        ],
      },
    },
    { kind: 'table', table: requestsTable(OTHER_ROWS_2019) },
    { kind: 'table', table: APPEALS_TABLE },
    withGuidance(TEXT_PROBLEMS, { source: '条例第五十条（四）', items: PROBLEMS_ITEMS }),
    withGuidance(TEXT_OTHER, OTHER_2019),
  ],
  rules: [
    RULE_REQUESTS_BALANCE,
    {
      id: 'active.items_nonnegative',
      severity: 'error',
      table: 'active',
      rows: 'each',
      columns: ['prev_items'],
      lhs: [{ column: 'prev_items' }, { column: 'change' }],
      op: '>=',
      rhs: [],
      lhsLabel: '上一年项目数量加本年增/减',
      rhsLabel: '0',
    },
    {
      id: 'active.published_le_total',
      severity: 'warning',
      table: 'active',
      rows: ['rules', 'normative'],
      columns: ['published'],
      lhs: [{ column: 'published' }],
      op: '<=',
      rhs: [{ column: 'public_total' }],
      lhsLabel: '本年新公开数量',
      rhsLabel: '对外公开总数量',
    },
    RULE_CARRY_REQUESTS,
    {
      id: 'carry.items',
      severity: 'warning',
      table: 'active',
      rows: 'each',
      columns: ['prev_items'],
      lhs: [{ column: 'prev_items' }],
      op: '=',
      rhs: [
        { column: 'prev_items', lastYear: true },
        { column: 'change', lastYear: true },
      ],
      lhsLabel: '本年上一年项目数量',
      rhsLabel: '上年报告的上一年项目数量加本年增/减',
      crossYear: { sameEdition: true },
    },
  ],
}
