// The IndexedDB database (Dexie). Every schema version ever shipped stays listed here:
// Dexie upgrades an older database step by step, so nothing stored is lost.
import Dexie, { type EntityTable } from 'dexie'
import type { Report } from '@/domain/report'

/** A stored report; `deletedAt` set means it is in the recycle bin. */
export interface ReportRow extends Report {
  deletedAt?: number
}

export interface MetaRow {
  key: string
  value: unknown
}

export const DB_NAME = 'nianbao'

export class NianbaoDb extends Dexie {
  reports!: EntityTable<ReportRow, 'id'>
  meta!: EntityTable<MetaRow, 'key'>

  constructor(name = DB_NAME) {
    super(name)
    this.version(1).stores({
      reports: 'id, [agency+year], year, updatedAt, deletedAt',
      meta: 'key',
    })
  }
}

export const db = new NianbaoDb()
