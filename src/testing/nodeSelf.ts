// dexie-export-import needs two browser globals that Node lacks: `self` (read when it loads, to
// tell a worker) and FileReader (it reads an empty Blob after every export). Import this before
// any module that imports the add-on, in tests that run in Node.
const g = globalThis as { self?: unknown; FileReader?: unknown }
g.self ??= globalThis

class NodeFileReader {
  result: ArrayBuffer | string | null = null
  onload: ((ev: { target: NodeFileReader }) => void) | null = null
  onerror: ((ev: { target: { error: unknown } }) => void) | null = null
  onabort: (() => void) | null = null

  readAsArrayBuffer(blob: Blob) {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = buffer
        this.onload?.({ target: this })
      },
      (error: unknown) => this.onerror?.({ target: { error } }),
    )
  }
}

g.FileReader ??= NodeFileReader
