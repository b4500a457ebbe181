// Each tolerance of the recogniser on a small text of its own, and what it refuses to guess.
import { describe, expect, it } from 'vitest'
import { type RecognisedReport, htmlToText, recogniseHtml, recogniseText } from '.'
import { baseKey, labelKey, toSimplified, TRADITIONAL_TO_SIMPLIFIED } from './normalize'
import { EDITIONS } from '../editions'
import { tablesOf, textsOf } from '../edition'

const HEAD_2021 = '二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数'
const HEAD_2019 =
  '二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量'

function ok(text: string): RecognisedReport {
  const result = recogniseText(text)
  if (!result.ok) throw new Error(result.error)
  return result.report
}

describe('layouts', () => {
  it('one cell per line, a label broken over lines, blank lines and empty cells between', () => {
    const r = ok(
      [
        '二、主动公开政府信息情况',
        '第二十条第（一）项',
        '信息内容',
        '本年新',
        '制作数量',
        '本年新公开数量',
        '对外公开总数量',
        '',
        '规章',
        '1',
        '',
        '2',
        '3',
        '规范性文件',
        '4',
        '5',
        '6',
      ].join('\n'),
    )
    expect(r.edition).toBe('2019')
    expect(r.values).toEqual({
      'active.rules.made': 1,
      'active.rules.published': 2,
      'active.rules.public_total': 3,
      'active.normative.made': 4,
      'active.normative.published': 5,
      'active.normative.public_total': 6,
    })
    expect(r.ignored).toEqual([])
  })

  it('a long label wrapped onto the next line, one cell per line', () => {
    const r = ok(
      `${HEAD_2021}\n规章（设区的市\n人民政府提供）\n1\n2\n3\n（二）部分公开（区分处理的，只计\n这一情形，不计其他情形）\n0\n2\n0\n0\n0\n0\n2`,
    )
    expect(r.values['requests.partial.commercial']).toBe(2)
    expect(r.values['active.rules.in_force']).toBe(3)
    expect(r.ignored).toEqual([])
    expect(r.unrecognised).toEqual([])
  })

  it('tab-separated lines', () => {
    const r = ok(
      '第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t2\t3\n行政规范性文件\t4\t0\t9',
    )
    expect(r.values['active.rules.repealed']).toBe(2)
    expect(r.values['active.normative.in_force']).toBe(9)
  })

  it('|-separated lines with trailing empty cells', () => {
    const r = ok(
      `${HEAD_2021}\n规章 | 1 | 2 | 3 | ||\n第二十条第（五）项 | ||\n信息内容 | 本年处理决定数量 | ||\n行政许可 | 1517 | ||`,
    )
    expect(r.values['active.rules.in_force']).toBe(3)
    expect(r.values['active.licensing.decisions']).toBe(1517)
  })

  it('a row written with spaces', () => {
    const r = ok(`${HEAD_2019}\n规章 0 1 2\n一、本年新收政府信息公开申请数量 1 2 0 0 0 0 3`)
    expect(r.values['active.rules.public_total']).toBe(2)
    expect(r.values['requests.new.commercial']).toBe(2)
    expect(r.totalMismatches).toEqual([])
  })
})

