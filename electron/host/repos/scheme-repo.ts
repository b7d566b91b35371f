import type { Scheme, SchemeItem } from '../../../shared/contract';
import { derivePrefix } from '../../../shared/domain/export/sssom';
import { hebrewSortKey } from '../../../shared/domain/text/hebrew-collation';
import type { SqlParam } from '../db/journal';
import type { WorkspaceDb } from '../db/workspace-db';
import { likeContains, likePrefix } from './like-pattern';

interface SchemeRow {
  id: string;
  agency: 'ES' | 'CBS' | null;
  name_he: string;
  name_en: string;
  version: string;
  levels: number;
  source: string | null;
  prefix: string | null;
  uri_base: string | null;
  item_count: number;
}

export interface ItemRow {
  scheme_id: string;
  code: string;
  parent_code: string | null;
  level: number;
  title_he: string | null;
  title_en: string | null;
  description_he: string | null;
  description_en: string | null;
  valid_from: string | null;
  valid_to: string | null;
  status: 'active' | 'deprecated';
  notes: string | null;
  is_leaf: number;
}

const toScheme = (r: SchemeRow): Scheme => ({
  id: r.id,
  agency: r.agency,
  nameHe: r.name_he,
  nameEn: r.name_en,
  version: r.version,
  levels: r.levels,
  source: r.source,
  itemCount: r.item_count,
  prefix: r.prefix || derivePrefix(r.name_en, r.version),
  uriBase: r.uri_base,
});

export const toSchemeItem = (r: ItemRow): SchemeItem => ({
  schemeId: r.scheme_id,
  code: String(r.code),
  parentCode: r.parent_code === null ? null : String(r.parent_code),
  level: r.level,
  titleHe: r.title_he,
  titleEn: r.title_en,
  descriptionHe: r.description_he,
  descriptionEn: r.description_en,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  status: r.status,
  notes: r.notes,
  isLeaf: r.is_leaf === 1,
});

const ITEM_COLUMNS = `scheme_id, code, parent_code, level, title_he, title_en, description_he, description_en,
  valid_from, valid_to, status, notes, is_leaf`;

const SCHEME_SELECT = `SELECT s.id, s.agency, s.name_he, s.name_en, s.version, s.levels, s.source, s.prefix, s.uri_base,
  (SELECT COUNT(*) FROM items i WHERE i.scheme_id = s.id) AS item_count FROM schemes s`;

export class SchemeRepo {
  constructor(private readonly db: WorkspaceDb) {}

  /**
   * A scheme's state: moves when items are added, replaced or removed, so an index or tree built
   * from its items knows it is stale.
   */
  stamp(schemeId: string): string {
    const r = this.db.get<{ n: number; top: number | null }>(
      'SELECT COUNT(*) AS n, MAX(id) AS top FROM items WHERE scheme_id = ?',
      [schemeId],
    );
    return `${r?.n ?? 0}:${r?.top ?? 0}`;
  }

  list(): Scheme[] {
    return this.db.all<SchemeRow>(`${SCHEME_SELECT} ORDER BY s.name_en, s.version`).map(toScheme);
  }

  byId(id: string): Scheme | undefined {
    const row = this.db.get<SchemeRow>(`${SCHEME_SELECT} WHERE s.id = ?`, [id]);
    return row ? toScheme(row) : undefined;
  }

  /** Items in code order; search matches a code prefix or a title substring in Hebrew or English. */
  items(
    schemeId: string,
    page: { offset: number; limit: number },
    options: { search?: string; parentCode?: string | null },
  ): { rows: SchemeItem[]; total: number } {
    const where = ['scheme_id = ?'];
    const params: SqlParam[] = [schemeId];
    if (options.parentCode === null) where.push('parent_code IS NULL');
    else if (options.parentCode !== undefined) {
      where.push('parent_code = ?');
      params.push(options.parentCode);
    }
    const q = options.search?.trim();
    if (q) {
      where.push(
        `(code LIKE ? ESCAPE '\\' OR title_he LIKE ? ESCAPE '\\' OR sort_he LIKE ? ESCAPE '\\' OR title_en LIKE ? ESCAPE '\\')`,
      );
      params.push(likePrefix(q), likeContains(q), likeContains(hebrewSortKey(q)), likeContains(q));
    }
    const clause = where.join(' AND ');
    const total =
      this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM items WHERE ${clause}`, params)?.n ?? 0;
    const rows = this.db
      .all<ItemRow>(
        `SELECT ${ITEM_COLUMNS} FROM items WHERE ${clause} ORDER BY code LIMIT ? OFFSET ?`,
        [...params, page.limit, page.offset],
      )
      .map(toSchemeItem);
    return { rows, total };
  }

  item(schemeId: string, code: string): SchemeItem | undefined {
    const row = this.db.get<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM items WHERE scheme_id = ? AND code = ?`,
      [schemeId, code],
    );
    return row ? toSchemeItem(row) : undefined;
  }

  /** Ancestors from the top level down. Stops at a missing parent or a cycle rather than looping. */
  ancestors(item: SchemeItem): SchemeItem[] {
    const path: SchemeItem[] = [];
    const seen = new Set([item.code]);
    let parent = item.parentCode;
    while (parent !== null && !seen.has(parent)) {
      seen.add(parent);
      const p = this.item(item.schemeId, parent);
      if (!p) break;
      path.unshift(p);
      parent = p.parentCode;
    }
    return path;
  }

  /** What the crosswalk checks need of the items with the given codes. */
  checkItemsWithCodes(
    schemeId: string,
    codes: readonly string[],
  ): { code: string; isLeaf: boolean; status: 'active' | 'deprecated' }[] {
    return this.db
      .all<{ code: string; is_leaf: number; status: 'active' | 'deprecated' }>(
        'SELECT code, is_leaf, status FROM items WHERE scheme_id = ? AND code IN (SELECT value FROM json_each(?))',
        [schemeId, JSON.stringify(codes)],
      )
      .map((r) => ({ code: String(r.code), isLeaf: r.is_leaf === 1, status: r.status }));
  }
}
