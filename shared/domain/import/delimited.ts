import Papa from 'papaparse';
import { DELIMITERS, type Delimiter } from '../../contract/imports';
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

/** Parses delimited text into text cells; never converts types. Quoted fields may hold newlines. */
export function parseDelimited(
  text: string,
  options: DelimitedOptions = {},
): Table & { delimiter: Delimiter } {
  const { skipped, rest } = splitLines(text, options.skipRows ?? 0);
  const delimiter = options.delimiter ?? sniffDelimiter(rest);
  const parsed = Papa.parse<string[]>(rest, {
    delimiter,
    dynamicTyping: false,
    skipEmptyLines: false,
    header: false,
  });
  const unterminated = parsed.errors.find((e) => e.code === 'MissingQuotes');
  if (unterminated) {
    throw new Error(
      `a quoted field that starts in row ${skipped + (unterminated.row ?? 0) + 1} is never closed`,
    );
  }
  const data = trimTrailingBlankRows(parsed.data);
  const [header = [], ...rows] = data;
  return { headers: normalizeHeaders(header), rows, firstRow: skipped + 2, delimiter };
}
