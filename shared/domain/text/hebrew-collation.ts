/**
 * A sort key whose plain binary order is Hebrew dictionary order, so SQLite (which has no ICU in
 * sql.js) can sort titles with an ordinary index. Final letters sort with their regular forms,
 * niqqud and cantillation marks are ignored, geresh/gershayim and punctuation are dropped, and
 * Latin letters compare case-insensitively. Digits sort before letters, as in Intl.Collator('he').
 */
const FINAL_TO_REGULAR: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };

// Hebrew points and cantillation (U+0591–U+05C7) and the Unicode bidi controls.
const MARKS = /[\u0591-\u05C7\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const PUNCT = /[\u05F3\u05F4'"׳״`´.,;:!?()[\]{}\-־–—_/\\|*&^%$#@~+=<>]/g;

export function hebrewSortKey(text: string | null | undefined): string {
  if (!text) return '';
  return (
    text
      .normalize('NFD')
      // Maqaf (U+05BE) sits inside the marks range but joins words: it sorts like a space.
      .replace(/\u05BE/g, ' ')
      .replace(MARKS, '')
      .replace(/[ךםןףץ]/g, (c) => FINAL_TO_REGULAR[c] ?? c)
      .replace(PUNCT, ' ')
      .toLowerCase()
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Compare two strings the way the sort key orders them (for in-memory sorts). */
export function compareHebrew(a: string | null | undefined, b: string | null | undefined): number {
  const ka = hebrewSortKey(a);
  const kb = hebrewSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
