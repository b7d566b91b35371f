import { useEffect, useRef, type ReactNode } from 'react';
import { useCrosswalks } from './crosswalk-store';
import { gridHandle } from './grid-handle';

/** A small modal dialog; Escape closes it and focus returns to the grid. */
export function Modal({
  title,
  testId,
  children,
}: {
  title: string;
  testId: string;
  children: ReactNode;
}) {
  const close = () => useCrosswalks.getState().openDialog(null);
  const box = useRef<HTMLDivElement>(null);
  const save = useCrosswalks((s) => s.save);
  useEffect(() => {
    const root = box.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ??
      root?.querySelector<HTMLElement>('input, select, textarea, button');
    first?.focus();
    return () => {
      setTimeout(() => {
        if (!useCrosswalks.getState().dialog) gridHandle.focus();
      }, 0);
    };
  }, []);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        ref={box}
        className="modal card"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
      >
        <h2>{title}</h2>
        {children}
        {save.kind === 'error' && (
          <p className="error" role="alert">
            {save.text}
          </p>
        )}
      </div>
    </div>
  );
}
