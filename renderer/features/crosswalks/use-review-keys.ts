import type { MappingStatus } from '../../../shared/contract';
import { useEffect } from 'react';
import { isModalOpen } from '../../ui/use-modal';
import { handleSuggestionKey } from '../suggestions/suggestion-actions';
import { useCrosswalks } from './crosswalk-store';
import { gridHandle } from './grid-handle';
import { decide, redo, undo } from './review-actions';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * One keystroke per mapping: the targets are taken at the keypress, the decision is queued, and focus
 * moves on to the next row (a bulk decision on a selection leaves focus where it is).
 */
function decideAndAdvance(status: MappingStatus): void {
  const targets = gridHandle.captureTargets();
  if (targets.mappingIds.length === 0) return;
  void decide({ status }, targets);
  if (!targets.bulk) gridHandle.move(1);
}

/**
 * The review keys. Matched on `event.code` (the physical key) so they work the same
 * with the Hebrew keyboard layout, where the A key types ש.
 */
export function useReviewKeys(searchInput: () => HTMLInputElement | null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The grid has already handled its own navigation keys (↑/↓) for this event.
      gridHandle.noteFocus();
      const state = useCrosswalks.getState();
      // Any open dialog owns the keyboard (it closes itself on Escape); nothing acts behind it.
      if (state.dialog || isModalOpen()) return;
      if (isTyping(e.target) || e.altKey) return;
      const ctrl = e.ctrlKey || e.metaKey;
      const handled = (): void => {
        e.preventDefault();
        e.stopPropagation();
      };
      if (ctrl) {
        if (e.code === 'KeyZ' && !e.shiftKey) {
          handled();
          void undo();
        } else if (e.code === 'KeyY' || (e.code === 'KeyZ' && e.shiftKey)) {
          handled();
          void redo();
        }
        return;
      }
      if (e.key === '/' || (e.code === 'Slash' && !e.shiftKey)) {
        handled();
        searchInput()?.focus();
        return;
      }
      if (e.shiftKey) return;
      if (handleSuggestionKey(e.code)) return handled();
      switch (e.code) {
        case 'KeyJ':
          handled();
          gridHandle.move(1);
          break;
        case 'KeyK':
          handled();
          gridHandle.move(-1);
          break;
        case 'KeyA':
          handled();
          decideAndAdvance('approved');
          break;
        case 'KeyR':
          handled();
          decideAndAdvance('rejected');
          break;
        case 'KeyD':
          handled();
          decideAndAdvance('needs_discussion');
          break;
        case 'KeyE':
          handled();
          if (state.focused?.mappingId != null || state.selected.length) state.openDialog('edit');
          break;
        case 'KeyC':
          handled();
          if (state.focused?.mappingId != null || state.selected.length)
            state.openDialog('comment');
          break;
        case 'KeyN':
          handled();
          state.openDialog('add');
          break;
        case 'Delete':
          handled();
          if (state.focused?.mappingId != null || state.selected.length) state.openDialog('remove');
          break;
        case 'Escape':
          if (state.selected.length) {
            handled();
            gridHandle.clearSelection();
          }
          break;
        default:
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [searchInput]);
}
