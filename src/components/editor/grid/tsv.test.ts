import { describe, expect, it } from 'vitest'
import { parseTsv, toTsv } from './tsv'

describe('tab-separated clipboard text', () => {
  it('reads a block copied from Excel, trailing line break and all', () => {
    expect(parseTsv('1\t2\t3\r\n4\t\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '', '6'],
    ])
  })
  it('reads a single cell without a line break', () => {
    expect(parseTsv('12')).toEqual([['12']])
  })
  it('reads quoted cells with tabs, line breaks and doubled quotes', () => {
    expect(parseTsv('"a\tb"\t"say ""hi"""\n"two\nlines"\tx\n')).toEqual([
      ['a\tb', 'say "hi"'],
      ['two\nlines', 'x'],
    ])
  })
  it('keeps a lone quote that opens no quoted cell', () => {
    expect(parseTsv('"3\t4\n')).toEqual([['"3', '4']])
  })
  it('keeps empty cells at the end of a row', () => {
    expect(parseTsv('1\t\t\n')).toEqual([['1', '', '']])
  })
  it('writes what it reads back', () => {
    const rows = [
      ['1', '', '-2'],
      ['a\tb', '"q"', '66.36'],
    ]
    expect(toTsv(rows)).toBe('1\t\t-2\r\n"a\tb"\t"""q"""\t66.36\r\n')
    expect(parseTsv(toTsv(rows))).toEqual(rows)
  })
})
