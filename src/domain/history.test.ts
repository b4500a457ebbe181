import { describe, expect, it } from 'vitest'
import {
  AUTO_SNAPSHOT_MS,
  BULK_CELLS,
  CHINA_OFFSET_MS,
  DAY,
  HOUR,
  MINUTE,
  type Snapshot,
  type VersionContent,
  backupReminder,
  changeCount,
  describeDiff,
  diffContent,
  listVersions,
  needsAutoSnapshot,
  patchReason,
  restoreSnapshot,
  sameContent,
  versionsToThin,
} from './history'

const content = (
  values: Record<string, number> = {},
  texts: Partial<VersionContent['texts']> = {},
): VersionContent => ({
  agency: '某局',
  edition: '2019',
  values,
  texts: { overview: '', problems: '', other: '', ...texts },
})

/** 2026-11-25 12:00 Beijing time. */
const NOW = Date.UTC(2026, 10, 25, 4, 0, 0)

describe('differences between versions', () => {
  it('counts each differing cell, text and name once; blank and 0 differ', () => {
    const a = content({ 'requests.new.natural': 1, 'requests.new.commercial': 0 }, { overview: '甲' })
    const b = {
      ...content({ 'requests.new.natural': 2, 'requests.new.research': 0 }, { overview: '乙' }),
      agency: '某某局',
    }
    const d = diffContent(a, b)
    expect(d.cells).toEqual(['requests.new.commercial', 'requests.new.natural', 'requests.new.research'])
    expect(d.texts).toEqual(['overview'])
    expect(d.agency).toBe(true)
    expect(changeCount(d)).toBe(5)
    expect(sameContent(a, a)).toBe(true)
    expect(sameContent(content({ x: 0 }), content())).toBe(false)
  })

  it('describes each difference in words, with blank as 空白', () => {
    const lines = describeDiff(content({ 'requests.new.natural': 3 }), content({}, { problems: '新的问题' }))
    expect(lines).toEqual([
      expect.objectContaining({ key: 'requests.new.natural', then: '3', now: '空白' }),
      expect.objectContaining({ key: 'texts.problems', then: '（空）', now: '新的问题' }),
    ])
    expect(lines[0]!.label).toContain('自然人')
  })

  it('lists cell differences in table order with whole names, never cut mid-word', () => {
    const keys = [
      'requests.new.natural',
      'appeals.cases.review_upheld',
      'active.rules.made',
      'requests.carried_in.legal',
    ]
    const lines = describeDiff(content(Object.fromEntries(keys.map((k) => [k, 1]))), content())
    expect(lines.map((l) => l.key)).toEqual([
      'active.rules.made',
      'requests.new.natural',
      'requests.carried_in.legal',
      'appeals.cases.review_upheld',
    ])
    expect(lines[0]!.label).toBe('表二 · 第二十条第（一）项 · 规章 · 本年新制作数量')
    expect(lines[1]!.label).toBe('表三 · 一、本年新收政府信息公开申请数量 · 自然人')
    expect(lines[3]!.label).toBe('表四 · 行政复议 结果维持')
  })
})

describe('when an edit takes a version', () => {
  const last = { at: NOW - AUTO_SNAPSHOT_MS + 1, ...content({ a: 1 }) }

  it('takes the first one, then at most every few minutes, and only when something changed', () => {
    expect(needsAutoSnapshot(undefined, content(), NOW)).toBe(true)
    expect(needsAutoSnapshot(last, content({ a: 2 }), NOW)).toBe(false)
    expect(needsAutoSnapshot(last, content({ a: 2 }), NOW + 1)).toBe(true)
    expect(needsAutoSnapshot(last, content({ a: 1 }), NOW + HOUR)).toBe(false)
  })

  it('takes one when the clock went back before the last one', () => {
    expect(needsAutoSnapshot({ ...last, at: NOW + HOUR }, content({ a: 2 }), NOW)).toBe(true)
  })

  it('gives a patch of many cells a version of its own', () => {
    expect(patchReason(undefined, BULK_CELLS - 1)).toBeUndefined()
    expect(patchReason(undefined, BULK_CELLS)).toBe('bulk')
    expect(patchReason('fill-blanks', 1)).toBe('fill-blanks')
  })
})

