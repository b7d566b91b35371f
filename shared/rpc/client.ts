import type { MethodName, Params, Result } from '../contract';
import type { EventName, EventPayload } from '../contract/events';
import { RpcError } from './errors';
import type { Reply, ServerMessage, Transport } from './wire';

type Listener = (payload: unknown) => void;

export interface RpcClient {
  call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>>;
  /** The envelope itself, for callers that branch on error codes without exceptions. */
  callReply<M extends MethodName>(method: M, params: Params<M>): Promise<Reply<Result<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Typed proxy over any transport (Electron IPC, WebSocket, in-process). */
export function createClient(transport: Transport): RpcClient {
  let nextId = 1;
  const pending = new Map<number, (reply: Reply<unknown>) => void>();
  const listeners = new Map<string, Set<Listener>>();

  transport.onMessage((message: ServerMessage) => {
    if (message.kind === 'reply') {
      const resolve = pending.get(message.id);
      if (resolve) {
        pending.delete(message.id);
        resolve(message.reply);
      }
      return;
    }
    for (const listener of listeners.get(message.name) ?? []) listener(message.payload);
  });

  // A request in flight when the connection drops will never be answered: fail it, so the UI
  // never shows a decision as pending forever (and never as saved).
  transport.onDisconnect?.(() => {
    const waiting = [...pending.values()];
    pending.clear();
    for (const resolve of waiting) {
      resolve({
        ok: false,
        error: {
          code: 'disconnected',
          message: 'The connection to the workspace was lost before it answered.',
        },
      });
    }
  });

  const callReply = <M extends MethodName>(method: M, params: Params<M>) =>
    new Promise<Reply<Result<M>>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (reply: Reply<unknown>) => void);
      transport.send({ kind: 'request', id, method, params });
    });

  return {
    callReply,
    async call(method, params) {
      const reply = await callReply(method, params);
      if (!reply.ok) throw RpcError.fromBody(reply.error);
      return reply.value;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
  };
}
