// 国办公开办函〔2021〕30号 (report years 2021 and later).
import type { EditionDef, TextGuidance } from '../format'
import {
  ACTIVE_HEADING,
  ACTIVE_ROW_HEADER,
  APPEALS_TABLE,
  OTHER_ROWS_2021,
  PROBLEMS_ITEMS,
  RULE_CARRY_REQUESTS,
  RULE_REQUESTS_BALANCE,
  TEXT_OTHER,
  TEXT_OVERVIEW,
  TEXT_PROBLEMS,
  requestsTable,
  withGuidance,
} from './common'

/** 国办公开办函〔2021〕30号: what 一、五、六 are to cover (official-format.md, field notes). */
const NOTICE_2021 = '国办公开办函〔2021〕30号'
const OVERVIEW_2021: TextGuidance = {
  source: NOTICE_2021,
  items: [
    {
      topic: '主动公开',
      hint: '主动公开政府信息的情况：制发和公开的文件、重点领域信息、政策解读等',
      mentions: ['主动公开', '公开信息', '发布信息', '发布政府信息', '公开政府信息', '发布各类信息'],
    },
    {
      topic: '依申请公开',
      hint: '收到和处理政府信息公开申请的情况，答复的规范和质量',
      mentions: ['依申请', '公开申请', '申请公开', '信息公开申请'],
    },
    {
      topic: '政府信息管理',
      hint: '政府信息管理：规范性文件清理、公开属性认定、保密审查、信息动态更新等',
      mentions: ['信息管理', '管理', '清理', '审查', '公开属性', '动态更新', '动态调整'],
    },
    {
      topic: '平台建设',
      hint: '政府信息公开平台建设：政府网站、政府信息公开专栏、政务新媒体、政府公报、查阅场所等',
      mentions: ['平台', '网站', '专栏', '新媒体', '公众号', '微博', '公报', '查阅', '服务中心', '政务服务'],
    },
    {
      topic: '监督保障',
      hint: '监督保障：组织领导、工作考核、社会评议、责任追究、培训等',
      mentions: ['监督', '保障', '考核', '评议', '责任追究', '培训', '领导小组', '组织领导'],
    },
  ],
}
const OTHER_2021: TextGuidance = {
  source: NOTICE_2021,
  items: [
    {
      topic: '信息处理费',
      hint: '按照《政府信息公开信息处理费管理办法》收取信息处理费的情况（没有收取的也写明）',
      mentions: ['信息处理费', '处理费', '收费', '收取'],
    },
    {
      topic: '其他需要报告的事项',
      hint: '其他需要报告的事项（如本地区要求报告的政务公开工作要点落实情况）；没有的填“无”',
    },
  ],
}

const DECISIONS = [{ key: 'decisions', label: '本年处理决定数量', kind: 'count' }] as const

export const edition2021: EditionDef = {
  key: '2021',
  name: '2021年版格式',
  years: { from: 2021 },
  markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '本年处理决定数量'],
  parts: [
    withGuidance(TEXT_OVERVIEW, OVERVIEW_2021),
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
    withGuidance(TEXT_PROBLEMS, { source: `${NOTICE_2021}、条例第五十条`, items: PROBLEMS_ITEMS }),
    withGuidance(TEXT_OTHER, OTHER_2021),
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
