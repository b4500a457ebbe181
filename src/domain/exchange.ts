// The exchange file (exchange-format.md): writing a report as JSON and reading untrusted files back.
import { documentFileName } from './documents'
import { EDITIONS } from './editions'
import { cellsOf, describeCell, findCell, findEdition } from './edition'
import type { CellKey, EditionDef, EditionKey } from './format'
import { AGENCY_MAX, TEXT_KEYS, cleanTexts, validateIdentity } from './report'
import type { LeftOut, Report, ReportRef, ReportTexts, Values } from './report'
import { resolveValues } from './totals'

export const EXCHANGE_KIND = 'gov-info-disclosure-annual-report'
/** docs/exchange-format.md: version 2 added compiledFrom, compiledLeftOut, carriedFrom and final. */
export const SCHEMA_VERSION = 2
/** Larger files are refused before JSON.parse. Measured in UTF-8 bytes, as the file is on disk. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024
/** Deeper nesting is refused: a real file has two levels (the file, then values/texts). */
export const MAX_DEPTH = 20

export interface ExchangeFile {
  kind: typeof EXCHANGE_KIND
  schemaVersion: number
  edition: EditionKey
  agency: string
  year: number
  /** Cell key → number, in official cell order, totals included, blank cells omitted. */
  values: Record<CellKey, number>
  texts: Partial<ReportTexts>
  /** A compiled (汇总) report: the agencies it sums. */
  compiledFrom?: string[]
  /** A compiled report: departments left out, and why. */
  compiledLeftOut?: LeftOut[]
  /** The report of the year before that 新建下一年度 carried this one over from. */
  carriedFrom?: ReportRef
  /** Marked final (定稿); absent means a draft. */
  final?: true
  exportedAt: string
  generator: string
}

/** What a file says about a report beyond its values and texts (schemaVersion 2). */
export interface ReportOrigin {
  compiledFrom?: string[]
  compiledLeftOut?: LeftOut[]
  carriedFrom?: ReportRef
  final?: true
}

export interface TotalMismatch {
  cell: CellKey
  stated: number
  computed: number
  message: string
}

export interface ParsedExchange {
  agency: string
  year: number
  edition: EditionKey
  /** Input cells only; totals are recomputed, never stored. */
  values: Values
  texts: ReportTexts
  /** Stated totals that differ from the sums: message + cell + both numbers */
  totalMismatches: TotalMismatch[]
  /** Unknown top-level fields (and unknown texts.* keys), listed in the import summary */
  unknownFields: string[]
  /** Informative only, for the import summary. */
  exportedAt?: string
  generator?: string
  origin: ReportOrigin
}

export type ReadResult = { ok: true; file: ParsedExchange } | { ok: false; error: string; field?: string }

const KNOWN_FIELDS = new Set([
  'kind',
  'schemaVersion',
  'edition',
  'agency',
  'year',
  'values',
  'texts',
  'compiledFrom',
  'compiledLeftOut',
  'carriedFrom',
  'final',
  'exportedAt',
  'generator',
])

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes a report: includes computed totals (resolveValues), blank cells omitted, values in official
 * cell order, texts.
 */
export function toExchangeFile(
  report: Report,
  generator: string,
  now = new Date(),
  /** The agencies of a compiled report's parts, looked up by the caller (the report holds their ids). */
  partAgencies?: readonly string[],
): ExchangeFile {
  const edition = findEdition(report.edition)
  if (!edition) throw new Error(`未知的格式版本：${report.edition}`)
  const resolved = resolveValues(edition, report.values)
  const values: Record<CellKey, number> = {}
  for (const cell of cellsOf(edition)) {
    const v = resolved.get(cell.key)
    if (v !== undefined && Number.isFinite(v)) values[cell.key] = v
  }
  const compiledFrom = partAgencies ?? report.compiledAgencies
  return {
    kind: EXCHANGE_KIND,
    schemaVersion: SCHEMA_VERSION,
    edition: edition.key,
    agency: report.agency,
    year: report.year,
    values,
    texts: { overview: report.texts.overview, problems: report.texts.problems, other: report.texts.other },
    ...(report.compiledFrom || compiledFrom ? { compiledFrom: [...(compiledFrom ?? [])] } : {}),
    ...(report.compiledLeftOut?.length ? { compiledLeftOut: report.compiledLeftOut.map((x) => ({ ...x })) } : {}),
    ...(report.carriedFromReport ? { carriedFrom: { ...report.carriedFromReport } } : {}),
    ...(report.final ? { final: true as const } : {}),
    exportedAt: now.toISOString(),
    generator,
  }
}

