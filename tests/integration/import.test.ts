import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Params } from '../../shared/contract';
import type { ImportResult, Preview } from '../../shared/contract/imports';
import { textDecoder } from '../../shared/domain/import/text-decoder';
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

async function importCrosswalkFile(
  b: TestBackend,
  file: string,
  schemeId: string,
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
      sourceSchemeId: schemeId,
      targetSchemeId: schemeId,
    },
  });
  return { preview: p, result: await finish(b, jobId) };
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

const CROSSWALK_FILES: [
  file: string,
  rows: number,
  options?: Params<'import.preview'>['options'],
][] = [
  ['isco08_isco88_ilo_correspondence.csv', 678],
  ['isco08_to_isco88_ganzeboom_unique.csv', 589],
  ['isic4_isic31_correspondence.csv', 737],
  ['naics2017_isic4_census_correspondence.csv', 1655],
  ['soc2010_soc2018_bls_crosswalk.csv', 900],
  ['originals/ISIC4_ISIC31.txt', 737],
  ['originals/2017_NAICS_to_ISIC_4.xlsx', 1655],
  ['originals/onet_2010_to_2018_SOC_Crosswalk.xlsx', 1170, { skipRows: 3 }],
];

describe('every scheme and crosswalk file in the classifications folder imports cleanly', () => {
  it('covers every top-level CSV', () => {
    // The Employment Service job-orders file has no codes at all (Hebrew group names and counts
    // per month and district): it is statistics, neither a code list nor a crosswalk.
    const excluded = ['il_es_job_orders_by_major_occupation_district_2015_2020.csv'];
    const listed = new Set([...SCHEME_FILES, ...CROSSWALK_FILES].map(([f]) => f));
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

  it.each(CROSSWALK_FILES)('crosswalk %s (%i mappings)', async (file, rows, options) => {
    const b = await open();
    const scheme = await importSchemeFile(
      b,
      path.join(CLASSIFICATIONS_DIR, 'isco08_structure_en.csv'),
    );
    const { result } = await importCrosswalkFile(
      b,
      path.join(CLASSIFICATIONS_DIR, file),
      scheme.result.id,
      options,
    );
    expect(result).toMatchObject({ kind: 'crosswalk', rows });
    expect(counts(b)).toMatchObject({ crosswalks: 1, mappings: rows, audit: 2 });
  });

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
    const scheme = await importSchemeFile(
      b,
      path.join(CLASSIFICATIONS_DIR, 'isco08_structure_en.csv'),
    );
    const { result } = await importCrosswalkFile(
      b,
      path.join(CLASSIFICATIONS_DIR, 'isco08_isco88_ilo_correspondence.csv'),
      scheme.result.id,
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
    const scheme = await importSchemeFile(
      b,
      path.join(CLASSIFICATIONS_DIR, 'isco08_structure_en.csv'),
    );
    const { result } = await importCrosswalkFile(
      b,
      path.join(CLASSIFICATIONS_DIR, 'isic4_isic31_correspondence.csv'),
      scheme.result.id,
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
  async function withScheme(b: TestBackend): Promise<string> {
    const stagedId = await stage(b, 's.csv', Buffer.from('code\n0110\n0210\n'));
    const { jobId } = await b.call('import.commitScheme', {
      stagedId,
      options: {},
      columns: { code: 'code' },
      scheme: { nameHe: 'א', nameEn: 'A', version: '1', agency: null },
    });
    return (await finish(b, jobId)).id;
  }

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
    const schemeId = await withScheme(b);
    const before = counts(b);
    const lines = ['source,target'];
    for (let i = 0; i < 300_000; i++) lines.push(`${String(i).padStart(6, '0')},0110`);
    const stagedId = await stage(b, 'big.csv', Buffer.from(lines.join('\n')));
    const { jobId } = await b.call('import.commitCrosswalk', {
      stagedId,
      options: {},
      columns: { sourceCode: 'source', targetCode: 'target' },
      crosswalk: { nameHe: 'מ', nameEn: 'M', sourceSchemeId: schemeId, targetSchemeId: schemeId },
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
    const schemeId = await withScheme(b);
    const indexes = () =>
      b.backend.deps.db.rows(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'mappings' ORDER BY name",
      );
    const before = { counts: counts(b), indexes: indexes() };
    const lines = ['source,target'];
    for (let i = 0; i < 400_000; i++) lines.push(`${String(i).padStart(6, '0')},0110`);
    const stagedId = await stage(b, 'big.csv', Buffer.from(lines.join('\n')));
    const { jobId } = await b.call('import.commitCrosswalk', {
      stagedId,
      options: {},
      columns: { sourceCode: 'source', targetCode: 'target' },
      crosswalk: { nameHe: 'מ', nameEn: 'M', sourceSchemeId: schemeId, targetSchemeId: schemeId },
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
    const schemeId = (
      await importSchemeFile(b, path.join(CLASSIFICATIONS_DIR, 'isco08_structure_en.csv'))
    ).result.id;
    const first = await importCrosswalkFile(
      b,
      path.join(CLASSIFICATIONS_DIR, 'isco08_to_isco88_ganzeboom_unique.csv'),
      schemeId,
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
      ['import.scheme', 'Dana Levi', 'isco08_structure_en.csv', 619],
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