describe('label drift', () => {
  it('half-width brackets', () => {
    const r = ok(
      `${HEAD_2021}\n三、收到和处理政府信息公开申请情况\n三、本年度办理结果 | (一)予以公开 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n(二)部分公开(区分处理的,只计这一情形,不计其他情形) | 0 | 2 | 0 | 0 | 0 | 0 | 2`,
    )
    expect(r.values['requests.open.natural']).toBe(1)
    expect(r.values['requests.partial.commercial']).toBe(2)
  })

  it('a shortened label: （二）部分公开 without its note', () => {
    const r = ok(`${HEAD_2021}\n（二）部分公开 | 0 | 2 | 0 | 0 | 0 | 0 | 2`)
    expect(r.values['requests.partial.commercial']).toBe(2)
  })

  it('spaces inside labels', () => {
    const r = ok(
      `${HEAD_2021}\n自然人 | 商业 企业 | 科研 机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计\n一、本年新收 政府信息公开申请数量 | 1 | 2 | 0 | 0 | 0 | 0 | 3`,
    )
    expect(r.values['requests.new.commercial']).toBe(2)
    expect(r.ignored).toEqual([])
  })

  it.each(['、', '，', ','])('%s in the （六） labels of 2021', (mark) => {
    const r = ok(
      `${HEAD_2021}\n（六）其他处理 | 1.申请人无正当理由逾期不补正${mark}行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 1 | 1\n2.申请人逾期未按收费通知要求缴纳费用${mark}行政机关不再处理其政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0`,
    )
    expect(r.values['requests.other_no_correction.other_org']).toBe(1)
    expect(r.values['requests.other_no_fee.natural']).toBe(2)
    expect(r.values['requests.other_misc.natural']).toBe(0)
  })

  it('规范性文件 for 行政规范性文件 (2021), and 行政规范性文件 in a 2019 report', () => {
    expect(ok(`${HEAD_2021}\n规范性文件 | 4 | 5 | 6`).values['active.normative.issued']).toBe(4)
    expect(ok(`${HEAD_2019}\n行政规范性文件 | 4 | 5 | 6`).values['active.normative.made']).toBe(4)
  })

  it('a year inserted in a label (本年(2023)制发件数) still tells edition 2021', () => {
    const r = ok(
      '第二十条第(一)项\n信息内容 | 本年(2023)制发件数 | 本年（2023年）废止件数 | 现行有效件数\n规章 | 0 | 0 | 1',
    )
    expect(r.edition).toBe('2021')
    expect(r.values['active.rules.in_force']).toBe(1)
    expect(r.ignored).toEqual([])
  })

  it('an annotation in brackets after a label', () => {
    const r = ok(`${HEAD_2019}\n规章（设区的市、自治州人民政府应提供相关数据） | 0 | 0 | 7`)
    expect(r.values['active.rules.public_total']).toBe(7)
  })

  it('1、 for 1. in the numbering of the sub-rows', () => {
    const r = ok(`${HEAD_2019}\n（四）无法提供 | 1、本机关不掌握相关政府信息 | 0 | 2 | 0 | 0 | 0 | 0 | 2`)
    expect(r.values['requests.none_not_held.commercial']).toBe(2)
  })

  it('Traditional characters', () => {
    const r = ok(
      '第二十條第（一）項\n信息內容 | 本年新製作數量 | 本年新公開數量 | 對外公開總數量\n規章 | 1 | 2 | 3\n三、收到和處理政府信息公開申請情況\n一、本年新收政府信息公開申請數量 | 1 | 0 | 0 | 0 | 0 | 0 | 1\n（三）不予公開 | 4.保護第三方合法權益 | 0 | 1 | 0 | 0 | 0 | 0 | 1',
    )
    expect(r.edition).toBe('2019')
    expect(r.values['active.rules.published']).toBe(2)
    expect(r.values['requests.new.natural']).toBe(1)
    expect(r.values['requests.deny_third_party.commercial']).toBe(1)
  })
})

describe('values', () => {
  it('251000元, 减3, +4, a dash, a full-width minus', () => {
    const r2021 = ok(
      `${HEAD_2021}\n第二十条第（八）项\n信息内容 | 本年收费金额（单位：万元）\n行政事业性收费 | 251000元`,
    )
    expect(r2021.values['active.fees.amount']).toBe(25.1)
    const r2019 = ok(
      `${HEAD_2019}\n第二十条第（六）项\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n行政处罚 | 10 | 减3 | 5\n行政强制 | 2 | +4 | -\n第二十条第（八）项\n行政事业性收费 | 3 | －2`,
    )
    expect(r2019.values).toMatchObject({
      'active.penalty.change': -3,
      'active.enforcement.change': 4,
      'active.enforcement.decisions': 0,
      'active.fees.change': -2,
    })
  })

  it('a blank cell inside a row of cells stays blank, its neighbours keep their places', () => {
    const r = ok(`${HEAD_2019}\n规章 | 0 |  | 5 |`)
    expect(r.values).toEqual({ 'active.rules.made': 0, 'active.rules.public_total': 5 })
    expect(r.unrecognised).toEqual([])
  })

  it('a value the parser refuses is reported on its cell, the others kept', () => {
    const r = ok(`${HEAD_2019}\n规章 | 1.5 | 0 | 5`)
    expect(r.values).toEqual({ 'active.rules.published': 0, 'active.rules.public_total': 5 })
    expect(r.unrecognised).toEqual([
      { cell: 'active.rules.made', line: '规章 | 1.5 | 0 | 5', reason: '件数须为整数（“1.5”）' },
    ])
  })
})

