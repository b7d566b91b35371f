import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MappingFilter, MappingRow, SortSpec } from '../../shared/contract';
import { as, CBS_STEWARD, switchTo } from './agencies';
import { loadIscoCrosswalk } from './crosswalk-fixture';
import { openWithSteward, type TestBackend } from './harness';

/**
 * Blind mode must not leak anywhere: while a crosswalk is blind, a CBS steward learns nothing of
 * the Employment Service's one-sided decisions, through the grid's filters, sorts, checks and
 * counts, the suggestions, the exports or the versions, until CBS has decided the mapping too.
 * Each test runs the same ES decisions; with blind mode off they are all visible (the control).
 */
const ES_STEWARD = { name: 'דנה לוי', agency: 'ES', role: 'steward' } as const;
const ES_LEAD = { name: 'אורית שטרן', agency: 'ES', role: 'lead' } as const;
const CBS_LEAD = { name: 'משה אלון', agency: 'CBS', role: 'lead' } as const;
const ES_REASON = 'לא שייך לקבוצה';

const ALL = 1000;

async function rowsOf(
  t: TestBackend,
  crosswalkId: string,
  filter: MappingFilter,
  sort: SortSpec = [],
): Promise<MappingRow[]> {
  const page = await t.call('crosswalks.rows', {
    crosswalkId,
    offset: 0,
    limit: ALL,
    sort,
    filter,
  });
  expect(page.total).toBeLessThanOrEqual(ALL);
  return page.rows;
}

const idsOf = async (t: TestBackend, crosswalkId: string, filter: MappingFilter, sort?: SortSpec) =>
  (await rowsOf(t, crosswalkId, filter, sort)).map((r) => r.mappingId);

const codesOf = async (t: TestBackend, crosswalkId: string, filter: MappingFilter) =>
  (await rowsOf(t, crosswalkId, filter)).map((r) => r.sourceCode);

const fileText = (file: { path: string }) => fs.readFileSync(file.path, 'utf8');

const blockersOf = (t: TestBackend, crosswalkId: string, number: number) =>
  t.call('versions.blockers', { crosswalkId, number });

const byId = (ids: readonly (number | null)[]) => [...ids].sort((p, q) => p! - q!);

/**
 * The grid order the rows' shown values give (as SQLite sorts: nulls lowest, ties by id): a sort
 * must order by what the viewer sees, not by a hidden value.
 */
function orderOfShown(
  rows: readonly MappingRow[],
  key: (r: MappingRow) => string | number | null,
  dir: 'asc' | 'desc',
) {
  const cmp = (p: MappingRow, q: MappingRow) => {
    const a = key(p);
    const b = key(q);
    const c = a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
    return (dir === 'asc' ? c : -c) || p.mappingId! - q.mappingId!;
  };
  return [...rows].sort(cmp).map((r) => r.mappingId);
}

const STATUS_ORDER = ['proposed', 'approved', 'rejected', 'needs_discussion'];
const SORTS = {
  status: (r: MappingRow) => STATUS_ORDER.indexOf(r.status!),
  updatedAt: (r: MappingRow) => r.updatedAt,
  updatedBy: (r: MappingRow) => r.updatedBy?.toLowerCase() ?? null,
} as const;

/** Each of the sorts the blind values affect orders the rows by the values shown. */
async function expectSortsByShown(t: TestBackend, crosswalkId: string) {
  const shown = await rowsOf(t, crosswalkId, {});
  for (const [colId, key] of Object.entries(SORTS))
    for (const dir of ['asc', 'desc'] as const)
      expect(await idsOf(t, crosswalkId, {}, [{ colId, dir }]), `${colId} ${dir}`).toEqual(
        orderOfShown(shown, key, dir),
      );
}

