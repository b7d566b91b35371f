import type {
  AgencyDecision,
  Crosswalk,
  Justification,
  MappingRow,
  MappingStatus,
  Relation,
} from '../../../shared/contract';
import type { SqlValue } from 'sql.js';
import type { BlindViewer } from '../../../shared/domain/crosswalk/approval';
import type { SqlParam } from '../db/journal';
import type { WorkspaceDb } from '../db/workspace-db';
import { approversByMapping, type MappingApprovers } from './approval-export-repo';
import { seenStatusSql, visibleSql } from './blind-sql';
import { APPROVED_BY_ONE, type CrosswalkScope, type SqlPart } from './mapping-query';

interface CrosswalkRowDb {
  id: string;
  name_he: string;
  name_en: string;
  source_scheme_id: string;
  target_scheme_id: string;
  description: string | null;
  created_at: string;
  data_version: number;
  blind_mode: number;
}

/** One agency's decision as stored in mapping_agency_decisions. */
export interface StoredVote {
  agency: AgencyDecision['agency'];
  decision: AgencyDecision['decision'];
  steward_id: string;
  steward_name: string;
  at: string;
}

/** A mapping as stored: what undo restores and what the audit log records. */
export interface StoredMapping {
  id: number;
  crosswalk_id: string;
  source_code: string;
  target_code: string;
  relation: Relation;
  share: number | null;
  justification: string;
  confidence: number | null;
  status: MappingStatus;
  comment: string | null;
  partial_source: number;
  partial_target: number;
  author_id: string | null;
  reviewer_id: string | null;
  updated_by: string | null;
  updated_by_agency: string | null;
  updated_at: string | null;
  created_at: string;
  /** The agencies' decisions (ES before CBS); undo and redo restore them with the mapping. Absent = leave them. */
  votes?: StoredVote[];
}

const STORED_COLUMNS = [
  'id',
  'crosswalk_id',
  'source_code',
  'target_code',
  'relation',
  'share',
  'justification',
  'confidence',
  'status',
  'comment',
  'partial_source',
  'partial_target',
  'author_id',
  'reviewer_id',
  'updated_by',
  'updated_by_agency',
  'updated_at',
  'created_at',
] as const satisfies readonly (keyof StoredMapping)[];

/** Grid row columns, in MappingRow order; kept as arrays (db.rows) because blocks are fetched often. */
const ROW_SELECT = `SELECT m.id, m.source_code, s.title_he, s.title_en, m.relation, m.target_code, t.title_he, t.title_en,
  m.share, m.status, m.justification, m.confidence, m.comment, m.partial_source, m.partial_target,
  m.updated_by, m.updated_by_agency, m.updated_at
  FROM mappings m
  LEFT JOIN items s ON s.scheme_id = ? AND s.code = m.source_code
  LEFT JOIN items t ON t.scheme_id = ? AND t.code = m.target_code`;

type Cell = SqlValue;

function toRow(r: Cell[]): MappingRow {
  const str = (v: Cell | undefined) => (v === null || v === undefined ? null : String(v));
  return {
    mappingId: r[0] as number,
    sourceCode: String(r[1]),
    sourceTitleHe: str(r[2]),
    sourceTitleEn: str(r[3]),
    relation: r[4] as Relation,
    targetCode: String(r[5]),
    targetTitleHe: str(r[6]),
    targetTitleEn: str(r[7]),
    share: r[8] as number | null,
    status: r[9] as MappingStatus,
    justification: r[10] as MappingRow['justification'],
    confidence: r[11] as number | null,
    comment: str(r[12]),
    partialSource: r[13] === 1,
    partialTarget: r[14] === 1,
    updatedBy: str(r[15]),
    updatedByAgency: r[16] as MappingRow['updatedByAgency'],
    updatedAt: str(r[17]),
    approvals: [],
    agencyDecisions: [],
  };
}

/** The grid row of an active source code that has no mapping yet. */
export const unmappedSourceRow = (
  sourceCode: string,
  sourceTitleHe: string | null,
  sourceTitleEn: string | null,
): MappingRow => ({
  mappingId: null,
  sourceCode,
  sourceTitleHe,
  sourceTitleEn,
  relation: null,
  targetCode: null,
  targetTitleHe: null,
  targetTitleEn: null,
  share: null,
  status: null,
  justification: null,
  confidence: null,
  comment: null,
  partialSource: false,
  partialTarget: false,
  updatedBy: null,
  updatedByAgency: null,
  updatedAt: null,
  approvals: [],
  agencyDecisions: [],
});

