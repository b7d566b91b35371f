import type { GridApi } from 'ag-grid-community';
import type { MappingRow } from '../../../shared/contract';

/** The one mounted review grid, so keyboard handlers and decisions can move focus and refresh rows. */
let api: GridApi<MappingRow> | null = null;
/** Set when focus was asked for before there were rows to focus; honoured when rows arrive. */
let focusPending: 'force' | 'ifIdle' | null = null;

export const gridHandle = {
  set(next: GridApi<MappingRow> | null) {
    api = next;
  },
  get(): GridApi<MappingRow> | null {
    return api && !api.isDestroyed() ? api : null;
  },
  /** Re-fetch the loaded blocks in place (rows stay visible until the new ones arrive). */
  refresh() {
    this.get()?.refreshInfiniteCache();
  },
  /** Move the focused row by `delta`, keeping the focused column. */
  move(delta: number) {
    const grid = this.get();
    if (!grid) return;
    const focused = grid.getFocusedCell();
    const count = grid.getDisplayedRowCount();
    if (count === 0) return;
    const from = focused?.rowIndex ?? -1;
    const to = Math.max(0, Math.min(count - 1, from + delta));
    const column = focused?.column ?? 'sourceCode';
    grid.ensureIndexVisible(to);
    grid.setFocusedCell(to, column);
  },
  /** Focus the grid now, or as soon as it has rows. */
  focus() {
    const grid = this.get();
    if (!grid || !grid.getDisplayedRowAtIndex(0)?.data) {
      focusPending = 'force';
      return;
    }
    focusPending = null;
    const focused = grid.getFocusedCell();
    const count = grid.getDisplayedRowCount();
    const rowIndex = Math.min(focused?.rowIndex ?? 0, count - 1);
    grid.ensureIndexVisible(rowIndex);
    grid.setFocusedCell(rowIndex, focused?.column ?? 'sourceCode');
  },
  /** Focus when the next rows arrive (after a filter change reloads the grid). */
  focusAfterReload() {
    focusPending = 'force';
  },
  /** Focus when rows arrive unless the steward is typing somewhere (first open, remount). */
  focusWhenIdle() {
    focusPending = 'ifIdle';
  },
  /** Called when rows arrive: completes a pending focus request. */
  rowsArrived(total: number) {
    if (!focusPending || total === 0) return;
    const active = document.activeElement;
    const typing =
      active instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName);
    const mode = focusPending;
    focusPending = null;
    if (mode === 'force' || !typing) this.focus();
  },
  clearSelection() {
    this.get()?.deselectAll();
  },
};
