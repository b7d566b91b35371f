import { describe, expect, it } from 'vitest';
import {
  readFlag,
  readFraction,
  readJustification,
  readMappingStatus,
  readRelation,
  stripCuriePrefix,
} from './values';

describe('cell readers', () => {
  it('reads relations in our words and as SKOS predicates', () => {
    expect(readRelation('exact')).toBe('exact');
    expect(readRelation('skos:narrowMatch')).toBe('narrower');
    expect(readRelation('skos:broadMatch')).toBe('broader');
    expect(readRelation('same')).toBeUndefined();
  });

  it('reads shares and confidences between 0 and 1 only', () => {
    expect(readFraction('0.25')).toBe(0.25);
    expect(readFraction('1')).toBe(1);
    expect(readFraction('0,5')).toBe(0.5);
    expect(readFraction('abc')).toBeUndefined();
    expect(readFraction('1.5')).toBeUndefined();
    expect(readFraction('-0.1')).toBeUndefined();
  });

  it('reads partial flags in their usual spellings', () => {
    expect(['1', '*', 'true', 'Yes'].map(readFlag)).toEqual([true, true, true, true]);
    expect(['0', '', ' ', 'false', 'no'].map(readFlag)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(readFlag('maybe')).toBeUndefined();
  });

  it('reads statuses and semapv justifications', () => {
    expect(readMappingStatus('Needs discussion')).toBe('needs_discussion');
    expect(readJustification('semapv:ManualMappingCuration')).toBe('manual');
    expect(readJustification('semapv:LexicalMatching')).toBe('lexical_suggestion');
    expect(readJustification('semapv:MappingChaining')).toBe('inherited');
    expect(readJustification('semapv:UnspecifiedMatching')).toBe('imported');
    expect(readJustification('guess')).toBeUndefined();
  });

  it('strips CURIE prefixes and keeps leading zeros', () => {
    expect(stripCuriePrefix('isco08:0110')).toBe('0110');
    expect(stripCuriePrefix('0110')).toBe('0110');
    expect(stripCuriePrefix('http://example.org/x')).toBe('http://example.org/x');
  });
});
