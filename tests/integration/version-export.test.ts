import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import type { MappingRow, Params } from '../../shared/contract';
import { mappingCardinalities } from '../../shared/domain/crosswalk/cardinality';
import { parseSssom } from '../../shared/domain/import/sssom';
import { approveByBothAgencies } from './approve-both';
import { rowsByPair } from './all-rows';
import { loadIscoCrosswalk } from './crosswalk-fixture';
import { openWithSteward } from './harness';

const LEAD_ES = { name: 'רונית כהן', agency: 'ES', role: 'lead' } as const;

const fields = (r: MappingRow) => ({
  sourceCode: r.sourceCode,
  targetCode: r.targetCode,
  relation: r.relation,
  share: r.share,
  status: r.status,
  justification: r.justification,
  confidence: r.confidence,
  comment: r.comment,
  partialSource: r.partialSource,
  partialTarget: r.partialTarget,
});

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const dataLines = (tsv: string) => tsv.split('\n').filter((l) => !l.startsWith('#'));

/** Freezes v1 of the ILO ISCO-88 → ISCO-08 crosswalk with its first 30 mappings approved by both agencies. */
async function frozenV1(validity: { validFrom?: string; validTo?: string } = {}) {
  const t = await openWithSteward(LEAD_ES);
  const isco = await loadIscoCrosswalk(t);
  const { crosswalkId } = isco;
  const first = await t.call('crosswalks.rows', {
    crosswalkId,
    offset: 0,
    limit: 30,
    sort: [{ colId: 'sourceCode', dir: 'asc' }],
    filter: {},
  });
  const ids = first.rows.map((r) => r.mappingId!);
  const approvers = await approveByBothAgencies(t, crosswalkId, ids);
  await t.call('crosswalks.decide', {
    crosswalkId,
    mappingIds: [ids[1]!],
    comment: 'נבדק, "מורים"\tעם טאב\nושורה שנייה',
  });
  const approvedAtFreeze = await rowsByPair(t, crosswalkId, { status: ['approved'] });
  expect(approvedAtFreeze).toHaveLength(30);
  const v1 = await t.call('versions.freeze', { crosswalkId, note: 'ILO v1', ...validity });
  return { t, ...isco, ids, approvers, approvedAtFreeze, v1 };
}

