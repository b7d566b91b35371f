import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSssom } from '../../shared/domain/import/sssom';
import { approveByBothAgencies } from './approve-both';
import { loadIscoCrosswalk } from './crosswalk-fixture';
import { openWithSteward } from './harness';

describe('SSSOM export of the approved ILO correspondence', () => {
  it('carries the reviewer, review date, cardinality per mapping and the version metadata', async () => {
    const t = await openWithSteward({ name: 'דנה לוי', agency: 'ES', role: 'steward' });
    const { crosswalkId } = await loadIscoCrosswalk(t);
    const all = await t.call('crosswalks.rows', {
      crosswalkId,
      offset: 0,
      limit: 1000,
      sort: [],
      filter: {},
    });
    expect(all.total).toBe(678);
    const { es, cbs } = await approveByBothAgencies(
      t,
      crosswalkId,
      all.rows.map((r) => r.mappingId!),
    );
    const after = (
      await t.call('crosswalks.rows', { crosswalkId, offset: 0, limit: 1, sort: [], filter: {} })
    ).rows[0]!;
    // With per-agency approvals both approvers are the reviewers (ES first) and the completing
    // approval is the review; without them, whoever last set the status, at the last change.
    const approvals = (after as { approvals?: { at: string }[] }).approvals;
    const reviewers = approvals
      ? `gesher:steward/${es}|gesher:steward/${cbs}`
      : `gesher:steward/${cbs}`;
    const reviewedAt = approvals ? approvals[approvals.length - 1]!.at : after.updatedAt!;

    const file = await t.call('crosswalks.export', { crosswalkId, format: 'sssom' });
    expect(file.fileName).toMatch(/\.sssom\.tsv$/);
    const { metadata, table } = parseSssom(fs.readFileSync(file.path, 'utf8'));
    expect(metadata).toMatchObject({
      sssom_version: '1.1',
      mapping_set_id: `urn:gesher:crosswalk:${crosswalkId}`,
      subject_source_version: '1988',
      object_source_version: '2008',
      mapping_set_version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      extension_definitions: [
        { slot_name: 'share', property: 'gesher:share', type_hint: 'xsd:double' },
        { slot_name: 'status', property: 'gesher:mappingStatus', type_hint: 'xsd:string' },
        { slot_name: 'partial_source', property: 'gesher:partialSource', type_hint: 'xsd:boolean' },
        { slot_name: 'partial_target', property: 'gesher:partialTarget', type_hint: 'xsd:boolean' },
      ],
    });
    const col = (name: string) => table.headers.indexOf(name);
    const cells = (name: string) => table.rows.map((r) => r[col(name)]!);
    expect(table.rows).toHaveLength(678);
    // The ILO table: 132 one-to-one rows, 85 ISCO-88 groups merged, 167 split, 294 both.
    const counts: Record<string, number> = {};
    for (const c of cells('mapping_cardinality')) counts[c] = (counts[c] ?? 0) + 1;
    expect(counts).toEqual({ '1:1': 132, 'n:1': 85, '1:n': 167, 'n:n': 294 });
    expect(new Set(cells('reviewer_id'))).toEqual(new Set([reviewers]));
    expect(new Set(cells('review_date'))).toEqual(new Set([reviewedAt.slice(0, 10)]));
    expect(new Set(cells('status'))).toEqual(new Set(['approved']));
    // Imported from the ILO file: no author among the stewards.
    expect(new Set(cells('author_id'))).toEqual(new Set(['']));
    const armed = table.rows.find((r) => r[col('subject_id')] === 'ISCO88:0110')!;
    expect(armed[col('object_id')]).toBe('ISCO08:0110');
    await t.close();
  });
});
