import type { Migration } from './migrations';

/**
 * Frozen, numbered versions of a crosswalk and their copy of the mappings. The live mappings are
 * the draft that continues from the last version; a version's rows are never updated.
 * approvals: JSON array of {agency, stewardId, name, at}, one per agency. es_/cbs_ columns:
 * each agency's own decision on the mapping when it was frozen (mapping_agency_decisions).
 */
export const crosswalkVersionsMigration: Migration = {
  version: 11,
  name: 'crosswalk versions',
  sql: `
    CREATE TABLE crosswalk_versions (
      id INTEGER PRIMARY KEY,
      crosswalk_id TEXT NOT NULL REFERENCES crosswalks(id),
      number INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('frozen','approved','superseded')),
      frozen_at TEXT NOT NULL,
      frozen_by_id TEXT NOT NULL,
      frozen_by_name TEXT NOT NULL,
      frozen_by_agency TEXT NOT NULL,
      approved_at TEXT,
      approvals TEXT NOT NULL DEFAULT '[]',
      note TEXT,
      source_scheme_version TEXT,
      target_scheme_version TEXT,
      relationship_type TEXT CHECK (relationship_type IS NULL OR relationship_type IN ('1:1','1:N','N:1','M:N','derived')),
      completeness TEXT NOT NULL CHECK (completeness IN ('partial','complete')),
      valid_from TEXT,
      valid_to TEXT,
      mapping_count INTEGER NOT NULL,
      UNIQUE (crosswalk_id, number)
    );
    CREATE TABLE version_mappings (
      version_id INTEGER NOT NULL REFERENCES crosswalk_versions(id),
      mapping_id INTEGER NOT NULL,
      source_code TEXT NOT NULL,
      target_code TEXT NOT NULL,
      relation TEXT NOT NULL,
      share REAL,
      status TEXT NOT NULL,
      justification TEXT NOT NULL,
      confidence REAL,
      comment TEXT,
      partial_source INTEGER NOT NULL,
      partial_target INTEGER NOT NULL,
      author_id TEXT,
      reviewer_id TEXT,
      updated_by TEXT,
      updated_by_agency TEXT,
      updated_at TEXT,
      es_decision TEXT,
      es_steward_name TEXT,
      es_at TEXT,
      cbs_decision TEXT,
      cbs_steward_name TEXT,
      cbs_at TEXT
    );
    CREATE INDEX version_mappings_version ON version_mappings(version_id, source_code, target_code);
  `,
};
