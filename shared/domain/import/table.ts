/**
 * A file read into text cells. `rows[i]` is the record the steward sees as row `firstRow + i`
 * (1-based, counting banner lines and the header), which is what error messages quote.
 */
export interface Table {
  headers: string[];
  rows: string[][];
  firstRow: number;
}

/** Header text as shown and mapped: line breaks and runs of spaces folded, blanks named, repeats numbered. */
export function normalizeHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    let name = h
      .replace(/^\uFEFF/, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!name) name = `Column ${i + 1}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
}

export const isBlankRow = (row: readonly string[]): boolean => row.every((c) => c.trim() === '');

/** Drops blank rows at the end (a trailing newline, empty sheet rows) so counts match the data. */
export function trimTrailingBlankRows(rows: string[][]): string[][] {
  let end = rows.length;
  while (end > 0 && isBlankRow(rows[end - 1]!)) end--;
  return end === rows.length ? rows : rows.slice(0, end);
}