const unmappedRow = (r: Cell[]): MappingRow =>
  unmappedSourceRow(
    String(r[1]),
    r[2] === null ? null : String(r[2]),
    r[3] === null ? null : String(r[3]),
  );

export interface ExportMapping {
  mapping_id: number;
  source_code: string;
  source_title_he: string | null;
  source_title_en: string | null;
  relation: Relation;
  target_code: string;
  target_title_he: string | null;
  target_title_en: string | null;
  share: number | null;
  status: MappingStatus;
  justification: Justification;
  confidence: number | null;
  comment: string | null;
  partial_source: number;
  partial_target: number;
  author_id: string | null;
  reviewer_id: string | null;
  updated_by: string | null;
  updated_by_agency: string | null;
  updated_at: string | null;
}

export type StatusCounts = Crosswalk['counts'];

const emptyCounts = (): StatusCounts => ({
  total: 0,
  proposed: 0,
  half_approved: 0,
  approved: 0,
  rejected: 0,
  needs_discussion: 0,
});

export class CrosswalkRepo {
  constructor(private readonly db: WorkspaceDb) {}

  /**
   * `blindFor`: whom blind mode applies to on the crosswalks that have it on (undefined: nobody);
   * their per-status counts are then the statuses that viewer sees.
   */
  list(blindFor?: BlindViewer): Crosswalk[] {
    const rows = this.db.all<CrosswalkRowDb>('SELECT * FROM crosswalks ORDER BY name_en');
    const counts = this.statusCounts();
    return rows.map((r) =>
      this.toCrosswalk(
        r,
        r.blind_mode === 1 && blindFor !== undefined
          ? this.statusCounts(r.id, blindFor).get(r.id)
          : counts.get(r.id),
      ),
    );
  }

  get(id: string, blindFor?: BlindViewer): Crosswalk | undefined {
    const row = this.db.get<CrosswalkRowDb>('SELECT * FROM crosswalks WHERE id = ?', [id]);
    const viewer = row?.blind_mode === 1 ? blindFor : undefined;
    return row ? this.toCrosswalk(row, this.statusCounts(id, viewer).get(id)) : undefined;
  }

  scope(id: string): (CrosswalkScope & { dataVersion: number }) | undefined {
    const row = this.db.get<{
      source_scheme_id: string;
      target_scheme_id: string;
      data_version: number;
    }>('SELECT source_scheme_id, target_scheme_id, data_version FROM crosswalks WHERE id = ?', [
      id,
    ]);
    return (
      row && {
        id,
        sourceSchemeId: row.source_scheme_id,
        targetSchemeId: row.target_scheme_id,
        dataVersion: row.data_version,
      }
    );
  }

  private toCrosswalk(r: CrosswalkRowDb, counts: StatusCounts | undefined): Crosswalk {
    return {
      id: r.id,
      nameHe: r.name_he,
      nameEn: r.name_en,
      sourceSchemeId: r.source_scheme_id,
      targetSchemeId: r.target_scheme_id,
      description: r.description,
      createdAt: r.created_at,
      blindMode: r.blind_mode === 1,
      counts: counts ?? emptyCounts(),
    };
  }

  /** Per crosswalk, its mappings by the status the viewer sees, half approved apart as the filter has it. */
  private statusCounts(id?: string, viewer?: BlindViewer): Map<string, StatusCounts> {
    const visible = visibleSql('m', viewer);
    const half = `m.status = 'proposed' AND ${APPROVED_BY_ONE}${visible ? ` AND ${visible}` : ''}`;
    const rows = this.db.all<{
      crosswalk_id: string;
      status: MappingStatus;
      n: number;
      half: number;
    }>(
      `SELECT m.crosswalk_id, ${seenStatusSql('m', viewer)} AS status, COUNT(*) AS n,
        SUM(CASE WHEN ${half} THEN 1 ELSE 0 END) AS half
       FROM mappings m ${id ? 'WHERE m.crosswalk_id = ?' : ''} GROUP BY 1, 2`,
      id ? [id] : [],
    );
    const out = new Map<string, StatusCounts>();
    for (const r of rows) {
      const c = out.get(r.crosswalk_id) ?? emptyCounts();
      const halfApproved = r.status === 'proposed' ? r.half : 0;
      c[r.status] += r.n - halfApproved;
      c.half_approved += halfApproved;
      c.total += r.n;
      out.set(r.crosswalk_id, c);
    }
    return out;
  }

