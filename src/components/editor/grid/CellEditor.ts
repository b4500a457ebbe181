// The cell editor: a plain text box whose text the domain's value parser reads on commit.
// Like Excel: a key typed on a cell replaces its value and the arrows then commit and move
// (Enter mode); F2, Enter or a double click edit the value in place (Edit mode).
import type { ICellEditorComp, ICellEditorParams } from 'ag-grid-community'

/** The editor's own params: how to hand its text to the store at once. */
export interface CellEditorParams {
  /** Returns false when the value was refused (the cell keeps its old value). */
  commit: (rowKey: string, columnKey: string, text: string) => boolean
}

/** The eventKey a grid passes when an input method started the edit (see useImeStart). */
export const IME_START_KEY = 'Process'

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'])

export class CellEditor implements ICellEditorComp {
  private input!: HTMLInputElement
  private params!: ICellEditorParams & CellEditorParams
  /** Enter mode: the edit began by typing, so arrows leave the cell. */
  private replacing = false
  /** The text went to the store on Enter, Tab or an arrow: the grid then has nothing to commit. */
  private committed = false

  init(params: ICellEditorParams & CellEditorParams) {
    this.params = params
    const input = document.createElement('input')
    input.type = 'text'
    input.className = 'cell-input'
    input.autocomplete = 'off'
    input.spellcheck = false
    input.setAttribute('aria-label', params.colDef?.headerName ?? '')
    const key = params.eventKey
    if (key === IME_START_KEY || key === 'Backspace' || key === 'Delete') {
      this.replacing = true
      input.value = ''
    } else if (key && key.length === 1) {
      this.replacing = true
      input.value = key
    } else {
      input.value = params.formatValue ? params.formatValue(params.value) : String(params.value ?? '')
    }
    input.addEventListener('keydown', (e) => this.onKeyDown(e))
    this.input = input
  }

  private onKeyDown(e: KeyboardEvent) {
    // Keys that an input method is composing with are its own, not the grid's.
    if (e.isComposing || e.keyCode === 229) {
      e.stopPropagation()
      return
    }
    const leaving = e.key === 'Enter' || e.key === 'Tab' || (ARROWS.has(e.key) && this.replacing)
    if (leaving && !this.commitNow()) {
      // Refused, as a spreadsheet's validation does: the cell keeps focus and says why.
      e.stopPropagation()
      e.preventDefault()
      this.params.stopEditing(true)
      return
    }
    if (e.key === 'Enter') return // the grid stops editing and moves down; the store has the value
    if (e.key === 'Tab') {
      this.pass(e)
      return
    }
    if (!ARROWS.has(e.key)) return
    // Enter mode: the arrows commit and move; Edit mode: they move the caret, not the grid.
    if (this.replacing) this.pass(e)
    else e.stopPropagation()
  }

  /**
   * After the commit, hands the key to the cell, which the grid navigates from as when not
   * editing. (The grid's own Tab out of an editor commits later, so a fast typist's next key
   * could reach the old cell and be lost.)
   */
  private pass(e: KeyboardEvent) {
    e.stopPropagation()
    e.preventDefault()
    const cell = this.input.closest('.ag-cell')
    this.params.stopEditing(true)
    cell?.dispatchEvent(
      new KeyboardEvent('keydown', { key: e.key, code: e.code, shiftKey: e.shiftKey, bubbles: true, cancelable: true }),
    )
  }

  getGui() {
    return this.input
  }

  afterGuiAttached() {
    this.focus()
  }

  focusIn() {
    this.focus()
  }

  /** Focuses the text box, caret at the end. Called early too, so the first IME key lands here. */
  focus() {
    this.input.focus({ preventScroll: true })
    const end = this.input.value.length
    this.input.setSelectionRange(end, end)
  }

  /**
   * Hands the text to the store within the key event: the grid's own commit (readOnlyEdit's
   * cellEditRequest) arrives a task later, after the focus has moved, which costs a frame.
   */
  private commitNow(): boolean {
    if (this.committed || !this.params.node.data) return true
    this.committed = true
    return this.params.commit(this.params.node.data.key, this.params.column.getColId(), this.input.value)
  }

  getValue() {
    return this.input.value
  }

  /** Already committed: nothing for the grid to send (a click elsewhere still commits through it). */
  isCancelAfterEnd() {
    return this.committed
  }

  isPopup() {
    return false
  }
}
