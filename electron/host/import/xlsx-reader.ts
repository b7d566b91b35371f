import ExcelJS from 'exceljs';
import { problemError } from '../../../shared/domain/import/import-problem';
import type { StoredAsNumber } from '../../../shared/domain/import/column-warnings';
import {
  normalizeHeaders,
  trimTrailingBlankRows,
  type Table,
} from '../../../shared/domain/import/table';

export interface XlsxTable {
  table: Table;
  sheets: string[];
  sheet: string;
  /** Per column index: the text of cells the workbook stores as whole numbers (a leading zero may be gone). */
  storedAsNumber: Map<number, StoredAsNumber>;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export const isOldXls = (bytes: Uint8Array): boolean => startsWith(bytes, OLE_MAGIC);
export const isXlsx = (bytes: Uint8Array): boolean => startsWith(bytes, ZIP_MAGIC);

export function refuseOldXls(fileName: string): never {
  throw problemError(
    'import_failed',
    `${fileName} is an old Excel 97–2003 .xls file; open it in Excel and save as .xlsx or CSV, then import that file.`,
    { code: 'xls_refused', file: fileName },
  );
}

/**
 * A number as Excel shows it in a General cell: integers with all their digits; fractions to
 * Excel's 15 significant digits, which drops binary noise (0.30000000000000004 → 0.3) but no digit
 * the steward typed. A format of zeros ("0000") pads as Excel does on screen.
 */
export function numberText(n: number, numFmt?: string): string {
  let text: string;
  if (Number.isInteger(n) && Math.abs(n) < 1e21) text = n.toFixed(0);
  else text = String(Number(n.toPrecision(15)));
  if (numFmt && /^0+$/.test(numFmt) && Number.isInteger(n) && n >= 0)
    text = text.padStart(numFmt.length, '0');
  return text;
}

/** Dates as ISO text (a date without a time of day as YYYY-MM-DD). Excel dates carry no zone: read as UTC. */
function dateText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

type CellValue = ExcelJS.CellValue;

function valueText(
  value: CellValue,
  numFmt: string | undefined,
): { text: string; storedAsNumber: boolean } {
  if (value === null || value === undefined) return { text: '', storedAsNumber: false };
  if (typeof value === 'string') return { text: value, storedAsNumber: false };
  if (typeof value === 'number')
    return { text: numberText(value, numFmt), storedAsNumber: Number.isInteger(value) };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', storedAsNumber: false };
  if (value instanceof Date) return { text: dateText(value), storedAsNumber: false };
  if ('richText' in value)
    return { text: value.richText.map((r) => r.text).join(''), storedAsNumber: false };
  if ('error' in value) return { text: String(value.error), storedAsNumber: false };
  if ('hyperlink' in value) return valueText(value.text as CellValue, numFmt);
  if ('result' in value) return valueText((value.result ?? null) as CellValue, numFmt);
  return { text: String(value as unknown), storedAsNumber: false };
}

async function loadWorkbook(fileName: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (isOldXls(bytes)) refuseOldXls(fileName);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch (error) {
    const reason = (error as Error).message;
    throw problemError(
      'import_failed',
      `${fileName} cannot be read as an Excel workbook: ${reason}`,
      { code: 'xlsx_unreadable', file: fileName, params: { reason } },
    );
  }
  return wb;
}

/** Reads one sheet (the first when none is named) into text cells, as the steward sees them in Excel. */
export async function readXlsx(
  fileName: string,
  bytes: Uint8Array,
  options: { sheet?: string; skipRows?: number } = {},
): Promise<XlsxTable> {
  const wb = await loadWorkbook(fileName, bytes);
  const sheets = wb.worksheets.map((ws) => ws.name);
  const ws = options.sheet ? wb.getWorksheet(options.sheet) : wb.worksheets[0];
  if (!ws) {
    const sheet = options.sheet ?? '';
    throw problemError(
      'import_failed',
      `${fileName} has no sheet named "${sheet}" (its sheets: ${sheets.join(', ')}).`,
      { code: 'no_sheet', file: fileName, params: { sheet, sheets: sheets.join(', ') } },
    );
  }
  const skip = options.skipRows ?? 0;
  const width = ws.columnCount;
  const raw: string[][] = [];
  const storedAsNumber = new Map<number, StoredAsNumber>();
  for (let r = skip + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = new Array<string>(width);
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const { text, storedAsNumber: numeric } = valueText(cell.value, cell.numFmt);
      cells[c - 1] = text;
      // The header row is text; numbers below it in a code column are what Excel may have damaged.
      if (numeric && r > skip + 1) {
        let found = storedAsNumber.get(c - 1);
        if (!found) storedAsNumber.set(c - 1, (found = { count: 0, examples: [] }));
        found.count++;
        if (found.examples.length < 5 && !found.examples.includes(text)) found.examples.push(text);
      }
    }
    raw.push(cells);
  }
  const data = trimTrailingBlankRows(raw);
  const [header = [], ...rows] = data;
  return {
    table: { headers: normalizeHeaders(header), rows, firstRow: skip + 2 },
    sheets,
    sheet: ws.name,
    storedAsNumber,
  };
}
