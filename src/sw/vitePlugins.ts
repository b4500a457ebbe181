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

export function safetyPlugins(): Plugin[] {
  return [
    cspPlugin(),
    chunkListPlugin(),
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
