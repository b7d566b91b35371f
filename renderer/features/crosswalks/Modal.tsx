import { useEffect, useRef, type ReactNode } from 'react';
import { useModal } from '../../ui/use-modal';
import { useCrosswalks } from './crosswalk-store';
import { gridHandle } from './grid-handle';

/** A small modal dialog; it keeps the focus, Escape closes it and focus returns to the grid. */
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
  useModal(box, close);
  useEffect(() => {
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
        tabIndex={-1}
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
