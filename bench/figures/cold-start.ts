import fs from 'node:fs';
import path from 'node:path';
import { kill, startHost } from '../../tests/integration/host-client';
import { prng } from '../generate';
import { mb } from '../stats';
import { BLOCK, GRID_VIEWS, blockOffsets } from '../views';

/**
 * A fresh browser-host process on the 1M-row workspace: from spawn to the first grid rows over
 * its WebSocket, as the renderer asks for them (workspace.info, crosswalks.list, crosswalks.rows).
 * Then it works a little (a sorted view, blocks, a snapshot) and its memory is read from /proc.
 */
export interface ColdStartFigures {
  firstRowsMs: number;
  urlMs: number;
  dbBytes: number;
  rssAfterFirstRows: number;
  rssAfterWork: number;
  peakRss: number;
}

function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) =>
    Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

export async function measureColdStart(workspaceDir: string): Promise<ColdStartFigures> {
  const started = performance.now();
  const host = await startHost(workspaceDir);
  const urlMs = performance.now() - started;
  try {
    await host.call('workspace.info', {});
    const [cw] = await host.call('crosswalks.list', {});
    if (!cw) throw new Error('the workspace has no crosswalk');
    const first = await host.call('crosswalks.rows', {
      crosswalkId: cw.id,
      offset: 0,
      limit: BLOCK,
      sort: [],
      filter: {},
    });
    const firstRowsMs = performance.now() - started;
    if (first.rows.length === 0) throw new Error('no rows');
    const pid = host.child.pid!;
    const afterFirst = memory(pid);

    const view = GRID_VIEWS[0]!;
    const rand = prng(17);
    const { total } = await host.call('crosswalks.rows', {
      crosswalkId: cw.id,
      offset: 0,
      limit: BLOCK,
      sort: view.sort,
      filter: view.filter,
    });
    for (const offset of blockOffsets(total, 50, rand)) {
      await host.call('crosswalks.rows', {
        crosswalkId: cw.id,
        offset,
        limit: BLOCK,
        sort: view.sort,
        filter: view.filter,
      });
    }
    await host.call('workspace.snapshot', {});
    const afterWork = memory(pid);
    return {
      firstRowsMs,
      urlMs,
      dbBytes: fs.statSync(path.join(workspaceDir, 'workspace.gesher')).size,
      rssAfterFirstRows: afterFirst.rss,
      rssAfterWork: afterWork.rss,
      peakRss: afterWork.peak,
    };
  } finally {
    await kill(host, 'SIGTERM');
  }
}

export const memoryLimit = (dbBytes: number) => 50 * 1024 * 1024 + 2.5 * dbBytes;
export { mb };
