// A sheet of the desk downloaded as .xlsx (write-excel-file, loaded when first used) or CSV.
import { downloadBlob } from '@/composables/downloadBlob'
import { type Sheet, safeFileName, sheetCsv } from '@/domain/deskExport'

export type SheetFormat = 'xlsx' | 'csv'

export async function downloadSheet(baseName: string, sheetName: string, sheet: Sheet, format: SheetFormat) {
  const name = safeFileName(`${baseName}.${format}`)
  if (format === 'csv') {
    downloadBlob(name, new Blob([sheetCsv(sheet)], { type: 'text/csv;charset=utf-8' }))
    return
  }
  // Zipped in this thread (src/sw/vitePlugins.ts): the library's own zip hands files over 160 kB
  // to a worker made from a blob: URL, which the app's CSP (worker-src 'self') refuses.
  const { default: writeXlsxFile } = await import('write-excel-file/universal')
  const widths = sheet[0]!.map((_, c) =>
    Math.min(60, Math.max(8, ...sheet.slice(0, 200).map((row) => String(row[c] ?? '').length * 2))),
  )
  const data = sheet.map((row, r) =>
    row.map((value) => (r === 0 ? { value: String(value ?? ''), fontWeight: 'bold' as const, wrap: true } : value)),
  )
  const blob = await writeXlsxFile(data, {
    sheet: sheetName.slice(0, 31),
    columns: widths.map((width) => ({ width })),
    stickyRowsCount: 1,
  }).toBlob()
  downloadBlob(name, blob)
}
