import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { isRequestMessage, type ServerMessage } from '../../../shared/rpc/wire';
import type { BackendThread } from '../backend/backend-thread';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Same CSP as the Electron window, plus the loopback WebSocket this host talks over. */
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connectSrc}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface LoopbackServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser host's transport: the renderer build over HTTP and the contract over a WebSocket,
 * on 127.0.0.1 only, a random port, and a per-launch token that every connection must present.
 */
export async function startLoopbackServer(options: {
  backend: BackendThread;
  rendererDir: string;
  port?: number;
  token?: string;
}): Promise<LoopbackServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererRoot = path.resolve(options.rendererDir);
  let origin = '';

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = path.resolve(rendererRoot, rel);
    if (
      !file.startsWith(rendererRoot + path.sep) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    ) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy(
        `ws://127.0.0.1:${(server.address() as { port: number }).port}`,
      ),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 * 1024 });
  const sockets = new Set<WebSocket>();
  // Each window numbers its own requests; the server renumbers them so replies reach their sender.
  const inFlight = new Map<number, { ws: WebSocket; id: number }>();
  let nextId = 1;

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const presented = url.searchParams.get('token') ?? '';
    const tokenOk =
      presented.length === token.length &&
      crypto.timingSafeEqual(Buffer.from(presented), Buffer.from(token));
    const originOk = !req.headers.origin || req.headers.origin === origin;
    if (url.pathname !== '/rpc' || !tokenOk || !originOk) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        let message: unknown;
        try {
          message = JSON.parse(data.toString());
        } catch {
          return;
        }
        if (!isRequestMessage(message)) return;
        const id = nextId++;
        inFlight.set(id, { ws, id: message.id });
        options.backend.send({ ...message, id });
      });
    });
  });

  options.backend.onMessage((message: ServerMessage) => {
    if (message.kind === 'reply') {
      const origin = inFlight.get(message.id);
      if (!origin) return;
      inFlight.delete(message.id);
      if (origin.ws.readyState === origin.ws.OPEN)
        origin.ws.send(JSON.stringify({ ...message, id: origin.id }));
      return;
    }
    const text = JSON.stringify(message);
    for (const ws of sockets) ws.send(text);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as { port: number }).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}
