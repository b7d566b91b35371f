import type { ColumnWarning } from '../../contract/imports';

/**
 * Signs that Excel has already changed a column before it reached us: codes that lost their
 * leading zero, numbers turned to scientific notation or to dates, integers saved as "111.0".
 * Only flagged for the steward in the preview; values are never changed.
 */

const SCIENTIFIC = /^[+-]?\d+(\.\d+)?E[+-]?\d+$/i;
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
const DATE_LIKE = new RegExp(
  `^(\\d{1,2}[-/ ]${MONTH}([-/ ]\\d{2,4})?|${MONTH}[-/ ]\\d{1,4}|\\d{4}-\\d{2}-\\d{2}([T ][\\d:.]+Z?)?|\\d{1,2}/\\d{1,2}/\\d{2,4})$`,
  'i',
);
const DIGITS = /^\d+$/;
const INTEGER_WITH_DOT_ZERO = /^\d+\.0+$/;
const FRACTION = /^\d*[.,]\d+$/;
const MAX_EXAMPLES = 5;

export interface StoredAsNumber {
  count: number;
  examples: string[];
}

export interface WarningOptions {
  /** Columns where dates are expected (valid from/to): no date warning there. */
  dateColumns?: ReadonlySet<string>;
  /** Columns not to check at all (numbers by nature: share, confidence, level). */
  skipColumns?: ReadonlySet<string>;
  /** XLSX: per column, cells the workbook stores as integers (their text as shown). */
  storedAsNumber?: ReadonlyMap<number, StoredAsNumber>;
}

class Finding {
  examples: string[] = [];
  count = 0;
  add(value: string): void {
    this.count++;
    if (this.examples.length < MAX_EXAMPLES && !this.examples.includes(value))
      this.examples.push(value);
  }
}

function shortCodes(values: readonly string[]): Finding | null {
  const digits = values.filter((v) => DIGITS.test(v));
  if (digits.length < 2 || digits.length < values.length * 0.5) return null;
  const byLength = new Map<number, number>();
  for (const v of digits) byLength.set(v.length, (byLength.get(v.length) ?? 0) + 1);
  let modal = 0;
  let modalCount = 0;
  for (const [len, n] of byLength)
    if (n > modalCount || (n === modalCount && len > modal)) [modal, modalCount] = [len, n];
  if (modal < 2 || modalCount < digits.length * 0.5) return null;
  // A shorter code that starts a longer one is a level of a hierarchy (01 → 011 → 0110), not a lost zero.
  const prefixes = new Set<string>();
  for (const v of digits) for (let i = 1; i < v.length; i++) prefixes.add(v.slice(0, i));
  const finding = new Finding();
  for (const v of digits) if (v.length < modal && !prefixes.has(v)) finding.add(v);
  return finding.count > 0 ? finding : null;
}

/** How Excel seems to have changed one cell's text, judged on the cell alone; null when it does not. */
export function excelDamage(
  value: string,
  dateExpected = false,
): 'scientific_notation' | 'date_like' | 'numeric_loss' | null {
  if (SCIENTIFIC.test(value)) return 'scientific_notation';
  if (!dateExpected && DATE_LIKE.test(value)) return 'date_like';
  if (INTEGER_WITH_DOT_ZERO.test(value)) return 'numeric_loss';
  return null;
}

export function detectColumnWarnings(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: WarningOptions = {},
): ColumnWarning[] {
  const out: ColumnWarning[] = [];
  headers.forEach((column, c) => {
    if (options.skipColumns?.has(column)) return;
    const values: string[] = [];
    for (const row of rows) {
      const v = (row[c] ?? '').trim();
      if (v) values.push(v);
    }
    const push = (kind: ColumnWarning['kind'], f: Finding | null) => {
      if (f && f.count > 0) out.push({ column, kind, examples: f.examples, count: f.count });
    };
    const stored = options.storedAsNumber?.get(c);
    if (stored && stored.count > 0)
      out.push({
        column,
        kind: 'stored_as_number',
        examples: stored.examples.slice(0, MAX_EXAMPLES),
        count: stored.count,
      });
    push('short_codes', shortCodes(values));
    const sci = new Finding();
    const dates = new Finding();
    const dotZero = new Finding();
    let fractions = 0;
    const dateExpected = !!options.dateColumns?.has(column);
    for (const v of values) {
      const damage = excelDamage(v, dateExpected);
      if (damage === 'scientific_notation') sci.add(v);
      else if (damage === 'date_like') dates.add(v);
      if (damage === 'numeric_loss') dotZero.add(v);
      else if (FRACTION.test(v)) fractions++;
    }
    push('scientific_notation', sci);
    push('date_like', dates);
    // "1.0" among fractions (0.5, 0.25) is a number; among whole numbers it is a damaged code.
    if (fractions === 0) push('numeric_loss', dotZero);
  });
  return out;
}
