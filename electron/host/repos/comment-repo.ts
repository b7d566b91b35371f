import type { Agency, MappingComment, MappingStatus, Steward } from '../../../shared/contract';
import type { WorkspaceDb } from '../db/workspace-db';

interface CommentRow {
  id: number;
  mapping_id: number;
  crosswalk_id: string;
  steward_id: string;
  steward_name: string;
  agency: 'ES' | 'CBS';
  at: string;
  text: string | null;
  kind: 'comment' | 'decision';
  status: MappingStatus | null;
}

const COLUMNS =
  'id, mapping_id, crosswalk_id, steward_id, steward_name, agency, at, text, kind, status';

const toComment = (r: CommentRow): MappingComment => ({
  id: r.id,
  mappingId: r.mapping_id,
  crosswalkId: r.crosswalk_id,
  stewardId: r.steward_id,
  stewardName: r.steward_name,
  agency: r.agency,
  at: r.at,
  text: r.text,
  kind: r.kind,
  status: r.status,
});

/** Blind mode: the viewer sees the mapping's status only if another agency has not voted or its own has. */
const blindClause = (blindFor: Agency | null | undefined) =>
  blindFor === undefined
    ? ''
    : ` AND (NOT EXISTS (SELECT 1 FROM mapping_agency_decisions d WHERE d.mapping_id = m.id AND d.agency <> ?)
         OR EXISTS (SELECT 1 FROM mapping_agency_decisions d WHERE d.mapping_id = m.id AND d.agency = ?))`;
const blindParams = (blindFor: Agency | null | undefined) =>
  blindFor === undefined ? [] : [blindFor ?? '', blindFor ?? ''];

/** Ids per statement: one json_each list, like the decision updates. */
const CHUNK = 10_000;

export class CommentRepo {
  constructor(private readonly db: WorkspaceDb) {}

  thread(mappingId: number): MappingComment[] {
    return this.db
      .all<CommentRow>(`SELECT ${COLUMNS} FROM mapping_comments WHERE mapping_id = ? ORDER BY id`, [
        mappingId,
      ])
      .map(toComment);
  }

  get(id: number): MappingComment | undefined {
    const row = this.db.get<CommentRow>(`SELECT ${COLUMNS} FROM mapping_comments WHERE id = ?`, [
      id,
    ]);
    return row && toComment(row);
  }

  /** Inside db.write(). Returns the new entry's id. */
  add(
    steward: Steward,
    at: string,
    entry: { crosswalkId: string; mappingId: number; text: string },
  ): number {
    this.db.run(
      `INSERT INTO mapping_comments (mapping_id, crosswalk_id, steward_id, steward_name, agency, at, text, kind, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'comment', NULL)`,
      [
        entry.mappingId,
        entry.crosswalkId,
        steward.id,
        steward.name,
        steward.agency,
        at,
        entry.text,
      ],
    );
    return this.db.lastInsertRowid();
  }

  /** Inside the decision's db.write(): one 'decision' entry per mapping. */
  addDecision(
    steward: Steward,
    at: string,
    crosswalkId: string,
    mappingIds: readonly number[],
    decision: { text: string | null; status: MappingStatus | null },
  ): void {
    for (let i = 0; i < mappingIds.length; i += CHUNK) {
      this.db.run(
        `INSERT INTO mapping_comments (mapping_id, crosswalk_id, steward_id, steward_name, agency, at, text, kind, status)
         SELECT value, ?, ?, ?, ?, ?, ?, 'decision', ? FROM json_each(?)`,
        [
          crosswalkId,
          steward.id,
          steward.name,
          steward.agency,
          at,
          decision.text,
          decision.status,
          JSON.stringify(mappingIds.slice(i, i + CHUNK)),
        ],
      );
    }
  }

  /**
   * A page of the crosswalk's needs-discussion mappings, in the order they were marked (the last
   * mark recorded in the thread; the mapping's last update when none is, e.g. an imported status).
   * `blindFor` (blind mode on): leaves out the mappings whose status another agency set and the
   * viewer's agency has not decided, which that viewer sees as proposed.
   */
  discussionPage(
    crosswalkId: string,
    page: { offset: number; limit: number },
    blindFor?: Agency | null,
  ): { id: number; markedAt: string | null }[] {
    return this.db.all<{ id: number; markedAt: string | null }>(
      `SELECT m.id AS id, COALESCE(d.marked, m.updated_at, m.created_at) AS markedAt
       FROM mappings m
       LEFT JOIN (
         SELECT mapping_id, MAX(at) AS marked FROM mapping_comments
         WHERE crosswalk_id = ? AND status = 'needs_discussion' GROUP BY mapping_id
       ) d ON d.mapping_id = m.id
       WHERE m.crosswalk_id = ? AND m.status = 'needs_discussion'${blindClause(blindFor)}
       ORDER BY markedAt, m.id
       LIMIT ? OFFSET ?`,
      [crosswalkId, crosswalkId, ...blindParams(blindFor), page.limit, page.offset],
    );
  }

  discussionTotal(crosswalkId: string, blindFor?: Agency | null): number {
    return (
      this.db.get<{ n: number }>(
        `SELECT COUNT(*) AS n FROM mappings m WHERE m.crosswalk_id = ? AND m.status = 'needs_discussion'${blindClause(blindFor)}`,
        [crosswalkId, ...blindParams(blindFor)],
      )?.n ?? 0
    );
  }

  /** Per mapping: the thread's length and its newest `latest` entries, oldest first. */
  summaries(
    mappingIds: readonly number[],
    latest: number,
  ): Map<number, { count: number; latest: MappingComment[] }> {
    const out = new Map<number, { count: number; latest: MappingComment[] }>();
    if (mappingIds.length === 0) return out;
    const ids = JSON.stringify(mappingIds);
    for (const r of this.db.all<{ mapping_id: number; n: number }>(
      `SELECT mapping_id, COUNT(*) AS n FROM mapping_comments
       WHERE mapping_id IN (SELECT value FROM json_each(?)) GROUP BY mapping_id`,
      [ids],
    ))
      out.set(r.mapping_id, { count: r.n, latest: [] });
    const rows = this.db.all<CommentRow>(
      `SELECT ${COLUMNS} FROM (
         SELECT c.*, ROW_NUMBER() OVER (PARTITION BY mapping_id ORDER BY id DESC) AS rn
         FROM mapping_comments c WHERE mapping_id IN (SELECT value FROM json_each(?))
       ) WHERE rn <= ? ORDER BY mapping_id, id`,
      [ids, latest],
    );
    for (const r of rows) out.get(r.mapping_id)?.latest.push(toComment(r));
    return out;
  }
}
