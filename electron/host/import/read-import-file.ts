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

/**
 * The last file read for a preview, per staged bytes, so that the commit that follows with the same
 * options validates it without reading it again (seconds on a million rows). Weak: it goes when the
 * staged file is discarded; the commit takes it out, so its cells are freed once validated.
 */
const readForPreview = new WeakMap<Uint8Array, { key: string; file: ImportFile }>();

const readKey = (fileName: string, options: ReadOptions) =>
  JSON.stringify([fileName, Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1))]);

/**
 * Any file a steward may import (CSV/TSV in any of our encodings, SSSOM TSV, XLSX) → text cells.
 * The result is kept for one later readImportFileOnce of the same bytes and options.
 */
export async function readImportFile(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
): Promise<ImportFile> {
  const file = await readFile(fileName, bytes, options);
  readForPreview.set(bytes, { key: readKey(fileName, options), file });
  return file;
}

/** For a commit: the file as its preview read it (same bytes, name and options), else read now; kept nowhere. */
export async function readImportFileOnce(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions = {},
  between?: (doneChars: number, totalChars: number) => Promise<void>,
): Promise<ImportFile> {
  const kept = readForPreview.get(bytes);
  readForPreview.delete(bytes);
  if (kept && kept.key === readKey(fileName, options)) return kept.file;
  return readFile(fileName, bytes, options, between);
}

async function readFile(
  fileName: string,
  bytes: Uint8Array,
  options: ReadOptions,
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
