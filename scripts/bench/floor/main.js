// The floor: the same three official tables as bare editable AG Grid grids, no logic, no storage.
import { createApp, h } from 'vue'
import { AgGridVue } from 'ag-grid-vue3'
import {
  ModuleRegistry,
  ClientSideRowModelModule,
  NumberEditorModule,
  TextEditorModule,
  CellStyleModule,
} from 'ag-grid-community'
ModuleRegistry.registerModules([ClientSideRowModelModule, NumberEditorModule, TextEditorModule, CellStyleModule])
const applicants = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']
const rows3 = Array.from({ length: 25 }, (_, i) => ({
  id: `r${i}`,
  label: `第${i + 1}行`,
  ...Object.fromEntries(applicants.map((_, j) => [`c${j}`, i + j])),
}))
const cols3 = [
  { field: 'label', headerName: '项目', width: 260 },
  {
    headerName: '申请人情况',
    children: applicants.map((a, j) => ({ field: `c${j}`, headerName: a, editable: true, width: 90 })),
  },
]
const rows2 = Array.from({ length: 8 }, (_, i) => ({ id: `a${i}`, label: `事项${i}`, x: i, y: i, z: i }))
const cols2 = [
  { field: 'label', headerName: '信息内容' },
  ...['x', 'y', 'z'].map((f) => ({ field: f, editable: true })),
]
const rows4 = [{ id: 'cases', ...Object.fromEntries(Array.from({ length: 15 }, (_, j) => [`k${j}`, 0])) }]
const cols4 = ['行政复议', '未经复议直接起诉', '复议后起诉'].map((g, gi) => ({
  headerName: g,
  children: ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((r, ri) => ({
    field: `k${gi * 5 + ri}`,
    headerName: r,
    editable: true,
    width: 80,
  })),
}))
const grid = (rowData, columnDefs, table) =>
  h('div', { 'data-table': table, style: 'height:auto' }, [
    h(AgGridVue, { rowData, columnDefs, domLayout: 'autoHeight', getRowId: (p) => p.data.id }),
  ])
createApp({
  render: () =>
    h('main', [grid(rows2, cols2, 'active'), grid(rows3, cols3, 'requests'), grid(rows4, cols4, 'appeals')]),
}).mount('#app')
performance.mark('app-mounted')
