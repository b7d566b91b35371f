import { describe, expect, it } from 'vitest';
import { RpcError } from '../../rpc/errors';
import { parseDelimited } from './delimited';
import { CrosswalkValidator } from './validate-crosswalk';
import { SchemeValidator, isPrefixStructured } from './validate-scheme';

function scheme(csv: string, columns: Record<string, string>) {
  const v = new SchemeValidator('isco.csv', parseDelimited(csv), columns);
  v.readChunk(0, v.total);
  return v.finish();
}

function crosswalk(csv: string, columns: Record<string, string>) {
  const v = new CrosswalkValidator('isco.csv', parseDelimited(csv), columns);
  v.readChunk(0, v.total);
  return v.finish();
}

function problemsOf(fn: () => unknown): unknown[] {
  try {
    fn();
  } catch (error) {
    return ((error as RpcError).details as { problems: unknown[] }).problems;
  }
  throw new Error('expected the import to fail');
}

function errorsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).code).toBe('validation_failed');
    return ((error as RpcError).details as { errors: string[] }).errors;
  }
  throw new Error('expected the import to fail');
}

describe('SchemeValidator', () => {
  it('derives parents from code prefixes, levels from depth, and leaves', () => {
    const s = scheme(
      'code,title_en\n0,Armed forces\n01,Officers\n011,Officers\n0110,Officers\n1,Managers\n',
      { code: 'code', titleEn: 'title_en' },
    );
    expect(s.hierarchy).toBe('code_prefixes');
    expect(s.code).toEqual(['0', '01', '011', '0110', '1']);
    expect(s.parentCode).toEqual([null, '0', '01', '011', null]);
    expect(s.level).toEqual([1, 2, 3, 4, 1]);
    expect(Array.from(s.isLeaf)).toEqual([0, 0, 0, 1, 1]);
    expect(s.levels).toBe(4);
  });

  it('uses a parent column, and level words become depths', () => {
    const s = scheme('code,level,parent_code\nA,section,\n01,division,A\n011,group,01\n', {
      code: 'code',
      level: 'level',
      parentCode: 'parent_code',
    });
    expect(s.level).toEqual([1, 2, 3]);
    expect(s.levels).toBe(3);
  });

  it('keeps a flat list flat', () => {
    expect(isPrefixStructured(['1000', '1100', '1110', '1111'])).toBe(false);
    expect(isPrefixStructured(['11-0000', '11-1000', '11-1011'])).toBe(false);
    const s = scheme('code\n1000\n1100\n', { code: 'code' });
    expect(s.parentCode).toEqual([null, null]);
    expect(s.level).toEqual([1, 1]);
  });

  it('refuses duplicate codes, naming both rows', () => {
    expect(errorsOf(() => scheme('code\n0110\n0210\n0110\n', { code: 'code' }))).toEqual([
      'isco.csv, row 4, column "code": expected a code not used before (it is already in row 2), found "0110"',
    ]);
    expect(problemsOf(() => scheme('code\n0110\n0210\n0110\n', { code: 'code' }))).toEqual([
      expect.objectContaining({
        code: 'duplicate_code',
        file: 'isco.csv',
        row: 4,
        column: 'code',
        value: '0110',
        params: { firstRow: 2 },
      }),
    ]);
  });

  it('keeps ISO validity dates and refuses any other date, or an end before the start', () => {
    const cols = { code: 'code', validFrom: 'from', validTo: 'to' };
    const s = scheme('code,from,to\n01,2011-01-01,\n02,2011-01-01,2024-12-31\n', cols);
    expect(s.validFrom).toEqual(['2011-01-01', '2011-01-01']);
    expect(s.validTo).toEqual([null, '2024-12-31']);
    expect(
      problemsOf(() =>
        scheme('code,from,to\n01,05/03/2024,\n02,2024-02-30,\n03,2024-01-01,2023-12-31\n', cols),
      ),
    ).toEqual([
      expect.objectContaining({ code: 'item_date', row: 2, column: 'from', value: '05/03/2024' }),
      expect.objectContaining({ code: 'item_date', row: 3, column: 'from', value: '2024-02-30' }),
      expect.objectContaining({
        code: 'item_valid_to_before_from',
        row: 4,
        column: 'to',
        value: '2023-12-31',
        params: { validFrom: '2024-01-01' },
      }),
    ]);
  });

  it('gives a file with only a header the no_rows problem', () => {
    expect(problemsOf(() => scheme('code,title\n', { code: 'code' }))).toEqual([
      {
        code: 'no_rows',
        file: 'isco.csv',
        message: 'isco.csv: there are no rows under the header',
      },
    ]);
  });

  it('refuses unknown parents and blank codes', () => {
    expect(
      errorsOf(() =>
        scheme('code,parent\n01,\n011,09\n,01\n', { code: 'code', parentCode: 'parent' }),
      ),
    ).toEqual(['isco.csv, row 4, column "code": expected a code, found an empty cell']);
    expect(
      errorsOf(() => scheme('code,parent\n01,\n011,09\n', { code: 'code', parentCode: 'parent' })),
    ).toEqual([
      'isco.csv, row 3, column "parent": expected the code of an item in this file, found "09"',
    ]);
  });
});

