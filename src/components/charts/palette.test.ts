import { describe, expect, it } from 'vitest'
import { INK, MIX_COLOURS, PAIR_COLOURS, YEAR_COLOURS, contrast, luminance, textOn } from './palette'

// Machado et al. (2009) simulation matrices at full severity, applied to linear RGB.
const DEFICIENCIES = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
}
const linear = (hex: string) =>
  [0, 1, 2].map((i) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
/** Luminance of the colour as seen with a deficiency. */
const seenLuminance = (hex: string, m: number[][]) => {
  const rgb = linear(hex)
  const [r, g, b] = m.map((row) => Math.min(1, Math.max(0, row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!)))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}
const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)

describe('chart palettes', () => {
  const palettes = { YEAR_COLOURS, PAIR_COLOURS, MIX_COLOURS }

  it('keep every colour apart when printed in grey', () => {
    for (const [name, colours] of Object.entries(palettes)) {
      for (let i = 0; i < colours.length; i++)
        for (let j = i + 1; j < colours.length; j++)
          expect(contrast(colours[i]!, colours[j]!), `${name} ${colours[i]} / ${colours[j]}`).toBeGreaterThan(1.3)
    }
  })

  it('keep every colour apart for protanopia, deuteranopia and tritanopia', () => {
    for (const [deficiency, m] of Object.entries(DEFICIENCIES)) {
      for (const [name, colours] of Object.entries(palettes)) {
        const seen = colours.map((c) => seenLuminance(c, m))
        for (let i = 0; i < seen.length; i++)
          for (let j = i + 1; j < seen.length; j++)
            expect(ratio(seen[i]!, seen[j]!), `${deficiency} ${name} ${colours[i]} / ${colours[j]}`).toBeGreaterThan(
              1.2,
            )
      }
    }
  })

  it('order the mix from dark to light, as its legend reads', () => {
    const l = MIX_COLOURS.map(luminance)
    expect([...l].sort((a, b) => a - b)).toEqual(l)
  })

  it('put readable text on every colour', () => {
    for (const c of [...YEAR_COLOURS, ...PAIR_COLOURS, ...MIX_COLOURS]) {
      expect(contrast(c, textOn(c)), c).toBeGreaterThanOrEqual(4.5)
    }
    expect(textOn('#fde725')).toBe(INK)
    expect(textOn('#440154')).toBe('#ffffff')
  })
})
