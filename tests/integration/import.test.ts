import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Params } from '../../shared/contract';
import type { ImportResult, Preview } from '../../shared/contract/imports';
import { textDecoder } from '../../shared/domain/import/text-decoder';
import { toCsv } from '../../shared/domain/tabular/csv-write';
import { readImportFile } from '../../electron/host/import/read-import-file';
import { importCrosswalk } from '../../electron/host/import/run-import';
import type { RpcError } from '../../shared/rpc/errors';
import { CLASSIFICATIONS_DIR, openWithSteward, type TestBackend } from './harness';

const ORIGINALS = path.join(CLASSIFICATIONS_DIR, 'originals');

let t: TestBackend | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function open(): Promise<TestBackend> {
  t = await openWithSteward();
  return t;
}

async function stage(b: TestBackend, fileName: string, bytes: Uint8Array): Promise<string> {
  const { stagedId } = await b.call('import.stage', {
    fileName,
    base64: Buffer.from(bytes).toString('base64'),
  });
  return stagedId;
}

async function preview(
  b: TestBackend,
  file: string,
  options: Params<'import.preview'>['options'] = {},
): Promise<Preview> {
  const stagedId = await stage(b, path.basename(file), fs.readFileSync(file));
  return b.call('import.preview', { stagedId, options });
}

async function finish(b: TestBackend, jobId: string): Promise<ImportResult> {
  const state = await b.call('jobs.wait', { jobId });
  if (state.status !== 'succeeded') throw new Error(`${state.status}: ${state.error?.message}`);
  return state.result as ImportResult;
}

async function importSchemeFile(
  b: TestBackend,
  file: string,
  options: Params<'import.preview'>['options'] = {},
) {
  const p = await preview(b, file, options);
  const { jobId } = await b.call('import.commitScheme', {
    stagedId: p.stagedId,
    options,
    columns: { code: p.suggestedScheme.code!, ...p.suggestedScheme },
    scheme: { nameHe: 'סיווג', nameEn: path.basename(file), version: '1', agency: null },
  });
  return { preview: p, result: await finish(b, jobId) };
}

async function commitCrosswalkFile(
  b: TestBackend,
  file: string,
  schemes: { source: string; target: string },
  options: Params<'import.preview'>['options'] = {},
) {
  const p = await preview(b, file, options);
  const { sourceCode, targetCode } = p.suggestedCrosswalk;
  const { jobId } = await b.call('import.commitCrosswalk', {
    stagedId: p.stagedId,
    options,
    columns: { sourceCode: sourceCode!, targetCode: targetCode!, ...p.suggestedCrosswalk },
    crosswalk: {
      nameHe: 'מעבר',
      nameEn: path.basename(file),
      sourceSchemeId: schemes.source,
      targetSchemeId: schemes.target,
    },
  });
  return { preview: p, state: await b.call('jobs.wait', { jobId }) };
}

async function importCrosswalkFile(
  b: TestBackend,
  file: string,
  schemes: { source: string; target: string },
  options: Params<'import.preview'>['options'] = {},
) {
  const { preview: p, state } = await commitCrosswalkFile(b, file, schemes, options);
  if (state.status !== 'succeeded') throw new Error(`${state.status}: ${state.error?.message}`);
  return { preview: p, result: state.result as ImportResult };
}

/** Imports the two scheme files a crosswalk maps between; returns their scheme ids. */
async function importSchemes(
  b: TestBackend,
  source: SchemeSource,
  target: SchemeSource,
): Promise<{ source: string; target: string }> {
  const id = async (s: SchemeSource) =>
    typeof s === 'string'
      ? (await importSchemeFile(b, path.join(CLASSIFICATIONS_DIR, s))).result.id
      : schemeOfColumn(b, s);
  return { source: await id(source), target: await id(target) };
}

/**
 * Where the folder has no code list for a side (NAICS 2017, O*NET-SOC 2010), the codes and
 * titles that side of the published crosswalk itself lists, as a code list.
 */
interface CodesListedBy {
  file: string;
  code: string;
  title: string;
  options?: Params<'import.preview'>['options'];
}
type SchemeSource = string | CodesListedBy;

async function schemeOfColumn(b: TestBackend, s: CodesListedBy): Promise<string> {
  const { table } = await readImportFile(
    path.basename(s.file),
    fs.readFileSync(path.join(CLASSIFICATIONS_DIR, s.file)),
    s.options ?? {},
  );
  const [c, t] = [table.headers.indexOf(s.code), table.headers.indexOf(s.title)];
  const items = new Map<string, string>();
  for (const row of table.rows) {
    const code = (row[c] ?? '').trim();
    if (code && !items.has(code)) items.set(code, (row[t] ?? '').trim());
  }
  const stagedId = await stage(
    b,
    `${s.code}.csv`,
    Buffer.from(
      toCsv(
        ['code', 'title_en'],
        [...items].map(([code, title]) => [code, title]),
      ),
    ),
  );
  const { jobId } = await b.call('import.commitScheme', {
    stagedId,
    options: {},
    columns: { code: 'code', titleEn: 'title_en' },
    scheme: { nameHe: s.code, nameEn: s.code, version: '1', agency: null },
  });
  return (await finish(b, jobId)).id;
}

const counts = (b: TestBackend) => ({
  schemes: b.backend.deps.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM schemes')!.n,
  items: b.backend.deps.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM items')!.n,
  crosswalks: b.backend.deps.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM crosswalks')!.n,
  mappings: b.backend.deps.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM mappings')!.n,
  audit: b.backend.deps.db.get<{ n: number }>(
    "SELECT COUNT(*) AS n FROM audit WHERE action LIKE 'import.%'",
  )!.n,
});

