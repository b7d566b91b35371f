import type { FilterStatus, MappingFilter, SortSpec } from '../../../shared/contract';
import type { MappingStatus } from '../../../shared/contract/common';
import { MAPPING_STATUSES, RELATIONS } from '../../../shared/contract/common';
import type { BlindViewer } from '../../../shared/domain/crosswalk/approval';
import { hebrewSortKey } from '../../../shared/domain/text/hebrew-collation';
import { RpcError } from '../../../shared/rpc/errors';
import type { SqlParam } from '../db/journal';
import { seenNotRejectedSql, seenStatusSql, seenUpdateSql, visibleSql } from './blind-sql';
import { descendantCodes } from './descendant-codes';
import { likeContains, likePrefix } from './like-pattern';

/**
 * Builds the SQL that lists, in grid order, the ids of one crosswalk view (sort + filter).
 * Mapping views list mapping ids; the 'unmapped_sources' check lists source item ids (its rows
 * have no mapping). The result may come in parts, concatenated in order.
 *
 * Speed on a 1,000,000-row crosswalk shapes this: filters never join items (title conditions
 * become `code IN (matching items)`, evaluated once), and a sort by a title walks the items'
 * title index and each item's mappings through the (crosswalk, code) index, so SQLite needs no
 * sorter; mappings whose item has no title follow in a second part (empty titles sort last).
 *
 * Blind mode (`viewer`, see blind-sql.ts): status, the last change and the checks read what the
 * viewer may see, so neither a view's rows nor its order reveal a decision hidden from it.
 */
export interface CrosswalkScope {
  id: string;
  sourceSchemeId: string;
  targetSchemeId: string;
}

export interface SqlPart {
  sql: string;
  params: SqlParam[];
}

export interface OrderedIdQuery {
  kind: 'mapping' | 'item';
  parts: SqlPart[];
}

