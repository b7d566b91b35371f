import fs from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { MappingRow, Steward, VersionMapping } from '../../shared/contract';
import { importCrosswalk } from '../../electron/host/import/run-import';
import { VersionRepo } from '../../electron/host/repos/version-repo';
import { mappingCardinalities } from '../../shared/domain/crosswalk/cardinality';
import { blindVersionMappings } from '../../shared/domain/crosswalk/approval';
import {
  completeness,
  diffMappings,
  mappingRelationshipType,
  mappingValidity,
  relationshipType,
  tableCardinalities,
} from '../../shared/domain/crosswalk/versions';
import { RpcError } from '../../shared/rpc/errors';
import { as } from './agencies';
import { appendPair } from './append-pair';
import { approveByBothAgencies } from './approve-both';
import { loadIscoCrosswalk } from './crosswalk-fixture';
import { openTestBackend, openWithSteward, type TestBackend } from './harness';

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

  it('a mapping one agency rejected blocks the version until the other agency rejects it too', async () => {
    const { t, crosswalkId, lead, cbs } = await setup();
    // A complete, approved table, plus one extra link for 1110 that ES rejects.
    await t.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: '3139',
      targetCode: '3139',
      relation: 'close',
    });
    await approveAll(t, crosswalkId, [lead, cbs]);
    await t.call('profile.select', { id: lead.id });
    const { mappingId } = await t.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: '1110',
      targetCode: '1112',
      relation: 'related',
    });
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [mappingId], status: 'rejected' });
    const oneSided = await t.call('versions.freeze', { crosswalkId });
    expect(await t.call('versions.blockers', { crosswalkId, number: oneSided.number })).toEqual([
      { kind: 'one_sided_rejections', count: 1, examples: ['1110→1112'] },
    ]);
    const refusedApproval = await refused(
      t.call('versions.approve', { crosswalkId, number: oneSided.number }),
    );
    expect(refusedApproval.code).toBe('validation_failed');

    // CBS rejects it too: an agreed exclusion, and the version can be approved.
    await t.call('profile.select', { id: cbs.id });
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [mappingId], status: 'rejected' });
    await t.call('profile.select', { id: lead.id });
    const agreed = await t.call('versions.freeze', { crosswalkId });
    expect(await t.call('versions.blockers', { crosswalkId, number: agreed.number })).toEqual([]);
    const half = await t.call('versions.approve', { crosswalkId, number: agreed.number });
    expect(half.approvals.map((a) => a.agency)).toEqual(['ES']);
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

