import type { MappingFilter, Params, Result, SortSpec } from '../shared/contract';

/**
 * Grid block fetch through the contract: for each view, the first block (which computes and caches
 * the view's order), then `blocks` blocks of `limit` rows at random offsets. Reusable by `npm run bench`.
 */
export type RowsCall = (params: Params<'crosswalks.rows'>) => Promise<Result<'crosswalks.rows'>>;

export interface GridFetchView {
  name: string;
  sort: SortSpec;
  filter: MappingFilter;
}

export interface GridFetchFigures {
  view: string;
  total: number;
  firstFetchMs: number;
  samples: number[];
  p50: number;
  p95: number;
  p99: number;
}

const nearestRank = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

export async function measureGridFetch(
  call: RowsCall,
  crosswalkId: string,
  views: readonly GridFetchView[],
  options: { blocks?: number; limit?: number; rand?: () => number } = {},
): Promise<GridFetchFigures[]> {
  const blocks = options.blocks ?? 200;
  const limit = options.limit ?? 100;
  const rand = options.rand ?? Math.random;
  const out: GridFetchFigures[] = [];
  for (const view of views) {
    let started = performance.now();
    const first = await call({
      crosswalkId,
      offset: 0,
      limit,
      sort: view.sort,
      filter: view.filter,
    });
    const firstFetchMs = performance.now() - started;
    const samples: number[] = [];
    for (let i = 0; i < blocks; i++) {
      const offset = Math.floor(rand() * Math.max(1, first.total - limit + 1));
      started = performance.now();
      const page = await call({ crosswalkId, offset, limit, sort: view.sort, filter: view.filter });
      samples.push(performance.now() - started);
      if (page.rows.length !== Math.min(limit, first.total - offset))
        throw new Error(`short block at ${offset} in ${view.name}`);
    }
    const sorted = [...samples].sort((a, b) => a - b);
    out.push({
      view: view.name,
      total: first.total,
      firstFetchMs,
      samples,
      p50: nearestRank(sorted, 50),
      p95: nearestRank(sorted, 95),
      p99: nearestRank(sorted, 99),
    });
  }
  return out;
}
