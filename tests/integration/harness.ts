import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Backend, type BackendOptions } from '../../electron/host/backend/backend';
import type { MethodName, Params, Result } from '../../shared/contract';
import { RpcError } from '../../shared/rpc/errors';
import type { EventMessage, Reply } from '../../shared/rpc/wire';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const DATA_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'data');
export const CLASSIFICATIONS_DIR = path.join(DATA_DIR, 'classifications');

export interface TestBackend {
  backend: Backend;
  dir: string;
  events: EventMessage[];
  call<M extends MethodName>(method: M, params: Params<M>): Promise<Result<M>>;
  reply<M extends MethodName>(method: M, params: Params<M>): Promise<Reply<Result<M>>>;
  close(): Promise<void>;
}

export function tempDir(prefix = 'gesher-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real backend on a real sql.js workspace in a temp folder, driven through the contract. */
export async function openTestBackend(options: Partial<BackendOptions> = {}): Promise<TestBackend> {
  const dir = options.workspaceDir ?? tempDir();
  const events: EventMessage[] = [];
  const backend = await Backend.open({
    workspaceDir: dir,
    resourcesDir: path.join(REPO_ROOT, 'resources'),
    host: 'test',
    snapshotIntervalMs: 0,
    seedDemo: false,
    onEvent: (e) => events.push(e),
    ...options,
  });
  let id = 0;
  const reply = async <M extends MethodName>(method: M, params: Params<M>) =>
    (await backend.handle({ kind: 'request', id: ++id, method, params })).reply as Reply<Result<M>>;
  return {
    backend,
    dir,
    events,
    reply,
    async call(method, params) {
      const r = await reply(method, params);
      if (!r.ok) throw RpcError.fromBody(r.error);
      return r.value;
    },
    close: () => backend.close(),
  };
}

/** Opens a backend with a steward profile already chosen. */
export async function openWithSteward(
  steward: Params<'profile.create'> = { name: 'Dana Levi', agency: 'ES', role: 'steward' },
  options: Partial<BackendOptions> = {},
): Promise<TestBackend> {
  const t = await openTestBackend(options);
  await t.call('profile.create', steward);
  return t;
}
