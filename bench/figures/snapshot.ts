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
  worker: SnapshotRun[];
}

async function watched(call: () => Promise<{ bytes: number; ms: number }>): Promise<SnapshotRun> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  // Something for the main thread to do meanwhile, as IPC traffic would.
  const tick = setInterval(() => {}, 1);
  histogram.enable();
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
    const worker: SnapshotRun[] = [];
    for (let i = 0; i < runs; i++) worker.push(await watched(() => call('workspace.snapshot', {})));
    return { openMs, worker };
  } finally {
    await thread.close();
  }
}
