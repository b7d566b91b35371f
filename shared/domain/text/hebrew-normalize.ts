import { hebrewSortKey } from './hebrew-collation';

/**
 * Text → matching terms, for Hebrew and English titles. Builds on the sort key (niqqud and
 * cantillation dropped, final letters regular, punctuation including maqaf and hyphens → space,
 * Latin lower-cased) and adds what matching needs beyond sorting: geresh/gershayim vanish inside
 * a word (צה״ל → צהל, not "צה ל"), Hebrew one-letter prefixes and English suffixes give variants,
 * stop words go.
 */
const GERESH = /[\u05F3\u05F4'"`´\u2018\u2019\u201C\u201D]/g;
// Maqaf sits inside the marks range the sort key drops; it joins words, so it must become a space first.
const MAQAF_AND_DASHES = /[\u05BE\u2010-\u2015-]/g;
const HEBREW_LETTERS = /^[\u05D0-\u05EA]+$/;
const LATIN_LETTERS = /^[a-z]+$/;

// Longest first, so a token yields every stripping the grammar allows.
const HEBREW_PREFIXES = [
  'ושה', 'ושב', 'ושל', 'ומה', 'וכש',
  'וה', 'וב', 'ול', 'ומ', 'וש', 'שה', 'שב', 'של', 'שמ', 'מה', 'כש',
  'ו', 'ה', 'ב', 'ל', 'מ', 'ש',
]; // prettier-ignore
const MIN_HEBREW_STEM = 4;

const STOP_WORDS = new Set([
  // English
  'a', 'an', 'and', 'or', 'of', 'the', 'for', 'in', 'on', 'to', 'by', 'with', 'from', 'at', 'as',
  'other', 'others', 'except', 'excluding', 'including', 'n', 'e', 'c', 'nec', 'related', 'etc',
  'not', 'elsewhere', 'classified', 'all', 'its', 'their', 'such', 'than', 'via', 'also',
  // Hebrew (after normalisation: no final letters)
  'של', 'את', 'על', 'עמ', 'או', 'גמ', 'כל', 'לא', 'וכנ', 'אחר', 'אחרימ', 'אחרות', 'אחרת', 'כולל',
  'למעט', 'מלבד', 'פרט', 'נמנה', 'במקומ', 'אשר', 'זה', 'זו',
]); // prettier-ignore

/** One string for matching: NFKC, geresh/gershayim removed, then the Hebrew sort key. */
export function normalizeForMatch(text: string | null | undefined): string {
  if (!text) return '';
  return hebrewSortKey(text.normalize('NFKC').replace(GERESH, '').replace(MAQAF_AND_DASHES, ' '));
}

/** Normalised words, stop words and lone letters dropped (numbers kept). */
export function matchTokens(text: string | null | undefined): string[] {
  return normalizeForMatch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '' && !STOP_WORDS.has(t) && (t.length > 1 || /\d/.test(t)));
}

/** A Hebrew word without its prefixes: every stripping that leaves ≥ 4 letters. */
export function hebrewPrefixVariants(token: string): string[] {
  if (!HEBREW_LETTERS.test(token)) return [];
  const out: string[] = [];
  for (const prefix of HEBREW_PREFIXES) {
    const rest = token.slice(prefix.length);
    if (token.startsWith(prefix) && rest.length >= MIN_HEBREW_STEM && !out.includes(rest))
      out.push(rest);
  }
  return out.filter((v) => !STOP_WORDS.has(v));
}

const VOWEL = /[aeiouy]/;
const undouble = (stem: string) =>
  /([b-df-hj-km-np-tv-xz])\1$/.test(stem) && !/(ll|ss|zz)$/.test(stem) ? stem.slice(0, -1) : stem;

/** Conservative English stem: plurals, -ing, -er, final e ("manufacturers" = "manufacturing"). */
export function stemEnglish(token: string): string {
  if (!LATIN_LETTERS.test(token) || token.length <= 3) return token;
  let t = token;
  if (t.endsWith('ies') && t.length > 4) t = `${t.slice(0, -3)}y`;
  else if (t.endsWith('sses')) t = t.slice(0, -2);
  else if (/(s|x|z|ch|sh)es$/.test(t)) t = t.slice(0, -2);
  else if (t.endsWith('s') && !/(ss|us|is)$/.test(t)) t = t.slice(0, -1);
  if (t.endsWith('ing') && t.length - 3 >= 3 && VOWEL.test(t.slice(0, -3))) {
    t = undouble(t.slice(0, -3));
    // "making" → "mak" → "make", to meet "make" below.
    if (/^[^aeiou][aeiou][^aeiouwxy]$/.test(t)) t = `${t}e`;
  } else if (t.endsWith('er') && t.length - 2 >= 4) t = undouble(t.slice(0, -2));
  if (t.endsWith('e') && t.length > 4) t = t.slice(0, -1);
  return t;
}

export interface Term {
  term: string;
  /** 1 for the word as written; less for a variant (a stem or a word without its prefix). */
  weight: number;
}

const VARIANT_WEIGHT = 0.6;

/** The terms of a text: each word, plus its English stem or its Hebrew prefix-less forms. */
export function matchTerms(text: string | null | undefined): Term[] {
  const out = new Map<string, number>();
  const add = (term: string, weight: number) => out.set(term, (out.get(term) ?? 0) + weight);
  for (const token of matchTokens(text)) {
    const stem = stemEnglish(token);
    if (stem !== token) add(stem, 1);
    else add(token, 1);
    for (const variant of hebrewPrefixVariants(token)) add(variant, VARIANT_WEIGHT);
  }
  return [...out].map(([term, weight]) => ({ term, weight }));
}

/** Character n-grams of the normalised words (each word padded with a space on both sides). */
export function charNgrams(text: string | null | undefined, n = 3): string[] {
  const grams: string[] = [];
  for (const token of matchTokens(text)) {
    const padded = ` ${token} `;
    for (let i = 0; i + n <= padded.length; i++) grams.push(padded.slice(i, i + n));
  }
  return grams;
}
