import { rpc } from '../../app/rpc';

function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Reads an exported file back in chunks and hands it to the browser as a download. */
export async function downloadExportedFile(fileId: string, fileName: string): Promise<void> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  let mime = 'application/octet-stream';
  for (;;) {
    const chunk = await rpc.call('files.read', { fileId, offset });
    mime = chunk.mime;
    const bytes = base64Bytes(chunk.base64);
    parts.push(bytes);
    offset += bytes.length;
    if (bytes.length === 0 || offset >= chunk.totalBytes) break;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
