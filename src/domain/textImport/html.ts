// HTML (a web page, the clipboard's text/html) → the text the recogniser reads: each <tr> one
// line of `|`-separated cells, paragraphs (<p>, <br>, <div>, headings, list items) one line each.
// A small tokenizer, not DOMParser: the domain does not touch the DOM.

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[[\s\S]*?\]>|<![^>]*>|<\?[^>]*>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|([^<]+)|</g

/** Tags after which text starts a new line (outside a cell) or a new word (inside one). */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'blockquote',
  'pre',
  'table',
  'caption',
  'title',
  'center',
  'form',
  'fieldset',
  'address',
  'figure',
  'figcaption',
])
/** Whose content is not text. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head-style', 'xml', 'svg', 'object'])

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  minus: '−',
  middot: '·',
  hellip: '…',
  times: '×',
  yen: '¥',
  shy: '',
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

export function htmlToText(html: string): string {
  const lines: string[] = []
  let paragraph = ''
  let row: string[] | undefined
  let cell: string | undefined
  let skipping: string | undefined

  const endParagraph = () => {
    if (paragraph.trim()) lines.push(paragraph.trim())
    paragraph = ''
  }
  const endCell = () => {
    // A | inside a cell would split it: write it as a broken bar.
    if (cell !== undefined) (row ??= []).push(cell.replace(/\s+/g, ' ').trim().replace(/[|｜]/g, '¦'))
    cell = undefined
  }
  const endRow = () => {
    endCell()
    if (row && row.some(Boolean)) lines.push(row.join(' | '))
    row = undefined
  }

  for (const m of html.matchAll(TOKEN)) {
    const [, slash, rawName, , text] = m
    if (skipping) {
      if (slash && rawName?.toLowerCase() === skipping) skipping = undefined
      continue
    }
    if (text !== undefined || m[0] === '<') {
      const t = decodeEntities(text ?? '<').replace(/[\s\u00a0]+/g, ' ')
      if (cell !== undefined) cell += t
      else if (row === undefined) paragraph += t
      continue
    }
    if (!rawName) continue
    const name = rawName.toLowerCase()
    if (!slash && SKIP.has(name)) {
      if (!/\/\s*$/.test(m[3] ?? '')) skipping = name
      continue
    }
    if (name === 'tr') {
      endParagraph()
      endRow()
      if (!slash) row = []
    } else if (name === 'td' || name === 'th') {
      endCell()
      if (!slash) {
        endParagraph()
        row ??= []
        cell = ''
      }
    } else if (name === 'table' || name === 'tbody' || name === 'thead' || name === 'tfoot') {
      endRow()
      endParagraph()
    } else if (BLOCK.has(name)) {
      if (cell !== undefined) cell += ' '
      else if (row === undefined) endParagraph()
    }
  }
  endRow()
  endParagraph()
  return lines.join('\n')
}