export function serializeReport(
  report: Report,
  generator: string,
  now = new Date(),
  partAgencies?: readonly string[],
): string {
  return JSON.stringify(toExchangeFile(report, generator, now, partAgencies), null, 2)
}

/** The report fields a read file's origin sets (compiled from, carried from, final). */
export function originFields(origin: ReportOrigin): Partial<Report> {
  const fields: Partial<Report> = {}
  if (origin.compiledFrom) fields.compiledAgencies = [...origin.compiledFrom]
  if (origin.compiledLeftOut) fields.compiledLeftOut = origin.compiledLeftOut.map((x) => ({ ...x }))
  if (origin.carriedFrom) fields.carriedFromReport = { ...origin.carriedFrom }
  if (origin.final) fields.final = true
  return fields
}

/** File name 「{agency}-{year}年政府信息公开工作年度报告.json」 (documents.ts: every file a report becomes). */
export function exchangeFileName(report: Pick<Report, 'agency' | 'year'>): string {
  return documentFileName(report, 'json')
}

// ---------------------------------------------------------------------------------------------
// Reading

type RawFile = Record<string, unknown>
/** Turns a file of version N into one of version N + 1. */
type Migration = (older: RawFile) => RawFile

/**
 * Keyed by the version a migration upgrades FROM. Version 2 only added optional fields, so a
 * version 1 file is a version 2 file without them.
 */
const MIGRATIONS: Readonly<Partial<Record<number, Migration>>> = {
  1: (v1) => ({ ...v1, schemaVersion: 2 }),
}

/** Thrown inside the reader only; readExchangeData turns it into { ok: false }. */
class ReadError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
}

/** Reads untrusted text. Never throws. fileName is used in messages (「文件“x.json”：…」). */
export function readExchangeFile(text: string, fileName: string, now = new Date()): ReadResult {
  if (exceedsMaxBytes(text)) {
    return fail(fileName, `文件超过 ${MAX_FILE_BYTES / 1024 / 1024} MB，不是年度报告交换文件，未导入`)
  }
  // A BOM (Windows Notepad) is not part of the JSON.
  const body = text.replace(/^\uFEFF/, '')
  if (!body.trim()) return fail(fileName, '文件是空的')
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch {
    return fail(fileName, '不是有效的 JSON 文件，无法读取')
  }
  return readExchangeData(data, fileName, now)
}

/** Same, for already-parsed data (used by bulk importers) */
export function readExchangeData(data: unknown, fileName: string, now = new Date()): ReadResult {
  try {
    return { ok: true, file: parse(data, now) }
  } catch (e) {
    if (e instanceof ReadError) return fail(fileName, e.message, e.field)
    // Not expected: a bug must still not take the import down, and the file is not imported.
    return fail(fileName, `读取时出错（${e instanceof Error ? e.message : String(e)}）`)
  }
}

function fail(fileName: string, message: string, field?: string): ReadResult {
  const error = `文件“${fileName}”：${message}`
  return field === undefined ? { ok: false, error } : { ok: false, error, field }
}

