import type { RpcErrorBody } from './errors';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: RpcErrorBody };

export interface RequestMessage {
  kind: 'request';
  id: number;
  method: string;
  params: unknown;
}

export interface ReplyMessage {
  kind: 'reply';
  id: number;
  reply: Reply<unknown>;
}

export interface EventMessage {
  kind: 'event';
  name: string;
  payload: unknown;
}

export type ServerMessage = ReplyMessage | EventMessage;

/** What every host offers the renderer: send a request, receive replies and events. Only this differs per host. */
export interface Transport {
  send(message: RequestMessage): void;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** Called when the connection drops: requests in flight will get no reply. */
  onDisconnect?(listener: () => void): () => void;
}

export function isServerMessage(value: unknown): value is ServerMessage {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'reply' || kind === 'event';
}

export function isRequestMessage(value: unknown): value is RequestMessage {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<RequestMessage>;
  return v.kind === 'request' && typeof v.id === 'number' && typeof v.method === 'string';
}
