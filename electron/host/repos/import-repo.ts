import type { CrosswalkRows } from '../../../shared/domain/import/validate-crosswalk';
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

const MAPPING_INSERT = `INSERT INTO mappings (crosswalk_id, source_code, target_code, relation, share, justification, confidence,
  status, comment, partial_source, partial_target, author_id, reviewer_id, updated_by, updated_by_agency, updated_at, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

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

  /** Mappings [start, end) of a validated crosswalk, through one prepared statement. */
  insertMappings(
    crosswalkId: string,
    r: CrosswalkRows,
    start: number,
    end: number,
    stamp: MappingStamp,
  ): void {
    const params: SqlParam[] = new Array<SqlParam>(17);
    params[0] = crosswalkId;
    params[13] = stamp.by;
    params[14] = stamp.agency;
    params[15] = stamp.at;
    params[16] = stamp.at;
    for (let i = start; i < end; i++) {
      params[1] = r.source[i]!;
      params[2] = r.target[i]!;
      params[3] = r.relation[i]!;
      params[4] = r.share[i]!;
      params[5] = r.justification[i]!;
      params[6] = r.confidence[i]!;
      params[7] = r.status[i]!;
      params[8] = r.comment[i]!;
      params[9] = r.partialSource[i]!;
      params[10] = r.partialTarget[i]!;
      params[11] = r.author[i]!;
      params[12] = r.reviewer[i]!;
      this.db.run(MAPPING_INSERT, params);
    }
  }
}
