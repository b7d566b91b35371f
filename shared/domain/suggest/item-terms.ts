import { charNgrams, matchTerms, type Term } from '../text/hebrew-normalize';
import type { SuggestItem } from './types';

const joined = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' ');

/** Both languages together: a Hebrew-only source still meets a bilingual target. */
export const titleTerms = (item: SuggestItem): Term[] =>
  matchTerms(joined(item.titleHe, item.titleEn));

export const descriptionTerms = (item: SuggestItem): Term[] =>
  matchTerms(joined(item.descriptionHe, item.descriptionEn));

export function titleGrams(item: SuggestItem): Term[] {
  const counts = new Map<string, number>();
  for (const gram of charNgrams(joined(item.titleHe, item.titleEn)))
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return [...counts].map(([term, weight]) => ({ term, weight }));
}

/** Terms weighted, for a parent path: the nearest ancestor counts fully, each one above half as much. */
export function pathTerms(ancestors: readonly SuggestItem[]): Term[] {
  const out = new Map<string, number>();
  let weight = 1;
  for (let i = ancestors.length - 1; i >= 0 && weight > 0.1; i--, weight /= 2)
    for (const t of titleTerms(ancestors[i]!))
      out.set(t.term, Math.max(out.get(t.term) ?? 0, t.weight * weight));
  return [...out].map(([term, w]) => ({ term, weight: w }));
}
