import { createRouter, createWebHashHistory } from 'vue-router'

// Hash history: the app is served as static files from any intranet path.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    // Each screen loads its own code: a report opened from a link does not wait for the home screen's.
    { path: '/', name: 'home', component: () => import('./views/HomeView.vue') },
    { path: '/report/:id', name: 'editor', component: () => import('./views/EditorView.vue'), props: true },
    // Print, 一图读懂, compile: heavy and rarely used, loaded only when opened.
    { path: '/report/:id/print', name: 'print', component: () => import('./views/PrintView.vue'), props: true },
    { path: '/report/:id/figures', name: 'figures', component: () => import('./views/FiguresView.vue'), props: true },
    { path: '/compile', name: 'compile', component: () => import('./views/CompileView.vue') },
    { path: '/desk/:year?', name: 'desk', component: () => import('./views/DeskView.vue'), props: true },
    { path: '/import-text', name: 'import-text', component: () => import('./views/TextImportView.vue') },
  ],
})
