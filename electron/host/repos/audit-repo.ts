import type { AuditEntry, AuditFilter } from '../../../shared/contract';
import type { SqlParam } from '../db/journal';
import type { WorkspaceDb } from '../db/workspace-db';

interface AuditRow {
  id: number;
  at: string;
  steward_id: string;
  steward_name: string;
  agency: 'ES' | 'CBS';
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  comment: string | null;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

function toEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    stewardId: r.steward_id,
    stewardName: r.steward_name,
    agency: r.agency,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: parse(r.before_json),
    after: parse(r.after_json),
    comment: r.comment,
  };
}

/**
 * Blind mode: the rows a viewer of agency `blindFor` may not see. Another agency's rows on a mapping
 * of a blind crosswalk that the viewer's agency has not decided yet carry that agency's decision
 * (status, decisionES/decisionCBS, its comment), so they are left out whole; so are another
 * agency's bulk mapping rows on a blind crosswalk (one row for many mappings, not splittable).
 * '' as the agency (no session) hides every agency's such rows.
 */
const BLIND_HIDDEN = `(agency <> ? AND (
  (entity_type = 'mapping' AND EXISTS (
    SELECT 1 FROM mappings m JOIN crosswalks c ON c.id = m.crosswalk_id
    WHERE m.id = CAST(audit.entity_id AS INTEGER) AND c.blind_mode = 1
      AND NOT EXISTS (SELECT 1 FROM mapping_agency_decisions d WHERE d.mapping_id = m.id AND d.agency = ?)))
  OR (entity_type = 'crosswalk' AND action LIKE 'mapping.%' AND EXISTS (
    SELECT 1 FROM crosswalks c WHERE c.id = audit.entity_id AND c.blind_mode = 1))))`;

function where(filter: AuditFilter, blindFor?: string): { sql: string; params: SqlParam[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
  if (blindFor !== undefined) {
    clauses.push(`NOT ${BLIND_HIDDEN}`);
    params.push(blindFor, blindFor);
  }
  const eq = (column: string, value: string | undefined) => {
    if (value) {
      clauses.push(`${column} = ?`);
      params.push(value);
    }
  };
  eq('steward_id', filter.stewardId);
  eq('agency', filter.agency);
  eq('action', filter.action);
  eq('entity_type', filter.entityType);
  eq('entity_id', filter.entityId);
  if (filter.from) {
    clauses.push('at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    clauses.push('at <= ?');
    params.push(filter.to);
  }
  if (filter.text) {
    clauses.push(
      "(instr(lower(coalesce(before_json,'') || coalesce(after_json,'') || coalesce(comment,'') || entity_id || steward_name), lower(?)) > 0)",
    );
    params.push(filter.text);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export class AuditRepo {
  constructor(private readonly db: WorkspaceDb) {}

  /** `blindFor`: the viewer's agency when blind mode applies to it ('' for no session). */
  page(
    filter: AuditFilter,
    offset: number,
    limit: number,
    blindFor?: string,
  ): { rows: AuditEntry[]; total: number; blind: boolean } {
    const w = where(filter, blindFor);
    const count = (c: { sql: string; params: SqlParam[] }) =>
      this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit ${c.sql}`, c.params)?.n ?? 0;
    const total = count(w);
    const blind =
      blindFor !== undefined &&
      !!this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM crosswalks WHERE blind_mode = 1')?.n;
    const rows = this.db
      .all<AuditRow>(`SELECT * FROM audit ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`, [
        ...w.params,
        limit,
        offset,
      ])
      .map(toEntry);
    return { rows, total, blind };
  }

  all(filter: AuditFilter, blindFor?: string): AuditEntry[] {
    const w = where(filter, blindFor);
    return this.db.all<AuditRow>(`SELECT * FROM audit ${w.sql} ORDER BY id`, w.params).map(toEntry);
  }

  actions(): string[] {
    return this.db
      .all<{ action: string }>('SELECT DISTINCT action FROM audit ORDER BY action')
      .map((r) => r.action);
  }
}
