import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { isServerMessage, type RequestMessage, type ServerMessage } from '../../../shared/rpc/wire';
import type { BackendOptions } from './backend';

export interface BackendThread {
  send(message: RequestMessage): void;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  close(): Promise<void>;
}

/** Starts the backend in a worker thread; resolves when the workspace is open. */
export function startBackendThread(
  options: Omit<BackendOptions, 'onEvent'>,
  workerFile = path.join(__dirname, 'worker.cjs'),
): Promise<BackendThread> {
  const worker = new Worker(workerFile, { workerData: options });
  const listeners = new Set<(m: ServerMessage) => void>();
  return new Promise((resolve, reject) => {
    let closedResolve: (() => void) | null = null;
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (closedResolve) closedResolve();
      else reject(new Error(`backend thread exited with code ${code}`));
    });
    worker.on('message', (message: unknown) => {
      if (isServerMessage(message)) {
        for (const l of listeners) l(message);
        return;
      }
      const m = message as { kind: string; error?: { message: string } };
      if (m.kind === 'ready') {
        resolve({
          send: (request) => worker.postMessage(request),
          onMessage: (listener) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
          },
          close: () =>
            new Promise<void>((done) => {
              closedResolve = done;
              worker.postMessage({ kind: 'close' });
              worker.once('message', () => void worker.terminate());
            }),
        });
      } else if (m.kind === 'fatal') {
        reject(new Error(m.error?.message ?? 'backend failed to open the workspace'));
        void worker.terminate();
      }
    });
  });
}
