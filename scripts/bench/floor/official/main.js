// The official floor: the editor's own three grids of the sample report (the same columns, rows,
// options, theme and modules, from the project's table layout) and nothing else of the app: no
// shell, no store, no checks, no text parts, no side panel. The editor's opening over this page
// is what the app adds; this page over the bare floor is what the official tables cost.
import { createApp, h, onMounted, ref } from 'vue'
import { createGrid } from 'ag-grid-community'
import { edition2019 } from '@/domain/editions/e2019'
import { resolveValues } from '@/domain/totals'
import { buildColumns, gridModel, rowHeights, sheetColumns } from '@/components/editor/grid/columns'
import { GRID_MODULES, formGridOptions, formTheme } from '@/components/editor/grid/agGrid'
import { CellEditor } from '@/components/editor/grid/CellEditor'
import sample from '@/sample/jining-cgj-2020.json'
import '@/styles/base.css'
import '@/components/editor/editor.css'

const LABEL_WIDTH = { active: 170, requests: 400, appeals: 0 }
const resolved = resolveValues(edition2019, sample.values)
const none = new Map()

function grid(table) {
  const model = gridModel(table)
  const rowIndex = new Map(model.rows.map((r, i) => [r.key, i]))
  const keyAt = (p, col) => model.cells[rowIndex.get(p.data?.key) ?? -1]?.[col]
  // The editor's value columns, with every lookup answered from plain maps.
  const valueColumn = (col) => ({
    editable: (p) => Boolean(keyAt(p, col)),
    valueGetter: (p) => resolved.get(keyAt(p, col)),
    valueFormatter: (p) => String(p.value ?? ''),
    cellEditor: CellEditor,
    cellEditorParams: { commit: () => true },
    cellClass: () => ['cell-value', 'cell-entry'],
    cellClassRules: Object.fromEntries(
      ['sev-error', 'sev-warning', 'sev-notice', 'cell-rejected', 'cell-changed', 'cell-selected'].map((c) => [
        c,
        (p) => none.has(keyAt(p, col)),
      ]),
    ),
  })
  const labelWidth = LABEL_WIDTH[table.key]
  const heights = model.sheet ? undefined : rowHeights(table, table.blocks[0], labelWidth)
  const columnDefs = model.sheet
    ? sheetColumns({ table, labelWidth, valueColumn })
    : buildColumns({
        table,
        block: table.blocks[0],
        labelWidth,
        valueColumn: (c) => valueColumn(table.blocks[0].columns.indexOf(c)),
      })
  // Made as the editor makes it (ReportGrid.vue): AG Grid's createGrid once the element is in the page.
  const Grid = {
    setup() {
      const host = ref()
      onMounted(() =>
        createGrid(
          host.value,
          {
            ...formGridOptions(model.sheet),
            theme: formTheme,
            columnDefs,
            rowData: model.rows,
            getRowId: (p) => p.data.key,
            ...(heights ? { getRowHeight: (p) => heights.get(p.data.key) } : {}),
          },
          { modules: GRID_MODULES },
        ),
      )
      return () => h('div', { ref: host })
    },
  }
  return h('div', { 'data-table': table.key, class: 'report-grid' }, [h(Grid)])
}

const tables = edition2019.parts.filter((p) => p.kind === 'table').map((p) => p.table)
createApp({ render: () => h('main', { style: 'max-width:1100px' }, tables.map(grid)) }).mount('#app')
