// 一图读懂 as a PNG: the sheet painted onto one canvas as laid out on screen. Only what the sheet
// is made of is painted: boxes marked data-paint="box" (background and border), texts marked
// data-paint="text" (one font per element, wrapped to its width), and the charts' canvases.

/** Paints `sheet` at `scale` pixels per CSS pixel; resolves to the PNG. */
export async function paintSheet(sheet: HTMLElement, scale = 2): Promise<Blob> {
  await document.fonts.ready
  const origin = sheet.getBoundingClientRect()
  const canvas = document.createElement('canvas')
  canvas.width = Math.round(origin.width * scale)
  canvas.height = Math.round(origin.height * scale)
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('浏览器无法生成图片')
  ctx.scale(scale, scale)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, origin.width, origin.height)

  const at = (el: Element) => {
    const r = el.getBoundingClientRect()
    return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height }
  }
  for (const el of sheet.querySelectorAll<HTMLElement>('[data-paint], canvas')) {
    if (!el.getClientRects().length) continue // not displayed
    const { x, y, w, h } = at(el)
    const style = getComputedStyle(el)
    if (el instanceof HTMLCanvasElement) {
      ctx.drawImage(el, x, y, w, h)
    } else if (el.dataset.paint === 'box') {
      if (style.backgroundColor !== 'rgba(0, 0, 0, 0)') {
        ctx.fillStyle = style.backgroundColor
        ctx.fillRect(x, y, w, h)
      }
      const border = parseFloat(style.borderTopWidth)
      if (border > 0) {
        ctx.strokeStyle = style.borderTopColor
        ctx.lineWidth = border
        ctx.strokeRect(x + border / 2, y + border / 2, w - border, h - border)
      }
    } else if (el.dataset.paint === 'text') {
      paintText(ctx, el, style, x, y, w)
    }
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('浏览器无法生成图片'))), 'image/png'),
  )
}

function paintText(
  ctx: CanvasRenderingContext2D,
  el: HTMLElement,
  style: CSSStyleDeclaration,
  x: number,
  y: number,
  w: number,
) {
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
  if (!text) return
  ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
  ctx.fillStyle = style.color
  ctx.textBaseline = 'middle'
  const size = parseFloat(style.fontSize)
  const lineHeight = parseFloat(style.lineHeight) || size * 1.4
  const padLeft = parseFloat(style.paddingLeft)
  const padTop = parseFloat(style.paddingTop)
  const width = w - padLeft - parseFloat(style.paddingRight)
  const lines: string[] = []
  let line = ''
  for (const ch of text) {
    if (line && ctx.measureText(line + ch).width > width + 0.5) {
      lines.push(line)
      line = ch
    } else line += ch
  }
  lines.push(line)
  const align = style.textAlign === 'center' ? 'center' : style.textAlign === 'right' ? 'right' : 'left'
  ctx.textAlign = align
  const left = align === 'center' ? x + padLeft + width / 2 : align === 'right' ? x + padLeft + width : x + padLeft
  lines.forEach((l, i) => ctx.fillText(l, left, y + padTop + lineHeight * (i + 0.5)))
}
