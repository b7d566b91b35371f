import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBackendThread } from '../backend/backend-thread';
import { appRoot, defaultWorkspaceDir } from '../paths';
import { startLoopbackServer } from '../transports/ws-server';

/**
 * The browser host: the same backend and renderer as the Electron app, served to Chromium over a
 * loopback WebSocket. `--open` starts a Chromium app window when a display is available.
 */
interface Args {
  workspace: string;
  port: number;
  open: boolean;
  chromium: string | null;
}

function parseArgs(argv: string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    workspace: path.resolve(value('--workspace') ?? defaultWorkspaceDir()),
    port: Number(value('--port') ?? 0),
    open: argv.includes('--open'),
    chromium: value('--chromium') ?? null,
  };
}

function findChromium(explicit: string | null): string | null {
  const candidates = [
    explicit,
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((c): c is string => !!c && fs.existsSync(c)) ?? null;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const root = appRoot();
  const backend = await startBackendThread({
    workspaceDir: args.workspace,
    resourcesDir: path.join(root, 'resources'),
    host: 'browser',
  });
  const server = await startLoopbackServer({
    backend,
    rendererDir: path.join(root, 'dist', 'renderer'),
    port: args.port,
  });
  // The test harness and `npm start` read this line.
  console.log(`GESHER_URL ${server.url}`);
  console.log(`Workspace: ${args.workspace}`);

  let shuttingDown = false;
  const shutdown = async () => {
    if (shuttingDown) return;
    shuttingDown = true;
    await backend.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());

  if (!args.open) return;
  const chromium = findChromium(args.chromium);
  const hasDisplay =
    process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  if (!chromium || !hasDisplay) {
    console.log(
      !chromium
        ? 'No Chromium found to open a window. Open this address in a browser on this machine:'
        : 'No display found. Open this address in a browser on this machine:',
    );
    console.log(`  ${server.url}`);
    return;
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gesher-chromium-'));
  const child = spawn(
    chromium,
    [
      `--app=${server.url}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    { stdio: 'ignore' },
  );
  child.on('exit', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(`Gesher could not start: ${(error as Error).message}`);
  process.exit(1);
});
