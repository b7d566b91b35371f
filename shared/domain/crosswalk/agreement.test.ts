import { describe, expect, it } from 'vitest';
import { cohensKappa } from './agreement';

const repeat = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

describe('cohensKappa', () => {
  it('matches the textbook example: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4', () => {
    // Cohen's kappa, worked example (e.g. Wikipedia "Cohen's kappa"): pₒ = 0.7, pₑ = 0.5.
    const pairs = [
      ...repeat(20, ['yes', 'yes'] as const),
      ...repeat(5, ['yes', 'no'] as const),
      ...repeat(10, ['no', 'yes'] as const),
      ...repeat(15, ['no', 'no'] as const),
    ];
    const a = cohensKappa(['yes', 'no'], pairs);
    expect(a.n).toBe(50);
    expect(a.agreed).toBe(35);
    expect(a.observed).toBeCloseTo(0.7, 10);
    expect(a.expected).toBeCloseTo(0.5, 10);
    expect(a.kappa).toBeCloseTo(0.4, 10);
    expect(a.counts.yes.no).toBe(5);
  });

  it('is 1 for perfect agreement over several categories and handles a three-way table', () => {
    const perfect = cohensKappa(
      ['approve', 'reject', 'discuss'],
      [
        ['approve', 'approve'],
        ['reject', 'reject'],
        ['discuss', 'discuss'],
      ],
    );
    expect(perfect.kappa).toBeCloseTo(1, 10);
    // Fleiss, Statistical Methods for Rates and Proportions: agreement no better than chance → κ = 0.
    const chance = cohensKappa(
      ['a', 'b'],
      [
        ['a', 'a'],
        ['a', 'b'],
        ['b', 'a'],
        ['b', 'b'],
      ],
    );
    expect(chance.kappa).toBeCloseTo(0, 10);
  });

  it('has no kappa with nothing to compare or when both raters used one category only', () => {
    expect(cohensKappa(['a', 'b'], []).kappa).toBeNull();
    const same = cohensKappa(
      ['a', 'b'],
      [
        ['a', 'a'],
        ['a', 'a'],
      ],
    );
    expect(same.observed).toBe(1);
    expect(same.kappa).toBeNull();
  });
});
