// Parts and tables that both editions share, word for word (official-format.md).
import type { BlockDef, ColumnDef, GuidanceItem, LinearRule, PartDef, RowDef, TableDef, TextGuidance } from '../format'

export const TEXT_OVERVIEW: PartDef = { kind: 'text', text: { key: 'overview', heading: '一、总体情况' } }
export const TEXT_PROBLEMS: PartDef = {
  kind: 'text',
  text: { key: 'problems', heading: '五、存在的主要问题及改进情况' },
}
export const TEXT_OTHER: PartDef = { kind: 'text', text: { key: 'other', heading: '六、其他需要报告的事项' } }

/** A shared text part with an edition's guidance. */
export function withGuidance(part: PartDef, guidance: TextGuidance): PartDef {
  if (part.kind !== 'text') throw new Error('guidance belongs to a text part')
  return { kind: 'text', text: { ...part.text, guidance } }
}

/** 条例第五十条（四）: the same asks of 五 in both editions. */
export const PROBLEMS_ITEMS: readonly GuidanceItem[] = [
  {
    topic: '存在的主要问题',
    hint: '本年度政府信息公开工作存在的主要问题，具体写明，不泛泛而谈',
    mentions: ['问题', '不足', '差距', '薄弱', '短板', '欠缺', '不够', '有待'],
  },
  {
    topic: '改进情况',
    hint: '针对问题的改进措施，以及上一年度报告所列问题的整改情况',
    mentions: ['改进', '整改', '措施', '加强', '完善', '提升', '下一步', '今后', '将'],
  },
  {
    topic: '工作考核、社会评议和责任追究结果',
    hint: '本级人民政府的年度报告（汇总报告）还应写明工作考核、社会评议和责任追究的结果',
  },
]

export const ACTIVE_HEADING = '二、主动公开政府信息情况'
export const ACTIVE_ROW_HEADER = '信息内容'

const APPLICANT = '申请人情况'
const ORG = '法人或其他组织'
const APPLICANT_COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'] as const

const REQUEST_COLUMNS: readonly ColumnDef[] = [
  { key: 'natural', label: '自然人', kind: 'count', groups: [APPLICANT] },
  { key: 'commercial', label: '商业企业', kind: 'count', groups: [APPLICANT, ORG] },
  { key: 'research', label: '科研机构', kind: 'count', groups: [APPLICANT, ORG] },
  { key: 'nonprofit', label: '社会公益组织', kind: 'count', groups: [APPLICANT, ORG] },
  { key: 'legal', label: '法律服务机构', kind: 'count', groups: [APPLICANT, ORG] },
  { key: 'other_org', label: '其他', kind: 'count', groups: [APPLICANT, ORG] },
  { key: 'total', label: '总计', kind: 'count', groups: [APPLICANT], sumOf: APPLICANT_COLUMNS },
]

const RESULTS = '三、本年度办理结果'
const DENY = '（三）不予公开'
const NONE = '（四）无法提供'
const SKIP = '（五）不予处理'
const OTHER = '（六）其他处理'

