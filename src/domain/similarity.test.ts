import { describe, expect, it } from 'vitest'
import { candidatePairs, diffRatio, estimatedJaccard, fingerprinted, normalizeForCompare } from './similarity'
import { realisticTexts } from '@/testing/realisticTexts'

/** The ratio by the textbook LCS table, to hold the fast diff against. */
function lcsRatio(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!)
  return a.length + b.length ? (2 * dp[a.length]![b.length]!) / (a.length + b.length) : 1
}

describe('diffRatio', () => {
  it('is twice the common characters over all characters', () => {
    expect(diffRatio('abcd', 'abcd')).toBe(1)
    expect(diffRatio('abcd', 'bcde')).toBe(0.75)
    expect(diffRatio('', 'abc')).toBe(0)
    const pairs = [
      ['政府信息公开工作年度报告', '政府信息公开年度工作报告'],
      ['2022年收到申请12件', '2023年收到申请15件'],
      ['kitten', 'sitting'],
    ] as const
    for (const [a, b] of pairs) expect(diffRatio(a, b)).toBeCloseTo(lcsRatio(a, b), 10)
  })

  it('gives up with 0 when the texts cannot reach the ratio asked for', () => {
    expect(diffRatio('abcdefghij', 'abcdefghXY', 0.9)).toBe(0)
    expect(diffRatio('abcdefghij', 'abcdefghiX', 0.9)).toBe(0.9)
  })
})

describe('fingerprints', () => {
  it('ignore spaces and punctuation', () => {
    expect(normalizeForCompare('一、总体 情况。\n（一）')).toBe('一总体情况一')
  })

  it('estimate near copies as alike and different departments as apart', () => {
    const a = realisticTexts('甲局', 2023, 1).overview
    const copy = a.replace(/\d+/g, (n) => String(Number(n) + 1))
    const other = realisticTexts('乙局', 2023, 2).overview
    expect(estimatedJaccard(fingerprinted(a).sig, fingerprinted(copy).sig)).toBeGreaterThan(0.4)
    expect(estimatedJaccard(fingerprinted(a).sig, fingerprinted(other).sig)).toBeLessThan(0.3)
  })

  it('make candidates of the copies among many texts, not of every pair', () => {
    const texts = Array.from({ length: 300 }, (_, i) => realisticTexts(`第${i}局`, 2023, i + 7).overview)
    texts[250] = texts[40]!.replace('第40局', '第250局')
    texts[120] = `${texts[7]!}另有一句补充说明。`
    const pairs = candidatePairs(texts.map(fingerprinted)).map(([i, j]) => `${i}-${j}`)
    expect(pairs).toContain('40-250')
    expect(pairs).toContain('7-120')
    expect(pairs.length).toBeLessThan(300)
  })
})
