import { describe, expect, it } from 'vitest';
import { compareHebrew, hebrewSortKey } from './hebrew-collation';

describe('hebrewSortKey', () => {
  it('sorts final letters with their regular forms, as Hebrew dictionaries do', () => {
    // Binary order would put ך (U+05DA) before כ (U+05DB) and so "מלך" before "מלכה" for the wrong reason.
    const words = ['מלכה', 'מלך', 'מלאכה', 'מלון'];
    expect([...words].sort(compareHebrew)).toEqual(['מלאכה', 'מלון', 'מלך', 'מלכה']);
    expect(hebrewSortKey('מלך')).toBe('מלכ');
  });

  it('ignores niqqud and gershayim', () => {
    expect(hebrewSortKey('שָׁלוֹם')).toBe(hebrewSortKey('שלום'));
    expect(hebrewSortKey('הלמ"ס')).toBe(hebrewSortKey('הלמ״ס'));
  });

  it('agrees with Intl.Collator("he") on the Employment Service major-group titles', () => {
    const titles = [
      'מנהלים',
      'בעלי משלח יד אקדמי',
      'הנדסאים, טכנאים, סוכנים ובעלי משלח יד נלווה',
      'פקידים כלליים ועובדי משרד',
      'עובדי מכירות ושירותים',
      'עובדים מקצועיים בחקלאות, בייעור ובדיג',
      'בעלי מלאכה בתעשייה ובבינוי ובעלי משלח יד דומה',
      'מפעילי מתקנים ומכונות, מרכיבי מוצרים וציוד ונהגים',
      'עובדים בלתי מקצועיים',
    ];
    const collator = new Intl.Collator('he');
    expect([...titles].sort(compareHebrew)).toEqual([...titles].sort(collator.compare));
  });

  it('puts Latin case-insensitively and keeps empty values first', () => {
    expect(['beta', 'Alpha', ''].sort(compareHebrew)).toEqual(['', 'Alpha', 'beta']);
  });
});

describe('hebrewSortKey and the maqaf', () => {
  it('treats the maqaf as a word break, not as nothing', () => {
    expect(hebrewSortKey('בית־ספר')).toBe('בית ספר');
  });
});
