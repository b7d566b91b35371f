import { randomUUID } from 'node:crypto';
import { MIGRATIONS } from '../../electron/host/db/migrations';
import {
  orderedIdQuery,
  type CrosswalkScope,
  type SqlPart,
} from '../../electron/host/repos/mapping-query';
import type { GeneratedCrosswalk } from '../generate';
import { prng } from '../generate';
import { openNative, openSqlJs, type Engine } from '../engines';
import { percentile } from '../stats';
import { BLOCK, BLOCKS_PER_VIEW, GRID_VIEWS, blockOffsets } from '../views';

/**
 * The same bulk insert and the same grid block fetch on sql.js and on native SQLite, with the
 * workspace's schema and indexes (its migrations) and the grid's SQL: the view's ordered ids
 * (mapping-query.ts, run part by part as CrosswalkRepo.orderedIds does) and then one block of rows by id.
 */
export interface EngineTimes {
  /** Into the migrated schema, every index already there (what a workspace has). */
  insertMs: number;
  /** Into the table without its mapping indexes, then CREATE INDEX (the index build is included). */
  loadThenIndexMs: number;
  firstViewMs: number[];
  blockP50: number;
  blockP95: number;
}

// Ids are UUIDs as the workspace makes them (they repeat in every mapping index entry, so their length matters).
const SCOPE: CrosswalkScope = {
  id: randomUUID(),
  sourceSchemeId: randomUUID(),
  targetSchemeId: randomUUID(),
};
const AT = '2026-01-01T00:00:00.000Z';
const BY = ['Bench Steward', 'ES'] as const;

// Same shape as CrosswalkRepo's block query (rows of a page, by mapping id).
const BLOCK_SQL = `SELECT m.id, m.source_code, s.title_he, s.title_en, m.relation, m.target_code, t.title_he, t.title_en,
  m.share, m.status, m.justification, m.confidence, m.comment, m.partial_source, m.partial_target,
  m.updated_by, m.updated_by_agency, m.updated_at
  FROM mappings m
  LEFT JOIN items s ON s.scheme_id = ? AND s.code = m.source_code
  LEFT JOIN items t ON t.scheme_id = ? AND t.code = m.target_code
  WHERE m.id IN (SELECT value FROM json_each(?))`;

// The columns the import fills (ImportRepo.insertMappings), one row per statement call.
const INSERT_MAPPING = `INSERT INTO mappings (crosswalk_id, source_code, target_code, relation, share, justification, confidence,
  status, comment, partial_source, partial_target, author_id, reviewer_id, updated_by, updated_by_agency, updated_at, created_at)
  VALUES (?, ?, ?, ?, ?, 'imported', NULL, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?)`;

const MAPPING_INDEX = /CREATE INDEX (mappings_\w+) ON mappings\([^)]*\);/g;
const DROP_INDEX = /DROP INDEX (\w+);/g;

