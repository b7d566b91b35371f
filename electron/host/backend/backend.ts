import path from 'node:path';
import type { MethodName } from '../../../shared/contract';
import { createDispatcher, type Handlers } from '../../../shared/rpc/dispatcher';
import type { EventMessage, ReplyMessage, RequestMessage } from '../../../shared/rpc/wire';
import { WorkspaceDb } from '../db/workspace-db';
import { demoSeedInterrupted, seedDemoWorkspace } from '../demo/seed-demo';
import { auditHandlers } from '../services/audit-service';
import { commentHandlers } from '../services/comment-service';
import { createCrosswalkService } from '../services/crosswalk-service';
import { hierarchyHandlers } from '../services/hierarchy-service';
import { importHandlers } from '../services/import-service';
import { jobHandlers } from '../services/job-service';
import { schemeHandlers } from '../services/scheme-service';
import { suggestionHandlers } from '../services/suggestion-service';
import { restoreLastSteward, workspaceHandlers } from '../services/workspace-service';
import { versionHandlers } from '../services/version-service';
import type { HostKind, ServiceDeps } from './deps';
import type { Emit } from './emit';
import { FileStore } from './file-store';
import { JobRunner } from './jobs';
import { SerialLock } from './serial-lock';
import { Session } from './session';

export interface BackendOptions {
  workspaceDir: string;
  resourcesDir: string;
  host: HostKind;
  onEvent?: (event: EventMessage) => void;
  /** Periodic snapshot interval; 0 turns the timer off (tests). */
  snapshotIntervalMs?: number;
  /** Build the demo workspace from resources/ when the workspace is new (default true). */
  seedDemo?: boolean;
  now?: () => string;
}

/** Requests that must answer while a long job holds the lock. */
const UNLOCKED: ReadonlySet<MethodName> = new Set<MethodName>([
  'jobs.get',
  'jobs.wait',
  'jobs.cancel',
  'workspace.info',
]);

/**
 * All services of one workspace behind the contract. Runs in a worker thread of the host
 * process (see worker-entry.ts), or in-process in integration tests.
 */
export class Backend {
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    readonly deps: ServiceDeps,
    private readonly lock: SerialLock,
    private readonly dispatch: (m: RequestMessage, ctx: void) => Promise<ReplyMessage>,
  ) {}

  static async open(options: BackendOptions): Promise<Backend> {
    const db = await WorkspaceDb.open({
      dir: options.workspaceDir,
      resourcesDir: options.resourcesDir,
    });
    const emit: Emit = (name, payload) => options.onEvent?.({ kind: 'event', name, payload });
    const lock = new SerialLock();
    const deps: ServiceDeps = {
      db,
      session: new Session(),
      emit,
      jobs: new JobRunner(emit),
      files: new FileStore(path.join(options.workspaceDir, 'exports')),
      now: options.now ?? (() => new Date().toISOString()),
      resourcesDir: options.resourcesDir,
      workspaceDir: options.workspaceDir,
      host: options.host,
      exclusive: (fn) => lock.run(fn),
    };
    const demoDue = db.report.recoveredFrom === 'new' || demoSeedInterrupted(db);
    if (options.seedDemo !== false && demoDue) await seedDemoWorkspace(deps);
    restoreLastSteward(deps);
    const crosswalks = createCrosswalkService(deps);
    const handlers: Handlers<void> = {
      ...workspaceHandlers(deps),
      ...auditHandlers(deps),
      ...schemeHandlers(deps),
      ...hierarchyHandlers(deps),
      ...crosswalks.handlers,
      ...suggestionHandlers(deps, crosswalks),
      ...importHandlers(deps),
      ...jobHandlers(deps),
      ...versionHandlers(deps),
      ...commentHandlers(deps),
    };
    const backend = new Backend(deps, lock, createDispatcher(handlers));
    backend.startSnapshotTimer(options.snapshotIntervalMs ?? 30_000);
    return backend;
  }

  handle(message: RequestMessage): Promise<ReplyMessage> {
    if (UNLOCKED.has(message.method as MethodName)) return this.dispatch(message);
    return this.lock.run(() => this.dispatch(message));
  }

  private startSnapshotTimer(intervalMs: number): void {
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      void this.lock.run(() => {
        if (!this.closed && this.deps.db.pendingEntries > 0) this.deps.db.snapshot();
      });
    }, intervalMs);
    this.timer.unref();
  }

  /** Snapshot and close (on quit). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    await this.lock.run(() => this.deps.db.close({ snapshot: true }));
  }
}
