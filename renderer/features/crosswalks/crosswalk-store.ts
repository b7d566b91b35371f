import { create } from 'zustand';
import type {
  CheckCounts,
  CheckKind,
  Crosswalk,
  MappingFilter,
  MappingRow,
  SortSpec,
} from '../../../shared/contract';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; what: SavedWhat; count: number; at: number }
  | { kind: 'error'; text: string };

export type SavedWhat = 'decided' | 'added' | 'removed' | 'undone' | 'redone';

export type DialogKind = 'edit' | 'comment' | 'add' | 'remove' | null;

interface CrosswalkState {
  crosswalks: Crosswalk[] | null;
  listError: string | null;
  crosswalkId: string | null;
  /** Filters set outside the grid's own column filters (search, status, relation, check). */
  filter: MappingFilter;
  sort: SortSpec;
  /** Rows the steward explicitly selected (Space, Ctrl/Shift+click, checkbox). */
  selected: MappingRow[];
  focused: MappingRow | null;
  checks: CheckCounts | null;
  undo: { canUndo: boolean; canRedo: boolean };
  totalRows: number | null;
  save: SaveState;
  dialog: DialogKind;
  /** Bumped after every change so views that depend on data refetch. */
  revision: number;
  setCrosswalks(list: Crosswalk[]): void;
  setListError(text: string | null): void;
  selectCrosswalk(id: string): void;
  patchFilter(patch: Partial<MappingFilter>): void;
  toggleCheck(kind: CheckKind): void;
  setSort(sort: SortSpec): void;
  setSelected(rows: MappingRow[]): void;
  setFocused(row: MappingRow | null): void;
  setChecks(checks: CheckCounts | null): void;
  setUndo(undo: { canUndo: boolean; canRedo: boolean }): void;
  setTotalRows(total: number | null): void;
  setSave(save: SaveState): void;
  openDialog(dialog: DialogKind): void;
  bumpRevision(): void;
}

export const useCrosswalks = create<CrosswalkState>((set) => ({
  crosswalks: null,
  listError: null,
  crosswalkId: null,
  filter: {},
  sort: [],
  selected: [],
  focused: null,
  checks: null,
  undo: { canUndo: false, canRedo: false },
  totalRows: null,
  save: { kind: 'idle' },
  dialog: null,
  revision: 0,
  setCrosswalks: (crosswalks) => set({ crosswalks, listError: null }),
  setListError: (listError) => set({ listError }),
  selectCrosswalk: (crosswalkId) =>
    set({
      crosswalkId,
      filter: {},
      sort: [],
      selected: [],
      focused: null,
      checks: null,
      totalRows: null,
      save: { kind: 'idle' },
      undo: { canUndo: false, canRedo: false },
    }),
  patchFilter: (patch) =>
    set((s) => ({ filter: withoutEmpty({ ...s.filter, ...patch }), selected: [] })),
  toggleCheck: (kind) =>
    set((s) => ({
      filter: withoutEmpty({ ...s.filter, check: s.filter.check === kind ? undefined : kind }),
      selected: [],
    })),
  setSort: (sort) => set({ sort }),
  setSelected: (selected) => set({ selected }),
  setFocused: (focused) => set({ focused }),
  setChecks: (checks) => set({ checks }),
  setUndo: (undo) => set({ undo }),
  setTotalRows: (totalRows) => set({ totalRows }),
  setSave: (save) => set({ save }),
  openDialog: (dialog) =>
    set((s) => ({ dialog, save: s.save.kind === 'error' ? { kind: 'idle' } : s.save })),
  bumpRevision: () => set((s) => ({ revision: s.revision + 1 })),
}));

function withoutEmpty(filter: MappingFilter): MappingFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    out[key] = value;
  }
  return out as MappingFilter;
}

/** The stable id of a grid row: a mapping, or an unmapped source code. */
export function rowKey(row: MappingRow): string {
  return row.mappingId !== null ? `m${row.mappingId}` : `u${row.sourceCode}`;
}

/** What a decision applies to: the explicit selection if any, else the focused row; only real mappings. */
export function decisionTargets(state: Pick<CrosswalkState, 'selected' | 'focused'>): number[] {
  const rows = state.selected.length > 0 ? state.selected : state.focused ? [state.focused] : [];
  return rows.flatMap((r) => (r.mappingId !== null ? [r.mappingId] : []));
}
