import { create } from 'zustand';
import type { Steward, WorkspaceInfo } from '../../shared/contract';
import { rpc } from './rpc';

export type View = 'crosswalks' | 'import' | 'audit' | 'discussion';

interface AppState {
  view: View;
  info: WorkspaceInfo | null;
  steward: Steward | null;
  loaded: boolean;
  /** A transient message at the bottom of the screen ("Saved", an error). */
  toast: { kind: 'ok' | 'error'; text: string; at: number } | null;
  setView(view: View): void;
  refreshInfo(): Promise<void>;
  setSteward(steward: Steward | null): void;
  showToast(kind: 'ok' | 'error', text: string): void;
}

export const useApp = create<AppState>((set) => ({
  view: 'crosswalks',
  info: null,
  steward: null,
  loaded: false,
  toast: null,
  setView: (view) => set({ view }),
  refreshInfo: async () => {
    const info = await rpc.call('workspace.info', {});
    set({ info, steward: info.currentSteward, loaded: true });
  },
  setSteward: (steward) => set({ steward }),
  showToast: (kind, text) => set({ toast: { kind, text, at: Date.now() } }),
}));
