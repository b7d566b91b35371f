import type { WorkspaceDb } from '../db/workspace-db';

/** Who approved a mapping (each agency's approver, ES first) and when the last of them did. */
export interface MappingApprovers {
  stewardIds: string[];
  at: string;
}

/**
 * The per-agency approvals of a crosswalk's mappings, for the SSSOM export's reviewer_id and
 * review_date. Empty when the workspace has no mapping_approvals view (before migration 10).
 */
export function approversByMapping(
  db: WorkspaceDb,
  crosswalkId: string,
): Map<number, MappingApprovers> {
  const out = new Map<number, MappingApprovers>();
  const exists = db.get<{ n: number }>(
    "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'mapping_approvals'",
  );
  if (!exists?.n) return out;
  const rows = db.all<{ mapping_id: number; steward_id: string; at: string }>(
    `SELECT mapping_id, steward_id, at FROM mapping_approvals WHERE crosswalk_id = ?
     ORDER BY mapping_id, CASE agency WHEN 'ES' THEN 0 ELSE 1 END`,
    [crosswalkId],
  );
  for (const r of rows) {
    const a = out.get(r.mapping_id);
    if (!a) out.set(r.mapping_id, { stewardIds: [r.steward_id], at: r.at });
    else {
      a.stewardIds.push(r.steward_id);
      if (r.at > a.at) a.at = r.at;
    }
  }
  return out;
}
