import type { SqlParam } from '../db/journal';

/**
 * The codes at or below `code` in a scheme, through items.parent_code (ISIC sections are letters
 * above numeric divisions, so a code prefix would miss them). UNION, not UNION ALL, so a cycle in
 * the data ends the walk. CROSS JOIN keeps the walk outside, so each step is one lookup in the
 * (scheme, parent) index rather than a scan of the scheme (one top group, 1,111 of 11,110 items,
 * over 200,000 mappings: 8.6 s before, 70 ms with it).
 */
export function descendantCodes(schemeId: string, code: string, params: SqlParam[]): string {
  params.push(code, schemeId);
  return `(WITH RECURSIVE below(code) AS (SELECT ? UNION
    SELECT c.code FROM below CROSS JOIN items c ON c.scheme_id = ? AND c.parent_code = below.code)
    SELECT code FROM below)`;
}
