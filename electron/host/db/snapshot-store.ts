import { crc32 } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, writeAndSync } from './fsync-file';

export interface SnapshotCandidate {
  which: 'snapshot' | 'previous_snapshot';
  file: string;
  bytes: Buffer;
  /** The bytes match the checksum written with them, so a structural check adds nothing. */
  checksumVerified: boolean;
}

interface SumFile {
  /**
   * CRC-32 of the whole file: it catches truncation and flipped bytes (what a crash or a bad disk
   * does) at a quarter of SHA-256's cost on a large workspace. It is not a defence against
   * tampering; that is the job of signing and encryption, not of this check.
   */
  crc32: number;
  size: number;
  seq: number;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** Why a snapshot file cannot be trusted, or null when its header and size are consistent. */
export function sqliteHeaderProblem(bytes: Buffer): string | null {
  if (bytes.length < 100) return `file is ${bytes.length} bytes, shorter than a SQLite header`;
  if (!bytes.subarray(0, 16).equals(SQLITE_MAGIC)) return 'not a SQLite database (bad header)';
  const rawPageSize = bytes.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = bytes.readUInt32BE(28);
  if (pageCount > 0 && pageSize * pageCount !== bytes.length) {
    return `file is ${bytes.length} bytes but its header says ${pageSize * pageCount} (truncated or padded)`;
  }
  return null;
}

/**
 * The workspace file and the one before it. A new snapshot goes to a temp file and is fsynced,
 * then the current one becomes the previous one and the temp file takes its place; a checksum
 * file beside each says what a complete copy looks like. A half-written file never replaces a
 * good one, and a damaged current file falls back to the previous one plus the journal.
 */
export class SnapshotStore {
  readonly current: string;
  readonly previous: string;

  /** False when the current file was found damaged: it must not become the previous snapshot. */
  private currentTrusted = true;

  constructor(readonly file: string) {
    this.current = file;
    this.previous = `${file}.prev`;
  }

  /**
   * Valid snapshots, best first, read one at a time so the previous one is read only when the
   * current one is unusable. Each problem found is reported through `onRejected`.
   */
  *candidates(onRejected: (file: string, reason: string) => void): Generator<SnapshotCandidate> {
    for (const [which, file] of [
      ['snapshot', this.current],
      ['previous_snapshot', this.previous],
    ] as const) {
      if (!fs.existsSync(file)) continue;
      const bytes = fs.readFileSync(file);
      const { problem, checksumVerified } = this.check(file, bytes);
      if (problem) {
        if (file === this.current) this.currentTrusted = false;
        onRejected(file, problem);
      } else yield { which, file, bytes, checksumVerified };
    }
  }

  private check(
    file: string,
    bytes: Buffer,
  ): { problem: string | null; checksumVerified: boolean } {
    const fail = (problem: string) => ({ problem, checksumVerified: false });
    const header = sqliteHeaderProblem(bytes);
    if (header) return fail(header);
    const sum = readSum(`${file}.sum`);
    if (!sum) return { problem: null, checksumVerified: false };
    if (sum.size !== bytes.length)
      return fail(`size ${bytes.length} differs from its checksum file (${sum.size})`);
    if (crc32(bytes) !== sum.crc32) return fail('content does not match its checksum file');
    return { problem: null, checksumVerified: true };
  }

  write(bytes: Uint8Array, seq: number): void {
    const dir = path.dirname(this.current);
    const tmp = `${this.current}.tmp`;
    const sum: SumFile = {
      crc32: crc32(bytes),
      size: bytes.byteLength,
      seq,
    };
    writeAndSync(tmp, bytes);
    writeAndSync(`${tmp}.sum`, Buffer.from(JSON.stringify(sum)));
    if (fs.existsSync(this.current) && !this.currentTrusted) {
      // Keep the damaged file for inspection, and keep the good previous snapshot as the fallback.
      const aside = `${this.current}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(this.current, aside);
      if (fs.existsSync(`${this.current}.sum`))
        fs.renameSync(`${this.current}.sum`, `${aside}.sum`);
      console.warn(`Gesher: the damaged snapshot was kept as ${aside}.`);
    } else if (fs.existsSync(this.current)) {
      fs.renameSync(this.current, this.previous);
      if (fs.existsSync(`${this.current}.sum`))
        fs.renameSync(`${this.current}.sum`, `${this.previous}.sum`);
      else fs.rmSync(`${this.previous}.sum`, { force: true });
    }
    fs.renameSync(tmp, this.current);
    fs.renameSync(`${tmp}.sum`, `${this.current}.sum`);
    fsyncDir(dir);
    this.currentTrusted = true;
  }

  distrustCurrent(): void {
    this.currentTrusted = false;
  }
}

function readSum(file: string): SumFile | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as SumFile;
    return typeof parsed.crc32 === 'number' ? parsed : null;
  } catch {
    return null;
  }
}