/** What the CBS steward (or anyone) reads of the crosswalk in one go. */
async function observe(t: TestBackend, crosswalkId: string) {
  const cw = await t.call('crosswalks.get', { id: crosswalkId });
  const listed = (await t.call('crosswalks.list', {})).find((c) => c.id === crosswalkId)!;
  return {
    counts: cw.counts,
    listedCounts: listed.counts,
    checks: await t.call('crosswalks.checks', { crosswalkId }),
    unmapped: await codesOf(t, crosswalkId, { check: 'unmapped_sources' }),
    nextUnmapped: (await t.call('suggestions.nextUnmapped', { crosswalkId, k: 1 })).unmapped,
    tree: await t.call('hierarchy.tree', { crosswalkId, side: 'source', parentCode: null }),
    coverage: await t.call('hierarchy.coverage', { crosswalkId }),
    progress: await t.call('hierarchy.progress', { crosswalkId }),
  };
}

/**
 * The ISCO-88 → ISCO-08 crosswalk with two mappings both agencies approved (so that exports have
 * rows) and version 1 frozen; then the ES steward decides alone: rejects R and X (with a reason),
 * each the only mapping of its source code, approves A and marks D for discussion. Version 2 is
 * frozen after that.
 */
async function setup(blind: boolean) {
  const t = await openWithSteward(ES_STEWARD);
  const { crosswalkId } = await loadIscoCrosswalk(t);
  const all = await rowsOf(t, crosswalkId, {}, [{ colId: 'sourceCode', dir: 'asc' }]);
  const perSource = new Map<string, number>();
  for (const r of all) perSource.set(r.sourceCode, (perSource.get(r.sourceCode) ?? 0) + 1);
  const single = all.filter((r) => perSource.get(r.sourceCode) === 1);
  const several = all.filter((r) => perSource.get(r.sourceCode)! > 1);
  const [r, x, b1, b2] = single;
  const [a, d, z] = several;
  const id = (row: MappingRow | undefined) => row!.mappingId!;
  const m = { r: id(r), x: id(x), a: id(a), d: id(d), z: id(z), b1: id(b1), b2: id(b2) };
  const rCode = r!.sourceCode;

  // Both agencies approve B1 and B2: the approved rows of every export.
  await t.call('crosswalks.decide', { crosswalkId, mappingIds: [m.b1, m.b2], status: 'approved' });
  await as(t, CBS_STEWARD, () =>
    t.call('crosswalks.decide', { crosswalkId, mappingIds: [m.b1, m.b2], status: 'approved' }),
  );
  await as(t, ES_LEAD, async () => {
    await t.call('crosswalks.setBlindMode', { crosswalkId, on: blind });
    await t.call('versions.freeze', { crosswalkId, note: 'לפני' });
  });
  const before = await as(t, CBS_STEWARD, () => observe(t, crosswalkId));

  await t.call('crosswalks.decide', { crosswalkId, mappingIds: [m.r], status: 'rejected' });
  await t.call('crosswalks.decide', {
    crosswalkId,
    mappingIds: [m.x],
    status: 'rejected',
    comment: ES_REASON,
  });
  await t.call('crosswalks.decide', { crosswalkId, mappingIds: [m.a], status: 'approved' });
  await t.call('crosswalks.decide', {
    crosswalkId,
    mappingIds: [m.d],
    status: 'needs_discussion',
    comment: 'לדיון בוועדה',
  });
  await as(t, ES_LEAD, () => t.call('versions.freeze', { crosswalkId, note: 'אחרי' }));
  return { t, crosswalkId, m, rCode, before, total: all.length };
}

