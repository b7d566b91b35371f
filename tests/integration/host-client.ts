import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';
import type { MethodName, Params, Result } from '../../shared/contract';
import { createClient, type RpcClient } from '../../shared/rpc/client';
import { isServerMessage, type ServerMessage } from '../../shared/rpc/wire';
import { REPO_ROOT } from './harness';

export interface HostProcess {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  client: RpcClient;
  socket: WebSocket;
  call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>>;
}

export const BROWSER_HOST = path.join(REPO_ROOT, 'dist', 'electron', 'browser-host.cjs');

/** Starts the real browser host process on a workspace and connects to it over its WebSocket. */
export async function startHost(workspaceDir: string): Promise<HostProcess> {
  const child = spawn(process.execPath, [BROWSER_HOST, '--workspace', workspaceDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /GESHER_URL (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token')!;
  const socket = await connect(
    `ws://${parsed.host}/rpc?token=${encodeURIComponent(token)}`,
    parsed.origin,
  );
  const client = createClient({
    send: (m) => socket.send(JSON.stringify(m)),
    onMessage: (listener: (m: ServerMessage) => void) => {
      const onMessage = (data: WebSocket.RawData) => {
        const m: unknown = JSON.parse(data.toString());
        if (isServerMessage(m)) listener(m);
      };
      socket.on('message', onMessage);
      return () => socket.off('message', onMessage);
    },
    onDisconnect: (listener) => {
      socket.on('close', listener);
      return () => socket.off('close', listener);
    },
  });
  return {
    child,
    url,
    port: Number(parsed.port),
    token,
    client,
    socket,
    call: (m, p) => client.call(m, p),
  };
}

export function connect(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) =>
      reject(new Error(`refused with HTTP ${res.statusCode}`)),
    );
  });
}

export function kill(host: HostProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (host.child.exitCode !== null || host.child.signalCode !== null) return resolve();
    host.child.once('exit', () => resolve());
    host.socket.terminate();
    host.child.kill(signal);
  });
}
