import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestBackend, tempDir } from './harness';

const DB = 'workspace.gesher';
const JOURNAL = 'workspace.journal';

async function workspaceWithStewards(names: string[], options: { snapshotAfter?: number } = {}) {
  const t = await openTestBackend();
  for (const [i, name] of names.entries()) {
    await t.call('profile.create', { name, agency: i % 2 ? 'CBS' : 'ES', role: 'steward' });
    if (options.snapshotAfter === i + 1) await t.call('workspace.snapshot', {});
  }
  return t;
}

/** Simulates a crash: the process dies without a final snapshot. */
async function crash(t: Awaited<ReturnType<typeof openTestBackend>>) {
  t.backend.deps.db.close({ snapshot: false });
}

async function stewardNames(
  dir: string,
): Promise<{ names: string[]; info: { recoveredFrom: string; replayedEntries: number } }> {
  const t = await openTestBackend({ workspaceDir: dir });
  const names = (await t.call('profile.list', {})).map((s) => s.name).sort();
  const info = await t.call('workspace.info', {});
  await t.close();
  return { names, info };
}

describe('durability of confirmed decisions', () => {
  it('replays the journal over the last snapshot after a crash', async () => {
    const t = await workspaceWithStewards(['a', 'b', 'c', 'd'], { snapshotAfter: 2 });
    await crash(t);
    const { names, info } = await stewardNames(t.dir);
    expect(names).toEqual(['a', 'b', 'c', 'd']);
    expect(info.recoveredFrom).toBe('snapshot');
    expect(info.replayedEntries).toBeGreaterThan(0);
  });

  it('ignores a torn last journal line: a write that never finished was never confirmed', async () => {
    const t = await workspaceWithStewards(['a', 'b']);
    await crash(t);
    fs.appendFileSync(path.join(t.dir, JOURNAL), '{"seq":99,"stmts":[["INSERT INTO stewards');
    const { names } = await stewardNames(t.dir);
    expect(names).toEqual(['a', 'b']);
  });

  it('detects a truncated snapshot and falls back to the previous one plus the journal', async () => {
    const t = await workspaceWithStewards(['a', 'b', 'c'], { snapshotAfter: 1 });
    await t.call('workspace.snapshot', {});
    await t.call('profile.create', { name: 'd', agency: 'ES', role: 'steward' });
    await crash(t);
    const file = path.join(t.dir, DB);
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { names, info } = await stewardNames(t.dir);
    expect(info.recoveredFrom).toBe('previous_snapshot');
    expect(names).toEqual(['a', 'b', 'c', 'd']);

    // The damaged file was set aside, never made the fallback: the previous snapshot is still good.
    const files = fs.readdirSync(t.dir);
    expect(files.some((f) => f.startsWith(`${DB}.damaged-`))).toBe(true);
    const prev = fs.readFileSync(path.join(t.dir, `${DB}.prev`));
    expect(prev.length).toBeGreaterThan(bytes.length / 2);
    fs.rmSync(file);
    fs.rmSync(`${file}.sum`);
    expect((await stewardNames(t.dir)).names).toEqual(['a', 'b', 'c', 'd']);
  });

  it('detects flipped bytes in a snapshot through its checksum', async () => {
    const t = await workspaceWithStewards(['a', 'b'], { snapshotAfter: 1 });
    await t.call('workspace.snapshot', {});
    await crash(t);
    const file = path.join(t.dir, DB);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(file, bytes);
    const { names, info } = await stewardNames(t.dir);
    expect(info.recoveredFrom).toBe('previous_snapshot');
    expect(names).toEqual(['a', 'b']);
  });

  it('a half-written temp snapshot never replaces the good one', async () => {
    const t = await workspaceWithStewards(['a']);
    await crash(t);
    fs.writeFileSync(path.join(t.dir, `${DB}.tmp`), Buffer.from('SQLite format 3\0garbage'));
    const { names, info } = await stewardNames(t.dir);
    expect(info.recoveredFrom).toBe('snapshot');
    expect(names).toEqual(['a']);
  });

  it('refuses to open when no snapshot is usable instead of starting empty', async () => {
    const t = await workspaceWithStewards(['a']);
    await t.close();
    for (const f of [DB, `${DB}.prev`])
      if (fs.existsSync(path.join(t.dir, f)))
        fs.writeFileSync(path.join(t.dir, f), 'not a database');
    await expect(openTestBackend({ workspaceDir: t.dir })).rejects.toMatchObject({
      code: 'corrupt_workspace',
    });
  });

  it('keeps the journal short: a snapshot compacts what both snapshots already hold', async () => {
    const t = await workspaceWithStewards(['a', 'b', 'c']);
    await t.call('workspace.snapshot', {});
    await t.call('workspace.snapshot', {});
    await t.close();
    expect(fs.readFileSync(path.join(t.dir, JOURNAL), 'utf8')).toBe('');
  });

  it('creates a new workspace in an empty folder', async () => {
    const dir = tempDir();
    const { info } = await stewardNames(dir);
    expect(info.recoveredFrom).toBe('new');
  });
});
