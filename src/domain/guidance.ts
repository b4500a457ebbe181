// What the official notice asks each text part to cover (the edition's guidance), against what
// the part says: each topic covered, left out, or not judged. A notice only when sure: the part
// is long enough to judge and uses none of the topic's words.
import { textsOf } from './edition'
import type { ExtraCheck } from './checks'
import type { Finding } from './findings'
import type { GuidanceItem, TextGuidance } from './format'

/** Fewer characters than this (not counting spaces) is too little to say a topic is missing. */
export const JUDGE_FROM_CHARS = 60

export type Coverage = 'covered' | 'missing' | 'unknown'

function coverageOf(item: GuidanceItem, text: string): Coverage {
  if (!item.mentions?.length) return 'unknown'
  if (item.mentions.some((w) => text.includes(w))) return 'covered'
  return text.replace(/\s/g, '').length >= JUDGE_FROM_CHARS ? 'missing' : 'unknown'
}

export function coverage(guidance: TextGuidance, text: string): Coverage[] {
  return guidance.items.map((item) => coverageOf(item, text))
}

/** A notice for every topic a part long enough to judge leaves out entirely. */
export const guidanceCheck: ExtraCheck = (edition, report) => {
  const findings: Finding[] = []
  for (const text of textsOf(edition)) {
    const guidance = text.guidance
    if (!guidance) continue
    const body = report.texts[text.key] ?? ''
    for (const item of guidance.items) {
      if (coverageOf(item, body) !== 'missing') continue
      findings.push({
        rule: 'guidance.missing',
        severity: 'notice',
        cells: [],
        text: text.key,
        message: `${text.heading}：没有写到“${item.topic}”。${guidance.source}要求写明${item.hint}。`,
      })
    }
  }
  return findings
}
