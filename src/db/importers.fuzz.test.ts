// Property-based fuzzing of everything that reads a file from outside: the exchange-file reader,
// the batch importer that stores what it reads, and the backup reader and restore. Thousands of
// random and mutated files each: every one is imported correctly or refused with a message that
// names the file; nothing throws, nothing hangs, and no stored report changes unless the file was
// accepted and meant to change it. The counts are printed.
import 'fake-indexeddb/auto'
import '@/testing/nodeSelf'
import fc from 'fast-check'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyBackup, createBackup, readBackup } from './backup'
import { type ReportRow, db } from './database'
import { patchReport, putReport } from './reports'
import { cellsOf, findCell, findEdition, inputCellsOf } from '@/domain/edition'
import { EDITIONS } from '@/domain/editions'
import { type ExchangeFile, readExchangeFile, toExchangeFile } from '@/domain/exchange'
import { sameContent } from '@/domain/history'
import { AGENCY_MAX, createReport, restoreReport } from '@/domain/report'
import { useExchangeStore } from '@/stores/exchange'
import { sampleReport } from '@/testing/fixtures'

const RUNS = { reader: 4000, batches: 150, batchSize: 8, backups: 1500 }
const SLOW_MS = 1000
const counts = {
  exchangeRead: 0,
  exchangeImported: 0,
  exchangeRefused: 0,
  batchFiles: 0,
  batchStored: 0,
  backupRead: 0,
  backupRestored: 0,
  backupRefused: 0,
  slowest: 0,
}

afterAll(() => {
  const total = counts.exchangeRead + counts.batchFiles + counts.backupRead
  console.log(
    `fuzz: ${total} files — ${counts.exchangeRead} exchange files read (${counts.exchangeImported} accepted, ${counts.exchangeRefused} refused), ` +
      `${counts.batchFiles} through the batch importer (${counts.batchStored} stored), ` +
      `${counts.backupRead} backup files (${counts.backupRestored} restored, ${counts.backupRefused} refused); ` +
      `0 threw, slowest ${counts.slowest.toFixed(0)} ms`,
  )
})

function timed<T>(f: () => T): T {
  const t0 = performance.now()
  const out = f()
  counts.slowest = Math.max(counts.slowest, performance.now() - t0)
  return out
}

async function timedAsync<T>(f: () => Promise<T>): Promise<T> {
  const t0 = performance.now()
  const out = await f()
  const ms = performance.now() - t0
  counts.slowest = Math.max(counts.slowest, ms)
  expect(ms, 'one file took too long').toBeLessThan(SLOW_MS * 5)
  return out
}

// ---------------------------------------------------------------------------------------------
// Arbitraries

const hostileString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '__proto__',
    'constructor',
    '\u202e',
    '\uFEFF',
    '',
    ' ',
    '局'.repeat(AGENCY_MAX + 1),
    '${7*7}',
    '{{7*7}}',
  ),
)

const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  fc.double(),
  fc.constantFrom(null, true, -1, 0, 1e308, -0, 2019, 2020, 2021, 9999, 1.5, '12', [], {}),
)

/** A valid exchange file of a random report. */
const validFile: fc.Arbitrary<ExchangeFile> = fc
  .record({
    edition: fc.constantFrom(...EDITIONS.map((e) => e.key)),
    agency: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
    year: fc.integer({ min: 2019, max: 2025 }),
    seed: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5000 })), { maxLength: 30 }),
    overview: hostileString,
  })
  .map(({ edition, agency, year, seed, overview }) => {
    const r = createReport(agency, year, edition)
    const cells = inputCellsOf(findEdition(edition)!)
    for (const [i, v] of seed) r.values[cells[i % cells.length]!.key] = v
    r.texts.overview = overview
    return toExchangeFile(r, 'fuzz')
  })

type Op = { kind: 'delete' | 'set' | 'add' | 'proto'; at: number; key: string; value: unknown }
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('delete', 'set', 'add', 'proto'),
  at: fc.nat(),
  key: hostileString,
  value: anyJson,
})

/** Every object in `root` with its keys, for picking a place to mutate. */
function places(root: unknown): [Record<string, unknown>, string[]][] {
  const out: [Record<string, unknown>, string[]][] = []
  const seen = new Set<unknown>()
  const stack = [root]
  while (stack.length) {
    const v = stack.pop()
    if (v && typeof v === 'object' && !seen.has(v)) {
      seen.add(v)
      out.push([v as Record<string, unknown>, Object.keys(v)])
      stack.push(...Object.values(v))
    }
  }
  return out
}

