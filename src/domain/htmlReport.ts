// The report as a web page for a government site's CMS: semantic tables (<thead>, rowspan /
// colspan, <th scope>) exactly as printed, inline styles only (CMS editors strip classes and
// <style>), no script, no external resource, and tables that scroll sideways on a phone rather
// than shrink. Written from the print layout.
import type { EditionDef } from './format'
import { type PrintCell, type PrintDoc, type PrintRow, type PrintTable, buildPrintDoc } from './printLayout'
import type { Report } from './report'

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const FONT = "'FangSong','仿宋_GB2312','仿宋','STFangsong',serif"
const STYLE = {
  article: `max-width:48em;margin:0 auto;color:#000;font-family:${FONT};font-size:16px;line-height:1.8`,
  title: "text-align:center;font-size:1.6em;line-height:1.5;margin:0.5em 0 1em;font-family:'SimSun','宋体',serif",
  heading: "font-size:1em;margin:1em 0 0.4em;text-indent:2em;font-family:'SimHei','黑体',sans-serif",
  paragraph: 'margin:0 0 0.4em;text-indent:2em;text-align:justify',
  scroller: 'overflow-x:auto;-webkit-overflow-scrolling:touch;margin:0.4em 0 1em',
  table: "border-collapse:collapse;width:100%;font-family:'SimSun','宋体',serif;font-size:14px;line-height:1.4",
  cell: 'border:1px solid #000;padding:4px 6px;vertical-align:middle',
}

/** Wide tables keep a readable width and scroll (about 4.5em a grid column). */
const minWidth = (t: PrintTable) => `${Math.max(20, Math.round(t.widths.length * 4.5))}em`

function cellHtml(cell: PrintCell, centredLabels: boolean): string {
  const tag = cell.role === 'value' ? 'td' : 'th'
  const scope =
    cell.role === 'value'
      ? ''
      : cell.role === 'label'
        ? ' scope="row"'
        : cell.role === 'rowGroup'
          ? ' scope="rowgroup"'
          : cell.role === 'block' || (cell.role === 'group' && cell.colspan > 1)
            ? ' scope="colgroup"'
            : ' scope="col"'
  const span =
    (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '') + (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '')
  const align = cell.role === 'label' && !centredLabels ? 'left' : 'center'
  let style = `${STYLE.cell};text-align:${align};font-weight:${cell.role === 'block' ? 'bold' : 'normal'}`
  if (cell.note) style += ';font-size:12px'
  if (cell.role === 'value' || cell.nowrap) style += ';white-space:nowrap'
  return `<${tag}${scope}${span} style="${style}">${escape(cell.text)}</${tag}>`
}

function tableHtml(t: PrintTable): string {
  const rowHtml = (row: PrintRow) => `<tr>${row.cells.map((c) => cellHtml(c, t.centredLabels)).join('')}</tr>`
  const head = t.head.length ? `<thead>${t.head.map(rowHtml).join('')}</thead>` : ''
  const body = t.sections.map((s) => `<tbody>${s.rows.map(rowHtml).join('')}</tbody>`).join('')
  return (
    `<div style="${STYLE.scroller}"><table style="${STYLE.table};min-width:${minWidth(t)}">` +
    `${head}${body}</table></div>`
  )
}

function fragment(doc: PrintDoc): string {
  const parts = doc.parts.map((part) =>
    part.kind === 'text'
      ? `<h2 style="${STYLE.heading}">${escape(part.text.heading)}</h2>` +
        part.text.paragraphs.map((p) => `<p style="${STYLE.paragraph}">${escape(p)}</p>`).join('')
      : `<h2 style="${STYLE.heading}">${escape(part.table.heading)}</h2>${tableHtml(part.table)}`,
  )
  return `<article style="${STYLE.article}"><h1 style="${STYLE.title}">${escape(doc.title)}</h1>${parts.join('')}</article>`
}

/** The HTML fragment a CMS editor takes (the clipboard's text/html). */
export function reportHtmlFragment(
  report: Pick<Report, 'agency' | 'year' | 'edition' | 'values' | 'texts'>,
  edition?: EditionDef,
): string {
  return fragment(buildPrintDoc(report, edition))
}

/** The fragment as a whole page to save (UTF-8, the phone's width). */
export function reportHtmlPage(
  report: Pick<Report, 'agency' | 'year' | 'edition' | 'values' | 'texts'>,
  edition?: EditionDef,
): string {
  const doc = buildPrintDoc(report, edition)
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escape(doc.title)}</title></head><body style="margin:0;padding:12px">${fragment(doc)}</body></html>\n`
  )
}
