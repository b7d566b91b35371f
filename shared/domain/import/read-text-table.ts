import type { Delimiter, Encoding, ReadOptions } from '../../contract/imports';
import { RpcError } from '../../rpc/errors';
import { ImportReadError, problemError } from './import-problem';
import { decodeBytes } from './decode';
import { parseDelimitedInPieces } from './delimited';
import { looksLikeSssom, parseSssom } from './sssom';
import type { Table } from './table';

export interface TextTable {
  format: 'csv' | 'sssom';
  table: Table;
  encoding: Encoding;
  delimiter: Delimiter;
  hadBom: boolean;
  metadata: Record<string, unknown> | null;
}

/** A CSV/TSV/SSSOM file's bytes → text cells, with what was detected; `between` runs between pieces of a large file. */
export async function readTextTable(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
  between: (doneChars: number, totalChars: number) => Promise<void> = () => Promise.resolve(),
): Promise<TextTable> {
  try {
    const { text, encoding, hadBom } = decodeBytes(bytes, options.encoding);
    if (!options.delimiter && !options.skipRows && looksLikeSssom(fileName, text)) {
      const { metadata, table } = parseSssom(text);
      return { format: 'sssom', table, encoding, delimiter: '\t', hadBom, metadata };
    }
    const { delimiter, ...table } = await parseDelimitedInPieces(text, options, between);
    return { format: 'csv', table, encoding, delimiter, hadBom, metadata: null };
  } catch (error) {
    if (error instanceof RpcError) throw error;
    const message = (error as Error).message;
    if (error instanceof ImportReadError) {
      const { row, ...params } = error.params;
      throw problemError('import_failed', `${fileName}: ${message}`, {
        code: error.code,
        file: fileName,
        ...(typeof row === 'number' && { row }),
        params,
      });
    }
    throw problemError('import_failed', `${fileName}: ${message}`, {
      code: 'unreadable',
      file: fileName,
      params: { reason: message },
    });
  }
}
