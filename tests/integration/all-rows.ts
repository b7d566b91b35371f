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
