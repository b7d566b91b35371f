import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './harness';
import { BROWSER_HOST, connect, kill, startHost, type HostProcess } from './host-client';

/**
 * The real browser host process, SIGKILLed at random moments during a stream of decisions. Every
 * decision whose reply arrived (confirmed) must be there after reopening; the one in flight at the
 * moment of the kill may or may not be; none that was never sent may appear.
 */
describe('SIGKILL during a stream of decisions', () => {
  beforeAll(() => {
    if (!fs.existsSync(BROWSER_HOST)) throw new Error(`Build first (npm run build): ${BROWSER_HOST} is missing`);
  });

  it('loses nothing confirmed and invents nothing, over several kills', { timeout: 180_000 }, async () => {
    const dir = tempDir('gesher-kill-');
    let host: HostProcess = await startHost(dir);
    await host.call('profile.create', { name: 'Kill Tester', agency: 'CBS', role: 'steward' });
    const [crosswalk] = await host.call('crosswalks.list', {});
    expect(crosswalk, 'the demo workspace has a crosswalk').toBeDefined();
    const rows = (await host.call('crosswalks.rows', { crosswalkId: crosswalk!.id, offset: 0, limit: 400, sort: [{ colId: 'sourceCode', dir: 'asc' }] })).rows;
    const ids = rows.map((r) => r.mappingId).filter((id): id is number => id !== null);
    expect(ids.length).toBeGreaterThan(300);

    const confirmed = new Map<number, string>();
    let inFlight: { id: number; comment: string } | null = null;
    let next = 0;
    for (let round = 0; round < 5; round++) {
      const killAfterMs = 50 + Math.floor(Math.random() * 250);
      const stopAt = Date.now() + killAfterMs;
      const stream = (async () => {
        while (next < ids.length) {
          const id = ids[next]!;
          const comment = `decision ${next} round ${round}`;
          inFlight = { id, comment };
          next++;
          try {
            await host.call('crosswalks.decide', { crosswalkId: crosswalk!.id, mappingIds: [id], status: 'approved', comment });
          } catch {
            return; // the host died under this request
          }
          confirmed.set(id, comment);
          inFlight = null;
          if (Date.now() > stopAt) return;
        }
      })();
      await new Promise((r) => setTimeout(r, killAfterMs));
      await kill(host, 'SIGKILL');
      await stream;
      host = await startHost(dir);
      const after = (await host.call('crosswalks.rows', { crosswalkId: crosswalk!.id, offset: 0, limit: 400, sort: [{ colId: 'sourceCode', dir: 'asc' }] })).rows;
      const approved = new Map(after.filter((r) => r.status === 'approved').map((r) => [r.mappingId!, r.comment]));
      for (const [id, comment] of confirmed) expect(approved.get(id), `confirmed decision on mapping ${id}`).toBe(comment);
      const extra = [...approved.keys()].filter((id) => !confirmed.has(id));
      const allowed = inFlight ? [(inFlight as { id: number }).id] : [];
      expect(extra.filter((id) => !allowed.includes(id)), 'decisions that were never confirmed nor in flight').toEqual([]);
      for (const id of extra) confirmed.set(id, approved.get(id)!);
      inFlight = null;
    }
    expect(confirmed.size).toBeGreaterThan(5);
    await kill(host, 'SIGTERM');
  });

  it('refuses a WebSocket without the launch token, or from another origin', async () => {
    const host = await startHost(tempDir('gesher-token-'));
    const base = `ws://127.0.0.1:${host.port}/rpc`;
    await expect(connect(base)).rejects.toThrow(/401/);
    await expect(connect(`${base}?token=wrong-token-of-the-same-length-xxxxxxx`)).rejects.toThrow(/401/);
    await expect(connect(`${base}?token=${host.token}`, 'http://evil.example')).rejects.toThrow(/401/);
    const ok = await connect(`${base}?token=${host.token}`, `http://127.0.0.1:${host.port}`);
    ok.close();
    await kill(host, 'SIGTERM');
  });
});