/** Loads the schemes and the mappings; returns the time of the mappings insert (plus index build when deferred). */
function load(engine: Engine, cw: GeneratedCrosswalk, deferIndexes: boolean): number {
  // Deferred: the mapping indexes the migrations leave in the end are built after the load.
  const deferred = new Map<string, string>();
  for (const m of MIGRATIONS) {
    if (!deferIndexes) {
      engine.exec(m.sql);
      continue;
    }
    let sql = m.sql.replace(MAPPING_INDEX, (ddl, name: string) => (deferred.set(name, ddl), ''));
    sql = sql.replace(DROP_INDEX, (ddl, name: string) => (deferred.delete(name) ? '' : ddl));
    engine.exec(sql);
  }
  const { id, sourceSchemeId: src, targetSchemeId: tgt } = SCOPE;
  engine.exec(`INSERT INTO schemes (id, name_he, name_en, version, levels, created_at) VALUES
    ('${src}', 'מקור', 'Source', '1', 4, '${AT}'), ('${tgt}', 'יעד', 'Target', '2', 4, '${AT}')`);
  engine.exec(`INSERT INTO crosswalks (id, name_he, name_en, source_scheme_id, target_scheme_id, created_at)
    VALUES ('${id}', 'מעבר', 'Crosswalk', '${src}', '${tgt}', '${AT}')`);
  const items = [
    ...cw.source.map((i) => [src, i] as const),
    ...cw.target.map((i) => [tgt, i] as const),
  ];
  engine.insertMany(
    'INSERT INTO items (scheme_id, code, parent_code, level, title_he, title_en, is_leaf, sort_he) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    items.length,
    (k) => {
      const [scheme, i] = items[k]!;
      return [
        scheme,
        i.code,
        i.parentCode,
        i.level,
        i.titleHe,
        i.titleEn,
        i.isLeaf ? 1 : 0,
        i.sortHe,
      ];
    },
  );
  const started = performance.now();
  engine.insertMany(INSERT_MAPPING, cw.mappings.length, (k) => {
    const m = cw.mappings[k]!;
    return [
      id,
      m.sourceCode,
      m.targetCode,
      m.relation,
      m.share,
      m.status,
      m.comment,
      m.partialSource ? 1 : 0,
      m.partialTarget ? 1 : 0,
      ...BY,
      AT,
      AT,
    ];
  });
  for (const ddl of deferred.values()) engine.exec(ddl);
  return performance.now() - started;
}

/** As CrosswalkRepo.orderedIds: each part's ids in order, concatenated. */
function orderedIds(engine: Engine, parts: readonly SqlPart[]): number[] {
  const out: number[] = [];
  for (const p of parts) {
    const joined = engine.rows(`SELECT group_concat(id) AS ids FROM (${p.sql})`, p.params)[0]?.[0];
    if (typeof joined === 'string' && joined !== '')
      for (const id of joined.split(',')) out.push(Number(id));
  }
  return out;
}

function measureEngine(open: () => Promise<Engine>, cw: GeneratedCrosswalk): Promise<EngineTimes> {
  return open().then(async (indexed) => {
    const insertMs = load(indexed, cw, false);
    indexed.close();
    const engine = await open();
    const loadThenIndexMs = load(engine, cw, true);
    try {
      return { insertMs, loadThenIndexMs, ...measureViews(engine) };
    } finally {
      engine.close();
    }
  });
}

function measureViews(engine: Engine): Pick<EngineTimes, 'firstViewMs' | 'blockP50' | 'blockP95'> {
  const firstViewMs: number[] = [];
  const blocks: number[] = [];
  const rand = prng(7);
  for (const view of GRID_VIEWS) {
    const q = orderedIdQuery(SCOPE, view.sort, view.filter);
    const started = performance.now();
    const ids = orderedIds(engine, q.parts);
    firstViewMs.push(performance.now() - started);
    for (const offset of blockOffsets(ids.length, BLOCKS_PER_VIEW, rand)) {
      const t = performance.now();
      const rows = engine.rows(BLOCK_SQL, [
        SCOPE.sourceSchemeId,
        SCOPE.targetSchemeId,
        JSON.stringify(ids.slice(offset, offset + BLOCK)),
      ]);
      blocks.push(performance.now() - t);
      if (rows.length === 0 && ids.length > 0)
        throw new Error(`${engine.name}: empty block at ${offset}`);
    }
  }
  return {
    firstViewMs,
    blockP50: percentile(blocks, 50),
    blockP95: percentile(blocks, 95),
  };
}

export async function measureEngines(
  cw: GeneratedCrosswalk,
  dir: string,
): Promise<{ sqljs: EngineTimes; native: EngineTimes }> {
  const sqljs = await measureEngine(openSqlJs, cw);
  const native = await measureEngine(() => Promise.resolve(openNative(dir)), cw);
  return { sqljs, native };
}
