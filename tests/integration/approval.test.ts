import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MappingFilter, MappingRow } from '../../shared/contract';
import { as, CBS_STEWARD, switchTo } from './agencies';
import { loadIscoCrosswalk } from './crosswalk-fixture';
import { openWithSteward, type TestBackend } from './harness';

const ES_STEWARD = { name: 'דנה לוי', agency: 'ES', role: 'steward' } as const;
const ES_LEAD = { name: 'אורית שטרן', agency: 'ES', role: 'lead' } as const;

async function setup() {
  const t = await openWithSteward(ES_STEWARD);
  const { crosswalkId } = await loadIscoCrosswalk(t);
  const first = await t.call('crosswalks.rows', {
    crosswalkId,
    offset: 0,
    limit: 8,
    sort: [{ colId: 'sourceCode', dir: 'asc' }],
    filter: {},
  });
  return { t, crosswalkId, ids: first.rows.map((r) => r.mappingId!), rows: first.rows };
}

const rowsOf = async (t: TestBackend, crosswalkId: string, filter: MappingFilter) =>
  (await t.call('crosswalks.rows', { crosswalkId, offset: 0, limit: 1000, sort: [], filter })).rows;

const rowOf = async (t: TestBackend, crosswalkId: string, r: MappingRow) =>
  (
    await t.call('crosswalks.detail', {
      crosswalkId,
      mappingId: r.mappingId,
      sourceCode: r.sourceCode,
    })
  ).row;

const decide = (
  t: TestBackend,
  crosswalkId: string,
  ids: number[],
  status: 'approved' | 'rejected',
  comment?: string,
) => t.call('crosswalks.decide', { crosswalkId, mappingIds: ids, status, comment });

