// A desk read back from untrusted data (a backup file). Apart from the desk's own module, so
// that the backup reader (loaded with the first page) does not bring the desk's checks with it.
import type { Desk, DeskEntry } from './desk'
import { AGENCY_MAX } from './report'

const SOURCES: readonly DeskEntry['source'][] = ['typed', 'lastYear', 'file']
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const text = (v: unknown, max = 1000): string | undefined => (typeof v === 'string' ? v.slice(0, max) : undefined)

/**
 * A desk from untrusted data (a backup): an entry without a department name is dropped, other
 * malformed fields are left out; undefined if it cannot be a desk at all (no year, no roster).
 */
export function restoreDesk(raw: unknown): Desk | undefined {
  if (!raw || typeof raw !== 'object') return undefined
  const d = raw as Record<string, unknown>
  if (typeof d.year !== 'number' || !Number.isInteger(d.year) || !Array.isArray(d.entries)) return undefined
  const entries: DeskEntry[] = []
  const seen = new Set<string>()
  for (const x of d.entries as unknown[]) {
    const e = (x && typeof x === 'object' ? x : {}) as Record<string, unknown>
    const agency = text(e.agency, AGENCY_MAX)?.trim()
    if (!agency || seen.has(agency)) continue
    seen.add(agency)
    const entry: DeskEntry = {
      agency,
      source: SOURCES.includes(e.source as DeskEntry['source']) ? (e.source as DeskEntry['source']) : 'typed',
    }
    const file = text(e.receivedFile)
    if (file !== undefined) entry.receivedFile = file
    if (finite(e.sentBackAt)) entry.sentBackAt = e.sentBackAt
    if (finite(e.sentBackItems)) entry.sentBackItems = e.sentBackItems
    if (finite(e.acceptedAt)) entry.acceptedAt = e.acceptedAt
    entries.push(entry)
  }
  const now = Date.now()
  const desk: Desk = {
    year: d.year,
    entries,
    createdAt: finite(d.createdAt) ? d.createdAt : now,
    updatedAt: finite(d.updatedAt) ? d.updatedAt : now,
  }
  const c = (d.compiled && typeof d.compiled === 'object' ? d.compiled : undefined) as
    Record<string, unknown> | undefined
  const names = (v: unknown) => (Array.isArray(v) ? v.flatMap((n) => (typeof n === 'string' ? [n] : [])) : [])
  if (c && typeof c.reportId === 'string' && finite(c.at) && (c.mode === 'accepted' || c.mode === 'received')) {
    desk.compiled = {
      reportId: c.reportId,
      at: c.at,
      mode: c.mode,
      included: names(c.included),
      leftOut: (Array.isArray(c.leftOut) ? (c.leftOut as Record<string, unknown>[]) : []).flatMap((x) =>
        x && typeof x.agency === 'string' && typeof x.reason === 'string'
          ? [{ agency: x.agency, reason: x.reason }]
          : [],
      ),
    }
  }
  return desk
}
