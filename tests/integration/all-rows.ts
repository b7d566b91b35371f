import type { MappingFilter, MappingRow, SortSpec } from '../../shared/contract';
import type { TestBackend } from './harness';

/** Every row of a crosswalk view, page by page as the grid reads them. */
export async function allRows(
  t: TestBackend,
  crosswalkId: string,
  sort: SortSpec = [],
  filter: MappingFilter = {},
): Promise<MappingRow[]> {
  const out: MappingRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await t.call('crosswalks.rows', {
      crosswalkId,
      offset,
      limit: 1000,
      sort,
      filter,
    });
    out.push(...page.rows);
    if (out.length >= page.total || page.rows.length === 0) return out;
  }
}

const pairKey = (r: MappingRow) => `${r.sourceCode}\u0000${r.targetCode}`;

/** Every row of a view in (source, target) code order: how exported files are compared. */
export async function rowsByPair(
  t: TestBackend,
  crosswalkId: string,
  filter: MappingFilter = {},
): Promise<MappingRow[]> {
  const rows = await allRows(t, crosswalkId, [{ colId: 'sourceCode', dir: 'asc' }], filter);
  return rows.sort((a, b) => (pairKey(a) < pairKey(b) ? -1 : pairKey(a) > pairKey(b) ? 1 : 0));
}
