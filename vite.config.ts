import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { safetyPlugins } from './src/sw/vitePlugins.js'

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
  build: { target: 'es2022', chunkSizeWarningLimit: 1200, cssCodeSplit: false },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
  },
})
