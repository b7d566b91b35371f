import { RpcError } from '../../../shared/rpc/errors';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { useCrosswalks } from '../crosswalks/crosswalk-store';
import { gridHandle } from '../crosswalks/grid-handle';
import { refreshAfterChange } from '../crosswalks/review-actions';
import { SHOWN, useSuggestions } from './suggestions-store';

const crosswalks = () => useCrosswalks.getState();

/** One accept at a time, in key order; "saved" only once the host replied (journaled and fsynced). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Accepts suggestion `index` (0-based) of the focused row's source code, as shown at the keypress.
 * Returns false when nothing is shown for that row.
 */
export function acceptSuggestion(index: number): boolean {
  const shown = useSuggestions.getState();
  const row = gridHandle.focusedRow();
  const crosswalkId = crosswalks().crosswalkId;
  const pick = shown.suggestions[index];
  if (
    !crosswalkId ||
    !row ||
    !pick ||
    shown.crosswalkId !== crosswalkId ||
    shown.sourceCode !== row.sourceCode
  )
    return false;
  if (pick.existing) {
    crosswalks().setSave({
      kind: 'error',
      text: errorText(
        new RpcError('conflict', 'already mapped', {
          reason: 'duplicate_pair',
          sourceCode: row.sourceCode,
          targetCode: pick.targetCode,
          status: pick.existing.status,
        }),
      ),
    });
    return true;
  }
  crosswalks().setSave({ kind: 'saving' });
  queue = queue.then(async () => {
    try {
      const reply = await rpc.call('suggestions.accept', {
        crosswalkId,
        sourceCode: row.sourceCode,
        targetCode: pick.targetCode,
        score: pick.score,
      });
      if (crosswalks().crosswalkId !== crosswalkId) return;
      crosswalks().setUndo(reply.undo);
      crosswalks().setSave({ kind: 'saved', what: 'added', count: 1, at: Date.now() });
    } catch (error) {
      crosswalks().setSave({ kind: 'error', text: errorText(error) });
    }
    await refreshAfterChange();
  });
  return true;
}

/**
 * Goes to the next source code that has no mapping: first shows the unmapped-sources check (its
 * first row gets focus), then moves to the next unmapped code after the focused one.
 */
export async function jumpToNextUnmapped(): Promise<void> {
  const state = crosswalks();
  const crosswalkId = state.crosswalkId;
  if (!crosswalkId) return;
  if (state.filter.check !== 'unmapped_sources') {
    gridHandle.focusAfterReload();
    state.patchFilter({ check: 'unmapped_sources' });
    return;
  }
  const focused = gridHandle.focusedRow();
  try {
    const { next } = await rpc.call('suggestions.nextUnmapped', {
      crosswalkId,
      after: focused?.sourceCode,
      k: SHOWN,
    });
    const grid = gridHandle.get();
    if (!next || !grid) return;
    let at: number | null = null;
    grid.forEachNode((node) => {
      if (node.data?.mappingId === null && node.data.sourceCode === next.sourceCode)
        at = node.rowIndex;
    });
    // Not loaded yet (or sorted elsewhere): the next row of the unmapped view.
    if (at === null) gridHandle.move(1);
    else {
      grid.ensureIndexVisible(at);
      grid.setFocusedCell(at, grid.getFocusedCell()?.column ?? 'sourceCode');
      gridHandle.noteFocus();
    }
  } catch (error) {
    crosswalks().setSave({ kind: 'error', text: errorText(error) });
  }
}

/** Keys 1–5 (digits on the main row or the keypad) and S; true when the key was handled. */
export function handleSuggestionKey(code: string): boolean {
  const digit = /^(?:Digit|Numpad)([1-9])$/.exec(code);
  if (digit) {
    const n = Number(digit[1]);
    return n <= SHOWN && acceptSuggestion(n - 1);
  }
  if (code === 'KeyS') {
    void jumpToNextUnmapped();
    return true;
  }
  return false;
}
