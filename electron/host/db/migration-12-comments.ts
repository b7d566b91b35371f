import type { Migration } from './migrations';

/**
 * A thread per mapping. Not a foreign key: a removed mapping keeps its thread (undo brings the
 * same id back). status: the status a 'decision' entry set, so the discussion queue knows when a
 * mapping was marked.
 */
export const mappingCommentsMigration: Migration = {
  version: 12,
  name: 'mapping comments',
  sql: `
    CREATE TABLE mapping_comments (
      id INTEGER PRIMARY KEY,
      mapping_id INTEGER NOT NULL,
      crosswalk_id TEXT NOT NULL,
      steward_id TEXT NOT NULL,
      steward_name TEXT NOT NULL,
      agency TEXT NOT NULL,
      at TEXT NOT NULL,
      text TEXT,
      kind TEXT NOT NULL DEFAULT 'comment' CHECK (kind IN ('comment','decision')),
      status TEXT
    );
    CREATE INDEX mapping_comments_mapping ON mapping_comments(mapping_id, id);
    CREATE INDEX mapping_comments_marks ON mapping_comments(crosswalk_id, status, mapping_id);
  `,
};
