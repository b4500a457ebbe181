// Files dropped anywhere on the page while the calling component is mounted, with a flag for
// the hint shown while files are dragged over it. A dropped folder brings its .json and .zip files.
import { onBeforeUnmount, onMounted, ref } from 'vue'

export interface DroppedFiles {
  files: File[]
  /** Files inside dropped folders that are not .json or .zip, left alone (their paths). */
  ignored: string[]
}

export function useFileDrop(onFiles: (dropped: DroppedFiles) => void) {
  const dragging = ref(false)
  let depth = 0
  const carriesFiles = (e: DragEvent) => Boolean(e.dataTransfer?.types.includes('Files'))

  function enter(e: DragEvent) {
    if (!carriesFiles(e)) return
    e.preventDefault()
    depth++
    dragging.value = true
  }
  function over(e: DragEvent) {
    if (!carriesFiles(e)) return
    e.preventDefault()
    e.dataTransfer!.dropEffect = 'copy'
  }
  function leave(e: DragEvent) {
    if (!carriesFiles(e)) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) dragging.value = false
  }
  async function drop(e: DragEvent) {
    if (!carriesFiles(e)) return
    e.preventDefault()
    depth = 0
    dragging.value = false
    onFiles(await droppedFiles(e.dataTransfer!))
  }

  const listeners = { dragenter: enter, dragover: over, dragleave: leave, drop } as const
  onMounted(() => {
    for (const [name, fn] of Object.entries(listeners)) window.addEventListener(name, fn as (e: Event) => void)
  })
  onBeforeUnmount(() => {
    for (const [name, fn] of Object.entries(listeners)) window.removeEventListener(name, fn as (e: Event) => void)
  })
  return { dragging }
}

const IMPORTABLE = /\.(json|zip)$/i

/** Files dropped directly are all taken (each is validated); from folders only the .json and .zip files. */
async function droppedFiles(data: DataTransfer): Promise<DroppedFiles> {
  // Entries must be taken during the drop event, before the first await.
  const entries = [...data.items]
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => Boolean(e))
  if (!entries.some((e) => e.isDirectory)) return { files: [...data.files], ignored: [] }
  const out: DroppedFiles = { files: [], ignored: [] }
  const walk = async (entry: FileSystemEntry, inFolder: boolean): Promise<void> => {
    if (entry.isDirectory) {
      for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child, true)
    } else if (!inFolder || IMPORTABLE.test(entry.name)) {
      try {
        out.files.push(
          await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject)),
        )
      } catch {
        out.ignored.push(entry.fullPath.replace(/^\//, ''))
      }
    } else out.ignored.push(entry.fullPath.replace(/^\//, ''))
  }
  for (const entry of entries) await walk(entry, false)
  return out
}

/** A directory reader hands out its entries in batches until an empty one. */
async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = []
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject))
    if (!batch.length) return all
    all.push(...batch)
  }
}

/** The .json and .zip files of a folder picked with <input webkitdirectory>. */
export function jsonFilesOf(files: readonly File[]): DroppedFiles {
  const out: DroppedFiles = { files: [], ignored: [] }
  for (const f of files) {
    if (IMPORTABLE.test(f.name)) out.files.push(f)
    else out.ignored.push(f.webkitRelativePath || f.name)
  }
  return out
}
