import type { Preview, ReadOptions } from '../../../shared/contract/imports';
import type { StoredAsNumber } from '../../../shared/domain/import/column-warnings';
import { readTextTable } from '../../../shared/domain/import/read-text-table';
import type { Table } from '../../../shared/domain/import/table';
import { isOldXls, isXlsx, readXlsx, refuseOldXls } from './xlsx-reader';

export interface ImportFile {
  format: Preview['format'];
  table: Table;
  detected: Preview['detected'];
  metadata: Record<string, unknown> | null;
  storedAsNumber?: Map<number, StoredAsNumber>;
}

/** Any file a steward may import (CSV/TSV in any of our encodings, SSSOM TSV, XLSX) → text cells. */
export async function readImportFile(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
  between?: (doneChars: number, totalChars: number) => Promise<void>,
): Promise<ImportFile> {
  if (isOldXls(bytes)) refuseOldXls(fileName);
  if (isXlsx(bytes)) {
    const x = await readXlsx(fileName, bytes, options);
    return {
      format: 'xlsx',
      table: x.table,
      detected: {
        encoding: null,
        delimiter: null,
        sheets: x.sheets,
        sheet: x.sheet,
        hadBom: false,
      },
      metadata: null,
      storedAsNumber: x.storedAsNumber,
    };
  }
  const t = await readTextTable(fileName, bytes, options, between);
  return {
    format: t.format,
    table: t.table,
    detected: {
      encoding: t.encoding,
      delimiter: t.delimiter,
      sheets: [],
      sheet: null,
      hadBom: t.hadBom,
    },
    metadata: t.metadata,
  };
}
