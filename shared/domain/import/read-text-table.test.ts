import { describe, expect, it } from 'vitest';
import type { RpcError } from '../../rpc/errors';
import { readTextTable } from './read-text-table';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function failure(fileName: string, bytes: Uint8Array, encoding?: 'utf-8'): Promise<RpcError> {
  try {
    await readTextTable(fileName, bytes, encoding ? { encoding } : {});
  } catch (e) {
    return e as RpcError;
  }
  throw new Error('expected the file to be refused');
}

describe('readTextTable errors', () => {
  it('a quoted field that is never closed: unclosed_quote with the file and the row', async () => {
    const e = await failure('quotes.csv', utf8('code,title\n0110,"open\n0210,x\n'));
    expect(e.code).toBe('import_failed');
    expect(e.message).toBe('quotes.csv: a quoted field that starts in row 2 is never closed');
    expect(e.details).toEqual({
      problems: [
        {
          code: 'unclosed_quote',
          file: 'quotes.csv',
          row: 2,
          params: {},
          message: 'quotes.csv: a quoted field that starts in row 2 is never closed',
        },
      ],
      total: 1,
    });
  });

  it('bytes that are not UTF-8 when UTF-8 was chosen: not_utf8 for the file', async () => {
    const e = await failure('he.csv', Uint8Array.of(0xf9, 0xed, 0x0a), 'utf-8');
    expect(e.message).toMatch(/^he\.csv: The file is not valid UTF-8/);
    expect(e.details).toMatchObject({ problems: [{ code: 'not_utf8', file: 'he.csv' }] });
  });

  it('an SSSOM metadata block that cannot be read: sssom_metadata with the reason', async () => {
    const e = await failure(
      'set.sssom.tsv',
      utf8('# mapping_set_id: x\n#   indented: y\nsubject_id\tobject_id\n'),
    );
    expect(e.details).toMatchObject({
      problems: [
        { code: 'sssom_metadata', file: 'set.sssom.tsv', params: { reason: expect.any(String) } },
      ],
    });
  });
});
