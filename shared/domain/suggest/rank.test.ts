import { describe, expect, it } from 'vitest';
import { createRanker } from './rank';
import type { SuggestItem } from './types';

const item = (
  code: string,
  parentCode: string | null,
  titleEn: string,
  extra: Partial<SuggestItem> = {},
): SuggestItem => ({
  code,
  parentCode,
  level: parentCode === null ? 1 : 2,
  isLeaf: parentCode !== null,
  titleEn,
  ...extra,
});

// An old and a new version of a small occupation scheme: the numbering of group 11 is kept,
// group 21 was renumbered as 31.
const oldScheme = [
  item('11', null, 'Managers'),
  item('1101', '11', 'Chief executives'),
  item('1102', '11', 'Sales managers'),
  item('1103', '11', 'Marketing managers'),
  item('21', null, 'Food production workers'),
  item('2101', '21', 'Bakers'),
  item('2102', '21', 'Butchers and meat cutters'),
  item('2103', '21', 'Food processing workers, all other'),
];
const newScheme = [
  item('11', null, 'Managers'),
  item('1101', '11', 'Chief executives'),
  item('1102', '11', 'Sales managers'),
  item('1103', '11', 'Marketing managers'),
  item('1104', '11', 'Public relations managers'),
  item('31', null, 'Food processing workers'),
  item('3101', '31', 'Bakers'),
  item('3102', '31', 'Butchers'),
  item('3103', '31', 'Meat, poultry and fish cutters'),
  item('3109', '31', 'Food processing workers, other'),
];

describe('createRanker', () => {
  it('suggests only leaves, best first, scores in [0, 1]', () => {
    const ranker = createRanker(oldScheme, newScheme);
    const top = ranker.rank('1102', 10);
    expect(top[0]!.code).toBe('1102');
    const leaves = new Set(newScheme.filter((i) => i.isLeaf).map((i) => i.code));
    expect(top.every((s) => leaves.has(s.code))).toBe(true);
    expect(top.map((s) => s.code)).not.toContain('11');
    for (const s of top) expect(s.score).toBeGreaterThanOrEqual(0);
    for (const s of top) expect(s.score).toBeLessThanOrEqual(1);
    expect([...top].sort((a, b) => b.score - a.score)).toEqual(top);
  });

  it('gives its reasons, whose contributions add up to the score', () => {
    const [first] = createRanker(oldScheme, newScheme).rank('1101', 3);
    const kinds = first!.reasons.map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(['title', 'context', 'code']));
    const title = first!.reasons.find((r) => r.kind === 'title')!;
    expect(title.similarity).toBeCloseTo(1, 5);
    const total = first!.reasons.reduce((s, r) => s + r.contribution, 0);
    expect(total).toBeCloseTo(first!.score, 5);
    expect(first!.reasons.find((r) => r.kind === 'code')!.evidence).toEqual(['1101']);
  });

  it('trusts codes only where the schemes keep their numbering', () => {
    const ranker = createRanker(oldScheme, newScheme);
    // Group 11 keeps its codes and titles: the code counts.
    const kept = ranker.rank('1103', 1)[0]!.reasons.find((r) => r.kind === 'code')!;
    expect(kept.similarity).toBeGreaterThan(0.5);
    // Old 2101 "Bakers" is new 3101: found by its title, not by a code nobody shares.
    expect(ranker.rank('2101', 1)[0]!.code).toBe('3101');
  });

  it('matches stems and word order: "Butchers and meat cutters" finds both new codes', () => {
    const top = createRanker(oldScheme, newScheme)
      .rank('2102', 2)
      .map((s) => s.code);
    expect(top.sort()).toEqual(['3102', '3103']);
  });

  it('gives a bonus to what the siblings map to, and says which siblings', () => {
    const ranker = createRanker(oldScheme, newScheme);
    const without = ranker.rank('2103', 5);
    const mappings = [
      { sourceCode: '2101', targetCode: '3101' },
      { sourceCode: '2102', targetCode: '3102' },
    ];
    const withSiblings = ranker.rank('2103', 5, { mappings });
    const sib = (list: typeof without, code: string) => list.find((s) => s.code === code);
    expect(sib(withSiblings, '3101')!.reasons.find((r) => r.kind === 'siblings')).toMatchObject({
      similarity: 1,
      evidence: ['2101'],
    });
    // The cousin 3109 (same parent as the siblings' targets) gains half the bonus.
    expect(sib(withSiblings, '3109')!.reasons.find((r) => r.kind === 'siblings')!.similarity).toBe(
      0.5,
    );
    expect(without.some((s) => s.reasons.some((r) => r.kind === 'siblings'))).toBe(false);
    expect(withSiblings[0]!.code).toBe('3109');
  });

  it('ranks an inherited target first and names the reason', () => {
    const ranker = createRanker(oldScheme, newScheme);
    const inherited = new Map([['1103', ['1104']]]);
    const [first] = ranker.rank('1103', 3, { inherited });
    expect(first!.code).toBe('1104');
    expect(first!.reasons.find((r) => r.kind === 'inherited')).toMatchObject({ similarity: 1 });
  });

  it('matches Hebrew titles across niqqud, final letters, gershayim and prefixes', () => {
    const source = [
      item('1', null, ''),
      item('1.1', '1', '', { titleHe: 'וְהַמְּנַהֲלִים הַבְּכִירִים' }),
      item('1.2', '1', '', { titleHe: 'עובדי הלמ"ס' }),
    ];
    const target = [
      item('A', null, '', { titleHe: 'ניהול' }),
      item('A1', 'A', '', { titleHe: 'מנהלים בכירים' }),
      item('A2', 'A', '', { titleHe: 'עובדי הלמ״ס' }),
      item('A3', 'A', '', { titleHe: 'עובדי מדינה' }),
    ];
    const ranker = createRanker(source, target);
    expect(ranker.rank('1.1', 1)[0]!.code).toBe('A1');
    expect(ranker.rank('1.2', 1)[0]!.code).toBe('A2');
  });

  it('ranks every source code at once', () => {
    const all = createRanker(oldScheme, newScheme).rankAll(2);
    expect(all.get('1101')![0]!.code).toBe('1101');
    expect(all.get('2101')![0]!.code).toBe('3101');
  });
});
