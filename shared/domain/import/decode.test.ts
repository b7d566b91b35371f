import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { textDecoder } from './text-decoder';

/** Builds Windows-1255 bytes from the decoder's own table (Node has no encoder for it). */
function encode1255(text: string): Uint8Array {
  const table = new Map<string, number>();
  const decoder = textDecoder('windows-1255');
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (!table.has(ch)) table.set(ch, b);
  }
  return Uint8Array.from(
    [...text].map((ch) => {
      const b = table.get(ch);
      if (b === undefined) throw new Error(`not in windows-1255: ${ch}`);
      return b;
    }),
  );
}

function utf16le(text: string, bom = true): Uint8Array {
  const out: number[] = bom ? [0xff, 0xfe] : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(c & 0xff, c >> 8);
  }
  return Uint8Array.from(out);
}

const utf8 = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'utf8'));

describe('decodeBytes', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeBytes(utf8('code,title\n0110,קצינים\n'))).toEqual({
      text: 'code,title\n0110,קצינים\n',
      encoding: 'utf-8',
      hadBom: false,
    });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const r = decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('code\n0110\n')]));
    expect(r).toEqual({ text: 'code\n0110\n', encoding: 'utf-8', hadBom: true });
  });

  it('reads Hebrew Windows-1255 bytes (not valid UTF-8)', () => {
    const r = decodeBytes(encode1255('סמל,שם\n0110,קצינים בכוחות הביטחון\n'));
    expect(r.encoding).toBe('windows-1255');
    expect(r.text).toBe('סמל,שם\n0110,קצינים בכוחות הביטחון\n');
  });

  it('reads UTF-16LE "Unicode text" from Excel, with and without a BOM', () => {
    const text = 'code\ttitle_he\n0110\tמנהלים\n';
    expect(decodeBytes(utf16le(text))).toEqual({ text, encoding: 'utf-16le', hadBom: true });
    expect(decodeBytes(utf16le(text, false)).encoding).toBe('utf-16le');
  });

  it('reads UTF-16BE with a BOM', () => {
    const le = utf16le('code\n0110\n', false);
    const be = Uint8Array.from([0xfe, 0xff, ...Array.from(le, (_, i) => le[i ^ 1]!)]);
    expect(decodeBytes(be)).toEqual({ text: 'code\n0110\n', encoding: 'utf-16be', hadBom: true });
  });

  it('honours an explicit encoding and refuses invalid UTF-8 when UTF-8 is asked for', () => {
    const bytes = encode1255('שם\n');
    expect(decodeBytes(bytes, 'windows-1255').text).toBe('שם\n');
    expect(() => decodeBytes(bytes, 'utf-8')).toThrow(/not valid UTF-8/);
    expect(() => decodeBytes(bytes, 'utf-8')).toThrow(
      expect.objectContaining({ code: 'not_utf8' }),
    );
  });
});
