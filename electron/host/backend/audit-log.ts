import type { Steward } from '../../../shared/contract';
import type { WorkspaceDb } from '../db/workspace-db';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  comment?: string | null;
}

/** Appends one audit row; call inside the same db.write() as the change it describes. */
export function recordAudit(
  db: WorkspaceDb,
  steward: Steward,
  at: string,
  record: AuditRecord,
): void {
  db.run(
    `INSERT INTO audit (at, steward_id, steward_name, agency, action, entity_type, entity_id, before_json, after_json, comment)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      at,
      steward.id,
      steward.name,
      steward.agency,
      record.action,
      record.entityType,
      record.entityId,
      record.before === undefined ? null : JSON.stringify(record.before),
      record.after === undefined ? null : JSON.stringify(record.after),
      record.comment ?? null,
    ],
  );
}
