// Near-identical texts among many: a diff ratio over characters (2 × common / total, as
// difflib's ratio, computed with Myers' O(ND) diff and stopped once the texts are too far
// apart), with MinHash fingerprints of character 4-grams and LSH banding first, so that of
// 1 000 reports only the few candidate pairs are ever diffed.

/** Characters that do not make two texts different: spaces, line breaks, punctuation. */
const NOISE = /[\s\p{P}\p{S}]/gu

export function normalizeForCompare(text: string): string {
  return text.replace(NOISE, '')
}

/**
 * The diff ratio of two strings, 0 to 1: twice the characters they share in order (longest
 * common subsequence) over the characters of both. Returns 0 without finishing the diff once
 * it cannot reach `atLeast`.
 */
export function diffRatio(a: string, b: string, atLeast = 0): number {
  const n = a.length
  const m = b.length
  if (!n && !m) return 1
  // Edit distance (insertions + deletions) allowed for the ratio to reach atLeast.
  const maxD = Math.floor((1 - atLeast) * (n + m) + 1e-9)
  if (Math.abs(n - m) > maxD) return 0
  const d = myersDistance(a, b, maxD)
  return d === undefined ? 0 : (n + m - d) / (n + m)
}

/** Myers' shortest edit script length (insertions + deletions), or undefined beyond `maxD`. */
function myersDistance(a: string, b: string, maxD: number): number | undefined {
  const n = a.length
  const m = b.length
  const offset = maxD + 1
  const v = new Int32Array(2 * offset + 1)
  for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a.charCodeAt(x) === b.charCodeAt(y)) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) return d
    }
  }
  return undefined
}

const SHINGLE = 4
const HASHES = 63
const ROWS = 3
const BANDS = HASHES / ROWS

/** FNV-1a of the 4 characters at `i`, then mixed (murmur3's finaliser) so every bit counts. */
function shingleHash(text: string, i: number): number {
  let h = 0x811c9dc5
  for (let j = i; j < i + SHINGLE; j++) h = Math.imul(h ^ text.charCodeAt(j), 0x01000193)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

const EMPTY = 0xffffffff

/**
 * The MinHash fingerprint of a normalised text by one-permutation hashing: each 4-gram is hashed
 * once, the hash picks one of 63 bins and the least value per bin is kept (one hash per 4-gram,
 * not 63). An empty bin (a short text) borrows the next filled bin's value, offset by the
 * distance (densification), so that fingerprints stay comparable position by position.
 */
function fingerprint(text: string): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(EMPTY)
  for (let i = 0; i + SHINGLE <= text.length; i++) {
    const h = shingleHash(text, i)
    const bin = h % HASHES
    const value = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0
    if (value < sig[bin]!) sig[bin] = value
  }
  if (sig.every((v) => v === EMPTY)) return sig
  const filled = Uint32Array.from(sig)
  for (let k = 0; k < HASHES; k++) {
    if (sig[k] !== EMPTY) continue
    let d = 1
    while (sig[(k + d) % HASHES] === EMPTY) d++
    filled[k] = (sig[(k + d) % HASHES]! + Math.imul(d, 0x9e3779b9)) >>> 0
  }
  return filled
}

/** The share of equal positions of two fingerprints: an estimate of their 4-gram Jaccard index. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++
  return same / HASHES
}

/**
 * Texts this similar in 4-grams are diffed. A copy with its numbers and names changed keeps
 * 0.9 of its 4-grams; unrelated departments' texts share 0.2 (up to 0.45) of theirs, as they
 * draw on the same phrases. A text with one character in ten changed evenly throughout would
 * fall below this and go unnoticed: copies are not made that way.
 */
const CANDIDATE_JACCARD = 0.6

export interface Fingerprinted {
  /** The normalised text. */
  text: string
  sig: Uint32Array
}

export function fingerprinted(text: string): Fingerprinted {
  const normal = normalizeForCompare(text)
  return { text: normal, sig: fingerprint(normal) }
}

/**
 * Pairs [i, j] (i < j) of `items` that share a band of their fingerprints (LSH: pairs with a
 * 4-gram Jaccard of 0.6 come out with probability ≈ 0.99, of 0.7 ≈ 0.9999) and whose estimate reaches
 * CANDIDATE_JACCARD. Linear in the items plus the pairs that share a band.
 */
export function candidatePairs(items: readonly Fingerprinted[]): [number, number][] {
  const out: [number, number][] = []
  const n = items.length
  // Texts of one kind share their stock phrases, so many pairs share some band: each pair is
  // looked at once, remembered in a bit per pair (a Set of a hundred thousand pairs was most of
  // the time, and its garbage).
  const seen = new Uint32Array(Math.ceil((n * n) / 32))
  const buckets = new Map<number, number[]>()
  for (let band = 0; band < BANDS; band++) {
    buckets.clear()
    for (let i = 0; i < n; i++) {
      const sig = items[i]!.sig
      // The band's values hashed to one number: a collision only adds a candidate, checked below.
      let key = band
      for (let r = 0; r < ROWS; r++) key = Math.imul(key ^ sig[band * ROWS + r]!, 0x9e3779b1) >>> 0
      const bucket = buckets.get(key)
      if (bucket) bucket.push(i)
      else buckets.set(key, [i])
    }
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const i = bucket[x]!
          const j = bucket[y]!
          const id = i * n + j
          const bit = 1 << (id & 31)
          if (seen[id >>> 5]! & bit) continue
          seen[id >>> 5]! |= bit
          if (estimatedJaccard(items[i]!.sig, items[j]!.sig) >= CANDIDATE_JACCARD) out.push([i, j])
        }
      }
    }
  }
  return out
}

/** Whether two fingerprinted texts are worth diffing at all. */
export const mayBeSimilar = (a: Fingerprinted, b: Fingerprinted) => estimatedJaccard(a.sig, b.sig) >= CANDIDATE_JACCARD
