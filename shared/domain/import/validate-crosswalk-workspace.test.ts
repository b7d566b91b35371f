import { describe, expect, it } from 'vitest';
import type { RpcError } from '../../rpc/errors';
import type { CrosswalkField } from '../../contract/imports';
import { parseDelimited } from './delimited';
import type { SchemeCodes } from './scheme-codes';
import { CrosswalkValidator, type CrosswalkReadOptions } from './validate-crosswalk';

const ISCO88: SchemeCodes = {
  nameHe: 'משלחי יד ISCO-88',
  nameEn: 'ISCO-88',
  version: '1988',
  codes: new Set(['0', '01', '011', '0110', '1', '11', '111', '1110']),
};
const ISCO08: SchemeCodes = {
  nameHe: 'משלחי יד ISCO-08',
  nameEn: 'ISCO-08',
  version: '2008',
  codes: new Set(['0', '01', '011', '0110', '1', '11', '111', '1111', '1112']),
};
const STEWARDS: CrosswalkReadOptions['stewards'] = new Map([
  ['es1', { agency: 'ES', canApprove: true }],
  ['cbs1', { agency: 'CBS', canApprove: true }],
  ['cbs-viewer', { agency: 'CBS', canApprove: false }],
]);

function run(
  csv: string,
  columns: Partial<Record<CrosswalkField, string>>,
  options: CrosswalkReadOptions = {},
) {
  const v = new CrosswalkValidator('isco.csv', parseDelimited(csv), columns, {
    source: ISCO88,
    target: ISCO08,
    stewards: STEWARDS,
    ...options,
  });
  v.readChunk(0, v.total);
  return v.finish();
}

function problemsOf(fn: () => unknown): unknown[] {
  try {
    fn();
  } catch (error) {
    expect((error as RpcError).message).toMatch(/Nothing was imported\.$/);
    return ((error as RpcError).details as { problems: unknown[] }).problems;
  }
  throw new Error('expected the import to fail');
}

const CODES = { sourceCode: 'isco88', targetCode: 'isco08' } as const;
const REVIEWED = { ...CODES, status: 'status', reviewer: 'reviewer' } as const;

describe('CrosswalkValidator against the workspace: codes of the schemes', () => {
  it('accepts codes of both schemes, leading zeros and all', () => {
    expect(run('isco88,isco08\n0110,0110\n1110,1111\n', CODES).count).toBe(2);
  });

  it('refuses a source code its scheme lacks, naming row, column, value and the scheme, with the leading-zero hint', () => {
    const problems = problemsOf(() => run('isco88,isco08\n0110,0110\n110,0110\n', CODES));
    expect(problems).toEqual([
      {
        code: 'source_not_in_scheme',
        file: 'isco.csv',
        row: 3,
        column: 'isco88',
        value: '110',
        expected: 'a code of ISCO-88 (version 1988); did you mean 0110?',
        message:
          'isco.csv, row 3, column "isco88": expected a code of ISCO-88 (version 1988); did you mean 0110?, found "110"',
        params: {
          code: '110',
          scheme: 'ISCO-88',
          schemeHe: 'משלחי יד ISCO-88',
          version: '1988',
          hint: 'leading_zero',
          suggestion: '0110',
        },
      },
    ]);
  });

  it('refuses target codes Excel mangled or that do not exist, each with what it looks like', () => {
    const problems = problemsOf(() =>
      run('isco88,isco08\n1110,1.11E+03\n1110,9999\n1110,1112.0\n', CODES),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'target_not_in_scheme',
        row: 2,
        value: '1.11E+03',
        params: expect.objectContaining({ hint: 'scientific_notation', scheme: 'ISCO-08' }),
      }),
      expect.objectContaining({ code: 'target_not_in_scheme', row: 3, value: '9999' }),
      expect.objectContaining({
        code: 'target_not_in_scheme',
        row: 4,
        value: '1112.0',
        params: expect.objectContaining({ hint: 'numeric_loss' }),
      }),
    ]);
    expect((problems[1] as { params: object }).params).not.toHaveProperty('hint');
  });

  it('names the code without its SSSOM prefix in params and the cell as written in value', () => {
    const problems = problemsOf(() =>
      run(
        'subject_id\tpredicate_id\tobject_id\nisco88:0110\tskos:exactMatch\tisco08:110\n',
        { sourceCode: 'subject_id', targetCode: 'object_id', relation: 'predicate_id' },
        { curies: true },
      ),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'target_not_in_scheme',
        value: 'isco08:110',
        params: expect.objectContaining({ code: '110', suggestion: '0110' }),
      }),
    ]);
  });
});

describe('CrosswalkValidator against the workspace: approvals are never taken on trust', () => {
  it('accepts an approved row that names an approver of each agency', () => {
    const rows = run('isco88,isco08,status,reviewer\n0110,0110,approved,es1|cbs1\n', REVIEWED);
    expect([rows.status[0], rows.reviewer[0]]).toEqual(['approved', 'es1|cbs1']);
  });

  it('refuses a reviewer id that is no steward profile here, naming the id', () => {
    expect(
      problemsOf(() =>
        run('isco88,isco08,status,reviewer\n0110,0110,proposed,es1|forged\n', REVIEWED),
      ),
    ).toEqual([
      expect.objectContaining({
        code: 'reviewer_unknown',
        row: 2,
        column: 'reviewer',
        value: 'es1|forged',
        params: { id: 'forged' },
      }),
    ]);
  });

  it('refuses an approved row with one agency’s approval, saying which is missing', () => {
    expect(
      problemsOf(() =>
        run(
          'isco88,isco08,status,reviewer\n0110,0110,approved,es1\n1110,1111,approved,cbs1\n1110,1112,approved,es1|cbs-viewer\n0110,0110,approved,\n',
          REVIEWED,
        ),
      ),
    ).toEqual([
      expect.objectContaining({
        code: 'approved_without_both',
        row: 2,
        params: { missing: 'CBS' },
      }),
      expect.objectContaining({ code: 'approved_without_both', row: 3, params: { missing: 'ES' } }),
      // A viewer's name approves nothing.
      expect.objectContaining({
        code: 'approved_without_both',
        row: 4,
        params: { missing: 'CBS' },
      }),
      expect.objectContaining({
        code: 'approved_without_both',
        row: 5,
        params: { missing: 'ES, CBS' },
      }),
    ]);
  });

  it('refuses status approved as a default without a reviewer column, once for the file', () => {
    expect(
      problemsOf(() =>
        run('isco88,isco08\n0110,0110\n1110,1111\n', CODES, {
          defaults: { status: 'approved' },
        }),
      ),
    ).toEqual([expect.objectContaining({ code: 'approved_needs_reviewers', file: 'isco.csv' })]);
  });

  it('with no steward profiles given, an approved row is refused', () => {
    expect(
      problemsOf(() =>
        run('isco88,isco08,status,reviewer\n0110,0110,approved,es1|cbs1\n', REVIEWED, {
          stewards: undefined,
        }),
      ),
    ).toEqual([
      expect.objectContaining({ code: 'reviewer_unknown', params: { id: 'es1' } }),
      expect.objectContaining({ code: 'reviewer_unknown', params: { id: 'cbs1' } }),
      expect.objectContaining({ code: 'approved_without_both', params: { missing: 'ES, CBS' } }),
    ]);
  });
});
