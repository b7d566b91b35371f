import type { GridApi } from 'ag-grid-community';
import type { MappingRow } from '../../../shared/contract';

/** The one mounted review grid, so keyboard handlers and decisions can move focus and refresh rows. */
let api: GridApi<MappingRow> | null = null;

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
  focus() {
    const grid = this.get();
    if (!grid) return;
    const focused = grid.getFocusedCell();
    if (grid.getDisplayedRowCount() === 0) return;
    grid.setFocusedCell(focused?.rowIndex ?? 0, focused?.column ?? 'sourceCode');
  },
  clearSelection() {
    this.get()?.deselectAll();
  },
};
