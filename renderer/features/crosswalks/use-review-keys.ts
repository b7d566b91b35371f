import { useEffect } from 'react';
import { useCrosswalks } from './crosswalk-store';
import { gridHandle } from './grid-handle';
import { decide, redo, undo } from './review-actions';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The review keys. Matched on `event.code` (the physical key) so they work the same
 * with the Hebrew keyboard layout, where the A key types ש.
 */
export function useReviewKeys(searchInput: () => HTMLInputElement | null): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const state = useCrosswalks.getState();
      if (state.dialog) {
        if (e.key === 'Escape') state.openDialog(null);
        return;
      }
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
          void decide({ status: 'approved' });
          break;
        case 'KeyR':
          handled();
          void decide({ status: 'rejected' });
          break;
        case 'KeyD':
          handled();
          void decide({ status: 'needs_discussion' });
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
