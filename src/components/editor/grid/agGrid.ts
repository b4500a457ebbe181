// The AG Grid modules the editor's grids use, and their look: a printed official form.
import {
  CellSpanModule,
  type GridOptions,
  CellStyleModule,
  ClientSideRowModelModule,
  CustomEditorModule,
  type Module,
  RenderApiModule,
  RowApiModule,
  ValidationModule,
  themeQuartz,
} from 'ag-grid-community'

export const GRID_MODULES: Module[] = [
  ClientSideRowModelModule,
  CustomEditorModule,
  CellStyleModule,
  CellSpanModule,
  RenderApiModule,
  // getRowNode, to redraw the cells an edit changed: the Vue wrapper registered it for itself,
  // a grid made with createGrid has only what is listed here.
  RowApiModule,
  // Readable error messages while developing; the production build drops it.
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]

/**
 * The options every table's grid shares (the editor's, and the bench's grids of the official
 * tables without the app): the form's layout, spreadsheet keys, edits through the store.
 */
export function formGridOptions(sheet: boolean): GridOptions {
  return {
    domLayout: 'autoHeight',
    readOnlyEdit: true,
    enterNavigatesVertically: true,
    enterNavigatesVerticallyAfterEdit: true,
    suppressStartEditOnTab: true,
    stopEditingWhenCellsLoseFocus: true,
    enableCellSpan: true,
    ensureDomOrder: true,
    suppressMovableColumns: true,
    suppressHeaderFocus: true,
    suppressRowHoverHighlight: true,
    suppressAnimationFrame: true,
    // A form's table is a few dozen rows and columns: all drawn at once. Virtualised, the grid
    // drew only what fitted the height and width it knew before the page's first layout (none),
    // then measured the page and drew the rest: twice the work on every open.
    suppressRowVirtualisation: true,
    suppressColumnVirtualisation: true,
    // A sheet (二) shows no header row: its headers are rows.
    ...(sheet ? { headerHeight: 0 } : {}),
    defaultColDef: {
      sortable: false,
      resizable: false,
      suppressMovable: true,
      wrapHeaderText: !sheet,
      autoHeaderHeight: !sheet,
    },
  }
}

export const formTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  foregroundColor: '#1f2328',
  borderColor: '#9aa1ab',
  wrapperBorderRadius: 0,
  borderRadius: 0,
  columnBorder: true,
  headerColumnBorder: true,
  headerRowBorder: true,
  rowBorder: true,
  headerBackgroundColor: '#f4f5f7',
  headerTextColor: '#1f2328',
  cellHorizontalPadding: 6,
  rowHeight: 30,
  autoHeightMinBodyHeight: 0,
  spacing: 4,
  // Focus and selection in blue: red means an error here.
  accentColor: '#1a5fb4',
  rowHoverColor: 'transparent',
  columnHoverColor: 'transparent',
  oddRowBackgroundColor: '#ffffff',
  selectedRowBackgroundColor: 'transparent',
  headerColumnResizeHandleColor: 'transparent',
})
