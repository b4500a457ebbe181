import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { safetyPlugins } from './src/sw/vitePlugins.js'

/**
 * Every module the entry loads statically, in one chunk: left to itself the bundler puts each
 * module the entry shares with a lazily loaded screen into a chunk of its own (Vue's runtime,
 * the editions, ...), seven files fetched and compiled one by one before anything shows.
 */
function bootGroup() {
  let boot: Set<string> | undefined
  return {
    // Its label in the bundler's timing report (the chunk is named by `name`); unset, every build warns.
    debugName: 'boot',
    name(id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[]; isEntry: boolean } | null }) {
      if (!boot) {
        const entry = fileURLToPath(new URL('./src/main.ts', import.meta.url))
        boot = new Set()
        const queue = [entry]
        while (queue.length) {
          const next = queue.pop()!
          if (boot.has(next)) continue
          boot.add(next)
          queue.push(...(ctx.getModuleInfo(next)?.importedIds ?? []))
        }
        boot.delete(entry)
      }
      return boot.has(id) && !/\.css($|\?)/.test(id) ? 'boot' : null
    },
  }
}

export default defineConfig({
  // safetyPlugins: Content-Security-Policy and service worker, in `vite build` only.
  plugins: [vue(), ...safetyPlugins()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  // One CSS file, loaded with the page: a screen opened later then needs no stylesheet from the
  // network, so the app keeps working offline where no service worker runs (docs/offline.md).
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    cssCodeSplit: false,
    rolldownOptions: { output: { codeSplitting: { groups: [bootGroup()] } } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
})
