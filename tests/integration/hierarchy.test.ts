import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LeafCounts, TreeNode } from '../../shared/contract';
import type { WorkspaceDb } from '../../electron/host/db/workspace-db';
import { openWithSteward, type TestBackend } from './harness';

const CW = 'isic31-isic4';

const sum = (nodes: TreeNode[]): LeafCounts =>
  nodes.reduce(
    (a, n) => ({
      leaves: a.leaves + n.counts.leaves,
      mapped: a.mapped + n.counts.mapped,
      approved: a.approved + n.counts.approved,
      unmapped: a.unmapped + n.counts.unmapped,
    }),
    { leaves: 0, mapped: 0, approved: 0, unmapped: 0 },
  );

/** The same counts straight from the tables, with no hierarchy involved. */
function schemeLeafCounts(
  db: WorkspaceDb,
  crosswalkId: string,
  schemeId: string,
  column: 'source_code' | 'target_code',
): LeafCounts {
  const live = `SELECT ${column} FROM mappings WHERE crosswalk_id = ? AND status <> 'rejected'`;
  const approved = `SELECT ${column} FROM mappings WHERE crosswalk_id = ? AND status = 'approved'`;
  const n = (sql: string, params: (string | number)[]) => db.get<{ n: number }>(sql, params)!.n;
  const leaves = `FROM items WHERE scheme_id = ? AND is_leaf = 1`;
  return {
    leaves: n(`SELECT COUNT(*) AS n ${leaves}`, [schemeId]),
    mapped: n(`SELECT COUNT(*) AS n ${leaves} AND code IN (${live})`, [schemeId, crosswalkId]),
    approved: n(`SELECT COUNT(*) AS n ${leaves} AND code IN (${approved})`, [
      schemeId,
      crosswalkId,
    ]),
    unmapped: n(`SELECT COUNT(*) AS n ${leaves} AND status = 'active' AND code NOT IN (${live})`, [
      schemeId,
      crosswalkId,
    ]),
  };
}