const ordinal = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((v, i) => `WHEN '${v}' THEN ${i}`).join(' ')} END`;

type Side = 'source' | 'target';

interface TitleSort {
  side: Side;
  /** Column of items and the expression the index orders by. */
  column: 'sort_he' | 'title_en';
}

const TITLE_SORT: Record<string, TitleSort> = {
  sourceTitleHe: { side: 'source', column: 'sort_he' },
  sourceTitleEn: { side: 'source', column: 'title_en' },
  targetTitleHe: { side: 'target', column: 'sort_he' },
  targetTitleEn: { side: 'target', column: 'title_en' },
};

const MAPPING_SORT: Record<string, (viewer: BlindViewer) => string> = {
  sourceCode: () => 'm.source_code',
  relation: () => ordinal('m.relation', RELATIONS),
  targetCode: () => 'm.target_code',
  share: () => 'm.share',
  status: (v) => ordinal(seenStatusSql('m', v), MAPPING_STATUSES),
  updatedBy: (v) => `${seenUpdateSql('m', 'updated_by', v)} COLLATE NOCASE`,
  updatedAt: (v) => seenUpdateSql('m', 'updated_at', v),
};

const UNMAPPED_SORT: Record<string, string> = {
  sourceCode: 'i.code',
  sourceTitleHe: 'i.sort_he',
  sourceTitleEn: 'i.title_en COLLATE NOCASE',
};

export const SORTABLE_COLUMNS = [...Object.keys(MAPPING_SORT), ...Object.keys(TITLE_SORT)];

function checkSort(sort: SortSpec): void {
  for (const s of sort) {
    if (!MAPPING_SORT[s.colId] && !TITLE_SORT[s.colId]) {
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
const dirOf = (d: 'asc' | 'desc') => (d === 'desc' ? 'DESC' : 'ASC');
const codeColumn = (side: Side) => (side === 'source' ? 'm.source_code' : 'm.target_code');
const keyExpr = (alias: string, column: TitleSort['column']) =>
  column === 'title_en' ? `${alias}.title_en COLLATE NOCASE` : `${alias}.sort_he`;

/** Title conditions: Hebrew through the normalised sort key (final letters, niqqud), English case-insensitively. */
function titleMatch(alias: string, text: string, params: SqlParam[]): string {
  params.push(likeContains(text), likeContains(hebrewSortKey(text)), likeContains(text));
  return `(${alias}.title_he LIKE ? ESCAPE '\\' OR ${alias}.sort_he LIKE ? ESCAPE '\\' OR ${alias}.title_en LIKE ? ESCAPE '\\')`;
}

/** Codes of the scheme's items whose title matches: evaluated once per query, not per mapping. */
function codesWithTitle(schemeId: string, text: string, params: SqlParam[]): string {
  params.push(schemeId);
  return `(SELECT x.code FROM items x WHERE x.scheme_id = ? AND ${titleMatch('x', text, params)})`;
}

function codePrefix(column: string, text: string, params: SqlParam[]): string {
  params.push(likePrefix(text));
  return `${column} LIKE ? ESCAPE '\\'`;
}

/** The conditions of the mapping checks on alias m; the same text counts them and filters the grid. */
function checkCondition(
  check: Exclude<MappingFilter['check'], undefined | 'unmapped_sources'>,
  cw: CrosswalkScope,
  params: SqlParam[],
  viewer: BlindViewer,
): string {
  const live = (alias: string) => seenNotRejectedSql(alias, viewer);
  switch (check) {
    case 'shares_not_one':
      return `${live('m')} AND m.source_code IN (
        SELECT g.source_code FROM mappings g WHERE g.crosswalk_id = m.crosswalk_id AND ${live('g')}
        GROUP BY g.source_code
        HAVING COUNT(g.share) > 0 AND (COUNT(g.share) < COUNT(*) OR ABS(SUM(g.share) - 1) > 1e-6))`;
    case 'invalid_targets':
      params.push(cw.targetSchemeId);
      return `${live('m')} AND m.target_code NOT IN (
        SELECT v.code FROM items v WHERE v.scheme_id = ? AND v.is_leaf = 1 AND v.status = 'active')`;
    case 'duplicate_pairs':
      return `${live('m')} AND EXISTS (
        SELECT 1 FROM mappings d WHERE d.crosswalk_id = m.crosswalk_id AND d.source_code = m.source_code
        AND d.target_code = m.target_code AND d.id <> m.id AND ${live('d')})`;
  }
}

export const APPROVED_BY_ONE = `EXISTS (SELECT 1 FROM mapping_agency_decisions v WHERE v.mapping_id = m.id AND v.decision = 'approve')`;

/** The agencies decided differently (both decided). */
const DISAGREEMENT = `EXISTS (SELECT 1 FROM mapping_agency_decisions a JOIN mapping_agency_decisions b
  ON b.mapping_id = a.mapping_id AND b.agency > a.agency AND b.decision <> a.decision WHERE a.mapping_id = m.id)`;

/** Review states: 'half_approved' is a proposed mapping one agency approved; 'proposed' the rest of them. */
function statusCondition(
  states: readonly FilterStatus[],
  params: SqlParam[],
  viewer: BlindViewer,
): string {
  const stored = states.filter(
    (s): s is MappingStatus => s !== 'half_approved' && s !== 'proposed',
  );
  const status = seenStatusSql('m', viewer);
  // An approval the viewer sees: none on a hidden mapping (the viewer's own agency has not voted).
  const visible = visibleSql('m', viewer);
  const approvedByOne = visible ? `(${APPROVED_BY_ONE} AND ${visible})` : APPROVED_BY_ONE;
  const parts: string[] = [];
  if (stored.length > 0) {
    parts.push(`${status} IN (${stored.map(() => '?').join(', ')})`);
    params.push(...stored);
  }
  const proposed = states.includes('proposed');
  const half = states.includes('half_approved');
  if (proposed && half) parts.push(`${status} = 'proposed'`);
  else if (proposed) parts.push(`(${status} = 'proposed' AND NOT ${approvedByOne})`);
  else if (half) parts.push(`(${status} = 'proposed' AND ${approvedByOne})`);
  return `(${parts.join(' OR ')})`;
}

/** The filter as conditions on alias m alone (no joins). */
function mappingConditions(
  cw: CrosswalkScope,
  filter: MappingFilter,
  viewer: BlindViewer,
): SqlPart {
  const where: string[] = [];
  const params: SqlParam[] = [];
  if (filled(filter.search)) {
    const q = filter.search.trim();
    const parts = [
      codePrefix('m.source_code', q, params),
      codePrefix('m.target_code', q, params),
      `m.source_code IN ${codesWithTitle(cw.sourceSchemeId, q, params)}`,
      `m.target_code IN ${codesWithTitle(cw.targetSchemeId, q, params)}`,
    ];
    where.push(`(${parts.join(' OR ')})`);
  }
  if (filled(filter.sourceCode))
    where.push(codePrefix('m.source_code', filter.sourceCode.trim(), params));
  if (filled(filter.sourcePrefix))
    where.push(codePrefix('m.source_code', filter.sourcePrefix, params));
  if (filled(filter.sourceAncestor))
    where.push(
      `m.source_code IN ${descendantCodes(cw.sourceSchemeId, filter.sourceAncestor, params)}`,
    );
  if (filled(filter.targetCode))
    where.push(codePrefix('m.target_code', filter.targetCode.trim(), params));
  if (filled(filter.sourceTitle))
    where.push(
      `m.source_code IN ${codesWithTitle(cw.sourceSchemeId, filter.sourceTitle.trim(), params)}`,
    );
  if (filled(filter.targetTitle))
    where.push(
      `m.target_code IN ${codesWithTitle(cw.targetSchemeId, filter.targetTitle.trim(), params)}`,
    );
  if (some(filter.relation)) {
    where.push(`m.relation IN (${filter.relation.map(() => '?').join(', ')})`);
    params.push(...filter.relation);
  }
  if (some(filter.status)) where.push(statusCondition(filter.status, params, viewer));
  if (filter.disagreements) {
    const visible = visibleSql('m', viewer);
    where.push(visible ? `(${DISAGREEMENT} AND ${visible})` : DISAGREEMENT);
  }
  if (filled(filter.updatedBy)) {
    where.push(`${seenUpdateSql('m', 'updated_by', viewer)} LIKE ? ESCAPE '\\'`);
    params.push(likeContains(filter.updatedBy.trim()));
  }
  if (filter.check && filter.check !== 'unmapped_sources')
    where.push(checkCondition(filter.check, cw, params, viewer));
  return { sql: where.map((w) => ` AND ${w}`).join(''), params };
}

/** ORDER BY terms for sort keys after the first, joining items for titles (slower, but rare). */
function orderTerms(
  sort: SortSpec,
  cw: CrosswalkScope,
  joins: SqlPart[],
  viewer: BlindViewer,
): string[] {
  const terms: string[] = [];
  for (const [n, s] of sort.entries()) {
    const title = TITLE_SORT[s.colId];
    if (!title) {
      terms.push(`${MAPPING_SORT[s.colId]!(viewer)} ${dirOf(s.dir)}`);
      continue;
    }
    const alias = `o${n}`;
    joins.push({
      sql: ` LEFT JOIN items ${alias} ON ${alias}.scheme_id = ? AND ${alias}.code = ${codeColumn(title.side)}`,
      params: [title.side === 'source' ? cw.sourceSchemeId : cw.targetSchemeId],
    });
    terms.push(
      `(${alias}.${title.column} IS NULL OR ${alias}.${title.column} = '')`,
      `${keyExpr(alias, title.column)} ${dirOf(s.dir)}`,
    );
  }
  return terms;
}

function mappingQuery(
  cw: CrosswalkScope,
  sort: SortSpec,
  filter: MappingFilter,
  viewer: BlindViewer,
): OrderedIdQuery {
  const cond = mappingConditions(cw, filter, viewer);
  const first = sort[0];
  const title = first && TITLE_SORT[first.colId];
  if (!first || !title) {
    const joins: SqlPart[] = [];
    const order = [...orderTerms(sort, cw, joins, viewer), 'm.id'];
    return {
      kind: 'mapping',
      parts: [
        {
          sql: `SELECT m.id FROM mappings m${joins.map((j) => j.sql).join('')} WHERE m.crosswalk_id = ?${cond.sql} ORDER BY ${order.join(', ')}`,
          params: [...joins.flatMap((j) => j.params), cw.id, ...cond.params],
        },
      ],
    };
  }
  const dir = dirOf(first.dir);
  const scheme = title.side === 'source' ? cw.sourceSchemeId : cw.targetSchemeId;
  const joins: SqlPart[] = [];
  const rest = orderTerms(sort.slice(1), cw, joins, viewer);
  const joinSql = joins.map((j) => j.sql).join('');
  const joinParams = joins.flatMap((j) => j.params);
  const key = keyExpr('a', title.column);
  // CROSS JOIN fixes the loop order: items in title order outside, their mappings inside.
  const titled: SqlPart = {
    sql: `SELECT m.id FROM items a CROSS JOIN mappings m ON m.crosswalk_id = ? AND ${codeColumn(title.side)} = a.code${joinSql}
      WHERE a.scheme_id = ? AND ${key} > ''${cond.sql}
      ORDER BY ${[`${key} ${dir}`, `a.id ${dir}`, ...rest, `m.id ${dir}`].join(', ')}`,
    params: [cw.id, ...joinParams, scheme, ...cond.params],
  };
  const untitled: SqlPart = {
    sql: `SELECT m.id FROM mappings m${joinSql} WHERE m.crosswalk_id = ?
      AND ${codeColumn(title.side)} NOT IN (SELECT a.code FROM items a WHERE a.scheme_id = ? AND ${key} > '')${cond.sql}
      ORDER BY ${[...rest, 'm.id'].join(', ')}`,
    params: [...joinParams, cw.id, scheme, ...cond.params],
  };
  return { kind: 'mapping', parts: [titled, untitled] };
}

/** Active leaf source items with no live mapping; filters on mapping columns match nothing (those cells are empty). */
function unmappedQuery(
  cw: CrosswalkScope,
  sort: SortSpec,
  filter: MappingFilter,
  viewer: BlindViewer,
): OrderedIdQuery {
  const where = [
    'i.scheme_id = ?',
    'i.is_leaf = 1',
    `i.status = 'active'`,
    `NOT EXISTS (SELECT 1 FROM mappings x WHERE x.crosswalk_id = ? AND x.source_code = i.code AND ${seenNotRejectedSql('x', viewer)})`,
  ];
  const params: SqlParam[] = [cw.sourceSchemeId, cw.id];
  const mappingOnly =
    filled(filter.targetCode) ||
    filled(filter.targetTitle) ||
    some(filter.relation) ||
    some(filter.status) ||
    filter.disagreements === true ||
    filled(filter.updatedBy);
  if (mappingOnly) where.push('0');
  if (filled(filter.search)) {
    const q = filter.search.trim();
    where.push(`(${codePrefix('i.code', q, params)} OR ${titleMatch('i', q, params)})`);
  }
  if (filled(filter.sourceCode)) where.push(codePrefix('i.code', filter.sourceCode.trim(), params));
  if (filled(filter.sourcePrefix)) where.push(codePrefix('i.code', filter.sourcePrefix, params));
  if (filled(filter.sourceAncestor))
    where.push(`i.code IN ${descendantCodes(cw.sourceSchemeId, filter.sourceAncestor, params)}`);
  if (filled(filter.sourceTitle)) where.push(titleMatch('i', filter.sourceTitle.trim(), params));
  const order: string[] = [];
  for (const s of sort) {
    const expr = UNMAPPED_SORT[s.colId];
    if (expr) order.push(`${expr} ${dirOf(s.dir)}`);
  }
  order.push('i.code', 'i.id');
  return {
    kind: 'item',
    parts: [
      {
        sql: `SELECT i.id FROM items i WHERE ${where.join(' AND ')} ORDER BY ${order.join(', ')}`,
        params,
      },
    ],
  };
}

/** `viewer`: whom blind mode applies to (undefined: nobody, every status as stored). */
export function orderedIdQuery(
  cw: CrosswalkScope,
  sort: SortSpec,
  filter: MappingFilter,
  viewer: BlindViewer = undefined,
): OrderedIdQuery {
  checkSort(sort);
  return filter.check === 'unmapped_sources'
    ? unmappedQuery(cw, sort, filter, viewer)
    : mappingQuery(cw, sort, filter, viewer);
}

/** Which fields of a mapping a view's order and membership depend on. */
export type MappingField = 'status' | 'relation' | 'share' | 'comment' | 'updated' | 'votes';

const SORT_FIELDS: Record<string, MappingField | undefined> = {
  relation: 'relation',
  share: 'share',
  status: 'status',
  updatedBy: 'updated',
  updatedAt: 'updated',
};

export function sortDependsOn(sort: SortSpec): Set<MappingField> {
  return new Set(sort.flatMap((s) => SORT_FIELDS[s.colId] ?? []));
}

/**
 * The fields a view's filter reads for each mapping on its own, or null when membership depends
 * on other rows too (the checks: shares of siblings, duplicates, unmapped sources).
 */
export function filterDependsOn(filter: MappingFilter): Set<MappingField> | null {
  if (filter.check) return null;
  const out = new Set<MappingField>();
  if (some(filter.status)) out.add('status');
  if (filter.status?.includes('proposed') !== filter.status?.includes('half_approved'))
    out.add('votes');
  if (filter.disagreements) out.add('votes');
  if (some(filter.relation)) out.add('relation');
  if (filled(filter.updatedBy)) out.add('updated');
  return out;
}

/** Of the given mapping ids, those the view's filter matches now. */
export function matchingIdsQuery(
  cw: CrosswalkScope,
  filter: MappingFilter,
  ids: readonly number[],
  viewer: BlindViewer = undefined,
): SqlPart {
  const cond = mappingConditions(cw, filter, viewer);
  return {
    // CROSS JOIN: look the few ids up by key, whatever indexes the filter's columns have.
    sql: `SELECT m.id FROM json_each(?) j CROSS JOIN mappings m ON m.id = j.value WHERE +m.crosswalk_id = ?${cond.sql}`,
    params: [JSON.stringify(ids), cw.id, ...cond.params],
  };
}
