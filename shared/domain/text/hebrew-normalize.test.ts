import { describe, expect, it } from 'vitest';
import {
  charNgrams,
  hebrewPrefixVariants,
  matchTerms,
  matchTokens,
  normalizeForMatch,
  stemEnglish,
} from './hebrew-normalize';

const terms = (text: string) => matchTerms(text).map((t) => t.term);

describe('normalizeForMatch', () => {
  it('drops niqqud and cantillation', () => {
    expect(normalizeForMatch('שָׁלוֹם')).toBe('שלומ');
    expect(normalizeForMatch('בְּרֵאשִׁ֖ית')).toBe(normalizeForMatch('בראשית'));
  });

  it('writes final letters as regular ones', () => {
    expect(normalizeForMatch('ךםןףץ')).toBe('כמנפצ');
    expect(normalizeForMatch('מלך')).toBe(normalizeForMatch('מלכ'));
  });

  it('removes geresh and gershayim inside a word, Hebrew or ASCII', () => {
    expect(normalizeForMatch('צה״ל')).toBe('צהל');
    expect(normalizeForMatch('הלמ"ס')).toBe('הלמס');
    expect(normalizeForMatch('ג׳ירפה')).toBe(normalizeForMatch("ג'ירפה"));
  });

  it('splits words at maqaf and hyphens', () => {
    expect(matchTokens('בית־ספר')).toEqual(['בית', 'ספר']);
    expect(matchTokens('דו-לשוני')).toEqual(['דו', 'לשוני']);
  });

  it('lower-cases Latin and folds compatibility forms (NFKC)', () => {
    expect(normalizeForMatch('ＡＢＣ Chief')).toBe('abc chief');
  });
});

describe('Hebrew prefixes', () => {
  it('keeps the word and its prefix-less forms, so "והמנהלים" meets "מנהלים"', () => {
    expect(hebrewPrefixVariants('והמנהלימ')).toEqual(expect.arrayContaining(['המנהלימ', 'מנהלימ']));
    const a = new Set(terms('והמנהלים'));
    expect(a.has('והמנהלימ')).toBe(true);
    expect(terms('מנהלים').some((t) => a.has(t))).toBe(true);
  });

  it('strips only when four letters or more remain', () => {
    expect(hebrewPrefixVariants('בית')).toEqual([]);
    expect(hebrewPrefixVariants('לבית')).toEqual([]);
    expect(hebrewPrefixVariants('שהעובדימ')).toEqual(expect.arrayContaining(['העובדימ', 'עובדימ']));
  });

  it('drops stop words, with or without a prefix', () => {
    expect(terms('ייצור של מזון ומוצרים אחרים')).not.toContain('של');
    expect(terms('ייצור ואחרים')).not.toContain('אחרימ');
  });
});

describe('English', () => {
  it('stems plurals and suffixes conservatively', () => {
    expect(stemEnglish('activities')).toBe('activity');
    expect(stemEnglish('processes')).toBe('process');
    expect(stemEnglish('managers')).toBe(stemEnglish('manager'));
    expect(stemEnglish('manufacturing')).toBe(stemEnglish('manufacture'));
    expect(stemEnglish('manufacturers')).toBe(stemEnglish('manufacture'));
    expect(stemEnglish('making')).toBe(stemEnglish('make'));
    expect(stemEnglish('glass')).toBe('glass');
    expect(stemEnglish('bus')).toBe('bus');
    expect(stemEnglish('spring')).toBe('spring');
    expect(stemEnglish('paper')).toBe('paper');
  });

  it('drops stop words and n.e.c.', () => {
    expect(matchTokens('Manufacture of other food products n.e.c.')).toEqual([
      'manufacture',
      'food',
      'products',
    ]);
  });

  it('builds padded character trigrams', () => {
    expect(charNgrams('Cab')).toEqual([' ca', 'cab', 'ab ']);
  });
});
