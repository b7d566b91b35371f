import fs from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { MappingRow, Steward } from '../../shared/contract';
import { mappingCardinalities } from '../../shared/domain/crosswalk/cardinality';
import { RpcError } from '../../shared/rpc/errors';
import { loadIscoCrosswalk } from './crosswalk-fixture';
import { openWithSteward, type TestBackend } from './harness';

const LEAD_ES = { name: 'רונית כהן', agency: 'ES', role: 'lead' } as const;

async function setup() {
  const t = await openWithSteward(LEAD_ES);
  const lead = (await t.call('workspace.info', {})).currentSteward!;
  const isco = await loadIscoCrosswalk(t);
  const cbs = await t.call('profile.create', {
    name: 'Avi Mizrahi',
    agency: 'CBS',
    role: 'steward',
  });
  const es = await t.call('profile.create', { name: 'דנה לוי', agency: 'ES', role: 'steward' });
  await t.call('profile.select', { id: lead.id });
  return { t, lead, cbs, es, ...isco };
}

async function allRows(t: TestBackend, crosswalkId: string): Promise<MappingRow[]> {
  const out: MappingRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await t.call('crosswalks.rows', { crosswalkId, offset, limit: 1000 });
    out.push(...page.rows);
    if (out.length >= page.total || page.rows.length === 0) return out;
  }
}

async function refused(p: Promise<unknown>): Promise<RpcError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RpcError);
  return error as RpcError;
}

/** Both agencies approve every mapping (one agency's approval may be only half of it). */
async function approveAll(t: TestBackend, crosswalkId: string, by: Steward[]) {
  const ids = (await allRows(t, crosswalkId)).map((r) => r.mappingId!);
  for (const s of by) {
    await t.call('profile.select', { id: s.id });
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: ids, status: 'approved' });
  }
}

