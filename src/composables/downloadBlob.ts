// Hands a file to the browser's download (export, CSV, backup).
export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = name
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked later: the download reads the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
