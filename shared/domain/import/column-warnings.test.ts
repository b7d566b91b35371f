import { describe, expect, it } from 'vitest';
import { detectColumnWarnings } from './column-warnings';

const column = (values: string[]) => values.map((v) => [v]);

describe('detectColumnWarnings', () => {
  it('flags codes that lost a leading zero among 4-digit siblings', () => {
    const w = detectColumnWarnings(
      ['isco08'],
      column(['110', '210', '1111', '1112', '1120', '2111', '0310']),
    );
    expect(w).toEqual([
      { column: 'isco08', kind: 'short_codes', examples: ['110', '210'], count: 2 },
    ]);
  });

  it('does not flag the levels of a hierarchy', () => {
    expect(
      detectColumnWarnings(
        ['code'],
        column(['0', '01', '011', '0110', '1', '11', '111', '1111', '1112']),
      ),
    ).toEqual([]);
  });

  it('flags scientific notation, dates and integers saved with .0', () => {
    const w = detectColumnWarnings(
      ['code'],
      column([
        '1.23E+05',
        '1-Jan',
        '2011-01-01',
        '111.0',
        '1112',
        '1113',
        '1114',
        '1115',
        '1116',
        '1117',
      ]),
    );
    expect(w.map((x) => [x.kind, x.examples])).toEqual([
      ['scientific_notation', ['1.23E+05']],
      ['date_like', ['1-Jan', '2011-01-01']],
      ['numeric_loss', ['111.0']],
    ]);
  });

  it('leaves fractions, titles and date columns alone', () => {
    const rows = [
      ['0.5', 'Farming', '2011-01-01'],
      ['1.0', 'Mining', '2012-01-01'],
    ];
    expect(
      detectColumnWarnings(['share', 'title', 'valid_from'], rows, {
        dateColumns: new Set(['valid_from']),
      }),
    ).toEqual([]);
  });

  it('reports cells an XLSX stores as numbers', () => {
    const w = detectColumnWarnings(['ISIC 4.0'], column(['0111', '0112']), {
      storedAsNumber: new Map([[0, { count: 2, examples: ['0111', '0112'] }]]),
    });
    expect(w).toEqual([
      { column: 'ISIC 4.0', kind: 'stored_as_number', examples: ['0111', '0112'], count: 2 },
    ]);
  });
});
