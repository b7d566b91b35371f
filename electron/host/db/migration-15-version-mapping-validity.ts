import type { Migration } from './migrations';

/**
 * GSIM validity on each frozen mapping: from when to when it holds (ISO yyyy-mm-dd, set at freeze
 * from the previous version, the version's dates and its codes' own dates). Versions frozen before
 * this have none (NULL) and show the version's dates.
 */
export const versionMappingValidityMigration: Migration = {
  version: 15,
  name: 'version mapping validity',
  sql: `
    ALTER TABLE version_mappings ADD COLUMN valid_from TEXT;
    ALTER TABLE version_mappings ADD COLUMN valid_to TEXT;
  `,
};