  /** The ids of a grid view in order, as one Int32Array (see mapping-query.ts for the SQL). */
  orderedIds(parts: readonly SqlPart[]): Int32Array {
    const chunks = parts.map((p) =>
      parseIds(
        this.db.get<{ ids: string | null }>(
          `SELECT group_concat(id) AS ids FROM (${p.sql})`,
          p.params,
        )?.ids ?? '',
      ),
    );
    if (chunks.length === 1) return chunks[0]!;
    const out = new Int32Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  /** Grid rows for the given mapping ids, in the order of ids. */
  rowsByIds(cw: CrosswalkScope, ids: ArrayLike<number>): MappingRow[] {
    if (ids.length === 0) return [];
    const rows = this.db.rows(`${ROW_SELECT} WHERE m.id IN (SELECT value FROM json_each(?))`, [
      cw.sourceSchemeId,
      cw.targetSchemeId,
      JSON.stringify(Array.from(ids)),
    ]);
    return this.withDecisions(inOrder(ids, rows, (r) => r[0] as number).map(toRow));
  }

  /** The agencies' decisions of the given mappings, ES before CBS. */
  votesOf(ids: readonly number[]): Map<number, StoredVote[]> {
    const out = new Map<number, StoredVote[]>();
    for (let i = 0; i < ids.length; i += 10_000) {
      const rows = this.db.all<StoredVote & { mapping_id: number }>(
        `SELECT mapping_id, agency, decision, steward_id, steward_name, at FROM mapping_agency_decisions
         WHERE mapping_id IN (SELECT value FROM json_each(?)) ORDER BY mapping_id, CASE agency WHEN 'ES' THEN 0 ELSE 1 END`,
        [JSON.stringify(ids.slice(i, i + 10_000))],
      );
      for (const { mapping_id, ...v } of rows) {
        const list = out.get(mapping_id) ?? [];
        list.push(v);
        out.set(mapping_id, list);
      }
    }
    return out;
  }

  private withDecisions(rows: MappingRow[]): MappingRow[] {
    const ids = rows.flatMap((r) => (r.mappingId === null ? [] : [r.mappingId]));
    if (ids.length === 0) return rows;
    const votes = this.votesOf(ids);
    return rows.map((r) => {
      const list = r.mappingId === null ? undefined : votes.get(r.mappingId);
      if (!list) return r;
      const agencyDecisions = list.map((v) => ({
        agency: v.agency,
        decision: v.decision,
        stewardName: v.steward_name,
        at: v.at,
      }));
      return {
        ...r,
        agencyDecisions,
        approvals: agencyDecisions
          .filter((d) => d.decision === 'approve')
          .map(({ agency, stewardName, at }) => ({ agency, stewardName, at })),
      };
    });
  }

  /** Each mapping both agencies decided: [ES decision, CBS decision]. */
  agreementPairs(crosswalkId: string): [StoredVote['decision'], StoredVote['decision']][] {
    return this.db
      .rows(
        `SELECT e.decision, c.decision FROM mapping_agency_decisions e
         JOIN mapping_agency_decisions c ON c.mapping_id = e.mapping_id AND c.agency = 'CBS'
         WHERE e.crosswalk_id = ? AND e.agency = 'ES'`,
        [crosswalkId],
      )
      .map((r) => [r[0] as StoredVote['decision'], r[1] as StoredVote['decision']]);
  }

  /** Virtual rows for unmapped source items, in the order of the item ids. */
  unmappedRowsByItemIds(ids: ArrayLike<number>): MappingRow[] {
    if (ids.length === 0) return [];
    const rows = this.db.rows(
      'SELECT id, code, title_he, title_en FROM items WHERE id IN (SELECT value FROM json_each(?))',
      [JSON.stringify(Array.from(ids))],
    );
    return inOrder(ids, rows, (r) => r[0] as number).map(unmappedRow);
  }

  rowsWhere(
    cw: CrosswalkScope,
    where: string,
    params: SqlParam[],
    orderBy = 'm.source_code, m.target_code, m.id',
  ): MappingRow[] {
    const rows = this.db
      .rows(`${ROW_SELECT} WHERE m.crosswalk_id = ? AND ${where} ORDER BY ${orderBy}`, [
        cw.sourceSchemeId,
        cw.targetSchemeId,
        cw.id,
        ...params,
      ])
      .map(toRow);
    return this.withDecisions(rows);
  }

  row(cw: CrosswalkScope, mappingId: number): MappingRow | undefined {
    return this.rowsWhere(cw, 'm.id = ?', [mappingId])[0];
  }

  maxMappingId(): number {
    return this.db.get<{ n: number | null }>('SELECT MAX(id) AS n FROM mappings')?.n ?? 0;
  }

  ids(part: SqlPart): number[] {
    return this.db.rows(part.sql, part.params).map((r) => r[0] as number);
  }

  /** Rows of each part, counted without its ORDER BY (a count needs no sort). */
  count(parts: readonly SqlPart[]): number {
    const unsorted = parts.map((p) => {
      const at = p.sql.lastIndexOf('ORDER BY');
      return at < 0 ? p : { ...p, sql: p.sql.slice(0, at) };
    });
    return unsorted.reduce(
      (n, p) =>
        n + (this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${p.sql})`, p.params)?.n ?? 0),
      0,
    );
  }

  stored(crosswalkId: string, ids: readonly number[]): StoredMapping[] {
    const out: StoredMapping[] = [];
    for (let i = 0; i < ids.length; i += 10_000) {
      out.push(
        ...this.db.all<StoredMapping>(
          `SELECT ${STORED_COLUMNS.join(', ')} FROM mappings WHERE +crosswalk_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
          [crosswalkId, JSON.stringify(ids.slice(i, i + 10_000))],
        ),
      );
    }
    const votes = this.votesOf(out.map((m) => m.id));
    return out.map((m) => ({
      ...m,
      source_code: String(m.source_code),
      target_code: String(m.target_code),
      votes: votes.get(m.id) ?? [],
    }));
  }

  /** What the checks need of every mapping of the given source codes. */
  checkMappingsOfSources(crosswalkId: string, sourceCodes: readonly string[]) {
    return this.db
      .rows(
        'SELECT id, source_code, target_code, share, status FROM mappings WHERE crosswalk_id = ? AND source_code IN (SELECT value FROM json_each(?))',
        [crosswalkId, JSON.stringify(sourceCodes)],
      )
      .map((r) => ({
        id: r[0] as number,
        sourceCode: String(r[1]),
        targetCode: String(r[2]),
        share: r[3] as number | null,
        status: r[4] as MappingStatus,
      }));
  }

  /** Approved mappings with titles and people, in source/target order, for exports. */
  /** Each approved mapping's per-agency approvers, for the SSSOM export (approval-export-repo). */
  approversForExport(crosswalkId: string): Map<number, MappingApprovers> {
    return approversByMapping(this.db, crosswalkId);
  }

  approvedForExport(cw: CrosswalkScope): ExportMapping[] {
    return this.db
      .all<ExportMapping>(
        `SELECT m.id AS mapping_id, m.source_code, s.title_he AS source_title_he, s.title_en AS source_title_en, m.relation, m.target_code,
           t.title_he AS target_title_he, t.title_en AS target_title_en, m.share, m.status, m.justification, m.confidence,
           m.comment, m.partial_source, m.partial_target, m.author_id, m.reviewer_id, m.updated_by, m.updated_by_agency, m.updated_at
         FROM mappings m
         LEFT JOIN items s ON s.scheme_id = ? AND s.code = m.source_code
         LEFT JOIN items t ON t.scheme_id = ? AND t.code = m.target_code
         WHERE m.crosswalk_id = ? AND m.status = 'approved'
         ORDER BY m.source_code, m.target_code, m.id`,
        [cw.sourceSchemeId, cw.targetSchemeId, cw.id],
      )
      .map((m) => ({
        ...m,
        source_code: String(m.source_code),
        target_code: String(m.target_code),
      }));
  }

  // Writes: call inside db.write().

  /** Without the counts crosswalks.get computes: read on every page of rows. */
  blindMode(crosswalkId: string): boolean {
    return (
      this.db.get<{ b: number }>('SELECT blind_mode AS b FROM crosswalks WHERE id = ?', [
        crosswalkId,
      ])?.b === 1
    );
  }

  setBlindMode(crosswalkId: string, on: boolean): void {
    this.db.run('UPDATE crosswalks SET blind_mode = ? WHERE id = ?', [on ? 1 : 0, crosswalkId]);
  }

  /** Removes every agency's decision on the mappings (or only the given agency's). */
  clearVotes(ids: readonly number[], agency?: StoredVote['agency']): void {
    for (let i = 0; i < ids.length; i += 10_000) {
      this.db.run(
        `DELETE FROM mapping_agency_decisions WHERE mapping_id IN (SELECT value FROM json_each(?))${agency ? ' AND agency = ?' : ''}`,
        [JSON.stringify(ids.slice(i, i + 10_000)), ...(agency ? [agency] : [])],
      );
    }
  }

  /** Records one agency's decision on many mappings (replacing that agency's earlier one). */
  setVote(crosswalkId: string, ids: readonly number[], vote: StoredVote): void {
    this.clearVotes(ids, vote.agency);
    for (let i = 0; i < ids.length; i += 10_000) {
      this.db.run(
        `INSERT INTO mapping_agency_decisions (mapping_id, crosswalk_id, agency, decision, steward_id, steward_name, at)
         SELECT value, ?, ?, ?, ?, ?, ? FROM json_each(?)`,
        [
          crosswalkId,
          vote.agency,
          vote.decision,
          vote.steward_id,
          vote.steward_name,
          vote.at,
          JSON.stringify(ids.slice(i, i + 10_000)),
        ],
      );
    }
  }

  private replaceVotes(m: { id: number | null; crosswalk_id: string; votes?: StoredVote[] }) {
    if (m.votes === undefined || m.id === null) return;
    this.clearVotes([m.id]);
    for (const v of m.votes) this.setVote(m.crosswalk_id, [m.id], v);
  }

  bumpVersion(crosswalkId: string): void {
    this.db.run('UPDATE crosswalks SET data_version = data_version + 1 WHERE id = ?', [
      crosswalkId,
    ]);
  }

  /** Sets the decision fields of many mappings at once (only the fields given). */
  updateDecision(
    crosswalkId: string,
    ids: readonly number[],
    change: {
      status?: MappingStatus;
      relation?: Relation;
      share?: number | null;
      comment?: string;
      reviewerId?: string | null;
    },
    who: { name: string; agency: string; at: string },
  ): number {
    const sets: string[] = ['updated_by = ?', 'updated_by_agency = ?', 'updated_at = ?'];
    const params: SqlParam[] = [who.name, who.agency, who.at];
    const set = (column: string, value: SqlParam | undefined) => {
      if (value === undefined) return;
      sets.push(`${column} = ?`);
      params.push(value);
    };
    set('status', change.status);
    set('relation', change.relation);
    set('share', change.share);
    set('comment', change.comment);
    set('reviewer_id', change.reviewerId);
    let changed = 0;
    for (let i = 0; i < ids.length; i += 10_000) {
      changed += this.db.run(
        `UPDATE mappings SET ${sets.join(', ')} WHERE +crosswalk_id = ? AND id IN (SELECT value FROM json_each(?))`,
        [...params, crosswalkId, JSON.stringify(ids.slice(i, i + 10_000))],
      );
    }
    return changed;
  }

  /** Inserts a mapping with every stored column (a new one, or one brought back by undo). */
  insertStored(m: Omit<StoredMapping, 'id'> & { id: number | null }): number {
    this.db.run(
      `INSERT INTO mappings (${STORED_COLUMNS.join(', ')}) VALUES (${STORED_COLUMNS.map(() => '?').join(', ')})`,
      STORED_COLUMNS.map((c) => m[c]),
    );
    const id = m.id ?? this.db.lastInsertRowid();
    this.replaceVotes({ ...m, id });
    return id;
  }

  /** Overwrites a mapping's columns with a stored state (undo/redo). */
  restoreStored(m: StoredMapping): void {
    const cols = STORED_COLUMNS.filter((c) => c !== 'id');
    this.db.run(`UPDATE mappings SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [
      ...cols.map((c) => m[c]),
      m.id,
    ]);
    this.replaceVotes(m);
  }

  nextMappingId(): number {
    return (this.db.get<{ n: number | null }>('SELECT MAX(id) AS n FROM mappings')?.n ?? 0) + 1;
  }

  delete(crosswalkId: string, ids: readonly number[]): number {
    this.clearVotes(ids);
    let removed = 0;
    for (let i = 0; i < ids.length; i += 10_000) {
      removed += this.db.run(
        'DELETE FROM mappings WHERE +crosswalk_id = ? AND id IN (SELECT value FROM json_each(?))',
        [crosswalkId, JSON.stringify(ids.slice(i, i + 10_000))],
      );
    }
    return removed;
  }
}

/** "12,7,300" → Int32Array; by hand, because split() makes a million strings for a million ids. */
function parseIds(joined: string): Int32Array {
  if (joined === '') return new Int32Array(0);
  let n = 1;
  for (let i = 0; i < joined.length; i++) if (joined.charCodeAt(i) === 44) n++;
  const out = new Int32Array(n);
  let k = 0;
  let v = 0;
  for (let i = 0; i < joined.length; i++) {
    const c = joined.charCodeAt(i);
    if (c === 44) {
      out[k++] = v;
      v = 0;
    } else v = v * 10 + (c - 48);
  }
  out[k] = v;
  return out;
}

function inOrder<T>(ids: ArrayLike<number>, rows: T[], idOf: (r: T) => number): T[] {
  const byId = new Map(rows.map((r) => [idOf(r), r]));
  const out: T[] = [];
  for (let i = 0; i < ids.length; i++) {
    const r = byId.get(ids[i]!);
    if (r) out.push(r);
  }
  return out;
}