describe('thinning old versions', () => {
  const v = (id: string, at: number) => ({ id, at })

  it('keeps every version of the last day', () => {
    const versions = Array.from({ length: 288 }, (_, i) => v(`v${i}`, NOW - i * 5 * MINUTE))
    expect(versionsToThin(versions, NOW)).toEqual([])
  })

  it('keeps the newest of each day for a month, by Beijing days', () => {
    // Two versions each day, at 09:00 and 21:00 Beijing time (01:00 and 13:00 UTC), 2 to 29 days ago.
    const versions = []
    for (let d = 2; d < 30; d++) {
      const midnight = Date.UTC(2026, 10, 25 - d) - CHINA_OFFSET_MS
      versions.push(v(`morning${d}`, midnight + 9 * HOUR), v(`evening${d}`, midnight + 21 * HOUR))
    }
    const removed = versionsToThin(versions, NOW)
    expect(removed.sort()).toEqual(Array.from({ length: 28 }, (_, i) => `morning${i + 2}`).sort())
  })

  it('puts 23:30 and 00:30 Beijing time on different days', () => {
    const midnight = Date.UTC(2026, 10, 20) - CHINA_OFFSET_MS // 2026-11-20 00:00 Beijing
    expect(versionsToThin([v('late', midnight - 30 * MINUTE), v('early', midnight + 30 * MINUTE)], NOW)).toEqual([])
    expect(
      versionsToThin([v('late', midnight - 30 * MINUTE), v('early', midnight + 30 * MINUTE)], NOW, undefined, 0),
    ).toEqual(['late'])
  })

  it('keeps the newest of each month after a month', () => {
    const versions = [
      v('sep-1', Date.UTC(2026, 8, 1)),
      v('sep-30', Date.UTC(2026, 8, 29)),
      v('aug-5', Date.UTC(2026, 7, 5)),
      v('aug-6', Date.UTC(2026, 7, 6)),
      v('aug-7', Date.UTC(2026, 7, 7)),
      v('2025', Date.UTC(2025, 7, 7)),
    ]
    expect(versionsToThin(versions, NOW).sort()).toEqual(['aug-5', 'aug-6', 'sep-1'])
  })

  it('keeps storage bounded: a year of edits every 5 minutes, 8 hours a day, stays under 400 versions', () => {
    let versions: { id: string; at: number }[] = []
    const start = NOW - 365 * DAY
    let n = 0
    for (let day = 0; day < 365; day++) {
      for (let i = 0; i < 96; i++) {
        const at = start + day * DAY + i * 5 * MINUTE
        versions.push(v(`v${n++}`, at))
      }
      const now = start + day * DAY + 8 * HOUR
      const remove = new Set(versionsToThin(versions, now))
      versions = versions.filter((x) => !remove.has(x.id))
    }
    expect(versions.length).toBeLessThan(96 + 30 + 13 + 5)
  })

  it('is the same whatever order the versions come in, and keeps future-dated ones', () => {
    const versions = [v('a', NOW - 40 * DAY), v('b', NOW - 40 * DAY + HOUR), v('c', NOW + DAY)]
    expect(versionsToThin(versions, NOW)).toEqual(['a'])
    expect(versionsToThin([...versions].reverse(), NOW)).toEqual(['a'])
  })
})

describe('the version list', () => {
  const snap = (id: string, at: number, c: VersionContent, reason: Snapshot['reason'] = 'auto'): Snapshot => ({
    id,
    reportId: 'r',
    at,
    reason,
    changedCells: 0,
    ...c,
  })

  it('lists newest first with the changes from the version before and from now', () => {
    const list = listVersions(
      [snap('b', NOW - HOUR, content({ a: 1, b: 2 }), 'paste'), snap('a', NOW - DAY, content({ a: 1 }))],
      content({ a: 5, b: 2 }),
    )
    expect(list.map((e) => [e.id, e.label, e.changedFromPrevious, e.differsFromCurrent])).toEqual([
      ['b', '粘贴多个单元格前', 1, 1],
      ['a', '编辑时自动保存', 1, 2],
    ])
  })
})

describe('history rows from an untrusted backup', () => {
  it('keeps a good row and normalises it', () => {
    const s = restoreSnapshot({
      id: 'v',
      reportId: 'r',
      at: NOW,
      reason: 'paste',
      agency: ' 某局 ',
      edition: '2019',
      values: { 'requests.new.natural': 1, nope: 2, 'requests.new.total': 9 },
      texts: { overview: 7 },
      changedCells: 3,
    })
    expect(s).toMatchObject({
      agency: '某局',
      values: { 'requests.new.natural': 1 },
      texts: { overview: '' },
      reason: 'paste',
      changedCells: 3,
    })
  })

  it('refuses what cannot be a version', () => {
    for (const bad of [
      null,
      [],
      'x',
      { id: 'v' },
      { id: 'v', reportId: 'r', at: 'now', agency: 'a', edition: '2019' },
      { id: 'v', reportId: 'r', at: 1, agency: 'a', edition: '1999' },
    ]) {
      expect(restoreSnapshot(bad)).toBeUndefined()
    }
    expect(
      restoreSnapshot({ id: 'v', reportId: 'r', at: 1, agency: 'a', edition: '2021', reason: '<script>' })?.reason,
    ).toBe('replace')
  })
})

describe('the backup reminder', () => {
  it('stays quiet for a few edits or a short stretch, speaks after many or a week', () => {
    expect(backupReminder(undefined, NOW)).toBeUndefined()
    expect(backupReminder({ since: NOW - 30 * DAY, count: 5 }, NOW)).toBeUndefined()
    expect(backupReminder({ since: NOW - 2 * DAY, count: 100 }, NOW)).toBeUndefined()
    expect(backupReminder({ since: NOW - 8 * DAY, count: 100 }, NOW)).toBe(
      '8天来已修改100次，还没有备份或导出过。数据只保存在本浏览器中，建议现在备份一次。',
    )
    expect(backupReminder({ since: NOW - HOUR, count: 400 }, NOW)).toContain('今天已修改400次')
  })
})
