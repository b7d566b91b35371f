import type { ExportedFile } from '../../shared/contract';
import { rpc } from '../app/rpc';
import { base64ToBytes } from './base64';

const CHUNK = 4 * 1024 * 1024;

/** Reads an exported file back from the host in chunks and offers it to the browser as a download. */
export async function downloadExport(file: ExportedFile): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await rpc.call('files.read', { fileId: file.fileId, offset, length: CHUNK });
    const bytes = base64ToBytes(chunk.base64);
    parts.push(bytes);
    offset += bytes.length;
    if (bytes.length === 0 || offset >= chunk.totalBytes) break;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
