import fs from 'node:fs';
import { crc32 } from 'node:zlib';
import { writeFileAtomic } from './fsync-file';

export type SqlParam = string | number | null;
export type JournalStatement = [sql: string, params: SqlParam[]];

export interface JournalEntry {
  seq: number;
  stmts: JournalStatement[];
}

export interface JournalReadResult {
  entries: JournalEntry[];
  /** Bytes at the end that did not form a complete, checksummed line: a write that was never confirmed. */
  tornTailBytes: number;
}

function encodeLine(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${json}\t${crc32(json).toString(16)}\n`;
}

function decodeLine(line: string): JournalEntry | null {
  const tab = line.lastIndexOf('\t');
  if (tab < 0) return null;
  const json = line.slice(0, tab);
  if (crc32(json).toString(16) !== line.slice(tab + 1)) return null;
  try {
    const entry = JSON.parse(json) as JournalEntry;
    return typeof entry.seq === 'number' && Array.isArray(entry.stmts) ? entry : null;
  } catch {
    return null;
  }
}

/**
 * Append-only write-ahead journal of confirmed decisions: one checksummed JSON line per
 * transaction, fdatasync'd before the decision is reported as saved.
 */
export class Journal {
  private fd: number;
  private retained: string[] = [];
  private retainedSeqs: number[] = [];

  constructor(private readonly file: string) {
    this.fd = fs.openSync(file, 'a');
  }

  static read(file: string): JournalReadResult {
    if (!fs.existsSync(file)) return { entries: [], tornTailBytes: 0 };
    const text = fs.readFileSync(file, 'utf8');
    const entries: JournalEntry[] = [];
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf('\n', start);
      if (end < 0) break;
      const entry = decodeLine(text.slice(start, end));
      if (!entry) break;
      entries.push(entry);
      start = end + 1;
    }
    return { entries, tornTailBytes: Buffer.byteLength(text.slice(start)) };
  }

  /** Keeps lines in memory so compaction can rewrite the file without reading it back. */
  adoptExisting(entries: JournalEntry[]): void {
    this.retained = entries.map(encodeLine);
    this.retainedSeqs = entries.map((e) => e.seq);
    // A torn tail is dropped by rewriting only the complete lines.
    this.rewrite();
  }

  append(entry: JournalEntry): void {
    const line = encodeLine(entry);
    fs.writeSync(this.fd, line);
    fs.fdatasyncSync(this.fd);
    this.retained.push(line);
    this.retainedSeqs.push(entry.seq);
  }

  get size(): number {
    return this.retained.length;
  }

  /** Drops entries at or below `seq` (already inside every snapshot we might fall back to). */
  compact(seq: number): void {
    let drop = 0;
    while (drop < this.retainedSeqs.length && (this.retainedSeqs[drop] ?? Infinity) <= seq) drop++;
    if (drop === 0) return;
    this.retained = this.retained.slice(drop);
    this.retainedSeqs = this.retainedSeqs.slice(drop);
    this.rewrite();
  }

  private rewrite(): void {
    fs.closeSync(this.fd);
    writeFileAtomic(this.file, Buffer.from(this.retained.join(''), 'utf8'));
    this.fd = fs.openSync(this.file, 'a');
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
