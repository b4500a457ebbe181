// Test support: the published reports kept in tests/fixtures/.
import { readFileSync } from 'node:fs'
import { readExchangeData } from '@/domain/exchange'
import type { Report } from '@/domain/report'
import { createReport } from '@/domain/report'

const FIXTURES = new URL('../../tests/fixtures/', import.meta.url)

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8')
}

/** The sample report (jining-cgj-2020.json) as a stored report. */
export function sampleReport(): Report {
  const read = readExchangeData(JSON.parse(fixtureText('jining-cgj-2020.json')), 'jining-cgj-2020.json')
  if (!read.ok) throw new Error(read.error)
  const r = createReport(read.file.agency, read.file.year, read.file.edition)
  return { ...r, values: read.file.values, texts: read.file.texts }
}
