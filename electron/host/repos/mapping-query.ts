import type { MappingFilter, SortSpec } from '../../../shared/contract';
import { MAPPING_STATUSES, RELATIONS } from '../../../shared/contract/common';
import { hebrewSortKey } from '../../../shared/domain/text/hebrew-collation';
import { RpcError } from '../../../shared/rpc/errors';
import type { SqlParam } from '../db/journal';
import { likeContains, likePrefix } from './like-pattern';

/**
 * Builds the SQL that lists, in grid order, the ids of one crosswalk view (sort + filter).
 * Mapping views list mapping ids; the 'unmapped_sources' check lists source item ids (its rows
 * have no mapping). Aliases: m = mappings, s = source item, t = target item, i = unmapped item.
 */
export interface CrosswalkScope {
  id: string;
  sourceSchemeId: string;
  targetSchemeId: string;
}

export interface OrderedIdQuery {
  kind: 'mapping' | 'item';
  sql: string;
  params: SqlParam[];
}

const ordinal = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END`;

interface SortColumn {
  expr: string;
  join?: 's' | 't';
  /** Empty titles sort last in both directions. */
  emptyLast?: boolean;
}

const MAPPING_SORT: Record<string, SortColumn> = {
  sourceCode: { expr: 'm.source_code' },
  sourceTitleHe: { expr: 's.sort_he', join: 's', emptyLast: true },
  sourceTitleEn: { expr: 's.title_en COLLATE NOCASE', join: 's', emptyLast: true },
  relation: { expr: ordinal('m.relation', RELATIONS) },
  targetCode: { expr: 'm.target_code' },
  targetTitleHe: { expr: 't.sort_he', join: 't', emptyLast: true },
  targetTitleEn: { expr: 't.title_en COLLATE NOCASE', join: 't', emptyLast: true },
  share: { expr: 'm.share' },
  status: { expr: ordinal('m.status', MAPPING_STATUSES) },
  updatedBy: { expr: 'm.updated_by COLLATE NOCASE' },
  updatedAt: { expr: 'm.updated_at' },
};

const UNMAPPED_SORT: Record<string, string> = {
  sourceCode: 'i.code',
  sourceTitleHe: 'i.sort_he',
  sourceTitleEn: 'i.title_en COLLATE NOCASE',
};

export const SORTABLE_COLUMNS = Object.keys(MAPPING_SORT);

function checkSort(sort: SortSpec): void {
  for (const s of sort) {
    if (!MAPPING_SORT[s.colId]) {
      throw new RpcError(
        'validation_failed',
        `Cannot sort by "${s.colId}"; sortable columns: ${SORTABLE_COLUMNS.join(', ')}.`,
      );
    }
  }
}

const filled = (text: string | undefined): text is string =>
  text !== undefined && text.trim() !== '';
const some = <T>(values: T[] | undefined): values is T[] =>
  values !== undefined && values.length > 0;

/** Title conditions: Hebrew through the normalised sort key (final letters, niqqud), English case-insensitively. */
function titleMatch(alias: string, text: string, params: SqlParam[]): string {
  params.push(likeContains(text), likeContains(hebrewSortKey(text)), likeContains(text));
  return `(${alias}.title_he LIKE ? ESCAPE '\\' OR ${alias}.sort_he LIKE ? ESCAPE '\\' OR ${alias}.title_en LIKE ? ESCAPE '\\')`;
}

function codePrefix(column: string, text: string, params: SqlParam[]): string {
  params.push(likePrefix(text));
  return `${column} LIKE ? ESCAPE '\\'`;
}

const CHECK_CONDITIONS = {
  shares_not_one: `m.status <> 'rejected' AND m.source_code IN (
      SELECT g.source_code FROM mappings g WHERE g.crosswalk_id = m.crosswalk_id AND g.status <> 'rejected'
      GROUP BY g.source_code
      HAVING (COUNT(*) >= 2 AND COUNT(g.share) < COUNT(*)) OR (COUNT(g.share) > 0 AND ABS(SUM(g.share) - 1) > 1e-6))`,
  invalid_targets: `m.status <> 'rejected' AND (t.id IS NULL OR t.is_leaf = 0 OR t.status = 'deprecated')`,
  duplicate_pairs: `m.status <> 'rejected' AND EXISTS (
      SELECT 1 FROM mappings d WHERE d.crosswalk_id = m.crosswalk_id AND d.source_code = m.source_code
      AND d.target_code = m.target_code AND d.id <> m.id AND d.status <> 'rejected')`,
} as const;

function mappingQuery(cw: CrosswalkScope, sort: SortSpec, filter: MappingFilter): OrderedIdQuery {
  const joins = new Set<'s' | 't'>();
  const where: string[] = ['m.crosswalk_id = ?'];
  const params: SqlParam[] = [];
  const whereParams: SqlParam[] = [cw.id];

  if (filled(filter.search)) {
    const q = filter.search.trim();
    joins.add('s').add('t');
    const parts = [
      codePrefix('m.source_code', q, whereParams),
      codePrefix('m.target_code', q, whereParams),
      titleMatch('s', q, whereParams),
      titleMatch('t', q, whereParams),
    ];
    where.push(`(${parts.join(' OR ')})`);
  }
  if (filled(filter.sourceCode))
    where.push(codePrefix('m.source_code', filter.sourceCode.trim(), whereParams));
  if (filled(filter.sourcePrefix))
    where.push(codePrefix('m.source_code', filter.sourcePrefix, whereParams));
  if (filled(filter.targetCode))
    where.push(codePrefix('m.target_code', filter.targetCode.trim(), whereParams));
  if (filled(filter.sourceTitle)) {
    joins.add('s');
    where.push(titleMatch('s', filter.sourceTitle.trim(), whereParams));
  }
  if (filled(filter.targetTitle)) {
    joins.add('t');
    where.push(titleMatch('t', filter.targetTitle.trim(), whereParams));
  }
  if (some(filter.relation)) {
    where.push(`m.relation IN (${filter.relation.map(() => '?').join(', ')})`);
    whereParams.push(...filter.relation);
  }
  if (some(filter.status)) {
    where.push(`m.status IN (${filter.status.map(() => '?').join(', ')})`);
    whereParams.push(...filter.status);
  }
  if (filled(filter.updatedBy)) {
    where.push(`m.updated_by LIKE ? ESCAPE '\\'`);
    whereParams.push(likeContains(filter.updatedBy.trim()));
  }
  if (filter.check && filter.check !== 'unmapped_sources') {
    if (filter.check === 'invalid_targets') joins.add('t');
    where.push(CHECK_CONDITIONS[filter.check]);
  }

  const order: string[] = [];
  for (const s of sort) {
    const col = MAPPING_SORT[s.colId]!;
    if (col.join) joins.add(col.join);
    if (col.emptyLast)
      order.push(
        `(${col.expr.replace(' COLLATE NOCASE', '')} IS NULL OR ${col.expr.replace(' COLLATE NOCASE', '')} = '')`,
      );
    order.push(`${col.expr} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`);
  }
  order.push('m.id');

  const from = ['mappings m'];
  if (joins.has('s')) {
    from.push('LEFT JOIN items s ON s.scheme_id = ? AND s.code = m.source_code');
    params.push(cw.sourceSchemeId);
  }
  if (joins.has('t')) {
    from.push('LEFT JOIN items t ON t.scheme_id = ? AND t.code = m.target_code');
    params.push(cw.targetSchemeId);
  }
  return {
    kind: 'mapping',
    sql: `SELECT m.id FROM ${from.join(' ')} WHERE ${where.join(' AND ')} ORDER BY ${order.join(', ')}`,
    params: [...params, ...whereParams],
  };
}

/** Active leaf source items with no live mapping; filters on mapping columns match nothing (those cells are empty). */
function unmappedQuery(cw: CrosswalkScope, sort: SortSpec, filter: MappingFilter): OrderedIdQuery {
  const where = [
    'i.scheme_id = ?',
    'i.is_leaf = 1',
    `i.status = 'active'`,
    `NOT EXISTS (SELECT 1 FROM mappings x WHERE x.crosswalk_id = ? AND x.source_code = i.code AND x.status <> 'rejected')`,
  ];
  const params: SqlParam[] = [cw.sourceSchemeId, cw.id];
  const mappingOnly =
    filled(filter.targetCode) ||
    filled(filter.targetTitle) ||
    some(filter.relation) ||
    some(filter.status) ||
    filled(filter.updatedBy);
  if (mappingOnly) where.push('0');
  if (filled(filter.search)) {
    const q = filter.search.trim();
    where.push(`(${codePrefix('i.code', q, params)} OR ${titleMatch('i', q, params)})`);
  }
  if (filled(filter.sourceCode)) where.push(codePrefix('i.code', filter.sourceCode.trim(), params));
  if (filled(filter.sourcePrefix)) where.push(codePrefix('i.code', filter.sourcePrefix, params));
  if (filled(filter.sourceTitle)) where.push(titleMatch('i', filter.sourceTitle.trim(), params));
  const order: string[] = [];
  for (const s of sort) {
    const expr = UNMAPPED_SORT[s.colId];
    if (expr) order.push(`${expr} ${s.dir === 'desc' ? 'DESC' : 'ASC'}`);
  }
  order.push('i.code', 'i.id');
  return {
    kind: 'item',
    sql: `SELECT i.id FROM items i WHERE ${where.join(' AND ')} ORDER BY ${order.join(', ')}`,
    params,
  };
}

export function orderedIdQuery(
  cw: CrosswalkScope,
  sort: SortSpec,
  filter: MappingFilter,
): OrderedIdQuery {
  checkSort(sort);
  return filter.check === 'unmapped_sources'
    ? unmappedQuery(cw, sort, filter)
    : mappingQuery(cw, sort, filter);
}

/** The SQL conditions of the mapping checks, for counting (same text as the grid filters). */
export const CHECK_SQL = CHECK_CONDITIONS;
