/**
 * Cohen's kappa for two raters over the items both rated: κ = (pₒ − pₑ) / (1 − pₑ), pₒ the share
 * of items they agree on, pₑ the agreement expected by chance from each rater's own category
 * shares. kappa is null when there is nothing to compare, or when chance agreement is already
 * total (both raters used one and the same category: κ is undefined there).
 */
export interface Agreement<C extends string> {
  /** Items both raters decided. */
  n: number;
  agreed: number;
  observed: number | null;
  expected: number | null;
  kappa: number | null;
  /** counts[a][b]: items the first rater put in a and the second in b. */
  counts: Record<C, Record<C, number>>;
}

export function cohensKappa<C extends string>(
  categories: readonly C[],
  pairs: readonly (readonly [C, C])[],
): Agreement<C> {
  const counts = Object.fromEntries(
    categories.map((a) => [a, Object.fromEntries(categories.map((b) => [b, 0]))]),
  ) as Record<C, Record<C, number>>;
  for (const [a, b] of pairs) counts[a][b] += 1;
  const n = pairs.length;
  const agreed = categories.reduce((s, c) => s + counts[c][c], 0);
  if (n === 0) return { n, agreed, observed: null, expected: null, kappa: null, counts };
  const observed = agreed / n;
  let expected = 0;
  for (const c of categories) {
    const first = categories.reduce((s, b) => s + counts[c][b], 0);
    const second = categories.reduce((s, a) => s + counts[a][c], 0);
    expected += (first / n) * (second / n);
  }
  const kappa = expected === 1 ? null : (observed - expected) / (1 - expected);
  return { n, agreed, observed, expected, kappa, counts };
}