/** Row counts from SOURCES.md (header rows left out). */
const SCHEME_FILES: [file: string, rows: number, options?: Params<'import.preview'>['options']][] =
  [
    ['esco_iscogroups_en.csv', 619],
    ['isco08_labels_4digitvariant_en.csv', 590],
    ['isco08_structure_en.csv', 619],
    ['isco88_labels_4digitvariant_en.csv', 517],
    ['isic31_structure_en.csv', 538],
    ['isic4_structure_ar.csv', 766],
    ['isic4_structure_en.csv', 766],
    ['nace2_structure_en_with_isic4_ref.csv', 996],
    ['soc2010_structure_en.csv', 1421],
    ['soc2018_structure_en.csv', 1447],
    ['originals/ISIC_Rev_4_english_structure.txt', 766],
    ['originals/ISIC_Rev_3_1_english_structure.txt', 538],
    ['originals/validate_nace_rev2.csv', 996],
  ];

const NAICS_CODES: CodesListedBy = {
  file: 'naics2017_isic4_census_correspondence.csv',
  code: 'naics2017',
  title: 'naics2017_title',
};

/** Each published crosswalk with the code lists of its two sides. */
const CROSSWALK_FILES: [
  file: string,
  rows: number,
  source: SchemeSource,
  target: SchemeSource,
  options?: Params<'import.preview'>['options'],
][] = [
  [
    'isco08_isco88_ilo_correspondence.csv',
    678,
    'isco08_structure_en.csv',
    'isco88_labels_4digitvariant_en.csv',
  ],
  // Ganzeboom codes both sides in the ILO's padded 4-digit variant (1000 = major group 1).
  [
    'isco08_to_isco88_ganzeboom_unique.csv',
    589,
    'isco08_labels_4digitvariant_en.csv',
    'isco88_labels_4digitvariant_en.csv',
  ],
  ['isic4_isic31_correspondence.csv', 737, 'isic4_structure_en.csv', 'isic31_structure_en.csv'],
  [
    'soc2010_soc2018_bls_crosswalk.csv',
    900,
    'soc2010_structure_en.csv',
    'soc2018_structure_en.csv',
  ],
  ['originals/ISIC4_ISIC31.txt', 737, 'isic4_structure_en.csv', 'isic31_structure_en.csv'],
  [
    'originals/2017_NAICS_to_ISIC_4.xlsx',
    1655,
    {
      file: 'originals/2017_NAICS_to_ISIC_4.xlsx',
      code: '2017 NAICS US',
      title: '2017 NAICS US TITLE',
    },
    'isic4_structure_en.csv',
  ],
  [
    'originals/onet_2010_to_2018_SOC_Crosswalk.xlsx',
    1170,
    {
      file: 'originals/onet_2010_to_2018_SOC_Crosswalk.xlsx',
      code: 'O*NET-SOC 2010 Code',
      title: 'O*NET-SOC 2010 Title',
      options: { skipRows: 3 },
    },
    'soc2018_structure_en.csv',
    { skipRows: 3 },
  ],
];

/**
 * The Census table links four NAICS industries to ISIC *groups* (012, 014, 331: "ISIC group level
 * link" in its notes). The workbook shows them as 012, 014, 331 and imports cleanly (above); the
 * derived CSV padded every ISIC code to 4 digits, making them 0012, 0014, 0331, codes ISIC Rev.4
 * does not have. The import refuses those four rows and suggests the real group code.
 */
const REFUSED_CROSSWALK_FILES: [file: string, source: SchemeSource, column: string][] = [
  ['naics2017_isic4_census_correspondence.csv', NAICS_CODES, 'isic4'],
];