function parse(data: unknown, now: Date): ParsedExchange {
  if (!isPlainObject(data)) {
    throw new ReadError(`内容不是 JSON 对象（而是${typeName(data)}），不是年度报告交换文件`)
  }
  // kind first: a JSON file of some other program is told apart before anything else.
  checkKind(data.kind)
  checkDepth(data)
  const raw = migrate(data, readSchemaVersion(data.schemaVersion))
  const edition = readEdition(raw.edition)
  const agency = readAgency(raw.agency)
  const year = readYear(raw.year, agency, now)
  const { values, stated } = readValues(raw.values, edition)
  const texts = readTexts(raw.texts)
  const parsed: ParsedExchange = {
    agency,
    year,
    edition: edition.key,
    values,
    texts: cleanTexts(texts.known),
    totalMismatches: totalMismatches(edition, values, stated),
    unknownFields: [...Object.keys(raw).filter((k) => !KNOWN_FIELDS.has(k)), ...texts.unknown],
    origin: readOrigin(raw, year),
  }
  if (typeof raw.exportedAt === 'string') parsed.exportedAt = raw.exportedAt
  if (typeof raw.generator === 'string') parsed.generator = raw.generator
  return parsed
}

// UTF-8 takes at least one byte per UTF-16 unit and at most three, so most texts need no count.
function exceedsMaxBytes(text: string): boolean {
  if (text.length > MAX_FILE_BYTES) return true
  if (text.length * 3 <= MAX_FILE_BYTES) return false
  return utf8Length(text) > MAX_FILE_BYTES
}

function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    // A surrogate pair is 4 bytes: 2 for each half.
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3
  }
  return bytes
}

/** Walks the whole value with an explicit stack (no recursion), refusing nesting past MAX_DEPTH. */
function checkDepth(data: RawFile): void {
  const stack: { value: unknown; depth: number; field: string }[] = Object.entries(data).map(([field, value]) => ({
    value,
    depth: 2,
    field,
  }))
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (!item.value || typeof item.value !== 'object') continue
    if (item.depth > MAX_DEPTH) {
      throw new ReadError(`${item.field} 的嵌套超过 ${MAX_DEPTH} 层，不是年度报告交换文件`, item.field)
    }
    for (const child of Object.values(item.value))
      stack.push({ value: child, depth: item.depth + 1, field: item.field })
  }
}

function checkKind(kind: unknown): void {
  if (kind === undefined) throw new ReadError('缺少 kind 字段，不是政府信息公开工作年度报告交换文件', 'kind')
  if (kind !== EXCHANGE_KIND) {
    throw new ReadError(
      `kind 的值${show(kind)}不对，不是政府信息公开工作年度报告交换文件（应为“${EXCHANGE_KIND}”）`,
      'kind',
    )
  }
}

function readSchemaVersion(version: unknown): number {
  const field = 'schemaVersion'
  if (version === undefined) throw new ReadError('缺少 schemaVersion 字段（文件格式的版本号）', field)
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new ReadError(`schemaVersion 的值${show(version)}不是整数`, field)
  }
  if (version < 1) throw new ReadError(`schemaVersion 的值${show(version)}无效，应为 1 或更大的整数`, field)
  if (version > SCHEMA_VERSION) {
    throw new ReadError(`此文件由更新版本的程序导出（schemaVersion ${version}），请升级后再导入`, field)
  }
  return version
}

/** Brings a file of an older schemaVersion up to `target`, one version at a time. */
export function migrate(raw: RawFile, version: number, target = SCHEMA_VERSION, migrations = MIGRATIONS): RawFile {
  let current = raw
  for (let v = version; v < target; v++) {
    const step = migrations[v]
    if (!step)
      throw new ReadError(`无法读取 schemaVersion ${version} 的文件（缺少从版本 ${v} 升级的转换）`, 'schemaVersion')
    current = step(current)
  }
  return current
}