describe('never guess', () => {
  it('a row with fewer values than columns stays blank and is reported', () => {
    const r = ok(`${HEAD_2019}\n规章 | 1 | 2\n规范性文件\n4\n5`)
    expect(r.values).toEqual({})
    expect(r.unrecognised).toHaveLength(2)
    expect(r.unrecognised[0]!.reason).toContain('“规章”一行有2个数，表中应有3个')
    expect(r.unrecognised[0]!.cell).toBeUndefined()
  })

  it('the requests table without its 总计 column is not shifted', () => {
    const r = ok(`${HEAD_2019}\n一、本年新收政府信息公开申请数量 | 1 | 2 | 0 | 0 | 0 | 0`)
    expect(Object.keys(r.values).filter((k) => k.startsWith('requests.'))).toEqual([])
    expect(r.unrecognised[0]!.reason).toContain('有6个数，表中应有7个')
  })

  it('the same row twice with different values: blank', () => {
    const r = ok(`${HEAD_2019}\n规章 | 1 | 2 | 3\n规章 | 1 | 9 | 3`)
    expect(r.values).toEqual({ 'active.rules.made': 1, 'active.rules.public_total': 3 })
    expect(r.unrecognised.map((u) => u.cell)).toEqual(['active.rules.published'])
  })

  it('numbers after a label it does not know are ignored, not put in a neighbouring row', () => {
    const r = ok(`${HEAD_2019}\n规章 | 0 | 0 | 0\n其他主动公开文件 | 186 | 86 | 255\n其他主动公开文件\n1\n2\n3`)
    expect(r.values).toEqual({ 'active.rules.made': 0, 'active.rules.published': 0, 'active.rules.public_total': 0 })
    expect(r.ignored).toEqual(['其他主动公开文件 | 186 | 86 | 255', '其他主动公开文件 | 1 | 2 | 3'])
  })

  it('numbers with no row label before them are not placed', () => {
    const r = ok(`${HEAD_2019}\n规章 | 0 | 0 | 0\n1 | 2 | 3`)
    expect(Object.keys(r.values)).toHaveLength(3)
    expect(r.unrecognised).toHaveLength(1)
  })

  it('a label that could be two rows matches none', () => {
    // 其他 is a column of 三, and 3.其他 a row (2021): the bare word is the column.
    const r = ok(`${HEAD_2021}\n规章 | 0 | 0 | 0\n其他 | 1 | 2 | 3 | 4 | 5 | 6 | 21`)
    expect(Object.keys(r.values).filter((k) => k.startsWith('requests.'))).toEqual([])
    expect(r.ignored).toEqual(['其他 | 1 | 2 | 3 | 4 | 5 | 6 | 21'])
  })
})

describe('totals stated in the text', () => {
  it('are compared with the sums, never stored', () => {
    const r = ok(
      `${HEAD_2019}\n一、本年新收政府信息公开申请数量 | 1 | 2 | 0 | 0 | 0 | 0 | 4\n二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0`,
    )
    expect(r.values['requests.new.total']).toBeUndefined()
    expect(r.totalMismatches).toEqual([
      {
        cell: 'requests.new.total',
        stated: 4,
        computed: 3,
        message:
          '三、收到和处理政府信息公开申请情况 · 一、本年新收政府信息公开申请数量 · 总计：文中的总计为4，各项相加为3',
      },
    ])
  })

  it('fifteen numbers of 四 in one row, with its 总计 columns checked', () => {
    const r = ok(
      `${HEAD_2019}\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 行政诉讼\n1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 2 | 1`,
    )
    expect(r.values['appeals.cases.review_upheld']).toBe(1)
    expect(r.values['appeals.cases.after_review_pending']).toBe(2)
    expect(r.totalMismatches.map((m) => [m.cell, m.stated, m.computed])).toEqual([
      ['appeals.cases.after_review_total', 1, 2],
    ])
  })
})

describe('title, parts and errors', () => {
  it('the title, broken over lines; the six parts by their headings', () => {
    const r = ok(
      `某某市某某局2021年政府信息公开\n\n工作年度报告\n一、总体情况\n　　第一段。\n（一）主动公开\n第二段。\n${HEAD_2021}\n规章 | 0 | 0 | 0\n五、存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项\n本年度未收取信息处理费。`,
    )
    expect(r.agency).toBe('某某市某某局')
    expect(r.year).toBe(2021)
    expect(r.texts).toEqual({
      overview: '第一段。\n（一）主动公开\n第二段。',
      problems: '问题。',
      other: '本年度未收取信息处理费。',
    })
    expect(r.preamble).toBe('')
  })

  it('the edition follows the labels, not the year of the title', () => {
    expect(ok(`某局2021年政府信息公开工作年度报告\n${HEAD_2019}\n规章 | 0 | 0 | 0`).edition).toBe('2019')
  })

  it('refuses a text without tables, with both editions’ labels, or of a year before 2019', () => {
    expect(recogniseText('  \n ')).toEqual({ ok: false, error: expect.stringContaining('内容为空') })
    const none = recogniseText('一、总体情况\n本年度共收到申请3件。')
    expect(none.ok).toBe(false)
    if (!none.ok) expect(none.error).toMatch(/^没有找到年度报告的表格/)
    const both = recogniseText('第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年制发件数\n规章 | 0 | 0')
    expect(both.ok).toBe(false)
    if (!both.ok) expect(both.error).toContain('无法确定格式版本')
    const old = recogniseText(`某局2018年政府信息公开工作年度报告\n${HEAD_2019}\n规章 | 0 | 0 | 0`)
    expect(old).toEqual({ ok: false, error: expect.stringContaining('2018年') })
  })
})