describe('every scheme and crosswalk file in the classifications folder imports cleanly', () => {
  it('covers every top-level CSV', () => {
    // The Employment Service job-orders file has no codes at all (Hebrew group names and counts
    // per month and district): it is statistics, neither a code list nor a crosswalk.
    const excluded = ['il_es_job_orders_by_major_occupation_district_2015_2020.csv'];
    const listed = new Set(
      [...SCHEME_FILES, ...CROSSWALK_FILES, ...REFUSED_CROSSWALK_FILES].map(([f]) => f),
    );
    const csvs = fs
      .readdirSync(CLASSIFICATIONS_DIR)
      .filter((f) => f.endsWith('.csv') && !excluded.includes(f));
    expect(csvs.filter((f) => !listed.has(f))).toEqual([]);
  });

  it.each(SCHEME_FILES)('scheme %s (%i items)', async (file, rows, options) => {
    const b = await open();
    const { result } = await importSchemeFile(b, path.join(CLASSIFICATIONS_DIR, file), options);
    expect(result).toMatchObject({ kind: 'scheme', rows });
    expect(counts(b)).toMatchObject({ schemes: 1, items: rows, audit: 1 });
  });

  it.each(CROSSWALK_FILES)(
    'crosswalk %s (%i mappings) between its own schemes',
    async (file, rows, source, target, options) => {
      const b = await open();
      const schemes = await importSchemes(b, source, target);
      const { result } = await importCrosswalkFile(
        b,
        path.join(CLASSIFICATIONS_DIR, file),
        schemes,
        options,
      );
      expect(result).toMatchObject({ kind: 'crosswalk', rows });
      expect(counts(b)).toMatchObject({ crosswalks: 1, mappings: rows, audit: 3 });
    },
  );

  it.each(REFUSED_CROSSWALK_FILES)(
    'crosswalk %s is refused: its four ISIC group links padded to 4-digit codes ISIC Rev.4 lacks',
    async (file, source, column) => {
      const b = await open();
      const schemes = await importSchemes(b, source, 'isic4_structure_en.csv');
      const before = counts(b);
      const { state } = await commitCrosswalkFile(b, path.join(CLASSIFICATIONS_DIR, file), schemes);
      expect(state.status).toBe('failed');
      const problems = (state.error?.details as { problems: Record<string, unknown>[] }).problems;
      expect(
        problems.map((p) => [
          p.code,
          p.row,
          p.column,
          p.value,
          (p.params as { suggestion?: string }).suggestion,
        ]),
      ).toEqual([
        ['target_not_in_scheme', 24, column, '0012', '012'],
        ['target_not_in_scheme', 46, column, '0012', '012'],
        ['target_not_in_scheme', 75, column, '0014', '014'],
        ['target_not_in_scheme', 191, column, '0331', '331'],
      ]);
      expect(problems[0]).toMatchObject({
        expected: 'a code of isic4_structure_en.csv (version 1); did you mean 012?',
      });
      expect(counts(b)).toEqual(before);
    },
  );

  it('keeps the ISCO-08 hierarchy and codes such as 0110 intact', async () => {
    const b = await open();
    const { result } = await importSchemeFile(
      b,
      path.join(CLASSIFICATIONS_DIR, 'isco08_structure_en.csv'),
    );
    const db = b.backend.deps.db;
    expect(
      db.get(
        'SELECT code, parent_code, level, is_leaf, title_en FROM items WHERE scheme_id = ? AND code = ?',
        [result.id, '0110'],
      ),
    ).toEqual({
      code: '0110',
      parent_code: '011',
      level: 4,
      is_leaf: 1,
      title_en: 'Commissioned armed forces officers',
    });
    const byLevel = db.rows(
      'SELECT level, COUNT(*) FROM items WHERE scheme_id = ? GROUP BY level ORDER BY level',
      [result.id],
    );
    expect(byLevel).toEqual([
      [1, 10],
      [2, 43],
      [3, 130],
      [4, 436],
    ]);
    expect(db.get('SELECT levels FROM schemes WHERE id = ?', [result.id])).toEqual({ levels: 4 });
  });

  it('derives the hierarchy of the UNSD ISIC file from its code prefixes', async () => {
    const b = await open();
    const { result } = await importSchemeFile(
      b,
      path.join(ORIGINALS, 'ISIC_Rev_4_english_structure.txt'),
    );
    const db = b.backend.deps.db;
    expect(
      db.get('SELECT parent_code, level FROM items WHERE scheme_id = ? AND code = ?', [
        result.id,
        '0111',
      ]),
    ).toEqual({ parent_code: '011', level: 3 });
    expect(
      db.get('SELECT parent_code, level FROM items WHERE scheme_id = ? AND code = ?', [
        result.id,
        '01',
      ]),
    ).toEqual({ parent_code: null, level: 1 });
  });

  it('reads the ILO correspondence with codes as text and relations from its shape', async () => {
    const b = await open();
    const { result } = await importCrosswalkFile(
      b,
      path.join(CLASSIFICATIONS_DIR, 'isco08_isco88_ilo_correspondence.csv'),
      await importSchemes(b, 'isco08_structure_en.csv', 'isco88_labels_4digitvariant_en.csv'),
    );
    const db = b.backend.deps.db;
    expect(
      db.all(
        'SELECT source_code, target_code, relation, status, justification, updated_by FROM mappings WHERE crosswalk_id = ? AND source_code = ?',
        [result.id, '0110'],
      ),
    ).toEqual([
      // ISCO-88 0110 also receives ISCO-08 0210 and 0310: merged, so the target is broader.
      {
        source_code: '0110',
        target_code: '0110',
        relation: 'broader',
        status: 'proposed',
        justification: 'imported',
        updated_by: 'Dana Levi',
      },
    ]);
    // 1111 Legislators → 1110 Legislators is one to one.
    expect(
      db.get(
        'SELECT target_code, relation FROM mappings WHERE crosswalk_id = ? AND source_code = ?',
        [result.id, '1111'],
      ),
    ).toEqual({
      target_code: '1110',
      relation: 'exact',
    });
    const sources = db.get<{ n: number }>(
      'SELECT COUNT(DISTINCT source_code) AS n FROM mappings WHERE crosswalk_id = ?',
      [result.id],
    )!.n;
    expect(sources).toBe(436);
  });

  it('reads the UNSD partial flags into relations', async () => {
    const b = await open();
    const { result } = await importCrosswalkFile(
      b,
      path.join(CLASSIFICATIONS_DIR, 'isic4_isic31_correspondence.csv'),
      await importSchemes(b, 'isic4_structure_en.csv', 'isic31_structure_en.csv'),
    );
    const db = b.backend.deps.db;
    // 0111 (ISIC4, not partial) → 0111 (ISIC3.1, partial): the target is only partly covered, so broader.
    expect(
      db.get(
        'SELECT relation, partial_source, partial_target FROM mappings WHERE crosswalk_id = ? AND source_code = ?',
        [result.id, '0111'],
      ),
    ).toEqual({
      relation: 'broader',
      partial_source: 0,
      partial_target: 1,
    });
  });

  it('pads the NAICS workbook ISIC codes as Excel shows them and flags them as stored as numbers', async () => {
    const b = await open();
    const p = await preview(b, path.join(ORIGINALS, '2017_NAICS_to_ISIC_4.xlsx'));
    expect(p.format).toBe('xlsx');
    expect(p.headers.slice(0, 5)).toEqual([
      'Part of NAICS US',
      '2017 NAICS US',
      '2017 NAICS US TITLE',
      'Part of ISIC',
      'ISIC 4.0',
    ]);
    expect(p.rows[2]!.slice(0, 5)).toEqual(['', '111110', 'Soybean Farming', '*', '0111']);
    expect(p.warnings).toContainEqual(
      expect.objectContaining({ column: 'ISIC 4.0', kind: 'stored_as_number' }),
    );
    expect(p.suggestedCrosswalk).toMatchObject({
      sourceCode: '2017 NAICS US',
      targetCode: 'ISIC 4.0',
      partialSource: 'Part of NAICS US',
      partialTarget: 'Part of ISIC',
    });
  });

  it('refuses the old .xls file with a clear message', async () => {
    const b = await open();
    const r = await b.reply('import.preview', {
      stagedId: await stage(
        b,
        'bls_soc_structure_2010.xls',
        fs.readFileSync(path.join(ORIGINALS, 'bls_soc_structure_2010.xls')),
      ),
      options: {},
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('import_failed');
      expect(r.error.message).toMatch(
        /bls_soc_structure_2010\.xls is an old Excel 97–2003 \.xls file; open it in Excel and save as \.xlsx or CSV/,
      );
      expect(r.error.details).toMatchObject({
        problems: [{ code: 'xls_refused', file: 'bls_soc_structure_2010.xls' }],
      });
    }
  });
});

/** Windows-1255 bytes made from the decoder's own table (Node can decode it but not encode it). */
function encode1255(text: string): Uint8Array {
  const decoder = textDecoder('windows-1255');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Uint8Array.from([...text].map((ch) => table.get(ch)!));
}

function utf16le(text: string): Uint8Array {
  const out = [0xff, 0xfe];
  for (let i = 0; i < text.length; i++)
    out.push(text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8);
  return Uint8Array.from(out);
}

describe('encodings', () => {
  it('previews and imports a Windows-1255 Hebrew CSV with leading-zero codes', async () => {
    const b = await open();
    const csv =
      'סמל,שם\r\n0,צבא\r\n01,קצינים\r\n011,קצינים בצבא\r\n0110,"קצינים, בצבא"\r\n1,מנהלים\r\n';
    const stagedId = await stage(b, 'hebrew.csv', encode1255(csv));
    const p = await b.call('import.preview', { stagedId, options: {} });
    expect(p.detected).toMatchObject({ encoding: 'windows-1255', delimiter: ',', hadBom: false });
    expect(p.headers).toEqual(['סמל', 'שם']);
    expect(p.rows[3]).toEqual(['0110', 'קצינים, בצבא']);
    expect(p.suggestedScheme).toEqual({ code: 'סמל', titleHe: 'שם' });
    expect(p.warnings).toEqual([]);
    const { jobId } = await b.call('import.commitScheme', {
      stagedId,
      options: {},
      columns: { code: 'סמל', titleHe: 'שם' },
      scheme: { nameHe: 'משלחי יד', nameEn: 'Occupations', version: '2011', agency: 'CBS' },
    });
    const result = await finish(b, jobId);
    const db = b.backend.deps.db;
    expect(
      db.get(
        'SELECT code, parent_code, level, title_he FROM items WHERE scheme_id = ? AND code = ?',
        [result.id, '0110'],
      ),
    ).toEqual({
      code: '0110',
      parent_code: '011',
      level: 4,
      title_he: 'קצינים, בצבא',
    });
  });

  it('imports a UTF-16LE tab-separated file ("Unicode text" from Excel)', async () => {
    const b = await open();
    const stagedId = await stage(
      b,
      'unicode.txt',
      utf16le('code\ttitle_he\ttitle_en\r\n0110\tקצינים\tOfficers\r\n0210\tנגדים\tNCOs\r\n'),
    );
    const p = await b.call('import.preview', { stagedId, options: {} });
    expect(p.detected).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', hadBom: true });
    expect(p.rows).toEqual([
      ['0110', 'קצינים', 'Officers'],
      ['0210', 'נגדים', 'NCOs'],
    ]);
    const { jobId } = await b.call('import.commitScheme', {
      stagedId,
      options: {},
      columns: { code: 'code', titleHe: 'title_he', titleEn: 'title_en' },
      scheme: { nameHe: 'א', nameEn: 'A', version: '1', agency: 'ES' },
    });
    expect(await finish(b, jobId)).toMatchObject({ rows: 2 });
    expect(b.backend.deps.db.rows('SELECT code FROM items ORDER BY code')).toEqual([
      ['0110'],
      ['0210'],
    ]);
  });
});

describe('all or nothing', () => {
  async function withScheme(
    b: TestBackend,
    codes: readonly string[] = ['0110', '0210', '0310', '0410'],
  ): Promise<string> {
    const stagedId = await stage(b, 's.csv', Buffer.from(['code', ...codes].join('\n')));
    const { jobId } = await b.call('import.commitScheme', {
      stagedId,
      options: {},
      columns: { code: 'code' },
      scheme: { nameHe: 'א', nameEn: 'A', version: '1', agency: null },
    });
    return (await finish(b, jobId)).id;
  }

  // Large loads: every pair distinct, every code in its scheme (1,000 sources × 400 targets).
  const BIG_SOURCES = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
  const BIG_TARGETS = Array.from({ length: 400 }, (_, i) => `T${String(i).padStart(3, '0')}`);
  const bigRow = (i: number) => `${BIG_SOURCES[i % 1000]},${BIG_TARGETS[Math.floor(i / 1000)]}`;
  const bigSchemes = async (b: TestBackend) => ({
    source: await withScheme(b, BIG_SOURCES),
    target: await withScheme(b, BIG_TARGETS),
  });

  it('fails on a bad share with file, row and column named, and changes nothing', async () => {
    const b = await open();
    const schemeId = await withScheme(b);
    const before = counts(b);
    const lines = [
      'source,target,share',
      '0110,0110,1',
      '0210,0110,0.5',
      '0210,0210,0.5',
      '0110,0210,0',
      '0310,0110,1',
      '0410,0110,abc',
    ];
    const stagedId = await stage(b, 'isco.csv', Buffer.from(lines.join('\n')));
    const { jobId } = await b.call('import.commitCrosswalk', {
      stagedId,
      options: {},
      columns: { sourceCode: 'source', targetCode: 'target', share: 'share' },
      crosswalk: { nameHe: 'מ', nameEn: 'M', sourceSchemeId: schemeId, targetSchemeId: schemeId },
    });
    const state = await b.call('jobs.wait', { jobId });
    expect(state.status).toBe('failed');
    expect(state.error?.code).toBe('validation_failed');
    expect(state.error?.message).toContain(
      'isco.csv, row 7, column "share": expected a number between 0 and 1, found "abc"',
    );
    expect((state.error?.details as { problems: unknown[] }).problems).toEqual([
      {
        code: 'share_range',
        file: 'isco.csv',
        row: 7,
        column: 'share',
        expected: 'a number between 0 and 1',
        value: 'abc',
        message: 'isco.csv, row 7, column "share": expected a number between 0 and 1, found "abc"',
      },
    ]);
    expect(counts(b)).toEqual(before);
  });

  it('leaves nothing behind when the steward cancels mid-job', async () => {
    const b = await open();
    const { source, target } = await bigSchemes(b);
    const before = counts(b);
    const lines = ['source,target'];
    for (let i = 0; i < 300_000; i++) lines.push(bigRow(i));
    const stagedId = await stage(b, 'big.csv', Buffer.from(lines.join('\n')));
    const { jobId } = await b.call('import.commitCrosswalk', {
      stagedId,
      options: {},
      columns: { sourceCode: 'source', targetCode: 'target' },
      crosswalk: { nameHe: 'מ', nameEn: 'M', sourceSchemeId: source, targetSchemeId: target },
    });
    // Cancel as soon as the job reports its first chunk.
    while ((await b.call('jobs.get', { jobId })).done === 0)
      await new Promise((r) => setImmediate(r));
    await b.call('jobs.cancel', { jobId });
    const state = await b.call('jobs.wait', { jobId });
    expect(state.status).toBe('cancelled');
    expect(counts(b)).toEqual(before);
  });

  it('cancelled while saving a large load: rolled back, with the indexes it had dropped back in place', async () => {
    const b = await open();
    const { source, target } = await bigSchemes(b);
    const indexes = () =>
      b.backend.deps.db.rows(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mappings' ORDER BY name",
      );
    const before = { counts: counts(b), indexes: indexes() };
    const lines = ['source,target'];
    for (let i = 0; i < 400_000; i++) lines.push(bigRow(i));
    const stagedId = await stage(b, 'big.csv', Buffer.from(lines.join('\n')));
    const { jobId } = await b.call('import.commitCrosswalk', {
      stagedId,
      options: {},
      columns: { sourceCode: 'source', targetCode: 'target' },
      crosswalk: { nameHe: 'מ', nameEn: 'M', sourceSchemeId: source, targetSchemeId: target },
    });
    for (;;) {
      const state = await b.call('jobs.get', { jobId });
      if (state.phase === 'saving' || state.status !== 'running') break;
      await new Promise((r) => setImmediate(r));
    }
    await b.call('jobs.cancel', { jobId });
    expect((await b.call('jobs.wait', { jobId })).status).toBe('cancelled');
    expect({ counts: counts(b), indexes: indexes() }).toEqual(before);
    expect(before.indexes.length).toBeGreaterThan(0);
  });

  it('refuses a viewer before any work starts', async () => {
    const b = await open();
    await b.call('profile.create', { name: 'Avi', agency: 'CBS', role: 'viewer' });
    const stagedId = await stage(b, 's.csv', Buffer.from('code\n0110\n'));
    const r = await b.reply('import.commitScheme', {
      stagedId,
      options: {},
      columns: { code: 'code' },
      scheme: { nameHe: 'א', nameEn: 'A', version: '1', agency: null },
    });
    expect(r.ok ? null : r.error.code).toBe('forbidden');
    expect(r.ok ? null : r.error.details).toEqual({
      role: 'viewer',
      required: ['steward', 'lead'],
    });
  });

  it('a file with only a header fails with no_rows, naming the file', async () => {
    const b = await open();
    const before = counts(b);
    const stagedId = await stage(b, 'header-only.csv', Buffer.from('code,title\n'));
    const { jobId } = await b.call('import.commitScheme', {
      stagedId,
      options: {},
      columns: { code: 'code' },
      scheme: { nameHe: 'א', nameEn: 'A', version: '1', agency: null },
    });
    const state = await b.call('jobs.wait', { jobId });
    expect(state.error?.code).toBe('validation_failed');
    expect(state.error?.details).toMatchObject({
      problems: [
        {
          code: 'no_rows',
          file: 'header-only.csv',
          message: 'header-only.csv: there are no rows under the header',
        },
      ],
      total: 1,
    });
    expect(counts(b)).toEqual(before);
  });

  it('a duplicate code names both rows as structured fields', async () => {
    const b = await open();
    const stagedId = await stage(b, 'dupes.csv', Buffer.from('code\n0110\n0110\n'));
    const { jobId } = await b.call('import.commitScheme', {
      stagedId,
      options: {},
      columns: { code: 'code' },
      scheme: { nameHe: 'א', nameEn: 'A', version: '1', agency: null },
    });
    const state = await b.call('jobs.wait', { jobId });
    expect((state.error?.details as { problems: unknown[] }).problems).toEqual([
      expect.objectContaining({
        code: 'duplicate_code',
        file: 'dupes.csv',
        row: 3,
        column: 'code',
        value: '0110',
        params: { firstRow: 2 },
      }),
    ]);
  });

  it('a preview in the wrong encoding says not_utf8 for the file', async () => {
    const b = await open();
    const stagedId = await stage(b, 'ענפים.csv', encode1255('קוד,שם\n0110,חקלאות\n'));
    const r = await b.reply('import.preview', { stagedId, options: { encoding: 'utf-8' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('import_failed');
      expect(r.error.message).toMatch(/^ענפים\.csv: The file is not valid UTF-8/);
      expect(r.error.details).toMatchObject({
        problems: [{ code: 'not_utf8', file: 'ענפים.csv' }],
      });
    }
  });
});

describe('preview', () => {
  it('flags a code column mangled by Excel and leaves the values as they are', async () => {
    const b = await open();
    const csv = [
      'isco08,title',
      '110,Officers',
      '111,Legislators?',
      '0210,NCOs',
      '1111,Legislators',
      '1112,Officials',
      '1.2E+05,Big',
      '1-Jan,Date',
      '2011-01-01,Date',
      '2111,Physicists',
    ].join('\n');
    const stagedId = await stage(b, 'excel.csv', Buffer.from(csv));
    const p = await b.call('import.preview', { stagedId, options: {} });
    expect(p.rows.map((r) => r[0])).toEqual([
      '110',
      '111',
      '0210',
      '1111',
      '1112',
      '1.2E+05',
      '1-Jan',
      '2011-01-01',
      '2111',
    ]);
    const kinds = Object.fromEntries(p.warnings.map((w) => [w.kind, w.examples]));
    expect(kinds).toEqual({
      short_codes: ['110'],
      scientific_notation: ['1.2E+05'],
      date_like: ['1-Jan', '2011-01-01'],
    });
    expect(p.warnings.every((w) => w.column === 'isco08')).toBe(true);
  });
});

describe('SSSOM and appending', () => {
  const SSSOM = [
    '# curie_map:',
    '#   isco88: http://www.ilo.org/isco88/',
    '#   isco08: http://www.ilo.org/isco08/',
    '# mapping_set_id: https://gesher.example/isco88-isco08',
    '# license: https://creativecommons.org/licenses/by/4.0/',
    '# mapping_date: 2026-12-03',
    'subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\tauthor_id\tconfidence\tcomment',
    'isco88:0110\tArmed forces\tskos:exactMatch\tisco08:0110\tOfficers\tsemapv:ManualMappingCuration\tDana Levi\t0.9\tchecked',
    'isco88:0110\tArmed forces\tskos:narrowMatch\tisco08:0210\tNCOs\tsemapv:LexicalMatching\t\t\t',
    '',
  ].join('\n');

  it('imports an SSSOM TSV: metadata in the preview, CURIEs to codes, SKOS to relations, semapv to justifications', async () => {
    const b = await open();
    const schemeId = (
      await importSchemeFile(b, path.join(CLASSIFICATIONS_DIR, 'isco08_structure_en.csv'))
    ).result.id;
    const stagedId = await stage(b, 'isco.sssom.tsv', Buffer.from(SSSOM));
    const p = await b.call('import.preview', { stagedId, options: {} });
    expect(p.format).toBe('sssom');
    expect(p.metadata).toMatchObject({
      mapping_set_id: 'https://gesher.example/isco88-isco08',
      curie_map: { isco08: 'http://www.ilo.org/isco08/' },
    });
    expect(p.totalRows).toBe(2);
    const { sourceCode, targetCode } = p.suggestedCrosswalk;
    const { jobId } = await b.call('import.commitCrosswalk', {
      stagedId,
      options: {},
      columns: { sourceCode: sourceCode!, targetCode: targetCode!, ...p.suggestedCrosswalk },
      crosswalk: { nameHe: 'מ', nameEn: 'M', sourceSchemeId: schemeId, targetSchemeId: schemeId },
    });
    const result = await finish(b, jobId);
    expect(
      b.backend.deps.db.all(
        'SELECT source_code, target_code, relation, justification, author_id, confidence, comment FROM mappings WHERE crosswalk_id = ? ORDER BY id',
        [result.id],
      ),
    ).toEqual([
      {
        source_code: '0110',
        target_code: '0110',
        relation: 'exact',
        justification: 'manual',
        author_id: 'Dana Levi',
        confidence: 0.9,
        comment: 'checked',
      },
      {
        source_code: '0110',
        target_code: '0210',
        relation: 'narrower',
        justification: 'lexical_suggestion',
        author_id: null,
        confidence: null,
        comment: null,
      },
    ]);
  });

  it('appends to an existing crosswalk and writes one audit row per import', async () => {
    const b = await open();
    const first = await importCrosswalkFile(
      b,
      path.join(CLASSIFICATIONS_DIR, 'isco08_to_isco88_ganzeboom_unique.csv'),
      await importSchemes(
        b,
        'isco08_labels_4digitvariant_en.csv',
        'isco88_labels_4digitvariant_en.csv',
      ),
    );
    const stagedId = await stage(
      b,
      'more.csv',
      Buffer.from('isco08,isco88,relation\n0110,0110,close\n'),
    );
    const { jobId } = await b.call('import.commitCrosswalk', {
      stagedId,
      options: {},
      columns: { sourceCode: 'isco08', targetCode: 'isco88', relation: 'relation' },
      crosswalk: { existingCrosswalkId: first.result.id },
    });
    expect(await finish(b, jobId)).toMatchObject({ id: first.result.id, rows: 1 });
    const db = b.backend.deps.db;
    expect(
      db.get<{ n: number }>('SELECT COUNT(*) AS n FROM mappings WHERE crosswalk_id = ?', [
        first.result.id,
      ])!.n,
    ).toBe(590);
    const audit = db.all<{
      action: string;
      entity_id: string;
      steward_name: string;
      after_json: string;
    }>(
      "SELECT action, entity_id, steward_name, after_json FROM audit WHERE action LIKE 'import.%' ORDER BY id",
    );
    expect(
      audit.map((a) => [
        a.action,
        a.steward_name,
        JSON.parse(a.after_json).file,
        JSON.parse(a.after_json).rows,
      ]),
    ).toEqual([
      ['import.scheme', 'Dana Levi', 'isco08_labels_4digitvariant_en.csv', 590],
      ['import.scheme', 'Dana Levi', 'isco88_labels_4digitvariant_en.csv', 517],
      ['import.crosswalk', 'Dana Levi', 'isco08_to_isco88_ganzeboom_unique.csv', 589],
      ['import.crosswalk', 'Dana Levi', 'more.csv', 1],
    ]);
    expect(
      b.events.some(
        (e) =>
          e.name === 'workspace.changed' &&
          (e.payload as { entity: string }).entity === 'crosswalk',
      ),
    ).toBe(true);
  });
});

describe('integrity: codes must be in their schemes, approvals are never taken on trust', () => {
  const CBS = { name: 'רונית כהן', agency: 'CBS', role: 'steward' } as const;

  /** ISCO-88 → ISCO-08 (the ILO's code lists) and both agencies' stewards; ES signed in. */
  async function iscoWorkspace() {
    const b = await open();
    const schemes = await importSchemes(
      b,
      'isco88_labels_4digitvariant_en.csv',
      'isco08_structure_en.csv',
    );
    const es = (await b.call('profile.list', {}))[0]!;
    const cbs = await b.call('profile.create', CBS);
    await b.call('profile.select', { id: es.id });
    return { b, schemes, es: es.id, cbs: cbs.id };
  }

  async function commit(
    b: TestBackend,
    schemes: { source: string; target: string },
    fileName: string,
    text: string,
    columns: Params<'import.commitCrosswalk'>['columns'],
  ) {
    const stagedId = await stage(b, fileName, Buffer.from(text));
    const { jobId } = await b.call('import.commitCrosswalk', {
      stagedId,
      options: {},
      columns,
      crosswalk: {
        nameHe: 'מעבר',
        nameEn: fileName,
        sourceSchemeId: schemes.source,
        targetSchemeId: schemes.target,
      },
    });
    const state = await b.call('jobs.wait', { jobId });
    const problems = (state.error?.details as { problems?: Record<string, unknown>[] } | undefined)
      ?.problems;
    return { state, problems };
  }

  const sssom = (rows: string[]) =>
    [
      '# curie_map:',
      '#   isco88: http://www.ilo.org/isco88/',
      '#   isco08: http://www.ilo.org/isco08/',
      '# mapping_set_id: https://elsewhere.example/isco88-isco08',
      '# license: https://creativecommons.org/licenses/by/4.0/',
      'subject_id\tpredicate_id\tobject_id\tmapping_justification\treviewer_id\treview_date\tstatus',
      ...rows,
      '',
    ].join('\n');
  const SSSOM_COLUMNS = {
    sourceCode: 'subject_id',
    relation: 'predicate_id',
    targetCode: 'object_id',
    justification: 'mapping_justification',
    reviewer: 'reviewer_id',
    status: 'status',
  } as const;

  it('refuses an SSSOM row approved by a reviewer id that is no steward here, naming the id; nothing is imported', async () => {
    const { b, schemes, es } = await iscoWorkspace();
    const before = counts(b);
    const { state, problems } = await commit(
      b,
      schemes,
      'forged.sssom.tsv',
      sssom([
        `isco88:0110\tskos:exactMatch\tisco08:0110\tsemapv:ManualMappingCuration\tgesher:steward/${es}|gesher:steward/cbs-forged\t2026-12-01\tapproved`,
      ]),
      SSSOM_COLUMNS,
    );
    expect(state.status).toBe('failed');
    expect(state.error?.message).toMatch(/Nothing was imported\.$/);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'reviewer_unknown',
        file: 'forged.sssom.tsv',
        row: 7,
        column: 'reviewer_id',
        value: `gesher:steward/${es}|gesher:steward/cbs-forged`,
        params: { id: 'cbs-forged' },
      }),
      expect.objectContaining({
        code: 'approved_without_both',
        row: 7,
        params: { missing: 'CBS' },
      }),
    ]);
    expect(counts(b)).toEqual(before);
  });

  it('refuses a CSV row whose status is approved with only one agency’s approval, saying which is missing', async () => {
    const { b, schemes, es, cbs } = await iscoWorkspace();
    const before = counts(b);
    const { state, problems } = await commit(
      b,
      schemes,
      'half.csv',
      `isco88,isco08,status,reviewer\n0110,0110,approved,${es}|${cbs}\n1110,1111,approved,${es}\n`,
      { sourceCode: 'isco88', targetCode: 'isco08', status: 'status', reviewer: 'reviewer' },
    );
    expect(state.status).toBe('failed');
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'approved_without_both',
        file: 'half.csv',
        row: 3,
        params: { missing: 'CBS' },
      }),
    ]);
    expect(counts(b)).toEqual(before);
  });

  it('restores both agencies’ approvals from reviewers who are stewards here: the mapping is approved', async () => {
    const { b, schemes, es, cbs } = await iscoWorkspace();
    const { state } = await commit(
      b,
      schemes,
      'both.csv',
      `isco88,isco08,status,reviewer\n0110,0110,approved,${es}|${cbs}\n1110,1111,proposed,\n`,
      { sourceCode: 'isco88', targetCode: 'isco08', status: 'status', reviewer: 'reviewer' },
    );
    expect(state.status).toBe('succeeded');
    const db = b.backend.deps.db;
    expect(
      db.all(
        `SELECT m.source_code, d.agency, d.steward_id FROM mapping_agency_decisions d
         JOIN mappings m ON m.id = d.mapping_id WHERE d.decision = 'approve' ORDER BY d.agency`,
      ),
    ).toEqual([
      { source_code: '0110', agency: 'CBS', steward_id: cbs },
      { source_code: '0110', agency: 'ES', steward_id: es },
    ]);
    const crosswalkId = (state.result as ImportResult).id;
    const approved = await b.call('crosswalks.rows', {
      crosswalkId,
      offset: 0,
      limit: 10,
      sort: [],
      filter: { status: ['approved'] },
    });
    expect(approved.rows.map((r) => r.sourceCode)).toEqual(['0110']);
  });

  it('refuses status approved as a default for a file with no reviewer column, for the file as a whole', async () => {
    const { b, schemes } = await iscoWorkspace();
    const before = counts(b);
    const refusal = await importCrosswalk(b.backend.deps, {
      fileName: 'all-approved.csv',
      bytes: Buffer.from('isco88,isco08\n0110,0110\n1110,1111\n'),
      options: { encoding: 'utf-8', delimiter: ',' },
      columns: { sourceCode: 'isco88', targetCode: 'isco08' },
      crosswalk: {
        nameHe: 'מ',
        nameEn: 'M',
        sourceSchemeId: schemes.source,
        targetSchemeId: schemes.target,
      },
      defaults: { status: 'approved', justification: 'imported' },
    }).then(
      () => null,
      (e: RpcError) => e,
    );
    expect(refusal?.code).toBe('validation_failed');
    expect((refusal?.details as { problems: unknown[] }).problems).toEqual([
      expect.objectContaining({ code: 'approved_needs_reviewers', file: 'all-approved.csv' }),
    ]);
    expect(refusal?.details).not.toHaveProperty('problems.0.row');
    expect(counts(b)).toEqual(before);
  });

  it('refuses codes the schemes lack, naming value and scheme, with the leading-zero and Excel hints', async () => {
    const { b, schemes } = await iscoWorkspace();
    const before = counts(b);
    const { state, problems } = await commit(
      b,
      schemes,
      'excel.csv',
      'isco88,isco08\n0110,0110\n110,0110\n1110,1.11E+03\n9999,1111\n',
      { sourceCode: 'isco88', targetCode: 'isco08' },
    );
    expect(state.status).toBe('failed');
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'source_not_in_scheme',
        row: 3,
        column: 'isco88',
        value: '110',
        expected: 'a code of isco88_labels_4digitvariant_en.csv (version 1); did you mean 0110?',
        params: expect.objectContaining({ hint: 'leading_zero', suggestion: '0110', version: '1' }),
      }),
      expect.objectContaining({
        code: 'target_not_in_scheme',
        row: 4,
        column: 'isco08',
        value: '1.11E+03',
        params: expect.objectContaining({ hint: 'scientific_notation' }),
      }),
      expect.objectContaining({ code: 'source_not_in_scheme', row: 5, value: '9999' }),
    ]);
    expect(counts(b)).toEqual(before);
  });

  it('appending to a crosswalk checks the codes against that crosswalk’s schemes', async () => {
    const { b, schemes } = await iscoWorkspace();
    const first = await commit(b, schemes, 'one.csv', 'isco88,isco08\n0110,0110\n', {
      sourceCode: 'isco88',
      targetCode: 'isco08',
    });
    const stagedId = await stage(b, 'more.csv', Buffer.from('isco88,isco08\n1110,110\n'));
    const { jobId } = await b.call('import.commitCrosswalk', {
      stagedId,
      options: {},
      columns: { sourceCode: 'isco88', targetCode: 'isco08' },
      crosswalk: { existingCrosswalkId: (first.state.result as ImportResult).id },
    });
    const state = await b.call('jobs.wait', { jobId });
    expect(state.status).toBe('failed');
    expect((state.error?.details as { problems: unknown[] }).problems).toEqual([
      expect.objectContaining({
        code: 'target_not_in_scheme',
        value: '110',
        params: expect.objectContaining({ scheme: 'isco08_structure_en.csv', suggestion: '0110' }),
      }),
    ]);
  });
});
