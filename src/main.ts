// First: on a report's address, it starts fetching the editor's code.
import { openedOnReport } from './openedOnReport'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { holdDatabase } from './db/open'
import './styles/base.css'

// Opened on a report (a link, a reload): its grids are painted before the database library loads.
if (openedOnReport) holdDatabase()

createApp(App).use(createPinia()).use(router).mount('#app')
// The app's own code has run (the editor's code was asked for before this: tests/browser/editor-open).
performance.mark('nianbao:app-started')
