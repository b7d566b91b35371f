import Papa from 'papaparse';

const UTF8_BOM = '\uFEFF';

/**
 * CSV for Excel: UTF-8 with a BOM so Hebrew opens right, CRLF line ends, every field quoted when
 * needed. Values are written as text; a code like 0110 stays 0110.
 */
export function toCsv(
  header: string[],
  rows: (string | number | null)[][],
  options: { bom?: boolean } = {},
): string {
  const body = Papa.unparse(
    { fields: header, data: rows.map((r) => r.map((v) => (v === null ? '' : String(v)))) },
    { newline: '\r\n', quotes: false, escapeFormulae: false },
  );
  return (options.bom === false ? '' : UTF8_BOM) + body + '\r\n';
}
