import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { holdDatabase } from './db/open'
import './styles/base.css'

// Opened on a report (a link, a reload): its grids are painted before the database library loads.
if (/^#\/report\/[^/?]+$/.test(location.hash)) holdDatabase()

createApp(App).use(createPinia()).use(router).mount('#app')
