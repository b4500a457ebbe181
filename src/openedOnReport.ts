// Opened on a report (a link, a reload, a bookmark): the editor's code is fetched from the first
// moment the app's own code runs, alongside the rest of its start, rather than after the router
// has started and asked for it (a second round of fetching that left the page idle ~150 ms).
// The report itself is read from IndexedDB from that moment too: the read was ~20 ms of waiting
// between the editor's setup and its first render.
// (The build's editor-preload.js, which runs before any of the app, tests the same address.)
import { readReportEarly } from './db/firstRead'

const opened = /^#\/report\/([^/?]+)$/.exec(location.hash)
export const openedOnReport = opened !== null

if (opened) {
  void import('./views/EditorView.vue')
  try {
    readReportEarly(decodeURIComponent(opened[1]!))
  } catch {
    // An address that is not valid percent-encoding: the editor reads (and reports) it as usual.
  }
}