/** The optional fields of version 2. */
function readOrigin(raw: RawFile, year: number): ReportOrigin {
  const origin: ReportOrigin = {}
  if (raw.compiledFrom !== undefined) origin.compiledFrom = readAgencyList(raw.compiledFrom, 'compiledFrom')
  if (raw.compiledLeftOut !== undefined) {
    const field = 'compiledLeftOut'
    if (origin.compiledFrom === undefined)
      throw new ReadError('有 compiledLeftOut（汇总未计入的部门）却没有 compiledFrom（汇总的部门）', field)
    if (!Array.isArray(raw.compiledLeftOut))
      throw new ReadError(`compiledLeftOut 应为数组，文件中为${typeName(raw.compiledLeftOut)}`, field)
    origin.compiledLeftOut = raw.compiledLeftOut.map((item: unknown, i): LeftOut => {
      const at = `${field}[${i}]`
      if (!isPlainObject(item)) throw new ReadError(`${at} 应为对象（agency、reason），文件中为${typeName(item)}`, at)
      const reason = item.reason
      if (typeof reason !== 'string' || !reason.trim())
        throw new ReadError(`${at}.reason（未计入的原因）应为文字`, `${at}.reason`)
      return { agency: readName(item.agency, `${at}.agency`, '部门名称'), reason: reason.trim() }
    })
  }
  if (raw.carriedFrom !== undefined) {
    const field = 'carriedFrom'
    const from = raw.carriedFrom
    if (!isPlainObject(from))
      throw new ReadError(`carriedFrom 应为对象（agency、year），文件中为${typeName(from)}`, field)
    const agency = readName(from.agency, 'carriedFrom.agency', '结转来源的机关名称')
    if (typeof from.year !== 'number' || !Number.isInteger(from.year) || from.year >= year)
      throw new ReadError(`carriedFrom.year 的值${show(from.year)}应为早于${year}的整数年份`, 'carriedFrom.year')
    origin.carriedFrom = { agency, year: from.year }
  }
  if (raw.final !== undefined) {
    if (typeof raw.final !== 'boolean')
      throw new ReadError(`final（是否定稿）应为 true 或 false，文件中为${show(raw.final)}`, 'final')
    if (raw.final) origin.final = true
  }
  return origin
}

function readAgencyList(raw: unknown, field: string): string[] {
  if (!Array.isArray(raw)) throw new ReadError(`${field} 应为部门名称的数组，文件中为${typeName(raw)}`, field)
  return raw.map((name: unknown, i) => readName(name, `${field}[${i}]`, '部门名称'))
}

/** A non-empty name of at most AGENCY_MAX characters, trimmed. */
function readName(raw: unknown, field: string, what: string): string {
  if (typeof raw !== 'string') throw new ReadError(`${field}（${what}）应为文字，文件中为${typeName(raw)}`, field)
  const name = raw.trim()
  if (!name) throw new ReadError(`${field}（${what}）是空的`, field)
  if (name.length > AGENCY_MAX) throw new ReadError(`${field}（${what}）不能超过${AGENCY_MAX}个字`, field)
  return name
}

function readEdition(key: unknown): EditionDef {
  const field = 'edition'
  const known = EDITIONS.map((e) => `“${e.key}”`).join('或')
  if (key === undefined) throw new ReadError(`缺少 edition 字段（格式版本，应为${known}）`, field)
  if (typeof key !== 'string')
    throw new ReadError(`edition（格式版本）应为文字${known}，文件中为${typeName(key)} ${brief(key)}`, field)
  const edition = findEdition(key)
  if (!edition) throw new ReadError(`edition 的值“${key}”不是已知的格式版本（应为${known}）`, field)
  return edition
}

function readAgency(agency: unknown): string {
  const field = 'agency'
  if (agency === undefined) throw new ReadError('缺少 agency 字段（机关名称）', field)
  if (typeof agency !== 'string')
    throw new ReadError(`agency（机关名称）应为文字，文件中为${typeName(agency)} ${brief(agency)}`, field)
  const name = agency.trim()
  if (!name) throw new ReadError('agency（机关名称）是空的', field)
  // Same wording as validateIdentity, with the field named.
  if (name.length > AGENCY_MAX)
    throw new ReadError(`agency（机关名称）不能超过${AGENCY_MAX}个字（现为${name.length}个字）`, field)
  return name
}

function readYear(year: unknown, agency: string, now: Date): number {
  const field = 'year'
  if (year === undefined) throw new ReadError('缺少 year 字段（报告年度）', field)
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    throw new ReadError(`year（报告年度）的值${show(year)}不是整数年份`, field)
  }
  // The agency is valid by now, so what validateIdentity finds is about the year (range rules).
  const problem = validateIdentity(agency, year, now)
  if (problem) throw new ReadError(`year（报告年度）有误：${problem}`, field)
  return year
}

