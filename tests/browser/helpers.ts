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

/**
 * Labels in `selector` that a line break cuts inside a word (结果维/持): each as 「label: word」.
 * Words as Chromium's own Chinese word segmenter sees them; zero-width spaces are skipped.
 */
export function wordsBrokenIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
    const out: string[] = []
    for (const el of document.querySelectorAll(selector)) {
      const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())
      if (!node?.textContent) continue
      const text = node.textContent
      const lineOf = (i: number) => {
        const range = document.createRange()
        range.setStart(node, i)
        range.setEnd(node, i + 1)
        return Math.round(range.getBoundingClientRect().top)
      }
      let at = 0
      for (const { segment } of segmenter.segment(text.replace(/\u200b/g, ''))) {
        while (text[at] === '\u200b') at++
        if (!segment.trim()) {
          at += segment.length
          continue
        }
        const lines = new Set([...segment].map((_, k) => lineOf(at + k)))
        if (lines.size > 1) out.push(`${text.replace(/\u200b/g, '').trim()}: ${segment}`)
        at += segment.length
      }
    }
    return out
  }, selector)
}
