import type { Migration } from './migrations';

/**
 * Which steward made each agency's decision on a frozen mapping (the name alone was kept): a
 * version's exports name the approvers by their steward references (SSSOM reviewer_id).
 */
export const versionApproverIdsMigration: Migration = {
  version: 13,
  name: 'version approver ids',
  sql: `
    ALTER TABLE version_mappings ADD COLUMN es_steward_id TEXT;
    ALTER TABLE version_mappings ADD COLUMN cbs_steward_id TEXT;
  `,
};
