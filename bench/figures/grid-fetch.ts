import type { TestBackend } from '../../tests/integration/harness';
import { prng } from '../generate';
import { percentile } from '../stats';
import { BLOCK, BLOCKS_PER_VIEW, GRID_VIEWS, blockOffsets } from '../views';

/** Grid blocks through the contract (`crosswalks.rows`), as ag-grid's infinite row model asks for them. */
export interface GridFigures {
  views: { name: string; total: number; firstMs: number }[];
  blockP50: number;
  blockP95: number;
  blocks: number;
}

export async function measureGrid(t: TestBackend, crosswalkId: string): Promise<GridFigures> {
  const rand = prng(11);
  const views: GridFigures['views'] = [];
  const samples: number[] = [];
  for (const view of GRID_VIEWS) {
    const params = { crosswalkId, limit: BLOCK, sort: view.sort, filter: view.filter };
    const started = performance.now();
    const first = await t.call('crosswalks.rows', { ...params, offset: 0 });
    views.push({ name: view.name, total: first.total, firstMs: performance.now() - started });
    for (const offset of blockOffsets(first.total, BLOCKS_PER_VIEW, rand)) {
      const s = performance.now();
      const page = await t.call('crosswalks.rows', { ...params, offset });
      samples.push(performance.now() - s);
      if (page.rows.length === 0 && first.total > 0)
        throw new Error(`empty block at offset ${offset} of ${view.name}`);
    }
  }
  return {
    views,
    blockP50: percentile(samples, 50),
    blockP95: percentile(samples, 95),
    blocks: samples.length,
  };
}
