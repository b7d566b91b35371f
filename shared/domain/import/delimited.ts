import Papa from 'papaparse';
import { DELIMITERS, type Delimiter } from '../../contract/imports';
import { ImportReadError } from './import-problem';
import { normalizeHeaders, trimTrailingBlankRows, type Table } from './table';

/** The first `count` physical lines of the text, and the rest. */
function splitLines(text: string, count: number): { skipped: number; rest: string } {
  let pos = 0;
  let skipped = 0;
  while (skipped < count && pos < text.length) {
    const nl = text.indexOf('\n', pos);
    if (nl < 0) {
      pos = text.length;
    } else {
      pos = nl + 1;
    }
    skipped++;
  }
  return { skipped, rest: text.slice(pos) };
}

/** Counts delimiters outside quotes on each of the first lines; the one that is frequent and steady wins. */
export function sniffDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  const lines: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    if (ch === '\n' && !quoted) {
      if (current.trim()) lines.push(current);
      current = '';
      if (lines.length >= 20) break;
    } else current += ch;
  }
  if (current.trim() && lines.length < 20) lines.push(current);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const counts = lines.map((line) => {
      let n = 0;
      let q = false;
      for (const ch of line) {
        if (ch === '"') q = !q;
        else if (ch === d && !q) n++;
      }
      return n;
    });
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const steady = counts.filter((c) => c === header).length / counts.length;
    const score = steady * 1000 + header;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

export interface DelimitedOptions {
  delimiter?: Delimiter;
  skipRows?: number;
}

function parseRecords(text: string, delimiter: Delimiter, rowOffset: number): string[][] {
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    dynamicTyping: false,
    skipEmptyLines: false,
    header: false,
  });
  const unterminated = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unterminated) {
    const row = rowOffset + (unterminated.row ?? 0) + 1;
    throw new ImportReadError(
      'unclosed_quote',
      `a quoted field that starts in row ${row} is never closed`,
      { row },
    );
  }
  return parsed.data;
}

/** Parses delimited text into text cells; never converts types. Quoted fields may hold newlines. */
export function parseDelimited(
  text: string,
  options: DelimitedOptions = {},
): Table & { delimiter: Delimiter } {
  const { skipped, rest } = splitLines(text, options.skipRows ?? 0);
  const delimiter = options.delimiter ?? sniffDelimiter(rest);
  const data = trimTrailingBlankRows(parseRecords(rest, delimiter, skipped));
  const [header = [], ...rows] = data;
  return { headers: normalizeHeaders(header), rows, firstRow: skipped + 2, delimiter };
}

/**
 * Where the text can be cut into pieces of about `size` characters without cutting a record: at
 * a line end outside quotes (RFC 4180 quotes: an escaped "" toggles twice, so counting works).
 */
export function recordBoundaries(text: string, size: number): number[] {
  const cuts: number[] = [];
  let quoted = false;
  let next = size;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted && i + 1 >= next) {
      cuts.push(i + 1);
      next = i + 1 + size;
    }
  }
  return cuts;
}

/**
 * parseDelimited for large files: the text is parsed in pieces of whole records and `between` runs
 * after each piece (progress, cancel, yielding to the event loop). Same result as parseDelimited.
 */
export async function parseDelimitedInPieces(
  text: string,
  options: DelimitedOptions,
  between: (doneChars: number, totalChars: number) => Promise<void>,
  pieceChars = 4_000_000,
): Promise<Table & { delimiter: Delimiter }> {
  const { skipped, rest } = splitLines(text, options.skipRows ?? 0);
  const delimiter = options.delimiter ?? sniffDelimiter(rest);
  const cuts = [...recordBoundaries(rest, pieceChars), rest.length];
  let all: string[][] = [];
  let from = 0;
  for (const to of cuts) {
    if (to <= from) continue;
    const piece = parseRecords(rest.slice(from, to), delimiter, skipped + all.length);
    // A piece ends with its line end, which Papa reads as one more, empty record.
    const last = piece[piece.length - 1];
    if (to < rest.length && last && last.length === 1 && last[0] === '') piece.pop();
    if (all.length === 0) all = piece;
    else for (const record of piece) all.push(record);
    from = to;
    await between(to, rest.length);
  }
  const data = trimTrailingBlankRows(all);
  const [header = [], ...rows] = data;
  return { headers: normalizeHeaders(header), rows, firstRow: skipped + 2, delimiter };
}