describe('hierarchy browser counts on the demo workspace', () => {
  let t: TestBackend;
  let db: WorkspaceDb;

  beforeAll(async () => {
    t = await openWithSteward(
      { name: 'Dana Levi', agency: 'ES', role: 'steward' },
      { seedDemo: true },
    );
    db = t.backend.deps.db;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Approval needs both agencies when the agency rule is on; with one vote it already counts. */
  const approveByBoth = async (mappingIds: number[]) => {
    const es = await t.call('profile.list', {}).then((l) => l.find((p) => p.agency === 'ES')!);
    await t.call('profile.select', { id: es.id });
    await t.call('crosswalks.decide', { crosswalkId: CW, mappingIds, status: 'approved' });
    const cbs =
      (await t.call('profile.list', {})).find((p) => p.agency === 'CBS') ??
      (await t.call('profile.create', { name: 'Yossi Cohen', agency: 'CBS', role: 'steward' }));
    await t.call('profile.select', { id: cbs.id });
    await t.call('crosswalks.decide', { crosswalkId: CW, mappingIds, status: 'approved' });
    await t.call('profile.select', { id: es.id });
  };

  const tree = (side: 'source' | 'target', parentCode: string | null) =>
    t.call('hierarchy.tree', { crosswalkId: CW, side, parentCode });

  it('top-level counts add up to the leaf counts of each scheme', async () => {
    const sources = await tree('source', null);
    expect(sources.map((s) => s.code).slice(0, 3)).toEqual(['A', 'B', 'C']);
    expect(sum(sources)).toEqual(schemeLeafCounts(db, CW, 'isic31', 'source_code'));
    const targets = await tree('target', null);
    expect(sum(targets)).toEqual(schemeLeafCounts(db, CW, 'isic4', 'target_code'));
    expect(sum(sources).leaves).toBeGreaterThan(250);
  });

  it('a letter section holds the numeric divisions below it, and their counts add up', async () => {
    const [a] = await tree('source', null);
    const divisions = await tree('source', 'A');
    expect(divisions.map((d) => d.code)).toEqual(['01', '02']);
    expect(sum(divisions)).toEqual(a!.counts);
    const leaf = (await tree('source', '011')).find((n) => n.isLeaf)!;
    expect(leaf.counts.leaves).toBe(1);
    expect(await tree('source', leaf.code)).toEqual([]);
  });

  it('the grid filtered by a section shows exactly the rows under it', async () => {
    const rows = await t.call('crosswalks.rows', {
      crosswalkId: CW,
      offset: 0,
      limit: 1000,
      filter: { sourceAncestor: 'A' },
    });
    expect(rows.total).toBeGreaterThan(0);
    expect(rows.rows.every((r) => /^0[12]/.test(r.sourceCode))).toBe(true);
    const all = await t.call('crosswalks.rows', { crosswalkId: CW, offset: 0, limit: 1000 });
    expect(rows.total).toBe(all.rows.filter((r) => /^0[12]/.test(r.sourceCode)).length);
    // A letter is no code prefix of its divisions: the prefix filter finds nothing.
    const prefix = await t.call('crosswalks.rows', {
      crosswalkId: CW,
      offset: 0,
      limit: 10,
      filter: { sourcePrefix: 'A' },
    });
    expect(prefix.total).toBe(0);
    const unmapped = await t.call('crosswalks.rows', {
      crosswalkId: CW,
      offset: 0,
      limit: 1000,
      filter: { sourceAncestor: 'A', check: 'unmapped_sources' },
    });
    const [a] = await tree('source', null);
    expect(unmapped.total).toBe(a!.counts.unmapped);
  });

  it('approving a mapping moves its section approved count; coverage and progress follow', async () => {
    const pick = db.get<{ id: number; source_code: string; target_code: string }>(
      `SELECT m.id, m.source_code, m.target_code FROM mappings m WHERE m.crosswalk_id = ? AND m.status = 'proposed'
       AND m.source_code NOT IN (SELECT source_code FROM mappings WHERE crosswalk_id = ? AND status = 'approved')
       ORDER BY m.id LIMIT 1`,
      [CW, CW],
    )!;
    const path = await t.call('schemes.item', { schemeId: 'isic31', code: pick.source_code });
    const section = path.path[0]!.code;
    const before = (await tree('source', null)).find((n) => n.code === section)!.counts;
    const coverageBefore = await t.call('hierarchy.coverage', { crosswalkId: CW });

    await approveByBoth([pick.id]);

    const after = (await tree('source', null)).find((n) => n.code === section)!.counts;
    expect(after.approved).toBe(before.approved + 1);
    expect(after.leaves).toBe(before.leaves);
    const coverage = await t.call('hierarchy.coverage', { crosswalkId: CW });
    const group = coverage.find((g) => g.code === section)!;
    const groupBefore = coverageBefore.find((g) => g.code === section)!;
    expect(group.approved).toBe(groupBefore.approved + 1);
    expect(group.proposed).toBe(groupBefore.proposed - 1);

    const totals = schemeLeafCounts(db, CW, 'isic31', 'source_code');
    const covered = coverage.reduce(
      (a, g) => ({
        approved: a.approved + g.approved,
        proposed: a.proposed + g.proposed,
        unmapped: a.unmapped + g.unmapped,
      }),
      { approved: 0, proposed: 0, unmapped: 0 },
    );
    expect(covered).toEqual({
      approved: totals.approved,
      proposed: totals.mapped - totals.approved,
      unmapped: totals.unmapped,
    });
    expect(coverage.map((g) => g.code)).toEqual((await tree('source', null)).map((n) => n.code));
  });

  it("progress shows today's decisions by status, not comment-only edits", async () => {
    const proposed = db
      .all<{ id: number }>(
        `SELECT id FROM mappings WHERE crosswalk_id = ? AND status = 'proposed' ORDER BY id LIMIT 4`,
        [CW],
      )
      .map((r) => r.id);
    const before = await t.call('hierarchy.progress', { crosswalkId: CW });
    const today = new Date().toISOString().slice(0, 10);
    const was = before.find((d) => d.day === today) ?? {
      approved: 0,
      rejected: 0,
      needs_discussion: 0,
    };
    await t.call('crosswalks.decide', {
      crosswalkId: CW,
      mappingIds: [proposed[0]!, proposed[1]!],
      status: 'rejected',
    });
    await t.call('crosswalks.decide', {
      crosswalkId: CW,
      mappingIds: [proposed[2]!],
      status: 'needs_discussion',
    });
    await approveByBoth([proposed[3]!]);
    await t.call('crosswalks.decide', {
      crosswalkId: CW,
      mappingIds: [proposed[3]!],
      comment: 'checked against the explanatory notes',
    });
    const progress = await t.call('hierarchy.progress', { crosswalkId: CW });
    const day = progress.find((d) => d.day === today)!;
    expect(day).toEqual({
      day: today,
      approved: was.approved + 1,
      rejected: was.rejected + 2,
      needs_discussion: was.needs_discussion + 1,
    });
    expect(was.approved).toBeGreaterThanOrEqual(1); // the approval of the test above
    // Decisions in the other crosswalk are not counted here.
    const other = await t.call('hierarchy.progress', { crosswalkId: 'isco88-isco08' });
    expect(other).toEqual([]);
  });

  it('an unknown node or crosswalk is not_found', async () => {
    const r = await t.reply('hierarchy.tree', {
      crosswalkId: CW,
      side: 'source',
      parentCode: 'ZZZ',
    });
    expect(r.ok).toBe(false);
    const c = await t.reply('hierarchy.coverage', { crosswalkId: 'nope' });
    expect(c.ok).toBe(false);
  });
});
