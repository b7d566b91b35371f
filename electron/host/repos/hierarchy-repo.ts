import type { BlindViewer } from '../../../shared/domain/crosswalk/approval';
import type { WorkspaceDb } from '../db/workspace-db';
import { agencyLiteral, hiddenSql, seenNotRejectedSql, seenStatusSql } from './blind-sql';

export interface StructureRow {
  code: string;
  parent_code: string | null;
  level: number;
  title_he: string | null;
  title_en: string | null;
  is_leaf: number;
  status: 'active' | 'deprecated';
}

export interface LeafMappingState {
  code: string;
  /** 1 when the code has a non-rejected mapping. */
  mapped: number;
  approved: number;
}

export interface DecisionCount {
  day: string;
  status: string;
  n: number;
}

const DECIDED = `('approved', 'rejected', 'needs_discussion')`;

export class HierarchyRepo {
  constructor(private readonly db: WorkspaceDb) {}

  structure(schemeId: string): StructureRow[] {
    return this.db
      .all<StructureRow>(
        `SELECT code, parent_code, level, title_he, title_en, is_leaf, status FROM items
         WHERE scheme_id = ? ORDER BY code`,
        [schemeId],
      )
      .map((r) => ({
        ...r,
        code: String(r.code),
        parent_code: r.parent_code === null ? null : String(r.parent_code),
      }));
  }

  /**
   * Per code on one side of the crosswalk: whether it has a live and an approved mapping (one
   * grouped scan); in blind mode (`viewer`), as far as the viewer sees.
   */
  leafStates(
    crosswalkId: string,
    side: 'source' | 'target',
    viewer: BlindViewer = undefined,
  ): LeafMappingState[] {
    const column = side === 'source' ? 'source_code' : 'target_code';
    return this.db
      .all<LeafMappingState>(
        `SELECT m.${column} AS code, MAX(${seenNotRejectedSql('m', viewer)}) AS mapped,
           MAX(${seenStatusSql('m', viewer)} = 'approved') AS approved
         FROM mappings m WHERE m.crosswalk_id = ? GROUP BY m.${column}`,
        [crosswalkId],
      )
      .map((r) => ({ ...r, code: String(r.code) }));
  }

  /**
   * mapping.decide audit rows of this crosswalk that changed a mapping's status to a decided one,
   * per UTC day: rows per mapping (entity 'mapping', the crosswalk found through the mapping) and
   * bulk summary rows (entity 'crosswalk', before/after listing every mapping in the same order).
   * Blind mode (`viewer`): as the audit log, without another agency's rows on a mapping hidden
   * from the viewer, nor its bulk rows.
   */
  decisionsPerDay(crosswalkId: string, viewer: BlindViewer = undefined): DecisionCount[] {
    let mine = '';
    let bulk = '';
    if (viewer !== undefined) {
      const own = `a.agency = ${agencyLiteral(viewer)}`;
      mine = ` AND (${own} OR NOT ${hiddenSql('m', viewer)})`;
      bulk = ` AND ${own}`;
    }
    return this.db.all<DecisionCount>(
      `SELECT day, status, COUNT(*) AS n FROM (
         SELECT substr(a.at, 1, 10) AS day, json_extract(a.after_json, '$.status') AS status
         FROM audit a JOIN mappings m ON m.id = CAST(a.entity_id AS INTEGER)
         WHERE a.entity_type = 'mapping' AND a.action = 'mapping.decide' AND m.crosswalk_id = ?
           AND json_extract(a.after_json, '$.status') IN ${DECIDED}
           AND json_extract(a.after_json, '$.status') IS NOT json_extract(a.before_json, '$.status')${mine}
         UNION ALL
         SELECT substr(a.at, 1, 10) AS day, json_extract(j.value, '$.status') AS status
         FROM audit a
           JOIN json_each(a.after_json, '$.mappings') j
           JOIN json_each(a.before_json, '$.mappings') b ON b.key = j.key
         WHERE a.entity_type = 'crosswalk' AND a.entity_id = ? AND a.action = 'mapping.decide'
           AND json_extract(j.value, '$.status') IN ${DECIDED}
           AND json_extract(j.value, '$.status') IS NOT json_extract(b.value, '$.status')${bulk}
       ) GROUP BY day, status ORDER BY day`,
      [crosswalkId, crosswalkId],
    );
  }
}
