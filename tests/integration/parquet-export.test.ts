import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { rowsByPair } from './all-rows';
import { approveByBothAgencies } from './approve-both';
import { loadIscoCrosswalk } from './crosswalk-fixture';
import { openWithSteward, type TestBackend } from './harness';

const approvedRows = (t: TestBackend, crosswalkId: string) =>
  rowsByPair(t, crosswalkId, { status: ['approved'] });

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

describe('parquet export', () => {
  it('writes the approved ISCO-08 → ISCO-88 mappings as a Parquet file that hyparquet and DuckDB read back', async () => {
    const t = await openWithSteward({ name: 'דנה לוי', agency: 'ES', role: 'steward' });
    const { crosswalkId } = await loadIscoCrosswalk(t);
    const first = await t.call('crosswalks.rows', {
      crosswalkId,
      offset: 0,
      limit: 40,
      sort: [{ colId: 'sourceCode', dir: 'asc' }],
      filter: {},
    });
    const { es, cbs } = await approveByBothAgencies(
      t,
      crosswalkId,
      first.rows.map((r) => r.mappingId!),
    );
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [first.rows[0]!.mappingId!],
      comment: 'שונה, "מורים"\tבדיקה\nשורה שנייה',
    });
    const added = await t.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: '0110',
      targetCode: '1111',
      relation: 'broader',
      share: 0.25,
      comment: 'ידני',
    });
    await approveByBothAgencies(t, crosswalkId, [added.mappingId]);
    const expected = await approvedRows(t, crosswalkId);
    expect(expected.length).toBe(41);

    const file = await t.call('crosswalks.export', { crosswalkId, format: 'parquet' });
    expect(file.fileName).toMatch(/\.parquet$/);
    expect(file.mime).toBe('application/vnd.apache.parquet');
    expect(file.rows).toBe(41);
    const bytes = fs.readFileSync(file.path);
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');

    // hyparquet: rows, types and the file's key-value metadata.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const meta = parquetMetadata(buffer);
    const kv = Object.fromEntries((meta.key_value_metadata ?? []).map((e) => [e.key, e.value]));
    expect(kv).toMatchObject({
      'gesher.crosswalk_id': crosswalkId,
      'gesher.source_scheme_version': expect.any(String),
      'gesher.target_scheme_version': expect.any(String),
      'gesher.exported_by_name': 'דנה לוי',
      'gesher.exported_by_agency': 'ES',
      'gesher.status': 'approved',
      'gesher.row_count': '41',
    });
    expect(kv['gesher.exported_at']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const element = (name: string) => meta.schema.find((s) => s.name === name)!;
    expect(element('source_code')).toMatchObject({ type: 'BYTE_ARRAY', converted_type: 'UTF8' });
    expect(element('share')).toMatchObject({ type: 'DOUBLE', repetition_type: 'OPTIONAL' });
    expect(element('partial_source')).toMatchObject({ type: 'BOOLEAN' });
    expect(element('updated_at')).toMatchObject({
      type: 'INT64',
      logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
    });
    const objects = await parquetReadObjects({ file: buffer });
    const fromFile = objects.map((o) => ({
      sourceCode: o.source_code as string,
      targetCode: o.target_code as string,
      relation: o.relation as string,
      share: o.share as number | null,
      status: o.status as string,
      justification: o.justification as string,
      confidence: o.confidence as number | null,
      comment: o.comment as string | null,
      partialSource: o.partial_source as boolean,
      partialTarget: o.partial_target as boolean,
      sourceTitleEn: o.source_title_en as string | null,
      updatedBy: o.updated_by as string | null,
      updatedAt: (o.updated_at as Date).toISOString(),
    }));
    const fromGrid = expected.map((r) => ({
      sourceCode: r.sourceCode,
      targetCode: r.targetCode!,
      relation: r.relation!,
      share: r.share,
      status: r.status!,
      justification: r.justification!,
      confidence: r.confidence,
      comment: r.comment,
      partialSource: r.partialSource,
      partialTarget: r.partialTarget,
      sourceTitleEn: r.sourceTitleEn,
      updatedBy: r.updatedBy,
      updatedAt: new Date(r.updatedAt!).toISOString(),
    }));
    expect(fromFile).toEqual(fromGrid);
    expect(fromFile[0]).toMatchObject({ sourceCode: '0110', status: 'approved' });
    expect(fromFile.filter((r) => r.share === 0.25)).toMatchObject([
      { sourceCode: '0110', targetCode: '1111', relation: 'broader', comment: 'ידני' },
    ]);

    // DuckDB, as the lake reads it: the code columns are VARCHAR and keep their leading zeros.
    const duck = await DuckDBInstance.create(':memory:');
    const conn = await duck.connect();
    const src = `read_parquet(${sqlString(file.path)})`;
    const described = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`);
    const types = Object.fromEntries(
      described.getRowObjectsJS().map((r) => [String(r.column_name), String(r.column_type)]),
    );
    expect(types).toMatchObject({
      source_code: 'VARCHAR',
      target_code: 'VARCHAR',
      relation: 'VARCHAR',
      share: 'DOUBLE',
      confidence: 'DOUBLE',
      status: 'VARCHAR',
      comment: 'VARCHAR',
      partial_source: 'BOOLEAN',
      partial_target: 'BOOLEAN',
      author_id: 'VARCHAR',
      reviewer_id: 'VARCHAR',
      updated_at: 'TIMESTAMP WITH TIME ZONE',
      approved_by: 'VARCHAR',
      approved_at: 'TIMESTAMP WITH TIME ZONE',
    });
    const duckRows = await conn.runAndReadAll(
      `SELECT source_code, target_code, relation, share, status, comment, partial_source,
         strftime(updated_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS updated_at
       FROM ${src} ORDER BY source_code, target_code`,
    );
    expect(
      duckRows.getRowObjectsJS().map((r) => ({
        sourceCode: r.source_code,
        targetCode: r.target_code,
        relation: r.relation,
        share: r.share,
        status: r.status,
        comment: r.comment,
        partialSource: r.partial_source,
        updatedAt: r.updated_at,
      })),
    ).toEqual(
      fromGrid.map((r) => ({
        sourceCode: r.sourceCode,
        targetCode: r.targetCode,
        relation: r.relation,
        share: r.share,
        status: r.status,
        comment: r.comment,
        partialSource: r.partialSource,
        updatedAt: r.updatedAt,
      })),
    );
    const kvDuck = await conn.runAndReadAll(
      `SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${sqlString(file.path)})`,
    );
    const kvFromDuck = Object.fromEntries(kvDuck.getRowObjectsJS().map((r) => [r.k, r.v]));
    expect(kvFromDuck['gesher.crosswalk_id']).toBe(crosswalkId);
    expect(kvFromDuck['gesher.exported_by_name']).toBe('דנה לוי');
    // Per-agency approvals, where the workspace has them: both approvers, ES first.
    const approvals = (expected[0] as { approvals?: { at: string }[] }).approvals;
    const approved = await conn.runAndReadAll(
      `SELECT DISTINCT approved_by, approved_at IS NULL AS no_time FROM ${src}`,
    );
    expect(approved.getRowObjectsJS()).toEqual([
      approvals
        ? { approved_by: `${es}|${cbs}`, no_time: false }
        : { approved_by: null, no_time: true },
    ]);
    conn.closeSync();
    duck.closeSync();
    await t.close();
  });
});
