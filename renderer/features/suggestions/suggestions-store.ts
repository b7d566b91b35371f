import { create } from 'zustand';
import type { SuggestionCandidate } from '../../../shared/contract';

/** The suggestions shown for one source code, so the number keys accept what the steward sees. */
interface SuggestionsState {
  crosswalkId: string | null;
  sourceCode: string | null;
  suggestions: SuggestionCandidate[];
  loading: boolean;
  error: string | null;
  set(patch: Partial<Omit<SuggestionsState, 'set'>>): void;
}

export const useSuggestions = create<SuggestionsState>((set) => ({
  crosswalkId: null,
  sourceCode: null,
  suggestions: [],
  loading: false,
  error: null,
  set: (patch) => set(patch),
}));

/** How many suggestions the panel shows (and keys 1–5 reach). */
export const SHOWN = 5;
