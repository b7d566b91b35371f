import { describe, expect, it } from 'vitest';
import { RpcError } from '../../shared/rpc/errors';
import { loadIscoCrosswalk } from './crosswalk-fixture';
import { openTestBackend, openWithSteward, type TestBackend } from './harness';

/** A clock that moves one second per reading, so the order things happened in is unambiguous. */
function steppingClock(): () => string {
  let t = Date.parse('2026-03-01T08:00:00.000Z');
  return () => new Date((t += 1000)).toISOString();
}

async function mappingIdsOf(t: TestBackend, crosswalkId: string, sourceCodes: string[]) {
  const page = await t.call('crosswalks.rows', {
    crosswalkId,
    offset: 0,
    limit: 1000,
    sort: [{ colId: 'sourceCode', dir: 'asc' }],
    filter: {},
  });
  return sourceCodes.map((code) => page.rows.find((r) => r.sourceCode === code)!.mappingId!);
}

describe('mapping comment threads and the discussion queue', () => {
  it('a thread holds decision comments and plain comments, oldest first, and survives a restart', async () => {
    const now = steppingClock();
    const t = await openWithSteward({ name: 'Dana Levi', agency: 'ES', role: 'steward' }, { now });
    const { crosswalkId } = await loadIscoCrosswalk(t);
    // ISCO-88 0110 (armed forces) and 1110 (legislators), both from the ILO correspondence.
    const [armed, legislators] = await mappingIdsOf(t, crosswalkId, ['0110', '1110']);

    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [armed!],
      status: 'needs_discussion',
      comment: 'האם קצינים נכללים כאן?',
    });
    const added = await t.call('comments.add', {
      crosswalkId,
      mappingId: armed!,
      text: 'CBS: see note 3 of ISCO-08 major group 0',
    });
    expect(added).toMatchObject({ kind: 'comment', stewardName: 'Dana Levi', agency: 'ES' });
    // A status decision without a comment does not add to the thread; one with a comment does.
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [armed!], status: 'approved' });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [armed!],
      relation: 'close',
      comment: 'Only commissioned officers',
    });

    const thread = await t.call('comments.list', { mappingId: armed! });
    expect(thread.map((c) => [c.kind, c.status, c.text])).toEqual([
      ['decision', 'needs_discussion', 'האם קצינים נכללים כאן?'],
      ['comment', null, 'CBS: see note 3 of ISCO-08 major group 0'],
      ['decision', null, 'Only commissioned officers'],
    ]);
    expect(thread.map((c) => c.at)).toEqual([...thread.map((c) => c.at)].sort());
    expect(await t.call('comments.list', { mappingId: legislators! })).toEqual([]);

    // The plain comment is in the audit log with its text.
    const audit = await t.call('audit.list', {
      offset: 0,
      limit: 50,
      filter: { action: 'mapping.comment' },
    });
    expect(audit.rows.map((r) => [r.entityId, r.comment])).toEqual([
      [String(armed), 'CBS: see note 3 of ISCO-08 major group 0'],
    ]);

    const dir = t.dir;
    await t.close();
    const again = await openTestBackend({ workspaceDir: dir, now });
    expect(await again.call('comments.list', { mappingId: armed! })).toEqual(thread);
    await again.close();
  });

  it('refuses comments from a viewer and blank comments', async () => {
    const t = await openWithSteward({ name: 'Dana Levi', agency: 'ES', role: 'steward' });
    const { crosswalkId } = await loadIscoCrosswalk(t);
    const [id] = await mappingIdsOf(t, crosswalkId, ['0110']);
    const blank = await t.reply('comments.add', { crosswalkId, mappingId: id!, text: '   ' });
    expect(blank.ok).toBe(false);

    await t.call('profile.create', { name: 'Yossi Cohen', agency: 'CBS', role: 'viewer' });
    const refused = await t.reply('comments.add', {
      crosswalkId,
      mappingId: id!,
      text: 'Looks right',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(RpcError.fromBody(refused.error).code).toBe('forbidden');
    // A viewer still reads the thread and the queue.
    expect(await t.call('comments.list', { mappingId: id! })).toEqual([]);
    expect((await t.call('discussion.queue', { crosswalkId, offset: 0, limit: 10 })).total).toBe(0);
    await t.close();
  });

  it('queues needs-discussion mappings in the order they were marked, with their latest comments', async () => {
    const now = steppingClock();
    const t = await openWithSteward({ name: 'Dana Levi', agency: 'ES', role: 'steward' }, { now });
    const { crosswalkId } = await loadIscoCrosswalk(t);
    const [a, b, c] = await mappingIdsOf(t, crosswalkId, ['1110', '2111', '0110']);

    // Marked in the order a, b, c; b and c in one bulk decision (same instant: the lower id first).
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [a!],
      status: 'needs_discussion',
    });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [b!, c!],
      status: 'needs_discussion',
      comment: 'לדיון בוועדה',
    });
    for (let i = 1; i <= 4; i++)
      await t.call('comments.add', { crosswalkId, mappingId: b!, text: `note ${i}` });

    const queue = await t.call('discussion.queue', { crosswalkId, offset: 0, limit: 10 });
    expect(queue.total).toBe(3);
    expect(queue.items.map((i) => i.row.mappingId)).toEqual([a, b, c]);
    expect(queue.items.map((i) => i.row.sourceCode)).toEqual(['1110', '2111', '0110']);
    expect(queue.items.map((i) => i.commentCount)).toEqual([1, 5, 1]);
    expect(queue.items[1]!.latestComments.map((x) => x.text)).toEqual([
      'note 2',
      'note 3',
      'note 4',
    ]);
    expect(queue.items[0]!.latestComments[0]).toMatchObject({ kind: 'decision', text: null });

    // Paging, and a decided mapping leaves the queue.
    const second = await t.call('discussion.queue', { crosswalkId, offset: 1, limit: 1 });
    expect(second.items.map((i) => i.row.mappingId)).toEqual([b]);
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [b!], status: 'approved' });
    const after = await t.call('discussion.queue', { crosswalkId, offset: 0, limit: 10 });
    expect(after.items.map((i) => i.row.mappingId)).toEqual([a, c]);

    // Marking a again moves it behind c.
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [a!], status: 'proposed' });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [a!],
      status: 'needs_discussion',
    });
    const dir = t.dir;
    await t.close();
    const again = await openTestBackend({ workspaceDir: dir, now });
    const restarted = await again.call('discussion.queue', { crosswalkId, offset: 0, limit: 10 });
    expect(restarted.items.map((i) => i.row.mappingId)).toEqual([c, a]);
    await again.close();
  });
});
