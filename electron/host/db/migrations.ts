import { agencyDecisionsMigration } from './migration-10-agency-decisions';
import { crosswalkVersionsMigration } from './migration-11-versions';
import { mappingCommentsMigration } from './migration-12-comments';
import { versionApproverIdsMigration } from './migration-13-version-approver-ids';
import { versionCardinalityMigration } from './migration-14-version-cardinality';
import { versionMappingValidityMigration } from './migration-15-version-mapping-validity';

/**
 * Numbered migrations, applied in order and recorded in schema_migrations. The applied list must
 * be a prefix of this list; a workspace from a newer Gesher is refused rather than guessed at.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'foundation',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
      CREATE TABLE stewards (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        agency TEXT NOT NULL CHECK (agency IN ('ES','CBS')),
        role TEXT NOT NULL CHECK (role IN ('steward','lead','viewer')),
        created_at TEXT NOT NULL
      );
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        steward_id TEXT NOT NULL,
        steward_name TEXT NOT NULL,
        agency TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        before_json TEXT,
        after_json TEXT,
        comment TEXT
      );
      CREATE INDEX audit_at ON audit(at);
      CREATE INDEX audit_entity ON audit(entity_type, entity_id);
      CREATE INDEX audit_steward ON audit(steward_id);
      CREATE TABLE schemes (
        id TEXT PRIMARY KEY,
        agency TEXT CHECK (agency IS NULL OR agency IN ('ES','CBS')),
        name_he TEXT NOT NULL,
        name_en TEXT NOT NULL,
        version TEXT NOT NULL,
        levels INTEGER NOT NULL DEFAULT 1,
        source TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE items (
        id INTEGER PRIMARY KEY,
        scheme_id TEXT NOT NULL REFERENCES schemes(id),
        code TEXT NOT NULL,
        parent_code TEXT,
        level INTEGER NOT NULL,
        title_he TEXT,
        title_en TEXT,
        description_he TEXT,
        description_en TEXT,
        valid_from TEXT,
        valid_to TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','deprecated')),
        notes TEXT,
        is_leaf INTEGER NOT NULL DEFAULT 1,
        sort_he TEXT,
        UNIQUE (scheme_id, code)
      );
      CREATE INDEX items_parent ON items(scheme_id, parent_code);
      CREATE TABLE crosswalks (
        id TEXT PRIMARY KEY,
        name_he TEXT NOT NULL,
        name_en TEXT NOT NULL,
        source_scheme_id TEXT NOT NULL REFERENCES schemes(id),
        target_scheme_id TEXT NOT NULL REFERENCES schemes(id),
        description TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE mappings (
        id INTEGER PRIMARY KEY,
        crosswalk_id TEXT NOT NULL REFERENCES crosswalks(id),
        source_code TEXT NOT NULL,
        target_code TEXT NOT NULL,
        relation TEXT NOT NULL CHECK (relation IN ('exact','close','broader','narrower','related')),
        share REAL,
        justification TEXT NOT NULL DEFAULT 'manual',
        confidence REAL,
        status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','approved','rejected','needs_discussion')),
        comment TEXT,
        partial_source INTEGER NOT NULL DEFAULT 0,
        partial_target INTEGER NOT NULL DEFAULT 0,
        author_id TEXT,
        reviewer_id TEXT,
        updated_by TEXT,
        updated_by_agency TEXT,
        updated_at TEXT,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'mapping indexes',
    // Created after the table so that bulk loads into an empty workspace stay fast; every column the grid sorts or filters by has one.
    sql: `
      CREATE INDEX mappings_source ON mappings(crosswalk_id, source_code);
      CREATE INDEX mappings_target ON mappings(crosswalk_id, target_code);
      CREATE INDEX mappings_status ON mappings(crosswalk_id, status);
      CREATE INDEX mappings_relation ON mappings(crosswalk_id, relation);
      CREATE INDEX mappings_updated ON mappings(crosswalk_id, updated_at);
      CREATE INDEX items_sort_he ON items(scheme_id, sort_he);
    `,
  },
  {
    version: 3,
    name: 'scheme prefixes and crosswalk data version',
    // prefix: the CURIE prefix in SSSOM exports (derived from name+version when null). data_version is bumped by
    // every write to a crosswalk's mappings, so cached grid orderings know when they are stale.
    sql: `
      ALTER TABLE schemes ADD COLUMN prefix TEXT;
      ALTER TABLE schemes ADD COLUMN uri_base TEXT;
      ALTER TABLE crosswalks ADD COLUMN data_version INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX mappings_pair ON mappings(crosswalk_id, source_code, target_code);
      CREATE INDEX items_title_en ON items(scheme_id, title_en COLLATE NOCASE);
    `,
  },
  {
    version: 4,
    name: 'leaner mapping indexes',
    // Measured on 1,000,000 mappings: six indexes made the table 3x its own size, slowing imports,
    // snapshots and cold start. The grid keeps each view's row order cached, so relation and date
    // filters/sorts can scan once per view; (crosswalk, source) is the pair index's prefix. The
    // (crosswalk, status) index stays: it answers the per-status counts shown after every decision.
    sql: `
      DROP INDEX mappings_source;
      DROP INDEX mappings_relation;
      DROP INDEX mappings_updated;
    `,
  },
  agencyDecisionsMigration,
  crosswalkVersionsMigration,
  mappingCommentsMigration,
  versionApproverIdsMigration,
  versionCardinalityMigration,
  versionMappingValidityMigration,
];
