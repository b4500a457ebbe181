// The desk's floor: its list of a thousand departments as one bare AG Grid grid, no logic, no
// storage — the same columns, row height and height as the desk's list (DeskGrid.vue).
import { createApp, h } from 'vue'
import { AgGridVue } from 'ag-grid-vue3'
import { ModuleRegistry, ClientSideRowModelModule, themeQuartz } from 'ag-grid-community'
ModuleRegistry.registerModules([ClientSideRowModelModule])
const N = 1000
const rowData = Array.from({ length: N }, (_, i) => ({
  agency: `某省第${String(i + 1).padStart(4, '0')}部门`,
  status: i % 7 ? '已收到' : '有错误',
  received: `1月${(i % 28) + 1}日 某省第${String(i + 1).padStart(4, '0')}部门-2023.json`,
  errors: i % 7 ? 0 : 2,
  warnings: i % 3,
  notices: i % 5,
  blanks: i % 4,
  lastYear: i < 300 ? '有' : '无',
  action: '',
}))
const count = (field, headerName) => ({ field, headerName, width: 72, type: 'numericColumn' })
const columnDefs = [
  { field: 'agency', headerName: '部门', flex: 2, minWidth: 180 },
  { field: 'status', headerName: '状态', width: 130 },
  { field: 'received', headerName: '收到（日期、文件）', flex: 2, minWidth: 160 },
  count('errors', '错误'),
  count('warnings', '警告'),
  count('notices', '提示'),
  count('blanks', '空白'),
  { field: 'lastYear', headerName: '上年报告', width: 90 },
  { field: 'action', headerName: '退回 / 通过', flex: 1, minWidth: 120 },
]
createApp({
  render: () =>
    h('main', { style: 'max-width:1280px;margin:0 auto' }, [
      h('div', { 'data-testid': 'desk-grid', style: 'height:560px' }, [
        h(AgGridVue, {
          rowData,
          columnDefs,
          theme: themeQuartz.withParams({ rowHeight: 30, fontSize: 13 }),
          getRowId: (p) => p.data.agency,
          style: 'height:100%',
        }),
      ]),
    ]),
}).mount('#app')
