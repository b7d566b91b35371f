import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportedFile } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc/errors';
import { writeFileAtomic } from '../db/fsync-file';

const MIME: Record<string, string> = {
  '.csv': 'text/csv;charset=utf-8',
  '.tsv': 'text/tab-separated-values;charset=utf-8',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.parquet': 'application/vnd.apache.parquet',
};

/** Characters Windows and POSIX file systems refuse, and control characters, become "_". */
function safeName(name: string): string {
  return [...name]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? '_' : c))
    .join('');
}

/** Files the workspace writes for the steward (exports), kept in <workspace>/exports and readable back in chunks. */
export class FileStore {
  private readonly files = new Map<string, { path: string; fileName: string; mime: string }>();

  constructor(private readonly dir: string) {}

  save(fileName: string, bytes: Uint8Array, rows: number): ExportedFile {
    fs.mkdirSync(this.dir, { recursive: true });
    const target = path.join(this.dir, safeName(fileName));
    writeFileAtomic(target, bytes);
    const fileId = crypto.randomUUID();
    const mime = MIME[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
    this.files.set(fileId, { path: target, fileName: path.basename(target), mime });
    return {
      fileId,
      fileName: path.basename(target),
      path: target,
      mime,
      bytes: bytes.byteLength,
      rows,
    };
  }

  read(fileId: string, offset: number, length: number) {
    const file = this.files.get(fileId);
    if (!file) throw new RpcError('not_found', `No exported file ${fileId}`);
    const totalBytes = fs.statSync(file.path).size;
    const fd = fs.openSync(file.path, 'r');
    try {
      const size = Math.max(0, Math.min(length, totalBytes - offset));
      const buffer = Buffer.alloc(size);
      fs.readSync(fd, buffer, 0, size, offset);
      return {
        fileName: file.fileName,
        mime: file.mime,
        base64: buffer.toString('base64'),
        offset,
        totalBytes,
      };
    } finally {
      fs.closeSync(fd);
    }
  }
}