describe('blind mode hides one agency’s decisions from the other everywhere', () => {
  it('the CBS steward sees none of the ES steward’s one-sided decisions, until CBS decides', async () => {
    const { t, crosswalkId, m, rCode, before, total } = await setup(true);
    const esDecided = [m.r, m.x, m.a, m.d];
    await switchTo(t, CBS_STEWARD);

    // Grid status filters: membership does not reveal the hidden status.
    expect(await idsOf(t, crosswalkId, { status: ['rejected'] })).toEqual([]);
    expect(await idsOf(t, crosswalkId, { status: ['approved'] })).toEqual(byId([m.b1, m.b2]));
    expect(await idsOf(t, crosswalkId, { status: ['half_approved'] })).toEqual([]);
    expect(await idsOf(t, crosswalkId, { status: ['needs_discussion'] })).toEqual([]);
    expect(await idsOf(t, crosswalkId, { disagreements: true })).toEqual([]);
    const proposed = await idsOf(t, crosswalkId, { status: ['proposed'] });
    expect(proposed).toEqual(expect.arrayContaining(esDecided));
    expect(proposed).toHaveLength(total - 2);
    const shown = (await rowsOf(t, crosswalkId, { status: ['proposed'] })).filter((r) =>
      esDecided.includes(r.mappingId!),
    );
    expect(shown.map((r) => [r.status, r.agencyDecisions, r.comment, r.updatedBy])).toEqual(
      esDecided.map(() => ['proposed', [], null, null]),
    );

    // Sorting by status, by who or when orders by what CBS sees: the ES-decided rows are where
    // any undecided proposed row is, not first as rejected or as the ones touched last.
    await expectSortsByShown(t, crosswalkId);
    const byStatus = await idsOf(t, crosswalkId, {}, [{ colId: 'status', dir: 'desc' }]);
    expect(byStatus.slice(0, 2)).toEqual(byId([m.b1, m.b2]));
    const latest = await idsOf(t, crosswalkId, {}, [{ colId: 'updatedAt', dir: 'desc' }]);
    expect(latest.slice(0, 4).filter((id) => esDecided.includes(id!))).toEqual([]);
    // Who decided: not found by the ES steward's name.
    const byName = await idsOf(t, crosswalkId, { updatedBy: 'דנה' });
    expect(byName.filter((id) => esDecided.includes(id!))).toEqual([]);

    // Checks, counts and the suggestions' unmapped codes: as before ES decided.
    expect(await observe(t, crosswalkId)).toEqual(before);
    expect(before.unmapped).not.toContain(rCode);
    expect(before.counts).toMatchObject({ approved: 2, rejected: 0, needs_discussion: 0 });

    // Nor the threads.
    expect(await t.call('comments.list', { mappingId: m.x })).toEqual([]);

    // Exports of the draft: the approved rows only, and nothing of ES's reasons.
    const csv = fileText(await t.call('crosswalks.export', { crosswalkId, format: 'csv' }));
    expect(csv.trim().split('\n')).toHaveLength(3);
    expect(csv).not.toContain(ES_REASON);
    const json = JSON.parse(
      fileText(await t.call('crosswalks.export', { crosswalkId, format: 'json' })),
    ) as { mappings: { sourceCode: string }[] };
    expect(json.mappings).toHaveLength(2);
    expect(JSON.stringify(json)).not.toContain(ES_REASON);

    // Versions: version 2 froze ES's decisions; to CBS nothing changed from version 1.
    const diff = await t.call('versions.diff', {
      crosswalkId,
      from: 1,
      to: 2,
      offset: 0,
      limit: 100,
    });
    expect(diff.totals).toEqual({ added: 0, removed: 0, changed: 0 });
    const draftDiff = await t.call('versions.diff', {
      crosswalkId,
      from: 2,
      to: 'draft',
      offset: 0,
      limit: 100,
    });
    expect(draftDiff.totals).toEqual({ added: 0, removed: 0, changed: 0 });
    const diffCsv = fileText(
      await t.call('versions.exportDiff', { crosswalkId, from: 1, to: 2, format: 'csv' }),
    );
    expect(diffCsv.trim().split('\n')).toHaveLength(1);
    const v2 = fileText(await t.call('versions.export', { crosswalkId, number: 2, format: 'csv' }));
    expect(v2.trim().split('\n')).toHaveLength(3);
    expect(v2).not.toContain(ES_REASON);
    // What stops version 2's approval reads as version 1's, in the list and in the refusal.
    const v1Blockers = await blockersOf(t, crosswalkId, 1);
    expect(await blockersOf(t, crosswalkId, 2)).toEqual(v1Blockers);
    const refused = await t.reply('versions.approve', { crosswalkId, number: 2 });
    expect(refused.ok ? null : refused.error.details).toEqual({ blockers: v1Blockers });

    // Agreement: only mappings both decided (B1, B2); one-sided decisions add nothing.
    expect(await t.call('crosswalks.agreement', { crosswalkId })).toMatchObject({
      n: 2,
      agreed: 2,
      disagreements: 0,
    });

    // The other way round: ES does not see a CBS-only rejection, in the draft diff either.
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [m.z], status: 'rejected' });
    await switchTo(t, ES_STEWARD);
    const esDraft = await t.call('versions.diff', {
      crosswalkId,
      from: 2,
      to: 'draft',
      offset: 0,
      limit: 100,
    });
    expect(esDraft.totals).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(await idsOf(t, crosswalkId, { status: ['rejected'] })).toEqual(byId([m.r, m.x]));
    await expectSortsByShown(t, crosswalkId);

    // A lead, who adjudicates, sees everything.
    await switchTo(t, CBS_LEAD);
    expect(await idsOf(t, crosswalkId, { status: ['rejected'] })).toEqual(byId([m.r, m.x, m.z]));
    expect(await idsOf(t, crosswalkId, { status: ['half_approved'] })).toEqual([m.a]);
    expect(await codesOf(t, crosswalkId, { check: 'unmapped_sources' })).toContain(rCode);
    expect(await t.call('comments.list', { mappingId: m.x })).toMatchObject([
      { agency: 'ES', text: ES_REASON },
    ]);
    const leadView = await observe(t, crosswalkId);
    expect(leadView.checks.unmapped_sources).toBe(before.checks.unmapped_sources! + 2);
    expect(leadView.progress).not.toEqual(before.progress);
    expect((await t.call('crosswalks.get', { id: crosswalkId })).counts).toMatchObject({
      rejected: 3,
      needs_discussion: 1,
    });
    const leadDiff = await t.call('versions.diff', {
      crosswalkId,
      from: 1,
      to: 2,
      offset: 0,
      limit: 100,
    });
    expect(leadDiff.totals).toEqual({ added: 0, removed: 0, changed: 4 });

    // CBS decides the same mappings: now CBS sees ES's decisions on them.
    await switchTo(t, CBS_STEWARD);
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [m.x], status: 'rejected' });
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [m.r, m.d], status: 'approved' });
    // ES's rejection of R and call for discussion of D stand over CBS's approvals.
    expect(await idsOf(t, crosswalkId, { status: ['rejected'] })).toEqual(byId([m.r, m.x, m.z]));
    expect(await idsOf(t, crosswalkId, { status: ['needs_discussion'] })).toEqual([m.d]);
    expect(await idsOf(t, crosswalkId, { disagreements: true })).toEqual(byId([m.r, m.d]));
    await expectSortsByShown(t, crosswalkId);
    const x = (await rowsOf(t, crosswalkId, { status: ['rejected'] })).find(
      (r) => r.mappingId === m.x,
    )!;
    expect(x).toMatchObject({
      status: 'rejected',
      agencyDecisions: [
        { agency: 'ES', decision: 'reject' },
        { agency: 'CBS', decision: 'reject' },
      ],
      comment: ES_REASON,
    });
    const counts = (await t.call('crosswalks.get', { id: crosswalkId })).counts;
    expect(counts).toMatchObject({ rejected: 3, needs_discussion: 1 });
    const seenDiff = await t.call('versions.diff', {
      crosswalkId,
      from: 2,
      to: 'draft',
      offset: 0,
      limit: 100,
    });
    // X, R and D now read with both decisions (R and D: ES's reject / discuss, CBS's approve).
    expect(seenDiff.rows.map((r) => r.after!.esDecision)).toEqual(
      expect.arrayContaining(['reject', 'reject', 'discuss']),
    );
    expect(seenDiff.totals.changed).toBe(4);
    await t.close();
  });

  it('with blind mode off, every filter, sort, check, count and diff shows ES’s decisions', async () => {
    const { t, crosswalkId, m, rCode, before } = await setup(false);
    await switchTo(t, CBS_STEWARD);
    expect(await idsOf(t, crosswalkId, { status: ['rejected'] })).toEqual(byId([m.r, m.x]));
    expect(await idsOf(t, crosswalkId, { status: ['half_approved'] })).toEqual([m.a]);
    expect(await idsOf(t, crosswalkId, { status: ['needs_discussion'] })).toEqual([m.d]);
    expect(await idsOf(t, crosswalkId, { status: ['proposed'] })).not.toContain(m.r);
    await expectSortsByShown(t, crosswalkId);
    const byStatus = await idsOf(t, crosswalkId, {}, [{ colId: 'status', dir: 'desc' }]);
    expect(byStatus.slice(0, 3)).toEqual([m.d, ...byId([m.r, m.x])]);
    const latest = await idsOf(t, crosswalkId, {}, [{ colId: 'updatedAt', dir: 'desc' }]);
    expect(byId(latest.slice(0, 4))).toEqual(byId([m.r, m.x, m.a, m.d]));
    const byName = await idsOf(t, crosswalkId, { updatedBy: 'דנה' });
    expect(byName).toEqual(expect.arrayContaining([m.r, m.x, m.a, m.d]));
    const now = await observe(t, crosswalkId);
    expect(now.unmapped).toContain(rCode);
    expect(now.checks.unmapped_sources).toBe(before.checks.unmapped_sources! + 2);
    expect(now.nextUnmapped).toBe(before.nextUnmapped + 2);
    expect(now.counts).toMatchObject({ rejected: 2, needs_discussion: 1 });
    expect(now.listedCounts).toEqual(now.counts);
    expect(now.tree).not.toEqual(before.tree);
    expect(now.coverage).not.toEqual(before.coverage);
    expect(now.progress).not.toEqual(before.progress);
    const diff = await t.call('versions.diff', {
      crosswalkId,
      from: 1,
      to: 2,
      offset: 0,
      limit: 100,
    });
    expect(diff.totals).toEqual({ added: 0, removed: 0, changed: 4 });
    const x = diff.rows.find((r) => r.after!.comment === ES_REASON)!;
    expect(x.changedFields).toEqual(expect.arrayContaining(['status', 'esDecision', 'comment']));
    const diffCsv = fileText(
      await t.call('versions.exportDiff', { crosswalkId, from: 1, to: 2, format: 'csv' }),
    );
    expect(diffCsv).toContain(ES_REASON);
    expect(await blockersOf(t, crosswalkId, 2)).not.toEqual(await blockersOf(t, crosswalkId, 1));
    await t.close();
  });

  it('while blind, the ES steward’s own view shows its decisions (blind mode hides only the other side)', async () => {
    const { t, crosswalkId, m, rCode, before } = await setup(true);
    expect(await idsOf(t, crosswalkId, { status: ['rejected'] })).toEqual(byId([m.r, m.x]));
    expect(await idsOf(t, crosswalkId, { status: ['half_approved'] })).toEqual([m.a]);
    const esView = await observe(t, crosswalkId);
    expect(esView.unmapped).toContain(rCode);
    expect(esView.checks.unmapped_sources).toBe(before.checks.unmapped_sources! + 2);
    // The checks are counted per viewer: CBS's cached counts are not ES's, and back.
    const cbsView = await as(t, CBS_STEWARD, () => observe(t, crosswalkId));
    expect(cbsView).toEqual(before);
    expect(await observe(t, crosswalkId)).toEqual(esView);
    // A view cached for CBS is not patched by ES's next decision as if CBS saw it.
    const cbsProposed = () =>
      as(t, CBS_STEWARD, () => idsOf(t, crosswalkId, { status: ['proposed'] }));
    const cbsBefore = await cbsProposed();
    expect(cbsBefore).toContain(m.z);
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [m.z], status: 'rejected' });
    expect(await cbsProposed()).toEqual(cbsBefore);
    expect(await as(t, CBS_STEWARD, () => observe(t, crosswalkId))).toEqual(before);
    await t.close();
  });
});
