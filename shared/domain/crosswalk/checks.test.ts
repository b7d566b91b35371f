import { describe, expect, it } from 'vitest';
import {
  duplicatePairs,
  invalidTargets,
  sharesAreWrong,
  sharesNotOne,
  unmappedSources,
  type CheckItem,
  type CheckMapping,
} from './checks';

const item = (code: string, isLeaf = true, status: CheckItem['status'] = 'active'): CheckItem => ({
  code,
  isLeaf,
  status,
});
let nextId = 1;
const m = (
  sourceCode: string,
  targetCode: string,
  share: number | null = null,
  status: CheckMapping['status'] = 'proposed',
): CheckMapping => ({
  id: nextId++,
  sourceCode,
  targetCode,
  share,
  status,
});

describe('crosswalk checks', () => {
  it('lists active leaf sources with no mapping other than rejected ones', () => {
    const sources = [
      item('01', false),
      item('0110'),
      item('0210'),
      item('0310'),
      item('0410', true, 'deprecated'),
    ];
    const mappings = [m('0110', '0110'), m('0210', '0210', null, 'rejected')];
    expect(unmappedSources(sources, mappings)).toEqual(['0210', '0310']);
  });

  it('judges shares: once one is set, all set and adding up to 1; none set is an unweighted split', () => {
    expect(sharesAreWrong([null])).toBe(false);
    expect(sharesAreWrong([1])).toBe(false);
    expect(sharesAreWrong([0.4])).toBe(true);
    expect(sharesAreWrong([0.3, 0.7])).toBe(false);
    expect(sharesAreWrong([0.1, 0.2, 0.7000000001])).toBe(false);
    expect(sharesAreWrong([0.5, null])).toBe(true);
    expect(sharesAreWrong([null, 0.5])).toBe(true);
    expect(sharesAreWrong([0.5, 0.4])).toBe(true);
  });

  it('flags every live mapping of a source whose shares are wrong, ignoring rejected ones', () => {
    const a1 = m('1111', '1110', 0.5);
    const a2 = m('1111', '1120', 0.5);
    const b1 = m('2222', '2220', 0.5);
    const b2 = m('2222', '2230', 0.2);
    const c1 = m('3333', '3330', 0.6);
    const c2 = m('3333', '3340', null, 'rejected');
    const d1 = m('4444', '4440', 0.9);
    expect(sharesNotOne([a1, a2, b1, b2, c1, c2, d1])).toEqual([b1.id, b2.id, c1.id, d1.id]);
  });

  it('does not flag a source whose live mappings carry no shares at all (an unweighted split)', () => {
    expect(sharesAreWrong([null, null])).toBe(false);
    expect(sharesAreWrong([null, null, null])).toBe(false);
    const u1 = m('5555', '5550');
    const u2 = m('5555', '5560');
    const u3 = m('5555', '5570');
    const w1 = m('6666', '6660');
    const w2 = m('6666', '6670', 0.3);
    const r1 = m('7777', '7770');
    const r2 = m('7777', '7780', 0.4, 'rejected');
    expect(sharesNotOne([u1, u2, u3, w1, w2, r1, r2])).toEqual([w1.id, w2.id]);
  });

  it('flags targets that are missing, not leaves or deprecated', () => {
    const targets = [item('1', false), item('1110'), item('1120', true, 'deprecated')];
    const ok = m('a', '1110');
    const missing = m('a', '9999');
    const notLeaf = m('b', '1');
    const deprecated = m('c', '1120');
    const rejected = m('d', '9999', null, 'rejected');
    expect(invalidTargets(targets, [ok, missing, notLeaf, deprecated, rejected])).toEqual([
      missing.id,
      notLeaf.id,
      deprecated.id,
    ]);
  });

  it('flags every copy of a pair that occurs more than once', () => {
    const x1 = m('0110', '0110');
    const x2 = m('0110', '0110', null, 'approved');
    const y = m('0110', '0111');
    const z = m('0111', '0110');
    expect(duplicatePairs([x1, x2, y, z])).toEqual([x1.id, x2.id]);
  });
});
