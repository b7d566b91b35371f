import type { Migration } from './migrations';

/**
 * GSIM metadata on each frozen mapping: its cardinality within the version's table (1:1, 1:n, n:1,
 * n:n), over the non-rejected mappings, set at freeze. Versions frozen before this have none (NULL).
 */
export const versionCardinalityMigration: Migration = {
  version: 14,
  name: 'version mapping cardinality',
  sql: `
    ALTER TABLE version_mappings ADD COLUMN cardinality TEXT
      CHECK (cardinality IN ('1:1','1:n','n:1','n:n'));
  `,
};
