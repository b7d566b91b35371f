import type { InheritedFrom } from '../../../shared/contract';
import type { SuggestItem } from '../../../shared/domain/suggest/types';
import type { BlindViewer } from '../../../shared/domain/crosswalk/approval';
import type { WorkspaceDb } from '../db/workspace-db';
import { seenNotRejectedSql } from './blind-sql';

interface SuggestItemRow {
  code: string;
  parent_code: string | null;
  level: number;
  is_leaf: number;
  title_he: string | null;
  title_en: string | null;
  description_he: string | null;
  description_en: string | null;
}

/**
 * Active leaf source codes with no mapping other than rejected ones (as the 'unmapped_sources'
 * check); in blind mode, rejected as far as the viewer sees.
 */
const unmapped = (
  viewer: BlindViewer,
) => `i.scheme_id = ? AND i.is_leaf = 1 AND i.status = 'active' AND NOT EXISTS (
  SELECT 1 FROM mappings x WHERE x.crosswalk_id = ? AND x.source_code = i.code AND ${seenNotRejectedSql('x', viewer)})`;

/** What the suggestion ranker reads: scheme items, a source's siblings' mappings, inherited mappings. */
export class SuggestionRepo {
  constructor(private readonly db: WorkspaceDb) {}

  /** A scheme's items; for a target scheme without deprecated leaves (never suggested). */
  items(schemeId: string, side: 'source' | 'target'): SuggestItem[] {
    const active = side === 'target' ? `AND NOT (is_leaf = 1 AND status = 'deprecated')` : '';
    return this.db
      .all<SuggestItemRow>(
        `SELECT code, parent_code, level, is_leaf, title_he, title_en, description_he, description_en
         FROM items WHERE scheme_id = ? ${active} ORDER BY code`,
        [schemeId],
      )
      .map((r) => ({
        code: String(r.code),
        parentCode: r.parent_code === null ? null : String(r.parent_code),
        level: r.level,
        isLeaf: r.is_leaf === 1,
        titleHe: r.title_he,
        titleEn: r.title_en,
        descriptionHe: r.description_he,
        descriptionEn: r.description_en,
      }));
  }

  /** The live (not rejected) mappings of the source codes that share `sourceCode`'s parent. */
  siblingMappings(
    crosswalkId: string,
    sourceSchemeId: string,
    parentCode: string | null,
    viewer: BlindViewer = undefined,
  ): { sourceCode: string; targetCode: string }[] {
    return this.db
      .all<{ source_code: string; target_code: string }>(
        `SELECT m.source_code, m.target_code FROM mappings m
         WHERE m.crosswalk_id = ? AND ${seenNotRejectedSql('m', viewer)} AND m.source_code IN (
           SELECT code FROM items WHERE scheme_id = ? AND parent_code IS ?)`,
        [crosswalkId, sourceSchemeId, parentCode],
      )
      .map((r) => ({ sourceCode: String(r.source_code), targetCode: String(r.target_code) }));
  }

  /**
   * What approved crosswalk versions between versions of the same two schemes (schemes named
   * alike in English, any version; this crosswalk's own approved version too) map `sourceCode`
   * to: the approved mappings frozen in each crosswalk's approved version.
   */
  inheritedTargets(
    sourceSchemeId: string,
    targetSchemeId: string,
    sourceCode: string,
  ): { targetCode: string; from: InheritedFrom }[] {
    return this.db
      .all<{ target_code: string; id: string; name_he: string; name_en: string; number: number }>(
        `SELECT DISTINCT vm.target_code, c.id, c.name_he, c.name_en, v.number
         FROM crosswalk_versions v
         JOIN crosswalks c ON c.id = v.crosswalk_id
         JOIN version_mappings vm ON vm.version_id = v.id AND vm.source_code = ? AND vm.status = 'approved'
         WHERE v.status = 'approved'
           AND c.source_scheme_id IN (SELECT o.id FROM schemes o JOIN schemes s ON s.id = ? WHERE o.name_en = s.name_en)
           AND c.target_scheme_id IN (SELECT o.id FROM schemes o JOIN schemes s ON s.id = ? WHERE o.name_en = s.name_en)
         ORDER BY vm.target_code, c.id`,
        [sourceCode, sourceSchemeId, targetSchemeId],
      )
      .map((r) => ({
        targetCode: String(r.target_code),
        from: { crosswalkId: r.id, nameHe: r.name_he, nameEn: r.name_en, version: r.number },
      }));
  }

  /** The first unmapped source code after `after` in code order (from the start when absent). */
  nextUnmapped(
    crosswalkId: string,
    sourceSchemeId: string,
    after?: string,
    viewer: BlindViewer = undefined,
  ): string | null {
    const r = this.db.get<{ code: string }>(
      `SELECT i.code FROM items i WHERE ${unmapped(viewer)} ${after === undefined ? '' : 'AND i.code > ?'}
       ORDER BY i.code LIMIT 1`,
      after === undefined ? [sourceSchemeId, crosswalkId] : [sourceSchemeId, crosswalkId, after],
    );
    return r ? String(r.code) : null;
  }

  unmappedCount(
    crosswalkId: string,
    sourceSchemeId: string,
    viewer: BlindViewer = undefined,
  ): number {
    return (
      this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM items i WHERE ${unmapped(viewer)}`, [
        sourceSchemeId,
        crosswalkId,
      ])?.n ?? 0
    );
  }
}
