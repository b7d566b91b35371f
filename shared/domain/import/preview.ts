import type { CrosswalkField, Preview, SchemeField } from '../../contract/imports';
import { detectColumnWarnings, type StoredAsNumber } from './column-warnings';
import { suggestCrosswalkColumns, suggestSchemeColumns } from './column-suggest';
import type { Table } from './table';

export const PREVIEW_ROWS = 200;
/** Warnings look at this many rows: enough to see Excel's damage, cheap on a million-row file. */
const WARNING_SAMPLE = 20_000;

const NUMERIC_FIELDS: readonly (SchemeField | CrosswalkField)[] = [
  'level',
  'share',
  'confidence',
  'partialSource',
  'partialTarget',
];

const DATE_HEADER = /(^|[_\s-])(at|date|time)$|^valid[_\s-]?(from|to)$|תאריך|מועד/i;

export function buildPreview(
  table: Table,
  base: Pick<Preview, 'stagedId' | 'fileName' | 'format' | 'detected' | 'metadata'>,
  storedAsNumber?: ReadonlyMap<number, StoredAsNumber>,
): Preview {
  const suggestedScheme = suggestSchemeColumns(table.headers);
  const suggestedCrosswalk = suggestCrosswalkColumns(table.headers);
  const skip = new Set<string>();
  for (const f of NUMERIC_FIELDS) {
    const s = suggestedScheme[f as SchemeField] ?? suggestedCrosswalk[f as CrosswalkField];
    if (s) skip.add(s);
  }
  // Dates are expected in the validity columns and in any column named as a date or a time
  // (updated_at, review_date, valid_from): no "Excel turned a code into a date" warning there.
  const dateColumns = new Set([
    ...[suggestedScheme.validFrom, suggestedScheme.validTo].filter((c): c is string => !!c),
    ...table.headers.filter((h) => DATE_HEADER.test(h)),
  ]);
  const warnings = detectColumnWarnings(table.headers, table.rows.slice(0, WARNING_SAMPLE), {
    skipColumns: skip,
    dateColumns,
    storedAsNumber,
  });
  return {
    ...base,
    headers: table.headers,
    rows: table.rows.slice(0, PREVIEW_ROWS),
    totalRows: table.rows.length,
    warnings,
    suggestedScheme,
    suggestedCrosswalk,
  };
}
