// Chinese labels in narrow header cells wrap between words (结果/维持), never inside one
// (结果维/持): a zero-width space between the words, shown with `word-break: keep-all`.
// The editions' own column headers are segmented ahead of time (wordBreaks.known.ts, kept equal
// to the segmenter's answer by wordBreaks.test.ts): building Intl.Segmenter's Chinese dictionary
// takes tens of milliseconds, which opening the editor should not wait for.
import { KNOWN_BREAKS } from './wordBreaks.known'

const known = new Map(KNOWN_BREAKS.map((s) => [s.replaceAll('|', ''), s.replaceAll('|', '\u200b')]))
let words: Intl.Segmenter | undefined

/** The label's words, as the segmenter finds them. */
export function segmentWords(label: string): string[] {
  words ??= new Intl.Segmenter('zh', { granularity: 'word' })
  return [...words.segment(label)].map((s) => s.segment)
}

export function betweenWords(label: string): string {
  return known.get(label) ?? segmentWords(label).join('\u200b')
}
