import type { Encoding } from '../../contract/imports';
import { ImportReadError } from './import-problem';
import { textDecoder } from './text-decoder';

export interface DecodedText {
  text: string;
  encoding: Encoding;
  hadBom: boolean;
}

function bomOf(bytes: Uint8Array): { encoding: Encoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM: ASCII text has a zero byte in every other position. */
function guessUtf16(bytes: Uint8Array): Encoding | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    textDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a text file the way a steward's files come: UTF-8 with or without a BOM, UTF-16
 * ("Unicode text" from Excel) and Windows-1255 (Hebrew Excel CSV). Bytes that are not valid UTF-8
 * are read as Windows-1255. An explicit encoding wins over detection.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: Encoding): DecodedText {
  const bom = bomOf(bytes);
  const chosen =
    encoding ??
    bom?.encoding ??
    guessUtf16(bytes) ??
    (isValidUtf8(bytes) ? 'utf-8' : 'windows-1255');
  const hadBom = !!bom && bom.encoding === chosen;
  const body = hadBom ? bytes.subarray(bom.length) : bytes;
  if (chosen === 'utf-8' && encoding === 'utf-8' && !isValidUtf8(body)) {
    throw new ImportReadError(
      'not_utf8',
      'The file is not valid UTF-8; choose another encoding (for example Windows-1255).',
    );
  }
  const text = textDecoder(chosen, { ignoreBOM: true }).decode(body);
  return { text, encoding: chosen, hadBom };
}
