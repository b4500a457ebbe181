// Build-time plugins for safety: the Content-Security-Policy, the list of every chunk (for
// pages without a service worker), and the service worker (vite-plugin-pwa, Workbox).
// Only `vite build` uses them, so the dev server's hot reload (inline scripts, websocket) works.
import type { HtmlTagDescriptor, Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { CHUNKS_FILE } from './chunks.js'

/**
 * Scripts only from the app's own files (no inline script, no eval); every connection, image,
 * font and worker from its own origin. Styles need 'unsafe-inline': Vue and AG Grid set style
 * attributes, and AG Grid 36 injects its theme as <style> elements. frame-ancestors only works
 * as a header (docs/offline.md says what an administrator can add).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')

function cspPlugin(): Plugin {
  return {
    name: 'nianbao:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (/<script(?![^>]*\bsrc=)[^>]*>/i.test(html))
          throw new Error('index.html has an inline script: the Content-Security-Policy forbids it')
        const tag: HtmlTagDescriptor = {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        }
        return [tag]
      },
    },
  }
}

const XLSX_ZIP = '\0nianbao:xlsx-zip-in-thread'

/**
 * write-excel-file zips a workbook with fflate's async zip, which hands any file inside over
 * 160 kB (a province's 问题清单 or 指标明细) to a worker made from a blob: URL. The policy above
 * (worker-src 'self') refuses that worker and fflate never calls back: no file came. Its zip is
 * swapped for fflate's zipSync, in this thread. The build fails if the swap no longer applies.
 */
function xlsxZipInThreadPlugin(): Plugin {
  let swapped = false
  let sawWriter = false
  return {
    name: 'nianbao:xlsx-zip-in-thread',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !/[\\/]write-excel-file[\\/]modules[\\/]export[\\/]writeXlsxFile/.test(importer)) return null
      sawWriter = true
      if (source !== '../zip/zipToArrayBuffer.js') return null
      swapped = true
      return XLSX_ZIP
    },
    load(id) {
      if (id !== XLSX_ZIP) return null
      return "import { zipSync } from 'fflate'\nexport default (files) => Promise.resolve(zipSync(files).buffer)\n"
    },
    buildEnd() {
      if (sawWriter && !swapped)
        this.error('write-excel-file no longer imports ../zip/zipToArrayBuffer.js: its zip would need a worker')
    },
  }
}

/**
 * Lists every JS file of the build in CHUNKS_FILE: a page without a service worker (plain http)
 * loads them all while the network is there, so that every screen opens later without it.
 */
function chunkListPlugin(): Plugin {
  return {
    name: 'nianbao:chunk-list',
    apply: 'build',
    generateBundle(_, bundle) {
      const files = Object.values(bundle)
        .filter((f) => f.type === 'chunk')
        .map((f) => f.fileName)
        .sort()
      this.emitFile({ type: 'asset', fileName: CHUNKS_FILE, source: JSON.stringify(files) })
    },
  }
}

/** The script that, on a report's address, preloads the editor's code (editorPreloadPlugin). */
const EDITOR_PRELOAD = 'editor-preload.js'

/**
 * A report opened from a link or a reload needs the editor's code (the grids' library among
 * it), which the router asks for only once the app's first chunks have been fetched and run:
 * a second round of fetching while the page sits idle. A tiny script, loaded with the page's
 * own, asks for those chunks at once when the address is a report's (and only then: the home
 * screen fetches nothing more).
 */
function editorPreloadPlugin(): Plugin {
  let base = '/'
  return {
    name: 'nianbao:editor-preload',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      base = config.base
    },
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).flatMap((f) => (f.type === 'chunk' ? [f] : []))
      const byName = new Map(chunks.map((c) => [c.fileName, c]))
      const editor = chunks.find((c) => c.facadeModuleId?.endsWith('/src/views/EditorView.vue'))
      const html = bundle['index.html']
      if (!editor || !html || html.type !== 'asset' || typeof html.source !== 'string')
        return this.error('editor preload: no EditorView chunk or no index.html in the bundle')
      // The entry's own static imports are fetched with the page already.
      const loaded = new Set<string>()
      const walk = (name: string, into: Set<string>) => {
        if (into.has(name)) return
        into.add(name)
        for (const dep of byName.get(name)?.imports ?? []) walk(dep, into)
      }
      for (const c of chunks) if (c.isEntry) walk(c.fileName, loaded)
      const wanted = new Set<string>()
      walk(editor.fileName, wanted)
      const hrefs = [...wanted].filter((f) => !loaded.has(f)).map((f) => `${base}${f}`)
      this.emitFile({
        type: 'asset',
        fileName: EDITOR_PRELOAD,
        source: [
          "// Generated by the build (src/sw/vitePlugins.ts): on a report's address, the editor's code is fetched with the page's own.",
          'if (/^#\\/report\\/[^/?]+$/.test(location.hash))',
          `  for (const href of ${JSON.stringify(hrefs)}) {`,
          "    const link = document.createElement('link')",
          "    link.rel = 'modulepreload'",
          // As the page's own module scripts are fetched (crossorigin), so that the import takes these.
          "    link.crossOrigin = ''",
          '    link.href = href',
          '    document.head.append(link)',
          '  }',
          '',
        ].join('\n'),
      })
      const tag = `<script type="module" async src="${base}${EDITOR_PRELOAD}"></script>`
      if (!html.source.includes('<script type="module"'))
        return this.error('editor preload: index.html has no module script to go before')
      html.source = html.source.replace('<script type="module"', `${tag}\n    <script type="module"`)
    },
  }
}

export function safetyPlugins(): Plugin[] {
  return [
    cspPlugin(),
    xlsxZipInThreadPlugin(),
    chunkListPlugin(),
    editorPreloadPlugin(),
    ...VitePWA({
      // The page asks before an update reloads it (src/components/safety/UpdatePrompt.vue).
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2,json}'],
        // Hash routes: every navigation is index.html.
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
      },
    }),
  ]
}
