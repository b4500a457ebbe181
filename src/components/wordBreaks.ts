// Chinese labels in narrow header cells wrap between words (结果/维持), never inside one
// (结果维/持): a zero-width space between the words, shown with `word-break: keep-all`.
const words = new Intl.Segmenter('zh', { granularity: 'word' })

export function betweenWords(label: string): string {
  return [...words.segment(label)].map((s) => s.segment).join('\u200b')
}
