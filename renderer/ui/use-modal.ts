import { useEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** True while any modal dialog is open: keys meant for the screen behind it must not act. */
export function isModalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}

function topModal(): HTMLElement | null {
  const all = document.querySelectorAll<HTMLElement>('[aria-modal="true"]');
  return all.length > 0 ? all[all.length - 1]! : null;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.offsetParent !== null || el === document.activeElement,
  );
}

/**
 * Makes `box` behave as a modal wherever focus is: it takes the focus when it opens, Tab and
 * Shift+Tab cycle inside it, focus that escapes to the page behind is brought back, and Escape
 * closes it. The listeners run in the capture phase, before the screen's own keys.
 */
export function useModal(box: RefObject<HTMLElement | null>, onClose: () => void): void {
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const root = box.current;
    if (!root) return;
    const first =
      root.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(root)[0] ?? root;
    if (!root.contains(document.activeElement)) first.focus();
    const onKey = (e: KeyboardEvent) => {
      if (topModal() !== root) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close.current();
        return;
      }
      if (e.key !== 'Tab') return;
      const items = focusables(root);
      if (items.length === 0) {
        e.preventDefault();
        root.focus();
        return;
      }
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = e.shiftKey
        ? at <= 0
          ? items[items.length - 1]!
          : items[at - 1]!
        : at === -1 || at === items.length - 1
          ? items[0]!
          : items[at + 1]!;
      e.preventDefault();
      next.focus();
    };
    const onFocus = (e: FocusEvent) => {
      if (topModal() !== root) return;
      if (e.target instanceof Node && !root.contains(e.target))
        (focusables(root)[0] ?? root).focus();
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocus, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocus, true);
    };
  }, [box]);
}
