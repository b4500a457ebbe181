import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getEdition, inputCellsOf } from './edition'
import { narrativeCheck } from './narrative'
import { GENERATED_MARK, PHRASINGS, generateFee, generateOverview, insertGenerated } from './narrativeGen'
import { emptyTexts } from './report'
import type { Values } from './report'
import { resolveValues } from './totals'

/** A random report: most cells small, many zeros, some blank (when `blanks`). */
function randomValues(editionKey: string, seed: number, blanks: boolean): Values {
  let s = seed >>> 0
  const next = (max: number) => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s % (max + 1)
  }
  const values: Values = {}
  for (const cell of inputCellsOf(getEdition(editionKey))) {
    if (blanks && next(9) === 0) continue
    const kind = cell.column.kind
    const zero = next(3) === 0
    values[cell.key] = zero ? 0 : kind === 'amount' ? next(90000) / 100 : kind === 'change' ? next(20) - 10 : next(40)
  }
  return values
}

/** The numbers written in the text, without last year's change (较上年…) and percentages. */
function numbersIn(text: string): number[] {
  return [...text.replace(/，较上年[^，；。]*/g, '').matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]))
}

describe('the generated paragraphs of 1 000 random reports of both editions', () => {
  const cases = Array.from({ length: 1000 }, (_, i) => ({ edition: i % 2 ? '2021' : '2019', seed: i + 1 }))

  it('pass the narrative check, and every number stated equals its cells', () => {
    for (const { edition: key, seed } of cases) {
      const edition = getEdition(key)
      const values = randomValues(key, seed, seed % 3 === 0)
      const resolved = resolveValues(edition, values)
      const lastYear = seed % 4 === 0 ? { edition, values: randomValues(key, seed * 7, false) } : undefined
      const variant = seed % PHRASINGS
      const overview = generateOverview(edition, values, variant, lastYear, resolved)
      const fee = generateFee(edition, values, variant, resolved)
      const texts = {
        ...emptyTexts(),
        overview: insertGenerated('（一）主动公开情况', overview.text).text,
        other: fee.text,
      }
      // The fee notice asks for a sentence the generator leaves out while its cells are blank.
      const findings = narrativeCheck(edition, { edition: key, values, texts }, resolved).filter(
        (f) => !(f.rule === 'narrative.fee_notice' && fee.text === '' && fee.blank.length > 0),
      )
      expect(
        findings.map((f) => f.message),
        `${key} #${seed}: ${texts.overview}`,
      ).toEqual([])
      for (const g of [overview, fee]) {
        for (const s of g.stated) {
          const sum = s.cells.reduce((t, c) => t + resolved.get(c)!, 0)
          expect(s.value, `${key} #${seed} ${s.cells.join('+')}`).toBe(sum)
        }
        expect(numbersIn(g.text), `${key} #${seed}: ${g.text}`).toEqual(g.stated.map((s) => s.value))
      }
    }
  }, 60_000)
})

describe('one report, read by a person', () => {
  const edition = getEdition('2021')
  const zeros = Object.fromEntries(inputCellsOf(edition).map((c) => [c.key, 0]))

  it('states the application numbers in the register of these reports', () => {
    const values = {
      ...zeros,
      'requests.new.natural': 10,
      'requests.new.commercial': 2,
      'requests.carried_in.natural': 1,
      'requests.open.natural': 6,
      'requests.partial.natural': 2,
      'requests.none_not_held.commercial': 2,
      'requests.carried_out.natural': 3,
    }
    const { text } = generateOverview(edition, values, 0)
    expect(text).toContain('本年度共收到政府信息公开申请12件，上年结转政府信息公开申请1件')
    expect(text).toContain('共办结申请10件，其中予以公开6件、部分公开2件、无法提供2件')
    expect(text).toContain('结转下年度继续办理3件')
  })

  it('zeros read naturally: no 收到0件', () => {
    const texts = Array.from({ length: PHRASINGS }, (_, v) => generateOverview(edition, zeros, v).text)
    for (const text of texts) {
      expect(text).not.toMatch(/\D0件/)
      expect(text).toMatch(/未收到政府信息公开申请|没有收到政府信息公开申请/)
    }
    // Several phrasings, all different.
    expect(new Set(texts).size).toBe(PHRASINGS)
  })

  it('with last year’s report stored: the change and its percentage', () => {
    const values = { ...zeros, 'requests.new.natural': 12, 'requests.carried_out.natural': 12 }
    const lastYear = { edition, values: { ...zeros, 'requests.new.natural': 8, 'requests.carried_out.natural': 8 } }
    expect(generateOverview(edition, values, 0, lastYear).text).toContain(
      '收到政府信息公开申请12件，较上年增加4件、增长50.0%',
    )
    expect(generateOverview(edition, zeros, 0, lastYear).text).toContain(
      '未收到政府信息公开申请，较上年减少8件、下降100.0%',
    )
  })

  it('blank cells keep their sentence out and are named', () => {
    const values: Values = { ...zeros }
    delete values['requests.new.legal']
    const g = generateOverview(edition, values, 0)
    expect(g.text).not.toContain('收到')
    expect(g.blank.some((b) => b.includes('本年新收'))).toBe(true)
  })

  it('the fee sentence names 信息处理费 and its count', () => {
    const values = { ...zeros, 'requests.other_no_fee.natural': 2 }
    expect(generateFee(edition, values, 0).text).toBe(
      '本年度因申请人逾期未缴纳信息处理费而不再处理的政府信息公开申请共2件。',
    )
    expect(generateFee(getEdition('2019'), values, 0).text).toBe('')
  })
})

describe('insertGenerated', () => {
  it('puts the paragraph after the cursor’s paragraph, marked; a second time replaces it', () => {
    const first = insertGenerated('甲段。\n乙段。', '数字一。', 2)
    expect(first).toEqual({ text: `甲段。\n${GENERATED_MARK}数字一。\n乙段。`, replaced: false })
    const second = insertGenerated(`${first.text}\n丙段。`, '数字二。', 0)
    expect(second).toEqual({ text: `甲段。\n${GENERATED_MARK}数字二。\n乙段。\n丙段。`, replaced: true })
  })

  it('any text with the mark stays text a reader sees unchanged (the mark has no glyph)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (text, paragraph) => {
        const out = insertGenerated(text.replaceAll(GENERATED_MARK, ''), paragraph).text
        return out.replaceAll(GENERATED_MARK, '').includes(paragraph)
      }),
    )
  })
})
