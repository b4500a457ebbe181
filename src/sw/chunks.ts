/** The build's list of every JS file, in dist/ (src/sw/vitePlugins.ts writes it). */
export const CHUNKS_FILE = 'chunks.json'
