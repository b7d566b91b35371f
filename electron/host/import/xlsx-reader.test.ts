import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { numberText, readXlsx } from './xlsx-reader';

async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Codes'));
  wb.addWorksheet('Empty');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('numberText', () => {
  it('writes numbers with every digit and none invented', () => {
    expect(numberText(111110)).toBe('111110');
    expect(numberText(123456789012345)).toBe('123456789012345');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(0.25)).toBe('0.25');
    expect(numberText(111, '0000')).toBe('0111');
    expect(numberText(111, '0.00')).toBe('111');
  });
});

describe('readXlsx', () => {
  it('reads cells as the steward sees them and flags numbers in code columns', async () => {
    const bytes = await workbook((ws) => {
      ws.addRow(['Report title']);
      ws.addRow(['ISIC\ncode', 'Title', 'Since']);
      ws.addRow([
        '0111',
        { richText: [{ text: 'Growing ' }, { font: { bold: true }, text: 'cereals' }] },
        new Date(Date.UTC(2011, 0, 1)),
      ]);
      ws.addRow([112, 'Growing of rice', null]);
      ws.getCell('A4').numFmt = '0000';
      ws.addRow([113, { formula: 'B4', result: 'Growing of rice' }, null]);
    });
    const x = await readXlsx('codes.xlsx', bytes, { skipRows: 1 });
    expect(x.sheets).toEqual(['Codes', 'Empty']);
    expect(x.sheet).toBe('Codes');
    expect(x.table.headers).toEqual(['ISIC code', 'Title', 'Since']);
    expect(x.table.rows).toEqual([
      ['0111', 'Growing cereals', '2011-01-01'],
      ['0112', 'Growing of rice', ''],
      ['113', 'Growing of rice', ''],
    ]);
    expect(x.table.firstRow).toBe(3);
    expect(x.storedAsNumber.get(0)).toEqual({ count: 2, examples: ['0112', '113'] });
  });

  it('refuses old .xls files and names another sheet that is not there', async () => {
    await expect(
      readXlsx('old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0])),
    ).rejects.toThrow(
      /old.xls is an old Excel 97–2003 \.xls file; open it in Excel and save as \.xlsx or CSV/,
    );
    const bytes = await workbook((ws) => ws.addRow(['code']));
    await expect(readXlsx('a.xlsx', bytes, { sheet: 'Nope' })).rejects.toThrow(
      /no sheet named "Nope" \(its sheets: Codes, Empty\)/,
    );
  });
});