/** Input cells go to `values`; numbers stated for computed cells go to `stated`, to be compared. */
function readValues(raw: unknown, edition: EditionDef): { values: Values; stated: Map<CellKey, number> } {
  const values: Values = {}
  const stated = new Map<CellKey, number>()
  // Absent means every cell is blank (a new, empty report).
  if (raw === undefined) return { values, stated }
  if (!isPlainObject(raw)) throw new ReadError(`values 应为对象（单元格 → 数字），文件中为${typeName(raw)}`, 'values')
  for (const [key, v] of Object.entries(raw)) {
    const cell = findCell(edition, key)
    if (!cell) throw new ReadError(unknownCellMessage(key, edition), `values.${key}`)
    if (v === null) continue
    if (typeof v !== 'number') throw new ReadError(`values.${key} 的值${show(v)}不是数字`, `values.${key}`)
    // JSON cannot hold these, but data from elsewhere can.
    if (!Number.isFinite(v)) throw new ReadError(`values.${key} 的值${show(v)}不是有限的数字`, `values.${key}`)
    if (cell.computed) stated.set(key, v)
    else values[key] = v
  }
  return { values, stated }
}

function unknownCellMessage(key: string, edition: EditionDef): string {
  const message = `values 中的“${key}”不是${editionLabel(edition)}的单元格`
  // A file labelled with the wrong edition is the likely cause: say so.
  const other = EDITIONS.find((e) => e !== edition && findCell(e, key))
  return other ? `${message}（它是${editionLabel(other)}的单元格，请核对 edition）` : message
}

/** 2021年版格式（国办公开办函〔2021〕30号） → 2021年版格式 */
function editionLabel(edition: EditionDef): string {
  return edition.name.replace(/（.*$/, '')
}

function readTexts(raw: unknown): { known: Partial<ReportTexts>; unknown: string[] } {
  const known: Partial<ReportTexts> = {}
  // Absent means every text is empty.
  if (raw === undefined) return { known, unknown: [] }
  if (!isPlainObject(raw))
    throw new ReadError(`texts 应为对象（overview、problems、other → 文字），文件中为${typeName(raw)}`, 'texts')
  for (const key of TEXT_KEYS) {
    const v = raw[key]
    // null is read like absent, as in values.
    if (v === undefined || v === null) continue
    if (typeof v !== 'string')
      throw new ReadError(`texts.${key} 应为文字，文件中为${typeName(v)} ${brief(v)}`, `texts.${key}`)
    known[key] = v
  }
  const unknown = Object.keys(raw)
    .filter((k) => !(TEXT_KEYS as readonly string[]).includes(k))
    .map((k) => `texts.${k}`)
  return { known, unknown }
}

/** Every stated total that differs from the sum of its parts, in official cell order. */
function totalMismatches(edition: EditionDef, values: Values, stated: Map<CellKey, number>): TotalMismatch[] {
  if (stated.size === 0) return []
  const resolved = resolveValues(edition, values)
  const out: TotalMismatch[] = []
  for (const cell of cellsOf(edition)) {
    const s = stated.get(cell.key)
    if (s === undefined) continue
    // A total whose parts are all blank sums to 0.
    const computed = resolved.get(cell.key) ?? 0
    if (s !== computed) {
      out.push({
        cell: cell.key,
        stated: s,
        computed,
        message: `${describeCell(cell)}：文件写明 ${s}，各项之和为 ${computed}`,
      })
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Describing untrusted values in messages

function isPlainObject(v: unknown): v is RawFile {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function typeName(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return '数组'
  switch (typeof v) {
    case 'string':
      return '文字'
    case 'number':
      return '数字'
    case 'boolean':
      return '布尔值'
    case 'object':
      return '对象'
    default:
      return typeof v
  }
}

/** A value as JSON, cut short: "12" → “"12"”. */
function show(v: unknown): string {
  return `“${brief(v)}”`
}

function brief(v: unknown): string {
  let text: string
  if (typeof v === 'number') text = String(v)
  else {
    try {
      text = JSON.stringify(v) ?? String(v)
    } catch {
      text = String(v)
    }
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