describe('CrosswalkValidator', () => {
  it('reads a crosswalk and keeps codes as text', () => {
    const c = crosswalk('from,to,share\n0110,0110,1\n0210,0110,0.5\n', {
      sourceCode: 'from',
      targetCode: 'to',
      share: 'share',
    });
    expect(c.source).toEqual(['0110', '0210']);
    expect(c.share).toEqual([1, 0.5]);
    expect(c.status).toEqual(['proposed', 'proposed']);
    expect(c.justification).toEqual(['imported', 'imported']);
    expect(c.relation).toEqual(['broader', 'broader']); // two sources merged into 0110
  });

  it('names file, row (counting the header) and column of a bad share', () => {
    const rows = [
      'from,to,share',
      ...Array.from({ length: 5 }, (_, i) => `0${i}10,0110,0.2`),
      '0610,0110,abc',
    ];
    expect(
      errorsOf(() =>
        crosswalk(rows.join('\n'), { sourceCode: 'from', targetCode: 'to', share: 'share' }),
      ),
    ).toEqual(['isco.csv, row 7, column "share": expected a number between 0 and 1, found "abc"']);
    expect(
      problemsOf(() =>
        crosswalk(rows.join('\n'), { sourceCode: 'from', targetCode: 'to', share: 'share' }),
      ),
    ).toEqual([
      expect.objectContaining({ code: 'share_range', row: 7, column: 'share', value: 'abc' }),
    ]);
  });

  it('derives relations from partial flags', () => {
    const c = crosswalk('a,pa,b,pb\n01,0,01,0\n02,1,02,0\n03,0,03,1\n04,*,04,yes\n', {
      sourceCode: 'a',
      partialSource: 'pa',
      targetCode: 'b',
      partialTarget: 'pb',
    });
    expect(c.relation).toEqual(['exact', 'narrower', 'broader', 'related']);
  });

  it('reads SKOS relations, SSSOM justifications and CURIE codes', () => {
    const v = new CrosswalkValidator(
      'm.sssom.tsv',
      parseDelimited(
        's\tp\to\tj\nisco88:0110\tskos:narrowMatch\tisco08:0110\tsemapv:ManualMappingCuration\n',
      ),
      { sourceCode: 's', relation: 'p', targetCode: 'o', justification: 'j' },
      { curies: true },
    );
    v.readChunk(0, v.total);
    const c = v.finish();
    expect([c.source[0], c.relation[0], c.target[0], c.justification[0]]).toEqual([
      '0110',
      'narrower',
      '0110',
      'manual',
    ]);
  });

  it('reads our steward references and status/share extensions, and checks review_date and mapping_cardinality', () => {
    const sssom = (review: string, cardinality: string) => {
      const v = new CrosswalkValidator(
        'm.sssom.tsv',
        parseDelimited(
          'subject_id\tpredicate_id\tobject_id\tauthor_id\treviewer_id\treview_date\tmapping_cardinality\tshare\tstatus\n' +
            `isco08:0110\tskos:broadMatch\tisco88:0210\tgesher:steward/abc\tgesher:steward/es1|gesher:steward/cbs1\t${review}\t${cardinality}\t0.25\tapproved\n`,
        ),
        {
          sourceCode: 'subject_id',
          relation: 'predicate_id',
          targetCode: 'object_id',
          author: 'author_id',
          reviewer: 'reviewer_id',
          share: 'share',
          status: 'status',
        },
        {
          curies: true,
          stewards: new Map([
            ['es1', { agency: 'ES', canApprove: true }],
            ['cbs1', { agency: 'CBS', canApprove: true }],
          ]),
        },
      );
      v.readChunk(0, v.total);
      return v.finish();
    };
    const c = sssom('2026-12-02', '1:n');
    expect([c.author[0], c.reviewer[0], c.share[0], c.status[0], c.relation[0]]).toEqual([
      'abc',
      'es1|cbs1',
      0.25,
      'approved',
      'broader',
    ]);
    expect(problemsOf(() => sssom('2026-02-30', 'many'))).toEqual([
      expect.objectContaining({
        code: 'review_date',
        row: 2,
        column: 'review_date',
        value: '2026-02-30',
      }),
      expect.objectContaining({
        code: 'mapping_cardinality',
        row: 2,
        column: 'mapping_cardinality',
        value: 'many',
      }),
    ]);
  });

  it('refuses unknown relations and names missing columns', () => {
    expect(
      errorsOf(() =>
        crosswalk('a,b,r\n1,2,same\n', { sourceCode: 'a', targetCode: 'b', relation: 'r' }),
      )[0],
    ).toMatch(/^isco.csv, row 2, column "r": expected exact, close, broader/);
    expect(errorsOf(() => crosswalk('a,b\n1,2\n', { sourceCode: 'a', targetCode: 'x' }))[0]).toBe(
      'isco.csv: there is no column "x" (the columns are "a", "b")',
    );
    expect(problemsOf(() => crosswalk('a,b\n1,2\n', { sourceCode: 'a', targetCode: 'x' }))).toEqual(
      [
        expect.objectContaining({
          code: 'unknown_column',
          params: { header: 'x', columns: 'a, b' },
        }),
      ],
    );
  });
});
