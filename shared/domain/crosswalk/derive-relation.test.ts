import { describe, expect, it } from 'vitest';
import { relationFromPartials, relationsFromCardinality } from './derive-relation';

describe('relationFromPartials', () => {
  it('reads the partial flags of a correspondence table', () => {
    expect(relationFromPartials(false, false)).toBe('exact');
    expect(relationFromPartials(true, false)).toBe('narrower');
    expect(relationFromPartials(false, true)).toBe('broader');
    expect(relationFromPartials(true, true)).toBe('related');
  });
});

describe('relationsFromCardinality', () => {
  it('derives exact, narrower (split), broader (merge) and related (m:n)', () => {
    const sources = ['A', 'B', 'B', 'C', 'D', 'E', 'E', 'F'];
    const targets = ['1', '2', '3', '4', '4', '5', '6', '5'];
    expect(relationsFromCardinality(sources, targets)).toEqual([
      'exact', // A→1 only
      'narrower', // B split over 2 and 3
      'narrower',
      'broader', // C and D merged into 4
      'broader',
      'related', // E split, and 5 also gets F
      'narrower', // E split, 6 only from E
      'broader', // F only to 5, 5 also from E
    ]);
  });

  it('does not count a repeated pair as a split', () => {
    expect(relationsFromCardinality(['A', 'A'], ['1', '1'])).toEqual(['exact', 'exact']);
  });
});
