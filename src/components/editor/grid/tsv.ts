// Tab-separated text as Excel and WPS put it on the clipboard: rows end in \r\n (or \n), the
// last one usually too; a cell holding a tab, a line break or a quote is quoted, quotes doubled.

export function parseTsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let i = 0
  const src = text.replace(/\r\n?/g, '\n')
  while (i < src.length) {
    const ch = src[i]!
    if (ch === '"' && cell === '') {
      // A quoted cell runs to the quote that is not doubled.
      let j = i + 1
      let quoted = ''
      while (j < src.length) {
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            quoted += '"'
            j += 2
            continue
          }
          break
        }
        quoted += src[j]
        j++
      }
      // Not really quoted (no closing quote before a separator): keep the text as it is.
      if (j >= src.length || !['\t', '\n', undefined].includes(src[j + 1])) {
        cell += ch
        i++
        continue
      }
      cell = quoted
      i = j + 1
      continue
    }
    if (ch === '\t') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else {
      cell += ch
    }
    i++
  }
  if (cell !== '' || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

export function toTsv(rows: readonly (readonly string[])[]): string {
  const quote = (s: string) => (/[\t\n\r"]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s)
  return rows.map((r) => r.map(quote).join('\t')).join('\r\n') + '\r\n'
}
