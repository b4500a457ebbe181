// The desk's test season: a city's 30 departments of 2023, their files with realistic texts,
// and the few that are wrong in the ways the desk must find.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getEdition, inputCellsOf } from '../../src/domain/edition'
import { resolveValues } from '../../src/domain/totals'
import { realisticTexts } from '../../src/testing/realisticTexts'
import { departmentFile } from './exchange-helpers'

const NAMES = [
  '发展和改革委员会',
  '教育局',
  '科学技术局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源和规划局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化广电旅游局',
  '卫生健康委员会',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理局',
  '林业局',
  '体育局',
  '信访局',
  '大数据局',
  '机关事务管理局',
]
export const ROSTER = NAMES.map((n) => `某市${n}`)
/** Never arrive. */
export const MISSING = ROSTER.slice(27)
/** 三 does not balance: 结转下年度 raised by 3 in 自然人. */
export const UNBALANCED = [ROSTER[2]!, ROSTER[8]!, ROSTER[15]!, ROSTER[23]!]
/** 一 copied from COPY_SOURCE's. */
export const COPY_SOURCE = ROSTER[4]!
export const COPIER = ROSTER[11]!
/** 一 written about 2022 throughout. */
export const WRONG_YEAR = ROSTER[19]!
/** 六 is a single 无. */
export const FILLER = ROSTER[21]!
/** Last year's report stored: CONTINUOUS carries 2022's 结转下年度 over, BROKEN does not. */
export const CONTINUOUS = ROSTER[0]!
export const BROKEN = ROSTER[1]!

const edition = getEdition('2021')
const COLUMNS = ['natural', 'commercial', 'research', 'nonprofit', 'legal', 'other_org']

function inputs(file: ReturnType<typeof departmentFile>): Record<string, number> {
  return Object.fromEntries(inputCellsOf(edition).map((c) => [c.key, file.values[c.key]!]))
}

/** 新收 = 办理结果 + 结转下年度 − 上年结转, raising 结转下年度 where 新收 would be negative. */
function balance(values: Record<string, number>) {
  for (const col of COLUMNS) {
    const handled = resolveValues(edition, values).get(`requests.handled_total.${col}`) ?? 0
    const need = handled + values[`requests.carried_out.${col}`]! - values[`requests.carried_in.${col}`]!
    if (need < 0) values[`requests.carried_out.${col}`]! -= need
    values[`requests.new.${col}`] = Math.max(0, need)
  }
}

function file(agency: string, year: number, seed: number, change?: (v: Record<string, number>) => void) {
  const base = departmentFile(agency, seed, { year })
  const values = inputs(base)
  change?.(values)
  return {
    ...base,
    values: Object.fromEntries(resolveValues(edition, values)),
    texts: realisticTexts(agency, year, seed),
  }
}

export type DeskFile = ReturnType<typeof file>

/** Last year's reports of CONTINUOUS and BROKEN. */
export function lastYearFiles(): DeskFile[] {
  return [file(CONTINUOUS, 2022, 901), file(BROKEN, 2022, 902)]
}

/** The 27 files of 2023 that arrive. */
export function seasonFiles(): DeskFile[] {
  const [lastContinuous, lastBroken] = lastYearFiles()
  // Every cross-year check holds: 上年结转 and 现行有效件数 follow from last year's report.
  const carry = (from: DeskFile) => (v: Record<string, number>) => {
    for (const col of COLUMNS) v[`requests.carried_in.${col}`] = from.values[`requests.carried_out.${col}`]!
    balance(v)
    for (const key of Object.keys(v)) {
      const row = /^active\.(\w+)\.in_force$/.exec(key)?.[1]
      if (!row || v[`active.${row}.issued`] === undefined) continue
      v[`active.${row}.repealed`] = 0
      v[key] = from.values[key]! + v[`active.${row}.issued`]!
    }
  }
  const files = ROSTER.slice(0, 27).map((agency, i) => {
    if (agency === CONTINUOUS) return file(agency, 2023, i + 1, carry(lastContinuous!))
    if (agency === BROKEN)
      return file(agency, 2023, i + 1, (v) => {
        carry(lastBroken!)(v)
        v['requests.carried_in.natural']! += 4
        balance(v)
      })
    if (UNBALANCED.includes(agency)) return file(agency, 2023, i + 1, (v) => (v['requests.carried_out.natural']! += 3))
    return file(agency, 2023, i + 1)
  })
  const byName = (a: string) => files.find((f) => f.agency === a)!
  byName(COPIER).texts.overview = byName(COPY_SOURCE).texts.overview.replaceAll(COPY_SOURCE, COPIER)
  byName(WRONG_YEAR).texts.overview = [
    `2022年，${WRONG_YEAR}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开。`,
    '2022年，通过门户网站主动公开政府信息356条，其中政策文件28件。',
    '2022年共收到政府信息公开申请12件，均按期答复。',
    '全年组织政务公开业务培训3次。',
  ].join('\n')
  byName(FILLER).texts.other = '无。'
  return files
}

export const fileName = (f: DeskFile) => `${f.agency}-${f.year}.json`

/** The files written to a new folder, with a stray non-report file beside them. */
export function folderOf(files: DeskFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'desk-'))
  for (const f of files) writeFileSync(join(dir, fileName(f)), JSON.stringify(f, null, 2))
  writeFileSync(join(dir, '说明.txt'), '各部门报送的年度报告')
  return dir
}
