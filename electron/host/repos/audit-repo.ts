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

function where(filter: AuditFilter): { sql: string; params: SqlParam[] } {
  const clauses: string[] = [];
  const params: SqlParam[] = [];
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

  page(filter: AuditFilter, offset: number, limit: number): { rows: AuditEntry[]; total: number } {
    const w = where(filter);
    const total =
      this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM audit ${w.sql}`, w.params)?.n ?? 0;
    const rows = this.db
      .all<AuditRow>(`SELECT * FROM audit ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`, [
        ...w.params,
        limit,
        offset,
      ])
      .map(toEntry);
    return { rows, total };
  }

  all(filter: AuditFilter): AuditEntry[] {
    const w = where(filter);
    return this.db.all<AuditRow>(`SELECT * FROM audit ${w.sql} ORDER BY id`, w.params).map(toEntry);
  }

  actions(): string[] {
    return this.db
      .all<{ action: string }>('SELECT DISTINCT action FROM audit ORDER BY action')
      .map((r) => r.action);
  }
}
