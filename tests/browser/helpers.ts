import type { Page } from '@playwright/test'

/**
 * True when the page's font renders Chinese: two different characters drawn on a canvas
 * differ. With no CJK font both come out as the same missing-glyph box.
 */
export async function chineseRenders(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const draw = (ch: string) => {
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = 40
      const ctx = canvas.getContext('2d')!
      ctx.font = `32px ${getComputedStyle(document.body).fontFamily}`
      ctx.fillText(ch, 2, 32)
      return canvas.toDataURL()
    }
    return draw('济') !== draw('宁') && draw('宁') !== draw('\u{10FFFD}')
  })
}
