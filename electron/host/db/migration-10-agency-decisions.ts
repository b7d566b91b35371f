import type { Migration } from './migrations';

/**
 * Each agency's own decision on a mapping (one row per mapping and agency): 'approve', 'reject'
 * or 'discuss'. A mapping's status is 'approved' only when every agency's row says 'approve'
 * (shared/domain/crosswalk/approval.ts); the rows also feed the agreement figures. Not a foreign
 * key: undo of a removal brings the same mapping id back with its rows. mapping_approvals is the
 * approvals alone, for readers that only want those. crosswalks.blind_mode: while 1, a steward
 * does not see the other agency's decision until both have decided.
 */
export const agencyDecisionsMigration: Migration = {
  version: 10,
  name: 'agency decisions and blind mode',
  sql: `
    CREATE TABLE mapping_agency_decisions (
      mapping_id INTEGER NOT NULL,
      crosswalk_id TEXT NOT NULL,
      agency TEXT NOT NULL CHECK (agency IN ('ES','CBS')),
      decision TEXT NOT NULL CHECK (decision IN ('approve','reject','discuss')),
      steward_id TEXT NOT NULL,
      steward_name TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (mapping_id, agency)
    );
    CREATE INDEX mapping_agency_decisions_crosswalk ON mapping_agency_decisions(crosswalk_id, agency);
    CREATE VIEW mapping_approvals AS
      SELECT mapping_id, crosswalk_id, agency, steward_id, steward_name, at
      FROM mapping_agency_decisions WHERE decision = 'approve';
    ALTER TABLE crosswalks ADD COLUMN blind_mode INTEGER NOT NULL DEFAULT 0;
  `,
};
