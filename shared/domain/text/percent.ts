/**
 * A share as a percentage for display, never rounded onto 0% or 100% unless it is exactly that:
 * whole where whole is honest, else one decimal, and at most 99.9 / at least 0.1 for a share that
 * is almost but not quite all or nothing (678 of 679 reads 99.9, not 100).
 */
export function percentText(share: number): string {
  const p = share * 100;
  if (p <= 0) return '0';
  if (p >= 100) return '100';
  const one = Math.round(p * 10) / 10;
  const bounded = Math.min(99.9, Math.max(0.1, one));
  return Number.isInteger(bounded) ? String(bounded) : bounded.toFixed(1);
}
