// 3 × 2^13 bytes: a multiple of 3, so each chunk's base64 can be concatenated without padding in between,
// and small enough for String.fromCharCode's argument limit.
const CHUNK = 3 * 8_192;

/** Base64 of a picked file, converted in chunks so a large file never becomes one huge binary string. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += CHUNK) {
    const chunk = bytes.subarray(offset, Math.min(offset + CHUNK, bytes.length));
    parts.push(btoa(String.fromCharCode(...chunk)));
  }
  return parts.join('');
}

/** Bytes of a base64 string (used for downloads read back with files.read). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
