// Cell values: what people type or paste (or published reports contain) → the domain of
// official-format.md "Values", and back to the text shown in a grid cell or in print.

import type { ValueKind } from './format'

export type ParseResult = { ok: true; value: number | null } | { ok: false; error: string }

const EXPECTED: Record<ValueKind, string> = {
  count: '请填写不小于0的整数',
  change: '请填写整数（可带正负号）',
  amount: '请填写不小于0的金额（万元，最多4位小数）',
}

/** "None", written as 0: a dash of any kind (also doubled, ——), a slash or 无. */
const NONE = /^(?:([-‐‒–—―−])\1?|\/|无)$/
/** sign or word · number, with or without thousands separators · unit */
const VALUE = /^(增加|减少|增|减|[+\-−])?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(件|项|个|条|元|万元?|亿元?)?$/
const NEGATIVE = /^(?:减|-|−)/
const COUNT_UNITS = ['件', '项', '个', '条']
/** Powers of ten from the unit to 万元. */
const AMOUNT_UNITS: Record<string, number> = { 元: -4, 万: 0, 万元: 0, 亿: 4, 亿元: 4 }

/**
 * Parses what a person typed or pasted (or a published report contains) into a value of `kind`;
 * null = blank (empty/whitespace input).
 */
export function parseValue(input: string, kind: ValueKind): ParseResult {
  const typed = input.trim()
  const text = typed.normalize('NFKC').trim()
  if (text === '') return { ok: true, value: null }
  if (NONE.test(text)) return { ok: true, value: 0 }

  const match = VALUE.exec(text)
  if (!match) return { ok: false, error: `“${typed}”不是数字，${EXPECTED[kind]}` }
  const [, sign = '', whole = '', fraction = '', unit = ''] = match
  const units = kind === 'amount' ? Object.keys(AMOUNT_UNITS) : COUNT_UNITS
  if (unit !== '' && !units.includes(unit)) {
    return { ok: false, error: `“${typed}”的单位不对，${EXPECTED[kind]}` }
  }

  const places = AMOUNT_UNITS[unit] ?? 0
  const digits = shiftPoint(whole.replaceAll(',', ''), fraction, places)
  const value = (NEGATIVE.test(sign) ? -Number(digits) : Number(digits)) + 0 // + 0: no -0
  const error = check(value, kind, typed, places !== 0 ? digits : undefined)
  return error ? { ok: false, error } : { ok: true, value }
}

/**
 * How a value is shown in a grid cell / print: blank → '', amounts with up to 4 decimals no trailing
 * zeros, counts as integers, change with its sign only when negative ('-2'). No thousands separators.
 */
export function formatValue(value: number | null | undefined, kind: ValueKind): string {
  if (value == null) return ''
  return String(kind === 'amount' ? Number(value.toFixed(4)) : value)
}

/**
 * The domain rule: returns a Chinese description of what is wrong or undefined when the value is fine
 * (count: whole ≥ 0; change: whole any sign; amount: ≥ 0 at most 4 decimals).
 */
export function domainError(value: number, kind: ValueKind): string | undefined {
  return check(value, kind, String(value))
}

/** `shown` is how the value was written; `inWanYuan` the value in 万元 when a unit was converted. */
function check(value: number, kind: ValueKind, shown: string, inWanYuan?: string): string | undefined {
  if (!Number.isFinite(value)) return `“${shown}”不是数字，${EXPECTED[kind]}`
  switch (kind) {
    case 'count':
      if (value < 0) return `件数不能为负数（“${shown}”）`
      if (!Number.isInteger(value)) return `件数须为整数（“${shown}”）`
      return undefined
    case 'change':
      if (!Number.isInteger(value)) return `增减数须为整数（“${shown}”）`
      return undefined
    case 'amount':
      if (value < 0) return `金额不能为负数（“${shown}”）`
      if (Number(value.toFixed(4)) !== value) {
        return inWanYuan === undefined
          ? `金额最多保留4位小数（万元）（“${shown}”）`
          : `金额最多保留4位小数（万元），“${shown}”即${inWanYuan}万元`
      }
      return undefined
  }
}

/** `whole.fraction` with the decimal point moved by `places` (元 → 万元 is -4), exactly, as text. */
function shiftPoint(whole: string, fraction: string, places: number): string {
  const digits = whole + fraction
  const point = whole.length + places
  const padded = point < 0 ? '0'.repeat(-point) + digits : digits.padEnd(point, '0')
  const at = Math.max(point, 0)
  const int = padded.slice(0, at).replace(/^0+(?=\d)/, '') || '0'
  const frac = padded.slice(at).replace(/0+$/, '')
  return frac ? `${int}.${frac}` : int
}
