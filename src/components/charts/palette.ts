// Chart colours that survive grey printing and colour-blind eyes: within each palette the
// colours differ in lightness (so they stay apart in grey), and come from ranges designed for
// colour-vision deficiency (viridis for an ordered mix, Okabe–Ito blue and orange for pairs).

/** This year, then last year: one hue, dark against light. */
export const YEAR_COLOURS = ['#0b4f8a', '#9cc3e6'] as const

/** Two things side by side (行政复议 / 行政诉讼): Okabe–Ito blue and orange. */
export const PAIR_COLOURS = ['#0072b2', '#e69f00'] as const

/** An ordered mix (予以公开 … 其他处理): viridis, dark to light. */
export const MIX_COLOURS = ['#440154', '#414487', '#2a788e', '#22a884', '#7ad151', '#fde725'] as const

export const INK = '#1f2328'

/** The colours for `count` series of a chart. */
export function seriesColours(kind: 'years' | 'pair' | 'mix', count: number): string[] {
  const palette = kind === 'years' ? YEAR_COLOURS : kind === 'pair' ? PAIR_COLOURS : MIX_COLOURS
  return Array.from({ length: count }, (_, i) => palette[i % palette.length]!)
}

/** Relative luminance (WCAG 2) of #rrggbb. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
}

/** WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** Text colour readable on `background`: white on dark, ink on light. */
export function textOn(background: string): string {
  return contrast(background, '#ffffff') >= contrast(background, INK) ? '#ffffff' : INK
}