/** The rows of 三 for an edition; only （六）其他处理 differs between editions. */
export function requestsTable(otherRows: readonly RowDef[]): TableDef {
  const outcomeRows: RowDef[] = [
    { key: 'open', label: '（一）予以公开', path: [RESULTS] },
    { key: 'partial', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', path: [RESULTS] },
    { key: 'deny_secret', label: '1.属于国家秘密', path: [RESULTS, DENY] },
    { key: 'deny_law', label: '2.其他法律行政法规禁止公开', path: [RESULTS, DENY] },
    { key: 'deny_safety', label: '3.危及“三安全一稳定”', path: [RESULTS, DENY] },
    { key: 'deny_third_party', label: '4.保护第三方合法权益', path: [RESULTS, DENY] },
    { key: 'deny_internal', label: '5.属于三类内部事务信息', path: [RESULTS, DENY] },
    { key: 'deny_process', label: '6.属于四类过程性信息', path: [RESULTS, DENY] },
    { key: 'deny_case_file', label: '7.属于行政执法案卷', path: [RESULTS, DENY] },
    { key: 'deny_query', label: '8.属于行政查询事项', path: [RESULTS, DENY] },
    { key: 'none_not_held', label: '1.本机关不掌握相关政府信息', path: [RESULTS, NONE] },
    { key: 'none_needs_creation', label: '2.没有现成信息需要另行制作', path: [RESULTS, NONE] },
    { key: 'none_unclear', label: '3.补正后申请内容仍不明确', path: [RESULTS, NONE] },
    { key: 'skip_petition', label: '1.信访举报投诉类申请', path: [RESULTS, SKIP] },
    { key: 'skip_repeat', label: '2.重复申请', path: [RESULTS, SKIP] },
    { key: 'skip_publication', label: '3.要求提供公开出版物', path: [RESULTS, SKIP] },
    { key: 'skip_excessive', label: '4.无正当理由大量反复申请', path: [RESULTS, SKIP] },
    { key: 'skip_confirm', label: '5.要求行政机关确认或重新出具已获取信息', path: [RESULTS, SKIP] },
    ...otherRows,
  ]
  const block: BlockDef = {
    columns: REQUEST_COLUMNS,
    rows: [
      { key: 'new', label: '一、本年新收政府信息公开申请数量' },
      { key: 'carried_in', label: '二、上年结转政府信息公开申请数量' },
      ...outcomeRows,
      { key: 'handled_total', label: '（七）总计', path: [RESULTS], sumOf: outcomeRows.map((r) => r.key) },
      { key: 'carried_out', label: '四、结转下年度继续办理' },
    ],
  }
  return {
    key: 'requests',
    heading: '三、收到和处理政府信息公开申请情况',
    note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    columnsCaption: APPLICANT,
    blocks: [block],
  }
}

export const OTHER_ROWS_2019: readonly RowDef[] = [{ key: 'other', label: OTHER, path: [RESULTS] }]
export const OTHER_ROWS_2021: readonly RowDef[] = [
  {
    key: 'other_no_correction',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    path: [RESULTS, OTHER],
  },
  {
    key: 'other_no_fee',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    path: [RESULTS, OTHER],
  },
  { key: 'other_misc', label: '3.其他', path: [RESULTS, OTHER] },
]

const RESULT_LABELS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other', '其他结果'],
  ['pending', '尚未审结'],
] as const

function appealGroup(prefix: string, groups: readonly string[]): ColumnDef[] {
  const parts = RESULT_LABELS.map(([suffix, label]): ColumnDef => ({
    key: `${prefix}_${suffix}`,
    label,
    kind: 'count',
    groups,
  }))
  return [...parts, { key: `${prefix}_total`, label: '总计', kind: 'count', groups, sumOf: parts.map((c) => c.key) }]
}

export const APPEALS_TABLE: TableDef = {
  key: 'appeals',
  heading: '四、政府信息公开行政复议、行政诉讼情况',
  blocks: [
    {
      columns: [
        ...appealGroup('review', ['行政复议']),
        ...appealGroup('direct', ['行政诉讼', '未经复议直接起诉']),
        ...appealGroup('after_review', ['行政诉讼', '复议后起诉']),
      ],
      rows: [{ key: 'cases', label: '' }],
    },
  ],
}

/** The official 勾稽关系 of 三, in every column. */
export const RULE_REQUESTS_BALANCE: LinearRule = {
  id: 'requests.balance',
  severity: 'error',
  table: 'requests',
  rows: ['new'],
  columns: 'each',
  lhs: [{ row: 'new' }, { row: 'carried_in' }],
  op: '=',
  rhs: [{ row: 'handled_total' }, { row: 'carried_out' }],
  lhsLabel: '第一项加第二项之和',
  rhsLabel: '第三项加第四项之和',
}

/** Last year's 结转下年度继续办理 is this year's 上年结转, column by column. */
export const RULE_CARRY_REQUESTS: LinearRule = {
  id: 'carry.requests',
  severity: 'warning',
  table: 'requests',
  rows: ['carried_in'],
  columns: 'each',
  lhs: [{ row: 'carried_in' }],
  op: '=',
  rhs: [{ row: 'carried_out', lastYear: true }],
  lhsLabel: '本年上年结转数',
  rhsLabel: '上年报告结转下年度继续办理数',
  crossYear: {},
}
