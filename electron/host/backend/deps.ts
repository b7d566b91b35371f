import type { MethodName } from '../../../shared/contract';
import type { Handler } from '../../../shared/rpc/dispatcher';
import type { WorkspaceDb } from '../db/workspace-db';
import type { Emit } from './emit';
import type { FileStore } from './file-store';
import type { JobRunner } from './jobs';
import type { Session } from './session';

export type HostKind = 'electron' | 'browser' | 'test';

/** What every service gets. Services orchestrate; SQL lives in repositories. */
export interface ServiceDeps {
  db: WorkspaceDb;
  session: Session;
  emit: Emit;
  jobs: JobRunner;
  files: FileStore;
  /** ISO timestamp of "now"; passed into SQL so that journal replay is deterministic. */
  now: () => string;
  resourcesDir: string;
  workspaceDir: string;
  host: HostKind;
  /** Runs fn while no other request touches the database (long jobs' write phase). */
  exclusive: <T>(fn: () => T | Promise<T>) => Promise<T>;
}

/** A feature's slice of the contract's handlers. */
export type HandlerGroup<M extends MethodName> = { [K in M]: Handler<K, void> };
