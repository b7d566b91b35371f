import { z } from 'zod';
import { method } from './define';
import { Agency, Empty, Id, IsoTime, Role, Void } from './common';

export const Steward = z.object({
  id: Id,
  name: z.string().min(1).max(120),
  agency: Agency,
  role: Role,
  createdAt: IsoTime,
});
export type Steward = z.infer<typeof Steward>;

export const WorkspaceInfo = z.object({
  path: z.string(),
  schemaVersion: z.number().int(),
  journalSeq: z.number().int(),
  lastSnapshotAt: IsoTime.nullable(),
  recoveredFrom: z.enum(['snapshot', 'previous_snapshot', 'new']),
  replayedEntries: z.number().int(),
  currentSteward: Steward.nullable(),
  host: z.enum(['electron', 'browser', 'test']),
});
export type WorkspaceInfo = z.infer<typeof WorkspaceInfo>;

export const workspaceMethods = {
  'workspace.info': method(Empty, WorkspaceInfo),
  /** Writes an atomic snapshot now (also done on an interval and on quit). */
  'workspace.snapshot': method(Empty, z.object({ bytes: z.number().int(), ms: z.number() })),
  'profile.list': method(Empty, z.array(Steward)),
  'profile.create': method(
    z.object({ name: z.string().trim().min(1).max(120), agency: Agency, role: Role }),
    Steward,
  ),
  'profile.select': method(z.object({ id: Id }), Steward),
  'profile.signOut': method(Empty, Void),
};