function mutate<T>(value: T, ops: readonly Op[]): unknown {
  let root: unknown = structuredClone(value)
  for (const o of ops) {
    // fast-check may hand the same generated value to several runs: never mutate it, or a later
    // run can insert an object into itself and the walk below never ends (out of memory in CI).
    const v = structuredClone(o.value)
    const all = places(root)
    if (!all.length) return v
    const [obj, keys] = all[o.at % all.length]!
    const key = keys.length ? keys[o.at % keys.length]! : o.key
    if (o.kind === 'delete') delete obj[key]
    else if (o.kind === 'set') obj[key] = v
    else if (o.kind === 'add') obj[o.key] = v
    else Object.defineProperty(obj, '__proto__', { value: v, enumerable: true, configurable: true, writable: true })
    if (o.at % 17 === 0) root = v // now and then the whole file is something else
  }
  return root
}

type TextOp = { kind: 'cut' | 'insert' | 'flip' | 'bom' | 'nest' | 'none'; at: number; text: string }
const textOp: fc.Arbitrary<TextOp> = fc.record({
  kind: fc.constantFrom('cut', 'insert', 'flip', 'bom', 'nest', 'none', 'none'),
  at: fc.nat(),
  text: fc.string({ unit: 'binary', maxLength: 8 }),
})

function mutateText(text: string, o: TextOp): string {
  const i = text.length ? o.at % text.length : 0
  switch (o.kind) {
    case 'cut':
      return text.slice(0, i)
    case 'insert':
      return text.slice(0, i) + o.text + text.slice(i)
    case 'flip':
      return (
        text.slice(0, i) + String.fromCharCode((text.charCodeAt(i) ^ (1 << (o.at % 7))) & 0xffff) + text.slice(i + 1)
      )
    case 'bom':
      return `\uFEFF${text}`
    case 'nest':
      return text.replace(
        /"values":\s*\{/,
        `"values":{"x":${'['.repeat(50 + (o.at % 5000))}${']'.repeat(50 + (o.at % 5000))},`,
      )
    default:
      return text
  }
}

/** A random file: random bytes, random JSON, or a valid one mutated as an object and as text. */
const exchangeText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? '') },
  {
    weight: 6,
    arbitrary: fc
      .tuple(validFile, fc.array(op, { maxLength: 3 }), textOp)
      .map(([f, ops, t]) => mutateText(JSON.stringify(mutate(f, ops)) ?? '', t)),
  },
  { weight: 2, arbitrary: validFile.map((f) => JSON.stringify(f)) },
)

const fileName = fc.oneof(
  fc.constant('报告.json'),
  hostileString.map((s) => `${s}.json`),
)

// ---------------------------------------------------------------------------------------------
// What "imported correctly" means

function checkAccepted(file: {
  agency: string
  year: number
  edition: string
  values: Record<string, number>
  texts: Record<string, string>
}) {
  const edition = findEdition(file.edition)
  expect(edition).toBeDefined()
  expect(file.agency.trim()).toBe(file.agency)
  expect(file.agency.length).toBeGreaterThan(0)
  expect(file.agency.length).toBeLessThanOrEqual(AGENCY_MAX)
  expect(Number.isInteger(file.year)).toBe(true)
  for (const [k, v] of Object.entries(file.values)) {
    const cell = findCell(edition!, k)
    expect(cell && !cell.computed, k).toBe(true)
    expect(Number.isFinite(v)).toBe(true)
  }
  for (const t of Object.values(file.texts)) expect(typeof t).toBe('string')
}

async function storedById(): Promise<Map<string, ReportRow>> {
  return new Map((await db.reports.toArray()).map((r) => [r.id, r]))
}

// ---------------------------------------------------------------------------------------------

describe('fuzzing the exchange-file reader', () => {
  it(`reads ${RUNS.reader} random and mutated files: each accepted as valid or refused with a message naming the file`, () => {
    fc.assert(
      fc.property(exchangeText, fileName, (text, name) => {
        counts.exchangeRead++
        const result = timed(() => readExchangeFile(text, name))
        if (result.ok) {
          counts.exchangeImported++
          checkAccepted(result.file)
        } else {
          counts.exchangeRefused++
          expect(result.error.startsWith(`文件“${name}”：`)).toBe(true)
          expect(result.error.length).toBeGreaterThan(`文件“${name}”：`.length)
        }
      }),
      { numRuns: RUNS.reader },
    )
    expect(counts.slowest).toBeLessThan(SLOW_MS)
  }, 240_000)

  it('refuses a file over the size limit before parsing it', () => {
    const result = readExchangeFile(`{"kind":"${'x'.repeat(6 * 1024 * 1024)}"}`, 'big.json')
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('MB') })
  })
})

