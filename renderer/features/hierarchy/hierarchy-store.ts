import { create } from 'zustand';

interface HierarchyState {
  treesOpen: boolean;
  progressOpen: boolean;
  /** The last drag-to-map outcome, shown in the trees pane. */
  dropped: { kind: 'saved' | 'failed'; sourceCode: string; targetCode: string } | null;
  toggleTrees(): void;
  toggleProgress(): void;
  setDropped(dropped: HierarchyState['dropped']): void;
}

export const useHierarchy = create<HierarchyState>((set) => ({
  treesOpen: false,
  progressOpen: false,
  dropped: null,
  toggleTrees: () => set((s) => ({ treesOpen: !s.treesOpen })),
  toggleProgress: () => set((s) => ({ progressOpen: !s.progressOpen })),
  setDropped: (dropped) => set({ dropped }),
}));
