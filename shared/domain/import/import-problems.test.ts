import { describe, expect, it } from 'vitest';
import { ImportErrors } from './import-errors';
import type { RpcError } from '../../rpc/errors';
import { importProblemTotal, importProblems } from './import-problems';

function detailsOf(fill: (errors: ImportErrors) => void): unknown {
  const errors = new ImportErrors('occupations.csv');
  fill(errors);
  try {
    errors.throwIfAny();
  } catch (e) {
    return (e as RpcError).details;
  }
  throw new Error('expected a validation error');
}

describe('importProblems', () => {
  it('lists every problem with its code, file, row, column, expected and found value', () => {
    const details = detailsOf((e) => {
      e.cell('code_required', 7, 'קוד', 'a code', '');
      e.cell('share_range', 12, 'share', 'a number between 0 and 1', '1.5');
      e.row('parent_cycle', 20, 'the parent codes go round in a circle (01 → 02 → 01)', {
        cycle: '01 → 02 → 01',
      });
    });
    expect(importProblems(details)).toEqual([
      {
        code: 'code_required',
        file: 'occupations.csv',
        row: 7,
        column: 'קוד',
        expected: 'a code',
        value: '',
        message: 'occupations.csv, row 7, column "קוד": expected a code, found an empty cell',
      },
      {
        code: 'share_range',
        file: 'occupations.csv',
        row: 12,
        column: 'share',
        expected: 'a number between 0 and 1',
        value: '1.5',
        message:
          'occupations.csv, row 12, column "share": expected a number between 0 and 1, found "1.5"',
      },
      {
        code: 'parent_cycle',
        params: { cycle: '01 → 02 → 01' },
        file: 'occupations.csv',
        row: 20,
        message: 'occupations.csv, row 20: the parent codes go round in a circle (01 → 02 → 01)',
      },
    ]);
  });

  it('still reads a host that sends only the English messages', () => {
    const details = {
      errors: [
        'occupations.csv, row 7, column "קוד": expected a code, found an empty cell',
        'occupations.csv, row 20: the pair 0110 → 0111 appears twice',
      ],
    };
    expect(importProblems(details)).toEqual([
      {
        file: 'occupations.csv',
        row: 7,
        column: 'קוד',
        expected: 'a code',
        value: 'an empty cell',
      },
      { file: 'occupations.csv', row: 20, message: 'the pair 0110 → 0111 appears twice' },
    ]);
  });

  it('reports the full count when the host listed only the first problems', () => {
    const details = detailsOf((e) => {
      for (let r = 1; r <= 60; r++) e.cell('code_required', r, 'code', 'a code', '');
    });
    const listed = importProblems(details);
    expect(listed).toHaveLength(50);
    expect(importProblemTotal(details, listed.length)).toBe(60);
  });

  it('has nothing to list when the error carries no details', () => {
    expect(importProblems(undefined)).toEqual([]);
  });
});
