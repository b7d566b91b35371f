import { parentPort, workerData } from 'node:worker_threads';
import { toErrorBody } from '../../../shared/rpc/errors';
import { isRequestMessage } from '../../../shared/rpc/wire';
import { Backend, type BackendOptions } from './backend';

/** The backend thread: sql.js and every service run here, off the host's main (UI/IPC) thread. */
export type WorkerInbound =
  { kind: 'close' } | { kind: 'request'; id: number; method: string; params: unknown };
export type WorkerOutbound =
  | { kind: 'ready' }
  | { kind: 'fatal'; error: { code: string; message: string } }
  | { kind: 'closed' };

const port = parentPort;
if (!port) throw new Error('worker-entry must run in a worker thread');

const options = workerData as Omit<BackendOptions, 'onEvent'>;

Backend.open({ ...options, onEvent: (event) => port.postMessage(event) }).then(
  (backend) => {
    port.on('message', (message: unknown) => {
      if (isRequestMessage(message)) {
        void backend.handle(message).then((reply) => port.postMessage(reply));
      } else if ((message as { kind?: string }).kind === 'close') {
        void backend
          .close()
          .then(() => port.postMessage({ kind: 'closed' } satisfies WorkerOutbound));
      }
    });
    port.postMessage({ kind: 'ready' } satisfies WorkerOutbound);
  },
  (error: unknown) =>
    port.postMessage({ kind: 'fatal', error: toErrorBody(error) } satisfies WorkerOutbound),
);