describe('GSIM metadata on each frozen mapping', () => {
  /** A version's frozen mappings as the diff and the exports read them, by "source→target". */
  const frozen = (t: TestBackend, crosswalkId: string, number: number) => {
    const repo = new VersionRepo(t.backend.deps.db);
    const v = repo.get(crosswalkId, number)!;
    return new Map(repo.mappings(v.id).map((m) => [`${m.sourceCode}→${m.targetCode}`, m]));
  };

  it('dates each mapping: unchanged ones keep the earlier valid_from, no map outlives its codes', async () => {
    const { t, crosswalkId } = await setup();
    const live = await allRows(t, crosswalkId);
    const [first, second, third] = live;
    // ISCO-08 item of the first mapping's target ends mid-2026; the second's source starts in March.
    t.backend.deps.db.write(() => {
      t.backend.deps.db.run(
        "UPDATE items SET valid_to = '2026-06-30' WHERE scheme_id = 'isco08' AND code = ?",
        [first!.targetCode!],
      );
      t.backend.deps.db.run(
        "UPDATE items SET valid_from = '2026-03-01' WHERE scheme_id = 'isco88' AND code = ?",
        [second!.sourceCode],
      );
    });
    const key = (r: MappingRow) => `${r.sourceCode}→${r.targetCode}`;

    // A malformed date is refused; empty dates leave the version open, as before.
    const bad = await refused(
      t.call('versions.freeze', { crosswalkId, validFrom: '1/1/2026', validTo: '' }),
    );
    expect(bad.code).toBe('validation_failed');

    await t.call('versions.freeze', {
      crosswalkId,
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
    });
    const v1 = frozen(t, crosswalkId, 1);
    expect(v1.get(key(third!))).toMatchObject({ validFrom: '2026-01-01', validTo: '2027-12-31' });
    expect(v1.get(key(first!))).toMatchObject({ validFrom: '2026-01-01', validTo: '2026-06-30' });
    expect(v1.get(key(second!))).toMatchObject({ validFrom: '2026-03-01', validTo: '2027-12-31' });
    expect([...v1.values()].every((m) => m.validFrom !== null && m.validTo !== null)).toBe(true);

    // The third mapping's share changes; v2 starts later.
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [third!.mappingId!], share: 0.5 });
    await t.call('versions.freeze', {
      crosswalkId,
      validFrom: '2027-01-01',
      validTo: '2028-12-31',
    });
    const v2 = frozen(t, crosswalkId, 2);
    expect(v2.get(key(third!))).toMatchObject({ validFrom: '2027-01-01', validTo: '2028-12-31' });
    expect(v2.get(key(first!))).toMatchObject({ validFrom: '2026-01-01', validTo: '2026-06-30' });
    expect(v2.get(key(second!))).toMatchObject({ validFrom: '2026-03-01', validTo: '2028-12-31' });
    const unchanged = [...v2.values()].filter((m) => m !== v2.get(key(third!)));
    expect(new Set(unchanged.map((m) => m.validFrom))).toEqual(
      new Set(['2026-01-01', '2026-03-01']),
    );

    // The version's mappings, a page at a time, as the Mappings tab lists them.
    const page = await t.call('versions.mappings', {
      crosswalkId,
      number: 2,
      offset: 0,
      limit: 1000,
    });
    expect(page.total).toBe(live.length);
    const listed = new Map(page.rows.map((m) => [`${m.sourceCode}→${m.targetCode}`, m]));
    expect(listed.get(key(first!))).toMatchObject({
      validFrom: '2026-01-01',
      validTo: '2026-06-30',
    });
    expect(listed.get(key(third!))).toMatchObject({ validFrom: '2027-01-01', share: 0.5 });

    // The diff shows the changed mapping with its dates in each version.
    const diff = await t.call('versions.diff', {
      crosswalkId,
      from: 1,
      to: 2,
      offset: 0,
      limit: 10,
    });
    expect(diff.total).toBe(1);
    expect(diff.rows[0]!.before).toMatchObject({ validFrom: '2026-01-01', share: third!.share });
    expect(diff.rows[0]!.after).toMatchObject({
      validFrom: '2027-01-01',
      validTo: '2028-12-31',
      share: 0.5,
    });

    // The diff's CSV carries the same, before and after.
    const file = await t.call('versions.exportDiff', {
      crosswalkId,
      from: 1,
      to: 2,
      format: 'csv',
    });
    const [header, row] = Papa.parse<string[]>(
      fs.readFileSync(file.path, 'utf8').replace(/^\uFEFF/, ''),
      { skipEmptyLines: true },
    ).data;
    const at = (name: string) => row![header!.indexOf(name)];
    expect(at('before_valid_from')).toBe('2026-01-01');
    expect(at('after_valid_from')).toBe('2027-01-01');
    expect(at('after_valid_to')).toBe('2028-12-31');
    expect(at('after_relationship_type')).toBe(diff.rows[0]!.after!.cardinality);

    // A version frozen with empty dates: the mappings are open except where their codes end.
    await t.call('versions.freeze', { crosswalkId, validFrom: '', validTo: '' });
    const v3 = frozen(t, crosswalkId, 3);
    expect((await t.call('versions.list', { crosswalkId }))[0]).toMatchObject({
      number: 3,
      validFrom: null,
      validTo: null,
    });
    expect(v3.get(key(third!))).toMatchObject({ validFrom: '2027-01-01', validTo: null });
    expect(v3.get(key(first!))).toMatchObject({ validFrom: '2026-01-01', validTo: '2026-06-30' });
    await t.close();
  });

  it('a version frozen before per-mapping dates shows the version’s own dates', async () => {
    const { t, crosswalkId } = await setup();
    await t.call('versions.freeze', {
      crosswalkId,
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
    });
    // As a workspace from before migration 15 has it.
    t.backend.deps.db.write(() =>
      t.backend.deps.db.run('UPDATE version_mappings SET valid_from = NULL, valid_to = NULL'),
    );
    const v1 = [...frozen(t, crosswalkId, 1).values()];
    expect(v1.every((m) => m.validFrom === '2025-01-01' && m.validTo === '2025-12-31')).toBe(true);
    await t.close();
  });

  it('an accepted inherited suggestion is derived; a table made only of them is derived', async () => {
    const t = await openWithSteward(
      { name: 'Dana Levi', agency: 'ES', role: 'lead' },
      { seedDemo: true },
    );
    const demo = 'isco88-isco08';
    // The demo table, completed and approved by both agencies as its version 1.
    await t.call('crosswalks.addMapping', {
      crosswalkId: demo,
      sourceCode: '3139',
      targetCode: '3521',
      relation: 'close',
    });
    const ids = (await allRows(t, demo)).map((r) => r.mappingId!);
    await approveByBothAgencies(t, demo, ids);
    await t.call('versions.freeze', { crosswalkId: demo });
    await t.call('versions.approve', { crosswalkId: demo, number: 1 });
    await as(t, { name: 'רונית כהן', agency: 'CBS', role: 'lead' }, () =>
      t.call('versions.approve', { crosswalkId: demo, number: 1 }),
    );

    // A new table between the same schemes takes 3139 → 3521 from it, and has one mapping of its own.
    const scope = (await t.call('crosswalks.list', {})).find((c) => c.id === demo)!;
    await importCrosswalk(t.backend.deps, {
      fileName: 'new.csv',
      bytes: Buffer.from('src,tgt\n1110,1111\n'),
      options: { encoding: 'utf-8', delimiter: ',' },
      columns: { sourceCode: 'src', targetCode: 'tgt' },
      crosswalk: {
        id: 'derived-table',
        nameHe: 'טבלה נגזרת',
        nameEn: 'Derived table',
        sourceSchemeId: scope.sourceSchemeId,
        targetSchemeId: scope.targetSchemeId,
      },
      defaults: { status: 'proposed', justification: 'imported' },
    });
    const crosswalkId = 'derived-table';
    await t.call('suggestions.accept', {
      crosswalkId,
      sourceCode: '3139',
      targetCode: '3521',
      score: 0.9,
    });
    const v1 = await t.call('versions.freeze', { crosswalkId });
    expect(v1.relationshipType).toBe('1:1');
    const mappings = frozen(t, crosswalkId, 1);
    const inherited = mappings.get('3139→3521')!;
    expect(inherited).toMatchObject({ justification: 'inherited', cardinality: '1:1' });
    expect(mappingRelationshipType(inherited)).toBe('derived');
    expect(mappingRelationshipType(mappings.get('1110→1111')!)).toBe('1:1');

    // Without the mapping judged here, every link is derived: so is the table.
    const own = (await allRows(t, crosswalkId)).find((r) => r.sourceCode === '1110')!;
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [own.mappingId!],
      status: 'rejected',
    });
    const v2 = await t.call('versions.freeze', { crosswalkId });
    expect(v2.relationshipType).toBe('derived');
    expect(mappingRelationshipType(frozen(t, crosswalkId, 2).get('1110→1111')!)).toBeNull();
    await t.close();
  });
});

