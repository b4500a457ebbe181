import { describe, expect, it } from 'vitest'
import { getEdition } from './edition'
import { resolveValues } from './totals'

describe('computed totals', () => {
  const e = getEdition('2021')

  it('sums the applicant columns into 总计 and the outcome rows into （七）总计', () => {
    const r = resolveValues(e, {
      'requests.open.natural': 2,
      'requests.open.legal': 1,
      'requests.deny_secret.natural': 1,
      'requests.other_misc.commercial': 4,
    })
    expect(r.get('requests.open.total')).toBe(3)
    expect(r.get('requests.handled_total.natural')).toBe(3)
    expect(r.get('requests.handled_total.commercial')).toBe(4)
    expect(r.get('requests.handled_total.total')).toBe(8)
  })

  it('keeps a total blank only when every part is blank', () => {
    const r = resolveValues(e, { 'appeals.cases.review_upheld': 0 })
    expect(r.get('appeals.cases.review_total')).toBe(0)
    expect(r.has('appeals.cases.direct_total')).toBe(false)
    expect(r.has('requests.new.total')).toBe(false)
  })

  it('adds amounts without float noise', () => {
    const r = resolveValues(getEdition('2019'), { 'active.procurement.amount': 0.1 })
    expect(r.get('active.procurement.amount')).toBe(0.1)
  })
})
