// How a label found in a published text is compared with the official wording: small data
// tables of the drift seen in real reports, and one key function that every comparison uses.

/**
 * Traditional → Simplified, only for the characters that occur in the official labels and
 * headings (reports copied from Traditional-script mirror sites). Pairs: traditional, simplified.
 */
const TRADITIONAL_PAIRS =
  '製制數数開开對对總总項项條条採采購购體体況况動动內内規规範范減减處处決决許许務务罰罚強强' +
  '業业費费額额萬万請请據据關关係系繫系為为爲为於于會会組组織织機机構构計计結结轉转辦办區区' +
  '這这屬属國国穩稳護护權权類类過过執执詢询無无沒没現现補补後后確确訪访舉举報报訴诉複复復复' +
  '覆复當当認认續续繼继議议訟讼維维糾纠審审經经題题問问進进發发廢废單单繳缴納纳獲获檔档祇只' +
  '隻只'

export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  Array.from({ length: TRADITIONAL_PAIRS.length / 2 }, (_, i) => [
    TRADITIONAL_PAIRS[2 * i]!,
    TRADITIONAL_PAIRS[2 * i + 1]!,
  ]),
)

/** Character for character (the result has the same length as `s`). */
export function toSimplified(s: string): string {
  let out = ''
  for (const ch of s) out += TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch
  return out
}

/**
 * Labels that real reports write for an official one (compared as keys, see labelKey): each
 * group is one label; whichever member the edition has is the one meant.
 */
const LABEL_DRIFT: readonly (readonly string[])[] = [
  // 2021 renamed 规范性文件; reports of either edition use either name. A Traditional mirror
  // (Taiwan phrasing) turns 文件 into 檔案.
  ['行政规范性文件', '规范性文件', '规范性档案', '行政规范性档案'],
]

/** A year written into a label: 本年(2023)制发件数, 本年（2023年）废止件数. */
const YEAR_IN_LABEL = /\(\s*(?:19|20)\d{2}\s*年?度?\s*\)/g
const SPACE = /[\s\u200b\ufeff]+/g
const PUNCTUATION = /[\p{P}\p{S}]/gu
/** Leading numbering of a row or heading once punctuation is gone: 一、 （三） 1. */
const NUMBERING = /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?=\p{Script=Han})/u

/** NFKC (full-width brackets, digits → ASCII), Traditional → Simplified, no spaces, no year. */
function prepare(s: string): string {
  return toSimplified(s.normalize('NFKC')).replace(SPACE, '').replace(YEAR_IN_LABEL, '')
}

/** The comparison key of a label: without spaces, punctuation (、，．（）“”…) or inserted year. */
export function labelKey(s: string): string {
  return prepare(s).replace(PUNCTUATION, '')
}

/**
 * The key without a trailing annotation in brackets (规章（设区的市…提供相关数据）, or an
 * official label's own note, as in （二）部分公开（区分处理的…）); an annotation cut off by the
 * end of a copy (采购项目数量(指202) counts as one.
 */
export function baseKey(s: string): string {
  return labelKey(stripAnnotation(prepare(s)))
}

/** The base key without its leading numbering (1.属于国家秘密 → 属于国家秘密). */
export function unnumberedKey(s: string): string {
  return baseKey(s).replace(NUMBERING, '')
}

function stripAnnotation(s: string): string {
  const t = s.trimEnd()
  if (t.endsWith(')')) {
    let depth = 0
    for (let i = t.length - 1; i >= 0; i--) {
      if (t[i] === ')') depth++
      else if (t[i] === '(' && --depth === 0) return i > 0 ? t.slice(0, i) : t
    }
    return t
  }
  const open = t.lastIndexOf('(')
  return open > 0 && !t.includes(')', open) ? t.slice(0, open) : t
}

/** The other keys of a drifting label's group (empty when the key does not drift). */
export function driftOf(key: string): readonly string[] {
  for (const group of DRIFT_KEYS) if (group.includes(key)) return group.filter((k) => k !== key)
  return []
}

const DRIFT_KEYS = LABEL_DRIFT.map((group) => group.map(labelKey))