describe('freeze in SQL keeps the rules of shared/domain/crosswalk/versions.ts', () => {
  type Db = TestBackend['backend']['deps']['db'];
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

  /** What the freeze stored of each mapping, raw (no fallback to the version's dates), in mappings() order. */
  const stored = (db: Db, versionId: number) =>
    db
      .rows(
        `SELECT source_code, target_code, cardinality, valid_from, valid_to FROM version_mappings
         WHERE version_id = ? ORDER BY source_code, target_code, mapping_id`,
        [versionId],
      )
      .map((r) => ({
        pair: `${String(r[0])}→${String(r[1])}`,
        cardinality: str(r[2]),
        validFrom: str(r[3]),
        validTo: str(r[4]),
      }));

  const itemDates = (db: Db, schemeId: string) =>
    new Map(
      db
        .rows('SELECT code, valid_from, valid_to FROM items WHERE scheme_id = ?', [schemeId])
        .map((r) => [String(r[0]), { validFrom: str(r[1]), validTo: str(r[2]) }]),
    );

  /** The previous version's rows as mappingValidity reads them, in the order they were stored. */
  const previousRows = (db: Db, versionId: number, versionFrom: string | null) =>
    db
      .rows(
        `SELECT source_code, target_code, relation, share, status, COALESCE(valid_from, ?)
         FROM version_mappings WHERE version_id = ? ORDER BY rowid`,
        [versionFrom, versionId],
      )
      .map((r) => ({
        sourceCode: String(r[0]),
        targetCode: String(r[1]),
        relation: r[2] as VersionMapping['relation'],
        share: r[3] as number | null,
        status: r[4] as VersionMapping['status'],
        validFrom: str(r[5]),
      }));

  /** Freezes and checks every stored value against the pure functions on the live rows it copied. */
  async function freezeAndCompare(
    t: TestBackend,
    scope: { crosswalkId: string; sourceSchemeId: string; targetSchemeId: string },
    dates: { validFrom?: string; validTo?: string },
  ) {
    const db = t.backend.deps.db;
    const repo = new VersionRepo(db);
    const live = repo.liveMappings(scope.crosswalkId);
    const previous = repo.list(scope.crosswalkId)[0];
    const v = await t.call('versions.freeze', { crosswalkId: scope.crosswalkId, ...dates });
    const version = { validFrom: dates.validFrom || null, validTo: dates.validTo || null };
    const validity = mappingValidity(
      live,
      version,
      previous ? previousRows(db, previous.id, previous.validFrom) : [],
      itemDates(db, scope.sourceSchemeId),
      itemDates(db, scope.targetSchemeId),
    );
    const cardinality = tableCardinalities(live);
    expect(stored(db, v.id)).toEqual(
      live.map((m, i) => ({
        pair: `${m.sourceCode}→${m.targetCode}`,
        cardinality: cardinality[i],
        ...validity[i],
      })),
    );
    // The copy itself: every field as it was live.
    const strip = (m: VersionMapping) => ({
      ...m,
      cardinality: null,
      validFrom: null,
      validTo: null,
    });
    expect(repo.mappings(v.id).map(strip)).toEqual(live.map(strip));
    expect(v).toMatchObject({
      mappingCount: live.length,
      relationshipType: relationshipType(live),
      completeness: completeness(repo.checkItems(scope.sourceSchemeId), live),
    });
    return v;
  }

  it('cardinality, validity, relationship type and completeness equal the pure functions on the same rows', async () => {
    const { t, crosswalkId, sourceSchemeId, targetSchemeId, cbs, lead } = await setup();
    const scope = { crosswalkId, sourceSchemeId, targetSchemeId };
    const db = t.backend.deps.db;
    const live = await allRows(t, crosswalkId);
    const at = (i: number) => live[i]!;
    // Codes with their own dates: targets that end, sources that start late, one both.
    db.write(() => {
      for (const [i, from, to] of [
        [3, null, '2026-06-30'],
        [40, null, '2030-01-01'],
        [7, '2026-03-01', null],
        [120, '2025-01-01', '2026-09-30'],
      ] as const) {
        db.run('UPDATE items SET valid_from = ?, valid_to = ? WHERE scheme_id = ? AND code = ?', [
          from,
          to,
          targetSchemeId,
          at(i).targetCode!,
        ]);
        db.run('UPDATE items SET valid_from = ? WHERE scheme_id = ? AND code = ?', [
          from,
          sourceSchemeId,
          at(i + 1).sourceCode,
        ]);
      }
    });
    // Rejections (one agency's and both), a duplicate pair, an inherited mapping, decisions of each agency.
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [at(0).mappingId!, at(10).mappingId!],
      status: 'rejected',
    });
    await appendPair(t, crosswalkId, {
      sourceCode: at(20).sourceCode,
      targetCode: at(20).targetCode!,
      relation: 'related',
    });
    db.write(() =>
      db.run("UPDATE mappings SET justification = 'inherited' WHERE id = ?", [at(30).mappingId!]),
    );
    await t.call('profile.select', { id: cbs.id });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [at(10).mappingId!, at(50).mappingId!],
      status: 'rejected',
    });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: live.slice(60, 90).map((r) => r.mappingId!),
      status: 'approved',
    });
    await t.call('profile.select', { id: lead.id });
    await freezeAndCompare(t, scope, { validFrom: '2026-01-01', validTo: '2027-12-31' });

    // Between versions: a share and a relation change, a rejection undone, a removal.
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [at(3).mappingId!],
      share: 0.25,
    });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [at(7).mappingId!],
      relation: 'narrower',
    });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [at(0).mappingId!],
      status: 'needs_discussion',
    });
    await t.call('crosswalks.removeMappings', { crosswalkId, mappingIds: [at(5).mappingId!] });
    // The same mapping twice from v2 on: the copy holds since v1 as well.
    await appendPair(t, crosswalkId, {
      sourceCode: at(25).sourceCode,
      targetCode: at(25).targetCode!,
      relation: at(25).relation!,
      share: at(25).share,
    });
    await freezeAndCompare(t, scope, { validFrom: '2027-01-01' });
    // And a version with no dates of its own.
    await freezeAndCompare(t, scope, { validFrom: '', validTo: '' });
    await t.close();
  });

  it('the diff found in SQL is diffMappings over both whole sides, blind or not', async () => {
    const { t, crosswalkId, cbs, es, lead } = await setup();
    const repo = new VersionRepo(t.backend.deps.db);
    const live = await allRows(t, crosswalkId);
    const ids = (from: number, to: number) => live.slice(from, to).map((r) => r.mappingId!);
    await t.call('versions.freeze', { crosswalkId, validFrom: '2026-01-01' });
    // ES decides some (hidden from CBS while blind), CBS others; a rejection ES alone made
    // changes the cardinalities CBS would see; a share, a comment, a removal and an addition.
    await t.call('profile.select', { id: es.id });
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: ids(0, 3), status: 'rejected' });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: ids(3, 8),
      status: 'approved',
      comment: 'ES: as published',
    });
    await t.call('profile.select', { id: cbs.id });
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: ids(6, 12), status: 'approved' });
    await t.call('profile.select', { id: lead.id });
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: ids(20, 22), share: 0.5 });
    await t.call('crosswalks.removeMappings', { crosswalkId, mappingIds: ids(30, 31) });
    await t.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: live[40]!.sourceCode,
      targetCode: '0110',
      relation: 'related',
    });
    await t.call('versions.freeze', { crosswalkId, validFrom: '2027-01-01' });
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: ids(50, 52), status: 'rejected' });
    const [v1, v2] = [repo.get(crosswalkId, 1)!, repo.get(crosswalkId, 2)!];
    const sides = {
      v1: { side: repo.diffSide({ versionId: v1.id }), rows: () => repo.mappings(v1.id) },
      v2: { side: repo.diffSide({ versionId: v2.id }), rows: () => repo.mappings(v2.id) },
      draft: { side: repo.diffSide({ crosswalkId }), rows: () => repo.liveMappings(crosswalkId) },
    };
    for (const viewer of [undefined, 'CBS', 'ES', null] as const)
      for (const [from, to] of [
        ['v1', 'v2'],
        ['v2', 'v1'],
        ['v1', 'draft'],
        ['draft', 'v2'],
      ] as const) {
        const [a, b] = [sides[from], sides[to]];
        const whole = diffMappings(
          blindVersionMappings(a.rows(), viewer),
          blindVersionMappings(b.rows(), viewer),
        );
        const sql = diffMappings(
          repo.unmatched(a.side, b.side, viewer),
          repo.unmatched(b.side, a.side, viewer),
        );
        expect(sql, `${from} → ${to} as ${String(viewer)}`).toEqual(whole);
      }
    // Through the contract, as the CBS steward with blind mode on.
    await t.call('crosswalks.setBlindMode', { crosswalkId, on: true });
    await t.call('profile.select', { id: cbs.id });
    const blind = await t.call('versions.diff', {
      crosswalkId,
      from: 1,
      to: 2,
      offset: 0,
      limit: 100,
    });
    const expected = diffMappings(
      blindVersionMappings(repo.mappings(v1.id), 'CBS'),
      blindVersionMappings(repo.mappings(v2.id), 'CBS'),
    );
    expect(blind).toEqual({
      rows: expected.rows,
      total: expected.rows.length,
      totals: expected.totals,
    });
    // ES's one-sided decisions are not changes CBS can see yet.
    expect(blind.totals).toEqual({ added: 1, removed: 1, changed: 8 });
    const seen = diffMappings(repo.mappings(v1.id), repo.mappings(v2.id));
    expect(seen.totals).toEqual({ added: 1, removed: 1, changed: 14 });
    await t.close();
  });

  it('a crash after a freeze replays it from the journal to the same rows', async () => {
    const { t, crosswalkId } = await setup();
    const live = await allRows(t, crosswalkId);
    await t.call('versions.freeze', { crosswalkId, validFrom: '2026-01-01' });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [live[0]!.mappingId!],
      status: 'rejected',
    });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [live[1]!.mappingId!],
      share: 0.5,
    });
    const v2 = await t.call('versions.freeze', { crosswalkId, validFrom: '2027-01-01' });
    const db = t.backend.deps.db;
    const all = (d: Db) =>
      d
        .rows('SELECT * FROM version_mappings ORDER BY rowid')
        .concat(d.rows('SELECT * FROM crosswalk_versions ORDER BY id'));
    const before = all(db);
    db.close({ snapshot: false });
    const again = await openTestBackend({ workspaceDir: t.dir });
    expect((await again.call('workspace.info', {})).replayedEntries).toBeGreaterThan(0);
    expect(all(again.backend.deps.db)).toEqual(before);
    expect((await again.call('versions.list', { crosswalkId }))[0]).toEqual(v2);
    await again.close();
  });
});
