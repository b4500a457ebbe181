// Opened on a report (a link, a reload, a bookmark): the editor's code is fetched from the first
// moment the app's own code runs, alongside the rest of its start, rather than after the router
// has started and asked for it (a second round of fetching that left the page idle ~150 ms).
// (The build's editor-preload.js, which runs before any of the app, tests the same address.)
export const openedOnReport = /^#\/report\/[^/?]+$/.test(location.hash)

if (openedOnReport) void import('./views/EditorView.vue')
