import { JUSTIFICATIONS, MAPPING_STATUSES, RELATIONS } from '../../../shared/contract/common';
import type { Agency } from '../../../shared/contract/common';
import type { SchemeCodes } from '../../../shared/domain/import/scheme-codes';
import type {
  CrosswalkRows,
  WorkspaceSteward,
} from '../../../shared/domain/import/validate-crosswalk';
import type { SchemeRows } from '../../../shared/domain/import/validate-scheme';
import { hebrewSortKey } from '../../../shared/domain/text/hebrew-collation';
import type { SqlParam } from '../db/journal';
import type { WorkspaceDb } from '../db/workspace-db';

export interface NewScheme {
  id: string;
  agency: 'ES' | 'CBS' | null;
  nameHe: string;
  nameEn: string;
  version: string;
  levels: number;
  source: string | null;
  createdAt: string;
}

export interface NewCrosswalk {
  id: string;
  nameHe: string;
  nameEn: string;
  sourceSchemeId: string;
  targetSchemeId: string;
  description: string | null;
  createdAt: string;
}

/** Who and when, the same on every mapping row of one import. */
export interface MappingStamp {
  at: string;
  by: string | null;
  agency: string | null;
}

const ITEM_INSERT = `INSERT INTO items (scheme_id, code, parent_code, level, title_he, title_en, description_he, description_en,
  valid_from, valid_to, status, notes, is_leaf, sort_he) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const MAPPING_COLUMNS = `crosswalk_id, source_code, target_code, relation, share, justification, confidence,
  status, comment, partial_source, partial_target, author_id, reviewer_id, updated_by, updated_by_agency, updated_at, created_at`;
/** ?1–?4: the crosswalk and the stamp, bound once per statement and shared by all its rows. */
const SHARED_PARAMS = 4;
/** Per row: source … reviewer. */
const ROW_PARAMS = 12;
const BATCH = 200;
/** Page cache during a large load, in KiB (negative: SQLite's unit for a size in KiB). */
const LOAD_CACHE_KIB = -65536;
/**
 * Relation, justification and status are bound as their place in the list and turned back into the
 * same text by SQLite: a number crosses into sql.js without the heap copy a string needs (measured:
 * the insert about 13% faster). A value not in its list is bound as itself (ELSE), and the table's
 * CHECK constraints judge it as before.
 */
const byPosition = (p: string, values: readonly string[]) =>
  `CASE ${p} ${values.map((v, i) => `WHEN ${i} THEN '${v}'`).join(' ')} ELSE ${p} END`;
const POSITION_COLUMNS: Record<number, readonly string[]> = {
  2: RELATIONS,
  4: JUSTIFICATIONS,
  6: MAPPING_STATUSES,
};
const rowValues = (first: number) => {
  const cells = Array.from({ length: ROW_PARAMS }, (_, c) => {
    const values = POSITION_COLUMNS[c];
    return values ? byPosition(`?${first + c}`, values) : `?${first + c}`;
  });
  return `(?1, ${cells.join(', ')}, ?2, ?3, ?4, ?4)`;
};
const positionIn = (values: readonly string[]) => {
  const at = new Map(values.map((v, i) => [v, i]));
  return (v: string): SqlParam => at.get(v) ?? v;
};
const relationAt = positionIn(RELATIONS);
const justificationAt = positionIn(JUSTIFICATIONS);
const statusAt = positionIn(MAPPING_STATUSES);
/**
 * `rows` rows per statement: sql.js pays per statement call and per bound value (each string is
 * copied into the wasm heap), so the values common to every row are bound once, not once per row.
 */
const mappingInsert = (rows: number) =>
  `INSERT INTO mappings (${MAPPING_COLUMNS}) VALUES ${Array.from({ length: rows }, (_, j) =>
    rowValues(SHARED_PARAMS + 1 + j * ROW_PARAMS),
  ).join(', ')}`;
const MAPPING_INSERT_BATCH = mappingInsert(BATCH);
/** Per restored approval: mapping, agency, steward id and name, time; ?1 is the crosswalk. */
const DECISION_PARAMS = 5;
const decisionInsert = (rows: number) =>
  `INSERT INTO mapping_agency_decisions (mapping_id, crosswalk_id, agency, decision, steward_id, steward_name, at) VALUES ${Array.from(
    { length: rows },
    (_, j) => {
      const p = 2 + j * DECISION_PARAMS;
      return `(?${p}, ?1, ?${p + 1}, 'approve', ?${p + 2}, ?${p + 3}, ?${p + 4})`;
    },
  ).join(', ')}`;
const DECISION_INSERT_BATCH = decisionInsert(BATCH);
const MAPPING_INSERT_ONE = mappingInsert(1);

/** Bulk inserts of imported schemes and crosswalks. Call inside db.bulk()/bulkAsync(). */
export class ImportRepo {
  constructor(private readonly db: WorkspaceDb) {}

  schemeExists(id: string): boolean {
    return !!this.db.get('SELECT 1 AS x FROM schemes WHERE id = ?', [id]);
  }

  crosswalkExists(id: string): boolean {
    return !!this.db.get('SELECT 1 AS x FROM crosswalks WHERE id = ?', [id]);
  }

  insertScheme(s: NewScheme): void {
    this.db.run(
      'INSERT INTO schemes (id, agency, name_he, name_en, version, levels, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [s.id, s.agency, s.nameHe, s.nameEn, s.version, s.levels, s.source, s.createdAt],
    );
  }

  /** Items [start, end) of a validated scheme, through one prepared statement. */
  insertItems(schemeId: string, r: SchemeRows, start: number, end: number): void {
    const params: SqlParam[] = new Array<SqlParam>(14);
    params[0] = schemeId;
    for (let i = start; i < end; i++) {
      params[1] = r.code[i]!;
      params[2] = r.parentCode[i]!;
      params[3] = r.level[i]!;
      params[4] = r.titleHe[i]!;
      params[5] = r.titleEn[i]!;
      params[6] = r.descriptionHe[i]!;
      params[7] = r.descriptionEn[i]!;
      params[8] = r.validFrom[i]!;
      params[9] = r.validTo[i]!;
      params[10] = r.status[i]!;
      params[11] = r.notes[i]!;
      params[12] = r.isLeaf[i]!;
      params[13] = hebrewSortKey(r.titleHe[i] ?? r.titleEn[i]);
      this.db.run(ITEM_INSERT, params);
    }
  }

  insertCrosswalk(c: NewCrosswalk): void {
    this.db.run(
      `INSERT INTO crosswalks (id, name_he, name_en, source_scheme_id, target_scheme_id, description, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [c.id, c.nameHe, c.nameEn, c.sourceSchemeId, c.targetSchemeId, c.description, c.createdAt],
    );
  }

  /**
   * Mappings [start, end) of a validated crosswalk. Rows go in BATCH at a time through one prepared
   * multi-row INSERT (sql.js pays per statement call, not per row), the remainder one by one.
   */
  insertMappings(
    crosswalkId: string,
    r: CrosswalkRows,
    start: number,
    end: number,
    stamp: MappingStamp,
  ): void {
    const params: SqlParam[] = new Array<SqlParam>(SHARED_PARAMS + ROW_PARAMS * BATCH);
    params[0] = crosswalkId;
    params[1] = stamp.by;
    params[2] = stamp.agency;
    params[3] = stamp.at;
    const fill = (base: number, k: number) => {
      params[base] = r.source[k]!;
      params[base + 1] = r.target[k]!;
      params[base + 2] = relationAt(r.relation[k]!);
      params[base + 3] = r.share[k]!;
      params[base + 4] = justificationAt(r.justification[k]!);
      params[base + 5] = r.confidence[k]!;
      params[base + 6] = statusAt(r.status[k]!);
      params[base + 7] = r.comment[k]!;
      params[base + 8] = r.partialSource[k]!;
      params[base + 9] = r.partialTarget[k]!;
      params[base + 10] = r.author[k]!;
      params[base + 11] = r.reviewer[k]!;
    };
    let i = start;
    for (; i + BATCH <= end; i += BATCH) {
      for (let j = 0; j < BATCH; j++) fill(SHARED_PARAMS + j * ROW_PARAMS, i + j);
      this.db.run(MAPPING_INSERT_BATCH, params);
    }
    const one = params.slice(0, SHARED_PARAMS + ROW_PARAMS);
    for (; i < end; i++) {
      fill(SHARED_PARAMS, i);
      for (let p = SHARED_PARAMS; p < one.length; p++) one[p] = params[p]!;
      this.db.run(MAPPING_INSERT_ONE, one);
    }
  }

  /** The scheme's codes (one query) and how to name it, for checking a crosswalk's side. */
  schemeCodes(schemeId: string): SchemeCodes | null {
    const scheme = this.db.get<{ name_he: string; name_en: string; version: string }>(
      'SELECT name_he, name_en, version FROM schemes WHERE id = ?',
      [schemeId],
    );
    if (!scheme) return null;
    const codes = new Set<string>();
    for (const [code] of this.db.rows('SELECT code FROM items WHERE scheme_id = ?', [schemeId]))
      codes.add(code as string);
    return { nameHe: scheme.name_he, nameEn: scheme.name_en, version: scheme.version, codes };
  }

  crosswalkSchemes(crosswalkId: string): { sourceSchemeId: string; targetSchemeId: string } | null {
    const c = this.db.get<{ source_scheme_id: string; target_scheme_id: string }>(
      'SELECT source_scheme_id, target_scheme_id FROM crosswalks WHERE id = ?',
      [crosswalkId],
    );
    return c ? { sourceSchemeId: c.source_scheme_id, targetSchemeId: c.target_scheme_id } : null;
  }

  /** The steward profiles of this workspace: whom a reviewer_id may name. */
  stewards(): Map<string, WorkspaceSteward> {
    return new Map(
      this.db
        .all<{ id: string; agency: Agency; role: string }>('SELECT id, agency, role FROM stewards')
        .map((s) => [s.id, { agency: s.agency, canApprove: s.role !== 'viewer' }]),
    );
  }

  /**
   * Each approved row's approvals, one per agency, from the stewards its reviewer_id names (the
   * validator made sure they are stewards here, of both agencies), at its review_date or else at
   * the import. Call right after insertMappings of all the rows: the new mappings are the
   * crosswalk's last rows.count ids, in file order.
   */
  restoreApprovals(crosswalkId: string, r: CrosswalkRows, importedAt: string): number {
    if (!r.status.includes('approved')) return 0;
    const stewards = new Map(
      this.db
        .all<{ id: string; name: string; agency: string; role: string }>(
          'SELECT id, name, agency, role FROM stewards',
        )
        .map((s) => [s.id, s]),
    );
    const ids = this.db
      .all<{ id: number }>(
        'SELECT id FROM mappings WHERE crosswalk_id = ? ORDER BY id DESC LIMIT ?',
        [crosswalkId, r.count],
      )
      .map((m) => m.id)
      .reverse();
    // BATCH decisions per statement, the crosswalk bound once (as in insertMappings).
    const params: SqlParam[] = [crosswalkId];
    const flush = (sql: string) => {
      if (params.length > 1) this.db.run(sql, params);
      params.length = 1;
    };
    let restored = 0;
    for (let k = 0; k < r.count; k++) {
      const reviewer = r.reviewer[k];
      if (!reviewer || r.status[k] !== 'approved') continue;
      const date = r.reviewDate[k];
      const at = date ? `${date}T00:00:00.000Z` : importedAt;
      const agencies = new Set<string>();
      for (const id of reviewer.split('|')) {
        const s = stewards.get(id);
        if (!s || s.role === 'viewer' || agencies.has(s.agency)) continue;
        agencies.add(s.agency);
        params.push(ids[k]!, s.agency, s.id, s.name, at);
        restored++;
        if (restored % BATCH === 0) flush(DECISION_INSERT_BATCH);
      }
    }
    const rest = (params.length - 1) / DECISION_PARAMS;
    if (rest > 0) flush(decisionInsert(rest));
    return restored;
  }

  /** Tells cached grid orderings of the crosswalk that its mappings changed. */
  bumpDataVersion(crosswalkId: string): void {
    this.db.run('UPDATE crosswalks SET data_version = data_version + 1 WHERE id = ?', [
      crosswalkId,
    ]);
  }

  /**
   * Drops the indexes of a table for a large load and returns what rebuilds them: building an
   * index once after the load is about twice as fast as updating it row by row. Inside bulk only.
   */
  suspendIndexes(table: 'mappings' | 'items'): () => void {
    const defs = this.db.all<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
      [table],
    );
    for (const d of defs) this.db.execInBulk(`DROP INDEX "${d.name.replace(/"/g, '""')}"`);
    // The index sorter spills to temporary files; in sql.js those are emulated files, slower than memory.
    this.db.execInBulk('PRAGMA temp_store = MEMORY');
    // A larger page cache for the load (measured on 1,000,000 mappings: the insert about 40%
    // faster); the index builds measured no faster with it, and the snapshot after the load
    // reopens the connection with the default anyway.
    this.db.execInBulk(`PRAGMA cache_size = ${LOAD_CACHE_KIB}`);
    return () => {
      this.db.execInBulk('PRAGMA cache_size = -2000');
      for (const d of defs) this.db.execInBulk(d.sql);
    };
  }
}