describe('HTML', () => {
  const html = `<html><head><title>x</title><style>td{color:red}</style></head><body>
    <p>某某区某某局2022年政府信息公开工作年度报告</p>
    <p>一、总体情况</p><p>本年度，我局&nbsp;主动公开信息<b>12</b>条。</p><div>（一）主动公开<br>第二段</div>
    <p>二、主动公开政府信息情况</p>
    <table><tbody>
      <tr><td colspan="4">第二十条第（一）项</td></tr>
      <tr><td>信息内容</td><td>本年制发<br>件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
      <tr><td><p>规章</p></td><td>1</td><td></td><td>3</td></tr>
      <tr><td>行政规范性文件</td><td>2</td><td>0</td><td>1,036</td>
    </tbody></table>
    <p>三、收到和处理政府信息公开申请情况</p>
    <table><tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>
    <tr><td>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>
    <p>六、其他需要报告的事项</p><p>无&#12290;</p>
  </body></html>`

  it('flattens each <tr> into one |-separated line and keeps paragraphs', () => {
    const text = htmlToText(html)
    expect(text).toContain('规章 | 1 |  | 3')
    expect(text).toContain('信息内容 | 本年制发 件数 | 本年废止件数 | 现行有效件数')
    expect(text).toContain('本年度，我局 主动公开信息12条。')
    expect(text).not.toContain('color')
  })

  it('recognises a report pasted as HTML', () => {
    const result = recogniseHtml(html)
    if (!result.ok) throw new Error(result.error)
    const r = result.report
    expect(r.edition).toBe('2021')
    expect(r.agency).toBe('某某区某某局')
    expect(r.year).toBe(2022)
    expect(r.values).toEqual({
      'active.rules.issued': 1,
      'active.rules.in_force': 3,
      'active.normative.issued': 2,
      'active.normative.repealed': 0,
      'active.normative.in_force': 1036,
      ...Object.fromEntries(
        ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org'].flatMap((c) => [
          [`requests.open.${c}`, c === 'natural' ? 1 : 0],
          [`requests.partial.${c}`, 0],
        ]),
      ),
    })
    expect(r.texts.overview).toBe('本年度，我局 主动公开信息12条。\n（一）主动公开\n第二段')
    expect(r.texts.other).toBe('无。')
  })
})

describe('the data tables', () => {
  const officialChars = new Set<string>()
  for (const e of EDITIONS) {
    for (const t of textsOf(e)) for (const ch of t.heading) officialChars.add(ch)
    for (const t of tablesOf(e)) {
      for (const s of [t.heading, t.note ?? '', t.columnsCaption ?? '']) for (const ch of s) officialChars.add(ch)
      for (const b of t.blocks) {
        for (const s of [
          b.heading ?? '',
          b.rowHeader ?? '',
          ...b.columns.flatMap((c) => [c.label, ...(c.groups ?? [])]),
          ...b.rows.flatMap((r) => [r.label, ...(r.path ?? [])]),
        ]) {
          for (const ch of s) officialChars.add(ch)
        }
      }
    }
  }

  it('maps Traditional characters only to characters of the official labels (and 档 of the 檔案 drift)', () => {
    for (const simplified of TRADITIONAL_TO_SIMPLIFIED.values())
      expect(officialChars.has(simplified) || simplified === '档', simplified).toBe(true)
    expect(toSimplified('對外公開總數量')).toBe('对外公开总数量')
  })

  it('keys ignore spaces, punctuation, bracket width and an inserted year', () => {
    expect(labelKey('（一）予以公开')).toBe(labelKey('(一) 予以公开'))
    expect(labelKey('本年(2023)制发件数')).toBe(labelKey('本年制发件数'))
    expect(baseKey('本年收费金额（单位：万元）')).toBe(labelKey('本年收费金额'))
    expect(baseKey('采购项目数量(指202')).toBe(labelKey('采购项目数量'))
  })
})
