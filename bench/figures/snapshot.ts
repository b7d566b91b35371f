import { spawn } from 'node:child_process';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startBackendThread, type BackendThread } from '../../electron/host/backend/backend-thread';
import type { MethodName, Params, Result } from '../../shared/contract';
import { createClient } from '../../shared/rpc/client';
import type { TestBackend } from '../../tests/integration/harness';

/**
 * `workspace.snapshot` with the backend in its worker thread (as both hosts run it), while the
 * main thread's event-loop delay is watched: the snapshot must not stall the UI/IPC thread.
 * For contrast, the same call with the backend on the main thread (in-process).
 */
export interface SnapshotRun {
  ms: number;
  bytes: number;
  loopDelayMaxMs: number;
}

export interface SnapshotFigures {
  openMs: number;
  /** The main thread's loop delay over an idle second with the worker open: the floor to compare with. */
  idleLoopDelayMaxMs: number;
  worker: SnapshotRun[];
  /** The same call with the backend on the main thread (filled by the probe). */
  mainThread?: SnapshotRun;
}

async function watched(call: () => Promise<{ bytes: number; ms: number }>): Promise<SnapshotRun> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  // Something for the main thread to do meanwhile, as IPC traffic would.
  const tick = setInterval(() => {}, 1);
  histogram.enable();
  // The histogram records from its second tick on: let it take a first one before the call.
  await new Promise((resolve) => setTimeout(resolve, 10));
  const started = performance.now();
  const reply = await call();
  const ms = performance.now() - started;
  // A blocked loop is recorded by the next timer tick after it: let a few run before reading.
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  clearInterval(tick);
  return { ms, bytes: reply.bytes, loopDelayMaxMs: histogram.max / 1e6 };
}

export async function snapshotOnMainThread(t: TestBackend): Promise<SnapshotRun> {
  return watched(() => t.call('workspace.snapshot', {}));
}

function threadClient(thread: BackendThread) {
  const client = createClient({
    send: (m) => thread.send(m),
    onMessage: (l) => thread.onMessage(l),
  });
  return <M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>> =>
    client.call(method, params);
}

export async function measureSnapshotInWorker(
  workspaceDir: string,
  runs = 3,
): Promise<SnapshotFigures> {
  const started = performance.now();
  const thread = await startBackendThread(
    {
      workspaceDir,
      resourcesDir: path.resolve('resources'),
      host: 'test',
      snapshotIntervalMs: 0,
      seedDemo: false,
    },
    path.resolve('dist', 'electron', 'worker.cjs'),
  );
  const openMs = performance.now() - started;
  const call = threadClient(thread);
  try {
    const idle = await watched(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { bytes: 0, ms: 0 };
    });
    const worker: SnapshotRun[] = [];
    for (let i = 0; i < runs; i++) worker.push(await watched(() => call('workspace.snapshot', {})));
    return { openMs, idleLoopDelayMaxMs: idle.loopDelayMaxMs, worker };
  } finally {
    await thread.close();
  }
}

/**
 * Runs the worker-thread measurement in a fresh small process (bench/snapshot-probe.ts), so that
 * the bench's own heap (a million generated rows) and its garbage collection do not show up as
 * main-thread delay.
 */
export function measureSnapshotInProbe(workspaceDir: string): Promise<SnapshotFigures> {
  return new Promise((resolve, reject) => {
    const tsx = require.resolve('tsx/cli');
    const child = spawn(
      process.execPath,
      [tsx, path.resolve('bench', 'snapshot-probe.ts'), workspaceDir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code === 0 && line) resolve(JSON.parse(line) as SnapshotFigures);
      else reject(new Error(`snapshot probe exited with ${code}: ${out.slice(-300)}`));
    });
  });
}
