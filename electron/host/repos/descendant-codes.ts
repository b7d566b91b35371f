import type { SqlParam } from '../db/journal';

/**
 * The codes at or below `code` in a scheme, through items.parent_code (ISIC sections are letters
 * above numeric divisions, so a code prefix would miss them). UNION, not UNION ALL, so a cycle in
 * the data ends the walk.
 */
export function descendantCodes(schemeId: string, code: string, params: SqlParam[]): string {
  params.push(code, schemeId);
  return `(WITH RECURSIVE below(code) AS (SELECT ? UNION
    SELECT c.code FROM items c JOIN below ON c.scheme_id = ? AND c.parent_code = below.code)
    SELECT code FROM below)`;
}
