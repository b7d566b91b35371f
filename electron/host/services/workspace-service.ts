import crypto from 'node:crypto';
import type { Steward } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc/errors';
import { recordAudit } from '../backend/audit-log';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';
import { StewardRepo } from '../repos/steward-repo';

type WorkspaceMethods =
  | 'workspace.info'
  | 'workspace.snapshot'
  | 'profile.list'
  | 'profile.create'
  | 'profile.select'
  | 'profile.signOut';

export function restoreLastSteward(deps: ServiceDeps): void {
  const repo = new StewardRepo(deps.db);
  const lastId = repo.lastStewardId();
  deps.session.steward = lastId ? (repo.byId(lastId) ?? null) : null;
}

export function workspaceHandlers(deps: ServiceDeps): HandlerGroup<WorkspaceMethods> {
  const { db, session } = deps;
  const stewards = new StewardRepo(db);

  const select = (steward: Steward): Steward => {
    db.write(() => stewards.setLast(steward.id));
    session.steward = steward;
    deps.emit('workspace.changed', { entity: 'profile', id: steward.id });
    return steward;
  };

  return {
    'workspace.info': () => ({
      path: db.file,
      schemaVersion: db.schemaVersion,
      journalSeq: db.seq,
      lastSnapshotAt: db.lastSnapshotAt,
      recoveredFrom: db.report.recoveredFrom,
      replayedEntries: db.report.replayedEntries,
      currentSteward: session.steward,
      host: deps.host,
    }),
    'workspace.snapshot': () => db.snapshot(),
    'profile.list': () => stewards.list(),
    'profile.create': (params) => {
      const steward: Steward = {
        id: crypto.randomUUID(),
        name: params.name,
        agency: params.agency,
        role: params.role,
        createdAt: deps.now(),
      };
      db.write(() => {
        stewards.insert(steward);
        recordAudit(db, steward, steward.createdAt, {
          action: 'profile.create',
          entityType: 'steward',
          entityId: steward.id,
          after: { name: steward.name, agency: steward.agency, role: steward.role },
        });
      });
      return select(steward);
    },
    'profile.select': ({ id }) => {
      const steward = stewards.byId(id);
      if (!steward) throw new RpcError('not_found', `No steward profile ${id}`);
      return select(steward);
    },
    'profile.signOut': () => {
      db.write(() => stewards.setLast(null));
      session.steward = null;
      return null;
    },
  };
}
