import { describe, expect, it } from 'vitest';
import { parentChains, rollUpLeafCounts, type StructureItem } from './leaf-counts';

// ISIC-like: a letter section above numeric divisions, so codes are not prefixes of their children.
const isic: StructureItem[] = [
  { code: 'A', parentCode: null, isLeaf: false, status: 'active' },
  { code: '01', parentCode: 'A', isLeaf: false, status: 'active' },
  { code: '0111', parentCode: '01', isLeaf: true, status: 'active' },
  { code: '0112', parentCode: '01', isLeaf: true, status: 'active' },
  { code: '0113', parentCode: '01', isLeaf: true, status: 'deprecated' },
  { code: '02', parentCode: 'A', isLeaf: true, status: 'active' },
  { code: 'B', parentCode: null, isLeaf: false, status: 'active' },
  { code: '0500', parentCode: 'B', isLeaf: true, status: 'active' },
  { code: '9999', parentCode: 'ZZ', isLeaf: true, status: 'active' },
];

describe('rollUpLeafCounts', () => {
  it('counts the leaves below a letter section through parent codes', () => {
    const states = new Map([
      ['0111', { mapped: true, approved: true }],
      ['0112', { mapped: true, approved: false }],
      ['0500', { mapped: false, approved: false }],
    ]);
    const counts = rollUpLeafCounts(isic, (c) => states.get(c));
    expect(counts.get('A')).toEqual({ leaves: 4, mapped: 2, approved: 1, unmapped: 1 });
    expect(counts.get('01')).toEqual({ leaves: 3, mapped: 2, approved: 1, unmapped: 0 });
    expect(counts.get('B')).toEqual({ leaves: 1, mapped: 0, approved: 0, unmapped: 1 });
    expect(counts.get('0111')).toEqual({ leaves: 1, mapped: 1, approved: 1, unmapped: 0 });
  });

  it('treats an item whose parent is missing as a top node and survives a cycle', () => {
    const { tops, chainOf } = parentChains([
      ...isic,
      { code: 'X', parentCode: 'Y', isLeaf: false, status: 'active' },
      { code: 'Y', parentCode: 'X', isLeaf: false, status: 'active' },
    ]);
    expect(tops).toEqual(['A', 'B', '9999']);
    expect(chainOf('0111')).toEqual(['0111', '01', 'A']);
    expect(chainOf('X')).toEqual(['X', 'Y']);
  });
});
