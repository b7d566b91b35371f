import type { GridApi } from 'ag-grid-community';
import type { MappingRow } from '../../../shared/contract';
import { rowKey, useCrosswalks } from './crosswalk-store';

/** What a decision applies to, read at the instant of the key or click. */
export interface DecisionTargets {
  mappingIds: number[];
  /** True when these come from an explicit selection rather than the focused row. */
  bulk: boolean;
}

/** The one mounted review grid, so keyboard handlers and decisions can move focus and refresh rows. */
let api: GridApi<MappingRow> | null = null;
/** Set when focus was asked for before there were rows to focus; honoured when rows arrive. */
let focusPending: 'force' | 'ifIdle' | null = null;
/** The row (by id, not index) the steward last focused; kept focused when reloads shift rows. */
let focusedKey: string | null = null;

export const gridHandle = {
  set(next: GridApi<MappingRow> | null) {
    api = next;
    focusedKey = null;
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
    this.noteFocus();
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
  /**
   * Called when rows arrive: completes a pending focus request. An idle request never takes focus
   * from where the steward is (a field, the hierarchy trees, a button): only from nowhere.
   */
  rowsArrived(total: number) {
    if (!focusPending || total === 0) return;
    const active = document.activeElement;
    const idle = !active || active === document.body || !!active.closest('.mapping-grid');
    const mode = focusPending;
    focusPending = null;
    if (mode === 'force' || idle) this.focus();
  },
  /** The focused row as the grid shows it right now (the store may lag behind the grid's events). */
  focusedRow(): MappingRow | null {
    const grid = this.get();
    const cell = grid?.getFocusedCell();
    if (!grid || !cell) return useCrosswalks.getState().focused;
    return grid.getDisplayedRowAtIndex(cell.rowIndex)?.data ?? null;
  },
  /** The selection, else the focused row, as it is at this instant; only real mappings. */
  captureTargets(): DecisionTargets {
    const grid = this.get();
    const selected = (grid ? grid.getSelectedRows() : useCrosswalks.getState().selected).filter(
      (r) => r.mappingId !== null,
    );
    const rows = selected.length > 0 ? selected : [this.focusedRow()];
    return {
      mappingIds: rows.flatMap((r) => (r && r.mappingId !== null ? [r.mappingId] : [])),
      bulk: selected.length > 0,
    };
  },
  /**
   * Remembers which row has focus. Called synchronously on every key and move: the grid's
   * cell-focused event reaches React later, after further keys may already have been handled.
   */
  noteFocus() {
    const row = this.focusedRow();
    focusedKey = row ? rowKey(row) : null;
  },
  /**
   * After rows reload, keeps focus on the same row when decided rows left the view above it
   * (the grid itself keeps the index, which would then point one row further on).
   */
  keepFocusedRow() {
    const grid = this.get();
    const cell = grid?.getFocusedCell();
    if (!grid || !cell || !focusedKey) return;
    const shown = grid.getDisplayedRowAtIndex(cell.rowIndex)?.data;
    if (shown && rowKey(shown) === focusedKey) return;
    const node = grid.getRowNode(focusedKey);
    if (!node || node.rowIndex === null || node.rowIndex === undefined) return;
    const active = document.activeElement;
    const inGrid = active instanceof HTMLElement && !!active.closest('.mapping-grid');
    if (!inGrid) return;
    grid.ensureIndexVisible(node.rowIndex);
    grid.setFocusedCell(node.rowIndex, cell.column);
    this.noteFocus();
  },
  clearSelection() {
    this.get()?.deselectAll();
  },
};