describe('fuzzing the batch importer (exchange files into the database)', () => {
  beforeAll(async () => {
    setActivePinia(createPinia())
    await db.delete()
    await db.open()
    await putReport(sampleReport())
    await putReport({ ...createReport('<b>某局</b>', 2021), values: { 'requests.new.natural': 1 } })
  })

  it(`imports ${RUNS.batches} batches of ${RUNS.batchSize} files; stored reports never change`, async () => {
    const store = useExchangeStore()
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(exchangeText, fileName), { minLength: 1, maxLength: RUNS.batchSize }),
        fc.constantFrom('skip', 'keepBoth'),
        async (batch, decision) => {
          const before = await storedById()
          const files = batch.map(([text, name]) => new File([text], name))
          counts.batchFiles += files.length
          // The duplicate question (a file of an agency and year already stored) gets an answer
          // that keeps every stored report: skip the file, or keep both.
          const answering = setInterval(() => store.question && store.decide(decision as 'skip' | 'keepBoth', true), 0)
          const ids = await timedAsync(() => store.importFiles(files)).finally(() => clearInterval(answering))
          const after = await storedById()
          for (const [id, row] of before) expect(after.get(id), 'a stored report changed').toEqual(row)
          expect(after.size).toBe(before.size + ids.length)
          counts.batchStored += ids.length
          for (const id of ids) checkAccepted(after.get(id)!)
          expect(store.results).toHaveLength(files.length)
          for (const r of store.results) if (r.status === 'refused') expect(r.error ?? '').toContain(r.name)
          store.dismiss()
        },
      ),
      { numRuns: RUNS.batches },
    )
  }, 240_000)
})

describe('fuzzing the backup reader and restore', () => {
  let base = ''

  beforeAll(async () => {
    await db.delete()
    await db.open()
    const r = sampleReport()
    await putReport(r)
    await patchReport(r.id, { values: { 'requests.new.natural': 3 } })
    await putReport({ ...createReport('回收站里的局', 2023), deletedAt: 1 })
    base = await (await createBackup()).blob.text()
  })

  const backupText: fc.Arbitrary<string> = fc.oneof(
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v) ?? '') },
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.array(op, { maxLength: 3 }), textOp)
        .map(([ops, t]) => mutateText(JSON.stringify(mutate(JSON.parse(base), ops)) ?? '', t)),
    },
    { weight: 1, arbitrary: fc.constant(null).map(() => base) },
  )

  it(`reads ${RUNS.backups} random and mutated backup files: restored correctly or refused, stored reports intact`, async () => {
    await fc.assert(
      fc.asyncProperty(backupText, fileName, async (text, name) => {
        counts.backupRead++
        const before = await storedById()
        const read = await timedAsync(() => readBackup(new Blob([text]), name))
        if (!read.ok) {
          counts.backupRefused++
          expect(read.error.startsWith(`备份文件“${name}”：`)).toBe(true)
          expect(await storedById()).toEqual(before)
          return
        }
        counts.backupRestored++
        await applyBackup(read.plan)
        const after = await storedById()
        const inFile = new Set(read.plan.rows.reports.map((r) => r.id))
        for (const [id, row] of before) if (!inFile.has(id)) expect(after.get(id)).toEqual(row)
        for (const row of read.plan.rows.reports) {
          const stored = after.get(row.id)!
          // Written as in the file, or (same content, same place) left as it was here.
          if (
            before.has(row.id) &&
            sameContent(before.get(row.id)!, row) &&
            !before.get(row.id)!.deletedAt === !row.deletedAt
          )
            expect(stored).toEqual(before.get(row.id))
          else expect(stored).toEqual(row)
          // What was restored is what restoreReport makes of it: valid, normalised.
          expect(restoreReport(stored)).toMatchObject({
            values: stored.values,
            texts: stored.texts,
            agency: stored.agency,
          })
          checkAccepted(stored)
        }
      }),
      { numRuns: RUNS.backups },
    )
  }, 240_000)
})

describe('fuzz helpers', () => {
  it('mutate and mutateText change what they are given', () => {
    const f = toExchangeFile(sampleReport(), 'x')
    expect(mutate(f, [{ kind: 'delete', at: 0, key: '', value: null }])).not.toEqual(f)
    expect(mutateText('{"values":{}}', { kind: 'nest', at: 0, text: '' })).toContain('[[[')
    expect(cellsOf(findEdition('2019')!).length).toBeGreaterThan(0)
  })
})
