import { excelDamage } from './column-warnings';

/** The codes of the scheme a crosswalk side must come from, and how to name that scheme. */
export interface SchemeCodes {
  nameHe: string;
  nameEn: string;
  version: string;
  codes: ReadonlySet<string>;
}

/** Why a code that is not in its scheme is probably a damaged code of it. */
export type CodeHint =
  | { hint: 'leading_zero'; suggestion: string }
  | { hint: 'scientific_notation' | 'date_like' | 'numeric_loss' };

/** How many leading zeros a code may have lost (0110 → 110, 00110 → 110) or gained. */
const MAX_ZEROS = 3;
const DIGITS = /^\d+$/;

/**
 * A hint for a code its scheme lacks: the code of the scheme it becomes with its leading zeros
 * put back (110 → 0110) or with zeros too many taken off (0012 → 012), else how Excel seems to
 * have changed it (1.12E+03, 1-Jan, 111.0); null when it looks like an unknown code and no more.
 */
export function codeHint(value: string, codes: ReadonlySet<string>): CodeHint | null {
  if (DIGITS.test(value)) {
    for (let zeros = 1; zeros <= MAX_ZEROS; zeros++) {
      const padded = '0'.repeat(zeros) + value;
      if (codes.has(padded)) return { hint: 'leading_zero', suggestion: padded };
    }
    for (let cut = 1; cut <= MAX_ZEROS && value[cut - 1] === '0' && cut < value.length; cut++) {
      const trimmed = value.slice(cut);
      if (codes.has(trimmed)) return { hint: 'leading_zero', suggestion: trimmed };
    }
  }
  const damage = excelDamage(value);
  return damage ? { hint: damage } : null;
}

/** The words a hint adds to the English message. */
export function codeHintText(h: CodeHint): string {
  switch (h.hint) {
    case 'leading_zero':
      return `; did you mean ${h.suggestion}?`;
    case 'scientific_notation':
      return '; it looks like a code Excel turned into scientific notation';
    case 'date_like':
      return '; it looks like a code Excel turned into a date';
    case 'numeric_loss':
      return '; it looks like a code Excel saved as a number ("111.0")';
  }
}