describe('exporting a frozen version', () => {
  it('writes v1 as Parquet with exactly its approved rows and the version metadata; later changes stay out', async () => {
    const { t, crosswalkId, ids, approvers, approvedAtFreeze } = await frozenV1();
    // After freezing: one of v1's approved mappings is rejected and another mapping approved.
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [ids[0]!], status: 'rejected' });
    const later = await t.call('crosswalks.rows', {
      crosswalkId,
      offset: 100,
      limit: 1,
      sort: [{ colId: 'sourceCode', dir: 'asc' }],
      filter: {},
    });
    await approveByBothAgencies(t, crosswalkId, [later.rows[0]!.mappingId!]);
    const liveApproved = await rowsByPair(t, crosswalkId, { status: ['approved'] });
    expect(liveApproved.map(fields)).not.toEqual(approvedAtFreeze.map(fields));

    const file = await t.call('versions.export', { crosswalkId, number: 1, format: 'parquet' });
    expect(file.fileName).toMatch(/-v1-.*\.parquet$/);
    expect(file.rows).toBe(30);

    const duck = await DuckDBInstance.create(':memory:');
    const conn = await duck.connect();
    const src = `read_parquet(${sqlString(file.path)})`;
    const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`);
    const types = Object.fromEntries(
      described.getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type)]),
    );
    expect(types).toMatchObject({ source_code: 'VARCHAR', target_code: 'VARCHAR' });
    const read = await conn.runAndReadAll(
      `SELECT source_code, target_code, relation, share, status, justification, confidence, comment,
         partial_source, partial_target, approved_by
       FROM ${src} ORDER BY source_code, target_code`,
    );
    const rows = read.getRowObjectsJS();
    expect(
      rows.map((r) => ({
        sourceCode: r.source_code,
        targetCode: r.target_code,
        relation: r.relation,
        share: r.share,
        status: r.status,
        justification: r.justification,
        confidence: r.confidence,
        comment: r.comment,
        partialSource: r.partial_source,
        partialTarget: r.partial_target,
      })),
    ).toEqual(approvedAtFreeze.map(fields));
    // Codes keep their leading zeros (ISCO-88 0110 "Armed forces").
    expect(rows[0]!.source_code).toBe('0110');
    expect(new Set(rows.map((r) => r.approved_by))).toEqual(
      new Set([`${approvers.es}|${approvers.cbs}`]),
    );
    const kv = Object.fromEntries(
      (
        await conn.runAndReadAll(
          `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${sqlString(file.path)})`,
        )
      )
        .getRowObjectsJS()
        .map((r) => [r.k, r.v]),
    );
    expect(kv).toMatchObject({
      'gesher.crosswalk_id': crosswalkId,
      'gesher.version': '1',
      'gesher.version_status': 'frozen',
      'gesher.version_approvals': '[]',
      'gesher.row_count': '30',
    });
    conn.closeSync();
    duck.closeSync();

    // Every other format names the version and holds the same 30 rows; each export is audited.
    for (const format of ['csv', 'xlsx', 'json'] as const) {
      const f = await t.call('versions.export', { crosswalkId, number: 1, format });
      expect(f.fileName).toMatch(/-v1-/);
      expect(f.rows).toBe(30);
    }
    const json = await t.call('versions.export', { crosswalkId, number: 1, format: 'json' });
    const doc = JSON.parse(fs.readFileSync(json.path, 'utf8')) as {
      version: { number: number; status: string };
      mappings: { sourceCode: string }[];
    };
    expect(doc.version).toMatchObject({ number: 1, status: 'frozen' });
    const audit = await t.call('audit.list', { offset: 0, limit: 50 });
    expect(audit.rows.filter((r) => r.action === 'version.export').length).toBe(5);
    await t.close();
  });

  it('imports v1 as SSSOM into a new crosswalk with the same mappings and approvals; its v1 re-exports the same rows', async () => {
    const dates = { validFrom: '2026-01-01', validTo: '2027-12-31' };
    const { t, crosswalkId, sourceSchemeId, targetSchemeId, approvers, approvedAtFreeze } =
      await frozenV1(dates);
    const file = await t.call('versions.export', { crosswalkId, number: 1, format: 'sssom' });
    expect(file.fileName).toMatch(/-v1-.*\.sssom\.tsv$/);
    const tsv = fs.readFileSync(file.path, 'utf8');
    const { metadata, table } = parseSssom(tsv);
    expect(metadata).toMatchObject({
      mapping_set_id: `urn:gesher:crosswalk:${crosswalkId}:v1`,
      mapping_set_version: '1',
      version_status: 'frozen',
    });
    const reviewer = table.headers.indexOf('reviewer_id');
    expect(new Set(table.rows.map((r) => r[reviewer]))).toEqual(
      new Set([`gesher:steward/${approvers.es}|gesher:steward/${approvers.cbs}`]),
    );

    const staged = await t.call('import.stage', {
      fileName: file.fileName,
      base64: fs.readFileSync(file.path).toString('base64'),
    });
    const preview = await t.call('import.preview', { stagedId: staged.stagedId, options: {} });
    expect(preview.format).toBe('sssom');
    const job = await t.call('import.commitCrosswalk', {
      stagedId: staged.stagedId,
      options: {},
      columns: preview.suggestedCrosswalk as Params<'import.commitCrosswalk'>['columns'],
      crosswalk: { nameHe: 'ILO חזרה', nameEn: 'ILO back', sourceSchemeId, targetSchemeId },
    });
    expect((await t.call('jobs.wait', { jobId: job.jobId })).status).toBe('succeeded');
    const back = (await t.call('crosswalks.list', {})).find((c) => c.nameEn === 'ILO back')!;
    const backRows = await rowsByPair(t, back.id);
    expect(backRows.map(fields)).toEqual(approvedAtFreeze.map(fields));

    // The approvals came back: freezing the copy for the same dates and exporting its v1 gives
    // the same rows, with the same relationship types and validity.
    await t.call('versions.freeze', { crosswalkId: back.id, ...dates });
    const again = await t.call('versions.export', {
      crosswalkId: back.id,
      number: 1,
      format: 'sssom',
    });
    const tsvAgain = fs.readFileSync(again.path, 'utf8');
    expect(dataLines(tsvAgain)).toEqual(dataLines(tsv));
    expect(table.rows).toHaveLength(30);
    const meta = (text: string) =>
      text
        .split('\n')
        .filter(
          (l) =>
            l.startsWith('#') && !/^# (mapping_set_id|mapping_set_title|mapping_date):/.test(l),
        );
    expect(meta(tsvAgain)).toEqual(meta(tsv));
    await t.close();
  });

  it('carries each mapping’s relationship type and valid from / to in every format; Parquet has DATE columns', async () => {
    const { t, crosswalkId, approvedAtFreeze } = await frozenV1({
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
    });
    const pairs = approvedAtFreeze.map((r) => `${r.sourceCode}→${r.targetCode}`);
    const cardinality = mappingCardinalities(
      approvedAtFreeze.map((r) => r.sourceCode),
      approvedAtFreeze.map((r) => r.targetCode!),
    );

    const parquet = await t.call('versions.export', { crosswalkId, number: 1, format: 'parquet' });
    const duck = await DuckDBInstance.create(':memory:');
    const conn = await duck.connect();
    const src = `read_parquet(${sqlString(parquet.path)})`;
    const types = Object.fromEntries(
      (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`))
        .getRowObjectsJS()
        .map((r) => [String(r.column_name), String(r.column_type)]),
    );
    expect(types).toMatchObject({
      relationship_type: 'VARCHAR',
      valid_from: 'DATE',
      valid_to: 'DATE',
    });
    const rows = (
      await conn.runAndReadAll(
        `SELECT source_code || '→' || target_code AS pair, relationship_type,
           strftime(valid_from, '%Y-%m-%d') AS valid_from, strftime(valid_to, '%Y-%m-%d') AS valid_to
         FROM ${src} ORDER BY source_code, target_code`,
      )
    ).getRowObjectsJS();
    conn.closeSync();
    duck.closeSync();
    expect(rows).toEqual(
      pairs.map((pair, i) => ({
        pair,
        relationship_type: cardinality[i],
        valid_from: '2026-01-01',
        valid_to: '2027-12-31',
      })),
    );
    // hyparquet reads the same dates as dates.
    const { parquetReadObjects } = await import('hyparquet');
    const bytes = fs.readFileSync(parquet.path);
    const objects = await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      columns: ['valid_from', 'valid_to'],
    });
    expect(objects[0]).toEqual({
      valid_from: new Date('2026-01-01T00:00:00Z'),
      valid_to: new Date('2027-12-31T00:00:00Z'),
    });

    const csv = await t.call('versions.export', { crosswalkId, number: 1, format: 'csv' });
    const [header, firstRow] = fs
      .readFileSync(csv.path, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    expect(header!.split(',').slice(-3)).toEqual(['relationship_type', 'valid_from', 'valid_to']);
    expect(firstRow!.split(',').slice(-3)).toEqual([cardinality[0], '2026-01-01', '2027-12-31']);

    const json = await t.call('versions.export', { crosswalkId, number: 1, format: 'json' });
    const doc = JSON.parse(fs.readFileSync(json.path, 'utf8')) as {
      mappings: { relationshipType: string; validFrom: string; validTo: string }[];
    };
    expect(doc.mappings[0]).toMatchObject({
      relationshipType: cardinality[0],
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
    });

    const sssom = await t.call('versions.export', { crosswalkId, number: 1, format: 'sssom' });
    const tsv = fs.readFileSync(sssom.path, 'utf8');
    const { metadata, table } = parseSssom(tsv);
    const slots = (metadata.extension_definitions as { slot_name: string; type_hint: string }[])
      .filter((e) => ['relationship_type', 'valid_from', 'valid_to'].includes(e.slot_name))
      .map((e) => [e.slot_name, e.type_hint]);
    expect(slots).toEqual([
      ['relationship_type', 'xsd:string'],
      ['valid_from', 'xsd:date'],
      ['valid_to', 'xsd:date'],
    ]);
    const col = (name: string) => table.rows.map((r) => r[table.headers.indexOf(name)]);
    expect(col('relationship_type')).toEqual(col('mapping_cardinality'));
    expect(new Set(col('valid_from'))).toEqual(new Set(['2026-01-01']));
    expect(new Set(col('valid_to'))).toEqual(new Set(['2027-12-31']));

    // The live crosswalk's export has no version columns.
    const live = await t.call('crosswalks.export', { crosswalkId, format: 'csv' });
    expect(fs.readFileSync(live.path, 'utf8')).not.toContain('valid_from');
    await t.close();
  });
});
