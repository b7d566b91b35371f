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
    if (!fs.existsSync(BROWSER_HOST))
      throw new Error(`Build first (npm run build): ${BROWSER_HOST} is missing`);
  });

  it(
    'loses nothing confirmed and invents nothing, over several kills',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir('gesher-kill-');
      let host: HostProcess = await startHost(dir);
      await host.call('profile.create', { name: 'Kill Tester', agency: 'CBS', role: 'steward' });
      const [crosswalk] = await host.call('crosswalks.list', {});
      expect(crosswalk, 'the demo workspace has a crosswalk').toBeDefined();
      const rows = (
        await host.call('crosswalks.rows', {
          crosswalkId: crosswalk!.id,
          offset: 0,
          limit: 1000,
          sort: [{ colId: 'sourceCode', dir: 'asc' }],
        })
      ).rows;
      // A small set of mappings, so that the stream decides each of them several times.
      const ids = rows
        .map((r) => r.mappingId)
        .filter((id): id is number => id !== null)
        .slice(0, 40);
      expect(ids).toHaveLength(40);

      // Decision n sets mapping ids[n % ids.length] with a unique comment; the last confirmed one per mapping must win.
      const STATUSES = ['approved', 'rejected', 'needs_discussion'] as const;
      const confirmed = new Map<number, string>();
      let confirmedCount = 0;
      let next = 0;
      const rowsNow = async () =>
        new Map(
          (
            await host.call('crosswalks.rows', {
              crosswalkId: crosswalk!.id,
              offset: 0,
              limit: 1000,
              sort: [{ colId: 'sourceCode', dir: 'asc' }],
            })
          ).rows.map((r) => [r.mappingId!, r.comment] as const),
        );
      for (let round = 0; round < 6; round++) {
        const killAfterMs = 30 + Math.floor(Math.random() * 300);
        let inFlight: { id: number; comment: string } | null = null;
        let stopped = false;
        const stream = (async () => {
          while (!stopped) {
            const id = ids[next % ids.length]!;
            const comment = `decision ${next}`;
            const status = STATUSES[next % STATUSES.length]!;
            inFlight = { id, comment };
            next++;
            try {
              await host.call('crosswalks.decide', {
                crosswalkId: crosswalk!.id,
                mappingIds: [id],
                status,
                comment,
              });
            } catch {
              return; // the host died under this request: it stays "in flight"
            }
            confirmed.set(id, comment);
            confirmedCount++;
            inFlight = null;
          }
        })();
        await new Promise((r) => setTimeout(r, killAfterMs));
        await kill(host, 'SIGKILL');
        stopped = true;
        await stream;
        host = await startHost(dir);
        const after = await rowsNow();
        const pending = inFlight as { id: number; comment: string } | null;
        for (const [id, comment] of confirmed) {
          const found = after.get(id);
          if (pending && pending.id === id && found === pending.comment) continue; // the in-flight one was durable
          expect(found, `last confirmed decision on mapping ${id}`).toBe(comment);
        }
        const unexplained = [...after].filter(
          ([id, comment]) =>
            comment?.startsWith('decision ') &&
            confirmed.get(id) !== comment &&
            !(pending && pending.id === id && pending.comment === comment),
        );
        expect(unexplained, 'decisions that were never confirmed nor in flight').toEqual([]);
        if (pending && after.get(pending.id) === pending.comment)
          confirmed.set(pending.id, pending.comment);
      }
      expect(confirmedCount, 'decisions confirmed across all rounds').toBeGreaterThan(50);
      expect(next, 'the stream wrapped around the mappings, deciding some twice').toBeGreaterThan(
        ids.length,
      );
      await kill(host, 'SIGTERM');
    },
  );

  it('refuses a WebSocket without the launch token, or from another origin', async () => {
    const host = await startHost(tempDir('gesher-token-'));
    const base = `ws://127.0.0.1:${host.port}/rpc`;
    await expect(connect(base)).rejects.toThrow(/401/);
    await expect(connect(`${base}?token=wrong-token-of-the-same-length-xxxxxxx`)).rejects.toThrow(
      /401/,
    );
    await expect(connect(`${base}?token=${host.token}`, 'http://evil.example')).rejects.toThrow(
      /401/,
    );
    const ok = await connect(`${base}?token=${host.token}`, `http://127.0.0.1:${host.port}`);
    ok.close();
    await kill(host, 'SIGTERM');
  });
});
