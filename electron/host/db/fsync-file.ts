import fs from 'node:fs';
import path from 'node:path';

/** Writes bytes to `target` atomically: temp file, fsync, rename, fsync of the folder. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const tmp = `${target}.tmp-${process.pid}`;
  writeAndSync(tmp, bytes);
  fs.renameSync(tmp, target);
  fsyncDir(path.dirname(target));
}

export function writeAndSync(file: string, bytes: Uint8Array): void {
  const fd = fs.openSync(file, 'w');
  try {
    let written = 0;
    while (written < bytes.byteLength) {
      written += fs.writeSync(fd, bytes, written, bytes.byteLength - written);
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Some platforms (Windows) cannot open a directory for fsync; the rename is still atomic there.
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}
