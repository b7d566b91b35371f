import type { ReactNode } from 'react';

/** Codes, numbers and ISO dates read left to right inside Hebrew text, isolated from their neighbours. */
export function Ltr({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <bdi dir="ltr" className={className ? `ltr ${className}` : 'ltr'}>
      {children}
    </bdi>
  );
}