describe('crosswalk versions', () => {
  it('freezes a numbered, read-only copy with GSIM metadata; the draft continues from it', async () => {
    const { t, crosswalkId, lead } = await setup();
    const live = await allRows(t, crosswalkId);
    const v1 = await t.call('versions.freeze', {
      crosswalkId,
      note: 'ILO table as published',
      validFrom: '2026-01-01',
    });
    expect(v1).toMatchObject({
      number: 1,
      status: 'frozen',
      frozenBy: { id: lead.id, name: 'רונית כהן', agency: 'ES' },
      approvals: [],
      mappingCount: live.length,
      sourceSchemeVersion: '1988',
      targetSchemeVersion: '2008',
      relationshipType: 'M:N',
      validFrom: '2026-01-01',
      validTo: null,
      note: 'ILO table as published',
    });
    expect(['partial', 'complete']).toContain(v1.completeness);

    // A decision on the draft leaves the frozen copy as it was.
    const first = live[0]!;
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [first.mappingId!],
      status: 'rejected',
    });
    const unchanged = await t.call('versions.diff', {
      crosswalkId,
      from: 1,
      to: 1,
      offset: 0,
      limit: 10,
    });
    expect(unchanged.total).toBe(0);
    const v2 = await t.call('versions.freeze', { crosswalkId });
    expect(v2.number).toBe(2);
    const list = await t.call('versions.list', { crosswalkId });
    expect(list.map((v) => v.number)).toEqual([2, 1]);

    const audit = await t.call('audit.list', {
      offset: 0,
      limit: 10,
      filter: { action: 'version.freeze' },
    });
    expect(audit.total).toBe(2);
  });

  it('keeps each frozen mapping’s cardinality within the table; a rejected one has none', async () => {
    const { t, crosswalkId } = await setup();
    const live = await allRows(t, crosswalkId);
    const expected = mappingCardinalities(
      live.map((r) => r.sourceCode),
      live.map((r) => r.targetCode!),
    );
    // The ILO table is M:N: it has splits (1:n), merges (n:1) and both (n:n).
    expect(new Set(expected)).toEqual(new Set(['1:1', '1:n', 'n:1', 'n:n']));
    await t.call('versions.freeze', { crosswalkId });
    // A source split over exactly two targets, each of them its only source's.
    const bySource = new Map<string, { r: MappingRow; c: string }[]>();
    live.forEach((r, i) => {
      const group = bySource.get(r.sourceCode) ?? [];
      group.push({ r, c: expected[i]! });
      bySource.set(r.sourceCode, group);
    });
    const [split, sibling] = [...bySource.values()]
      .find((g) => g.length === 2 && g.every((x) => x.c === '1:n'))!
      .map((x) => x.r);
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [split!.mappingId!],
      status: 'rejected',
    });
    await t.call('versions.freeze', { crosswalkId });
    const diff = await t.call('versions.diff', {
      crosswalkId,
      from: 1,
      to: 2,
      offset: 0,
      limit: 10,
    });
    // Cardinality is not a change of its own: only the rejected mapping differs.
    expect(diff.total).toBe(1);
    expect(diff.rows[0]).toMatchObject({
      sourceCode: split!.sourceCode,
      targetCode: split!.targetCode,
      before: { status: 'proposed', cardinality: '1:n' },
      after: { status: 'rejected', cardinality: null },
    });
    // In v2 the sibling counts without the rejected mapping: 1:1 (it was 1:n in v1).
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [sibling!.mappingId!],
      status: 'needs_discussion',
    });
    const fromV = async (from: number) =>
      (
        await t.call('versions.diff', { crosswalkId, from, to: 'draft', offset: 0, limit: 10 })
      ).rows.find((r) => r.targetCode === sibling!.targetCode);
    expect(await fromV(1)).toMatchObject({
      before: { cardinality: '1:n' },
      after: { cardinality: '1:1' },
    });
    expect(await fromV(2)).toMatchObject({
      before: { cardinality: '1:1' },
      after: { cardinality: '1:1' },
    });
    await t.close();
  });

  it('diffs the draft against v1: added, removed and changed with before → after, and exports it', async () => {
    const { t, crosswalkId } = await setup();
    await t.call('versions.freeze', { crosswalkId });
    const rows = await allRows(t, crosswalkId);
    const [changed, removed] = [rows[0]!, rows[1]!];
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [changed.mappingId!],
      status: 'needs_discussion',
      comment: 'check the split',
    });
    await t.call('crosswalks.removeMappings', { crosswalkId, mappingIds: [removed.mappingId!] });
    // Leading zeros stay: ISCO-08 has 0110 (commissioned armed forces officers).
    await t.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: changed.sourceCode,
      targetCode: '0110',
      relation: 'related',
    });

    const diff = await t.call('versions.diff', {
      crosswalkId,
      from: 1,
      to: 'draft',
      offset: 0,
      limit: 100,
    });
    expect(diff.totals).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(diff.total).toBe(3);
    const byKind = Object.fromEntries(diff.rows.map((r) => [r.kind, r]));
    expect(byKind.changed).toMatchObject({
      sourceCode: changed.sourceCode,
      targetCode: changed.targetCode,
      before: { status: 'proposed', comment: null },
      after: { status: 'needs_discussion', comment: 'check the split' },
    });
    expect(byKind.changed!.changedFields).toEqual(expect.arrayContaining(['status', 'comment']));
    expect(byKind.removed).toMatchObject({
      sourceCode: removed.sourceCode,
      targetCode: removed.targetCode,
      after: null,
    });
    expect(byKind.added).toMatchObject({ targetCode: '0110', before: null });

    // The other way round, what was added is removed.
    const back = await t.call('versions.diff', {
      crosswalkId,
      from: 'draft',
      to: 1,
      offset: 0,
      limit: 100,
    });
    expect(back.totals).toEqual({ added: 1, removed: 1, changed: 1 });

    const file = await t.call('versions.exportDiff', {
      crosswalkId,
      from: 1,
      to: 'draft',
      format: 'csv',
    });
    expect(file.rows).toBe(3);
    const csv = Papa.parse<string[]>(fs.readFileSync(file.path, 'utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(csv[0]!.slice(0, 4)).toEqual(['kind', 'source_code', 'target_code', 'changed_fields']);
    expect(csv.find((r) => r[0] === 'added')!.slice(1, 3)).toEqual([changed.sourceCode, '0110']);
  });

  it('approves a version only when every mapping is approved and the checks pass, by both agencies', async () => {
    const { t, crosswalkId, lead, cbs, es } = await setup();
    const v1 = await t.call('versions.freeze', { crosswalkId });

    // Nothing is approved yet: refused with what blocks.
    const notYet = await refused(t.call('versions.approve', { crosswalkId, number: 1 }));
    expect(notYet.code).toBe('validation_failed');
    const blockers = (notYet.details as { blockers: { kind: string; count: number }[] }).blockers;
    expect(blockers[0]).toMatchObject({ kind: 'unapproved_mappings', count: v1.mappingCount });
    expect(await t.call('versions.blockers', { crosswalkId, number: 1 })).toEqual(blockers);

    // Approving the draft does not change v1.
    await approveAll(t, crosswalkId, [lead, cbs]);
    await t.call('profile.select', { id: lead.id });
    const stillBlocked = await refused(t.call('versions.approve', { crosswalkId, number: 1 }));
    expect(stillBlocked.code).toBe('validation_failed');

    // Coverage: the published ILO table leaves ISCO-88 3139 without an ISCO-08 code.
    const v2 = await t.call('versions.freeze', { crosswalkId });
    expect(v2.completeness).toBe('partial');
    const uncovered = await refused(t.call('versions.approve', { crosswalkId, number: 2 }));
    expect(uncovered.code).toBe('validation_failed');
    expect((uncovered.details as { blockers: unknown[] }).blockers).toEqual([
      { kind: 'unmapped_sources', count: 1, examples: ['3139'] },
    ]);

    // Shares: a single link carrying half of its source does not add up.
    await t.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: '3139',
      targetCode: '3139',
      relation: 'close',
      share: 0.5,
    });
    await approveAll(t, crosswalkId, [lead, cbs]);
    await t.call('profile.select', { id: lead.id });
    const v3 = await t.call('versions.freeze', { crosswalkId });
    expect(v3.completeness).toBe('complete');
    expect(await t.call('versions.blockers', { crosswalkId, number: 3 })).toEqual([
      { kind: 'shares_not_one', count: 1, examples: ['3139→3139'] },
    ]);

    const link = (await allRows(t, crosswalkId)).find((r) => r.sourceCode === '3139')!;
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [link.mappingId!], share: 1 });
    await approveAll(t, crosswalkId, [lead, cbs]);
    await t.call('profile.select', { id: lead.id });
    const ready = await t.call('versions.freeze', { crosswalkId, validFrom: '2026-01-01' });
    expect(await t.call('versions.blockers', { crosswalkId, number: ready.number })).toEqual([]);

    // A steward of ES approves first.
    await t.call('profile.select', { id: es.id });
    const half = await t.call('versions.approve', { crosswalkId, number: ready.number });
    expect(half.status).toBe('frozen');
    expect(half.approvals).toMatchObject([{ agency: 'ES', stewardId: es.id, name: 'דנה לוי' }]);
    expect(half.approvedAt).toBeNull();

    // The same agency again is a conflict.
    await t.call('profile.select', { id: lead.id });
    const again = await refused(t.call('versions.approve', { crosswalkId, number: ready.number }));
    expect(again.code).toBe('conflict');

    // The other agency completes it.
    await t.call('profile.select', { id: cbs.id });
    const done = await t.call('versions.approve', { crosswalkId, number: ready.number });
    expect(done.status).toBe('approved');
    expect(done.approvals.map((a) => [a.agency, a.name])).toEqual([
      ['ES', 'דנה לוי'],
      ['CBS', 'Avi Mizrahi'],
    ]);
    expect(done.approvedAt).toBe(done.approvals[1]!.at);

    // A newer approved version supersedes it.
    await t.call('profile.select', { id: lead.id });
    const next = await t.call('versions.freeze', { crosswalkId, note: 'same content, new year' });
    await t.call('versions.approve', { crosswalkId, number: next.number });
    await t.call('profile.select', { id: cbs.id });
    await t.call('versions.approve', { crosswalkId, number: next.number });
    const list = await t.call('versions.list', { crosswalkId });
    expect(list.find((v) => v.number === ready.number)!.status).toBe('superseded');
    expect(list.find((v) => v.number === next.number)!.status).toBe('approved');
    const older = await refused(t.call('versions.approve', { crosswalkId, number: 1 }));
    expect(older.code).toBe('conflict');

    const audit = await t.call('audit.list', {
      offset: 0,
      limit: 20,
      filter: { action: 'version.approve' },
    });
    expect(audit.total).toBe(2);
  });

  it('refuses freezing to a non-lead and approving to a viewer', async () => {
    const { t, crosswalkId, es } = await setup();
    await t.call('profile.select', { id: es.id });
    const notLead = await refused(t.call('versions.freeze', { crosswalkId }));
    expect(notLead.code).toBe('forbidden');
    expect(notLead.details).toMatchObject({ role: 'steward', required: ['lead'] });
    expect(await t.call('versions.list', { crosswalkId })).toEqual([]);

    await t.call('profile.create', { name: 'Viewer', agency: 'CBS', role: 'viewer' });
    const viewer = await refused(t.call('versions.approve', { crosswalkId, number: 1 }));
    expect(viewer.code).toBe('forbidden');
  });
});
