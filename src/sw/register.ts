// Offline use. Over https (or on localhost) a service worker (vite-plugin-pwa, Workbox) caches
// the whole app, so it opens and works with the network gone; an update waits for the person's
// consent. Where service workers do not run (plain http on an intranet), every file of the app
// is loaded while the network is there, so that every screen still opens while the page stays
// open (docs/offline.md).
import { openedOnReport } from '@/openedOnReport'
import { CHUNKS_FILE } from './chunks'

export interface OfflineHooks {
  /** A new version is installed and waits for consent (`update()` applies it). */
  onNeedRefresh(): void
  /** The app is cached: it now opens without the network. */
  onOfflineReady(): void
  /** Another tab applied an update: this one runs the old code and should be reloaded. */
  onNeedReload(): void
}

let consented = false
let updateSW: ((reload?: boolean) => Promise<void>) | undefined

export async function startOffline(hooks: OfflineHooks): Promise<'service-worker' | 'preloaded'> {
  // Load every screen's code once the page is idle, in case this page is all there will be (no
  // service worker yet, or none possible). With a service worker the files come from its cache.
  // <html data-offline="preloaded"> says when it is done.
  const idle = (cb: () => void) =>
    'requestIdleCallback' in window ? window.requestIdleCallback(cb, { timeout: 3000 }) : setTimeout(cb, 1000)
  void editorPainted().then(() =>
    idle(() => void preloadAllChunks().then(() => (document.documentElement.dataset.offline = 'preloaded'))),
  )
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || !window.isSecureContext) return 'preloaded'
  try {
    const { registerSW } = await import('virtual:pwa-register')
    updateSW = registerSW({
      immediate: true,
      onNeedRefresh: hooks.onNeedRefresh,
      onOfflineReady: hooks.onOfflineReady,
      // The new version took control: reload only the tab where the person said yes.
      onNeedReload: () => (consented ? window.location.reload() : hooks.onNeedReload()),
    })
    return 'service-worker'
  } catch {
    return 'preloaded'
  }
}

/** The person said yes: the waiting version takes over and this page reloads into it. */
export async function applyUpdate() {
  consented = true
  await updateSW?.(true)
}

/** Opened on a report: its editor paints first, the other screens' code loads after (or after 10 s). */
function editorPainted(): Promise<void> {
  const READY = 'nianbao:editor-ready'
  if (!openedOnReport || performance.getEntriesByName(READY).length) return Promise.resolve()
  return new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(READY).length) resolve(observer.disconnect())
    })
    observer.observe({ type: 'mark' })
    setTimeout(() => resolve(observer.disconnect()), 10_000)
  })
}

/**
 * Adds a modulepreload link for every JS file of the build not yet loaded (the build lists them
 * in chunks.json): the browser fetches and compiles them, and a later import() of any of them
 * needs no network. CSS is one file, loaded with the page (build.cssCodeSplit: false).
 * Resolves, with how many were added, when all have loaded.
 */
async function preloadAllChunks(doc: Document = document, base: string = import.meta.env.BASE_URL): Promise<number> {
  let files: unknown
  try {
    files = await (await fetch(base + CHUNKS_FILE)).json()
  } catch {
    return 0 // the dev server has no list (nor needs one)
  }
  if (!Array.isArray(files)) return 0
  const present = new Set(
    [...doc.querySelectorAll('link[href], script[src]')].map(
      (e) => (e as HTMLLinkElement).href || (e as HTMLScriptElement).src,
    ),
  )
  const loads: Promise<unknown>[] = []
  for (const file of files) {
    if (typeof file !== 'string' || !file.endsWith('.js')) continue
    const href = new URL(base + file, doc.baseURI).href
    if (present.has(href)) continue
    const link = doc.createElement('link')
    link.rel = 'modulepreload'
    link.crossOrigin = ''
    link.href = href
    loads.push(new Promise((resolve) => (link.onload = link.onerror = resolve)))
    doc.head.append(link)
  }
  await Promise.all(loads)
  return loads.length
}