describe('two-agency approval on the ILO correspondence', () => {
  it('ES approving is half approved, CBS approving makes it approved with both shown; a CBS rejection reopens it with the reason', async () => {
    const { t, crosswalkId, rows } = await setup();
    const m = rows[0]!;
    await decide(t, crosswalkId, [m.mappingId!], 'approved');
    expect(await rowOf(t, crosswalkId, m)).toMatchObject({
      status: 'proposed',
      approvals: [{ agency: 'ES', stewardName: 'דנה לוי' }],
    });
    expect(
      (await rowsOf(t, crosswalkId, { status: ['half_approved'] })).map((r) => r.mappingId),
    ).toEqual([m.mappingId]);
    expect((await rowsOf(t, crosswalkId, { status: ['proposed'] })).length).toBe(677);
    expect((await t.call('crosswalks.get', { id: crosswalkId })).counts).toMatchObject({
      approved: 0,
      half_approved: 1,
      proposed: 677,
    });
    const csv0 = await t.call('crosswalks.export', { crosswalkId, format: 'csv' });
    expect(csv0.rows).toBe(0);

    // The same agency approving again changes nothing: no write, no audit row.
    const auditBefore = (await t.call('audit.list', { offset: 0, limit: 1 })).total;
    expect((await decide(t, crosswalkId, [m.mappingId!], 'approved')).updated).toBe(0);
    expect((await t.call('audit.list', { offset: 0, limit: 1 })).total).toBe(auditBefore);
    expect((await rowOf(t, crosswalkId, m)).approvals).toHaveLength(1);

    await as(t, CBS_STEWARD, () => decide(t, crosswalkId, [m.mappingId!], 'approved'));
    expect(await rowOf(t, crosswalkId, m)).toMatchObject({
      status: 'approved',
      approvals: [
        { agency: 'ES', stewardName: 'דנה לוי' },
        { agency: 'CBS', stewardName: CBS_STEWARD.name },
      ],
    });
    expect((await t.call('crosswalks.get', { id: crosswalkId })).counts.approved).toBe(1);
    const csv = await t.call('crosswalks.export', { crosswalkId, format: 'csv' });
    expect(csv.rows).toBe(1);
    expect(fs.readFileSync(csv.path, 'utf8')).toContain(m.sourceCode);

    const reason = 'קוד היעד אינו תואם את ההגדרה';
    await as(t, CBS_STEWARD, () => decide(t, crosswalkId, [m.mappingId!], 'rejected', reason));
    const reopened = await rowOf(t, crosswalkId, m);
    expect(reopened).toMatchObject({
      status: 'rejected',
      comment: reason,
      approvals: [{ agency: 'ES' }],
      agencyDecisions: [
        { agency: 'ES', decision: 'approve' },
        { agency: 'CBS', decision: 'reject', stewardName: CBS_STEWARD.name },
      ],
    });
    expect((await t.call('crosswalks.export', { crosswalkId, format: 'csv' })).rows).toBe(0);
    const entry = (await t.call('audit.list', { offset: 0, limit: 20 })).rows.find(
      (r) => r.action === 'mapping.decide' && r.entityId === String(m.mappingId),
    )!;
    expect(entry).toMatchObject({
      agency: 'CBS',
      comment: reason,
      before: {
        status: 'approved',
        decisionES: 'approve',
        decisionCBS: 'approve',
      },
      after: {
        status: 'rejected',
        decisionES: 'approve',
        decisionCBS: 'reject',
      },
    });
    const thread = await t.call('comments.list', { mappingId: m.mappingId! });
    expect(thread.some((c) => c.text === reason && c.agency === 'CBS')).toBe(true);
    expect((await rowsOf(t, crosswalkId, { disagreements: true })).map((r) => r.mappingId)).toEqual(
      [m.mappingId],
    );

    // Undo (CBS's) brings both approvals back.
    await as(t, CBS_STEWARD, () => t.call('crosswalks.undo', { crosswalkId }));
    expect(await rowOf(t, crosswalkId, m)).toMatchObject({
      status: 'approved',
      approvals: [{ agency: 'ES' }, { agency: 'CBS' }],
    });
    await t.close();
  });

  it('refuses a viewer’s decision and a steward switching blind mode, naming the role and what it needs', async () => {
    const { t, crosswalkId, ids } = await setup();
    const steward = await t.reply('crosswalks.setBlindMode', { crosswalkId, on: true });
    expect(steward.ok ? null : steward.error).toMatchObject({
      code: 'forbidden',
      details: { role: 'steward', required: ['lead'] },
    });
    await switchTo(t, { name: 'צופה', agency: 'CBS', role: 'viewer' });
    const viewer = await t.reply('crosswalks.decide', {
      crosswalkId,
      mappingIds: [ids[0]!],
      status: 'approved',
    });
    expect(viewer.ok ? null : viewer.error).toMatchObject({
      code: 'forbidden',
      details: { role: 'viewer', required: ['steward', 'lead'] },
    });
    expect((await rowsOf(t, crosswalkId, { status: ['half_approved'] })).length).toBe(0);
    await t.close();
  });

  it('blind mode hides the other agency’s decision until both decided; kappa over what both decided', async () => {
    const { t, crosswalkId, rows, ids } = await setup();
    const auditBlind = async () => (await t.call('audit.list', { offset: 0, limit: 1 })).blind;
    expect(await auditBlind()).toBe(false);
    await as(t, ES_LEAD, async () => {
      expect((await t.call('crosswalks.setBlindMode', { crosswalkId, on: true })).blindMode).toBe(
        true,
      );
      // A lead sees the whole log: nothing is left out for them.
      expect(await auditBlind()).toBe(false);
    });
    expect(await auditBlind()).toBe(true);
    const [m1, m2, m3, m4, m5, m6] = rows;
    // ES: approve 1–5, reject 6. CBS: reject 1, 2 and 5, approve 3 and 4, reject 6.
    await decide(t, crosswalkId, ids.slice(0, 5), 'approved');
    await decide(t, crosswalkId, [m6!.mappingId!], 'rejected', 'לא שייך');
    const m7 = ids[6]!;
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [m7],
      status: 'needs_discussion',
      comment: 'לדיון',
    });
    expect((await t.call('discussion.queue', { crosswalkId, offset: 0, limit: 50 })).total).toBe(1);

    await switchTo(t, CBS_STEWARD);
    // Not through the thread, the discussion queue or the audit log either.
    expect(await t.call('comments.list', { mappingId: m6!.mappingId! })).toEqual([]);
    expect(await t.call('discussion.queue', { crosswalkId, offset: 0, limit: 50 })).toEqual({
      items: [],
      total: 0,
    });
    const auditOf = (id: number) =>
      t.call('audit.list', {
        offset: 0,
        limit: 50,
        filter: { entityType: 'mapping', entityId: String(id) },
      });
    expect(await auditOf(m6!.mappingId!)).toMatchObject({ rows: [], total: 0, blind: true });
    const cbsAudit = await t.call('audit.list', { offset: 0, limit: 1000 });
    expect(JSON.stringify(cbsAudit.rows)).not.toContain('לא שייך');
    expect(cbsAudit.blind).toBe(true);
    expect(cbsAudit).not.toHaveProperty('hidden');
    const blind = await rowOf(t, crosswalkId, m6!);
    expect(blind).toMatchObject({
      status: 'proposed',
      approvals: [],
      agencyDecisions: [],
      comment: null,
      updatedBy: null,
    });
    const seen = (await rowsOf(t, crosswalkId, { sourceCode: m1!.sourceCode })).find(
      (r) => r.mappingId === m1!.mappingId,
    )!;
    expect(seen).toMatchObject({ status: 'proposed', approvals: [] });

    await decide(
      t,
      crosswalkId,
      [m1!.mappingId!, m2!.mappingId!, m5!.mappingId!, m6!.mappingId!],
      'rejected',
    );
    await decide(t, crosswalkId, [m3!.mappingId!, m4!.mappingId!], 'approved');
    // Both decided: now each side sees the other.
    expect(await t.call('comments.list', { mappingId: m6!.mappingId! })).toMatchObject([
      { agency: 'ES', status: 'rejected', text: 'לא שייך' },
    ]);
    expect(await auditOf(m6!.mappingId!)).toMatchObject({ total: 2, blind: true });
    expect(await rowOf(t, crosswalkId, m1!)).toMatchObject({
      status: 'rejected',
      agencyDecisions: [
        { agency: 'ES', decision: 'approve' },
        { agency: 'CBS', decision: 'reject' },
      ],
    });
    expect(await rowOf(t, crosswalkId, m3!)).toMatchObject({
      status: 'approved',
      approvals: [{ agency: 'ES' }, { agency: 'CBS' }],
    });

    // Pairs (ES, CBS): 3×(approve, reject), 2×(approve, approve), 1×(reject, reject):
    // pₒ = 3/6, pₑ = 5/6·2/6 + 1/6·4/6 = 14/36, κ = (1/2 − 14/36) / (1 − 14/36) = 2/11.
    const a = await t.call('crosswalks.agreement', { crosswalkId });
    expect(a).toMatchObject({ n: 6, agreed: 3, disagreements: 3 });
    expect(a.observed).toBeCloseTo(0.5, 10);
    expect(a.expected).toBeCloseTo(14 / 36, 10);
    expect(a.kappa).toBeCloseTo(2 / 11, 10);
    expect(a.counts.approve.reject).toBe(3);
    const toAdjudicate = (await rowsOf(t, crosswalkId, { disagreements: true }))
      .map((r) => r.mappingId)
      .sort();
    expect(toAdjudicate).toEqual([m1!, m2!, m5!].map((r) => r.mappingId).sort());

    // CBS deciding the mapping ES marked for discussion brings ES's mark into its thread.
    await decide(t, crosswalkId, [m7], 'rejected');
    expect((await t.call('comments.list', { mappingId: m7 })).map((c) => c.text)).toContain(
      'לדיון',
    );
    await t.close();
  });

  it('the crosswalk counts split half approved from proposed as the status filter does, blind viewers included', async () => {
    const { t, crosswalkId, ids } = await setup();
    const countsAs = async () => (await t.call('crosswalks.get', { id: crosswalkId })).counts;
    const filtered = async (status: MappingFilter['status']) =>
      (await rowsOf(t, crosswalkId, { status })).length;
    const expectConsistent = async () => {
      const c = await countsAs();
      expect(c.proposed).toBe(await filtered(['proposed']));
      expect(c.half_approved).toBe(await filtered(['half_approved']));
      expect(c.approved).toBe(await filtered(['approved']));
      expect(c.proposed + c.half_approved + c.approved + c.rejected + c.needs_discussion).toBe(
        c.total,
      );
      return c;
    };
    // ES approves three; CBS approves one of them: one approved, two half approved.
    await decide(t, crosswalkId, ids.slice(0, 3), 'approved');
    await as(t, CBS_STEWARD, () => decide(t, crosswalkId, [ids[0]!], 'approved'));
    expect(await expectConsistent()).toMatchObject({
      total: 678,
      approved: 1,
      half_approved: 2,
      proposed: 675,
    });

    // Blind: CBS does not learn of ES's two lone approvals, in the counts as in the filter.
    await as(t, ES_LEAD, () => t.call('crosswalks.setBlindMode', { crosswalkId, on: true }));
    expect(await expectConsistent()).toMatchObject({ half_approved: 2, proposed: 675 });
    await switchTo(t, CBS_STEWARD);
    expect(await expectConsistent()).toMatchObject({
      approved: 1,
      half_approved: 0,
      proposed: 677,
    });
    const listed = (await t.call('crosswalks.list', {})).find((c) => c.id === crosswalkId)!;
    expect(listed.counts).toMatchObject({ half_approved: 0, proposed: 677 });
    // CBS's own lone approval is its own to see.
    await decide(t, crosswalkId, [ids[5]!], 'approved');
    expect(await expectConsistent()).toMatchObject({ half_approved: 1, proposed: 676 });
    await t.close();
  });
});
