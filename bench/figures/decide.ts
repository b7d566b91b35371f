import type { MappingStatus } from '../../shared/contract';
import type { TestBackend } from '../../tests/integration/harness';
import { prng } from '../generate';
import { percentile } from '../stats';

/** One decision per call, as a steward approves row by row; each reply means journaled and fdatasync'd. */
export interface DecideFigures {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

const STATUSES: MappingStatus[] = ['approved', 'rejected', 'needs_discussion', 'approved'];

/** Up to `count` decisions, or as many as fit in `budgetMs` (a slow decide must not stall the whole run). */
export async function measureDecisions(
  t: TestBackend,
  crosswalkId: string,
  count = 1000,
  budgetMs = 30_000,
): Promise<DecideFigures> {
  // Pick the rows first: every decision changes the crosswalk, so a grid view read after it is a new view.
  const { total } = await t.call('crosswalks.rows', {
    crosswalkId,
    offset: 0,
    limit: 1,
    sort: [],
    filter: {},
  });
  const rand = prng(13);
  const ids: number[] = [];
  while (ids.length < count) {
    const offset = Math.floor(rand() * Math.max(1, total - 100));
    const { rows } = await t.call('crosswalks.rows', {
      crosswalkId,
      offset,
      limit: 100,
      sort: [],
      filter: {},
    });
    for (const r of rows) if (r.mappingId !== null && ids.length < count) ids.push(r.mappingId);
  }
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < count && performance.now() < deadline; i++) {
    const started = performance.now();
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [ids[i]!],
      status: STATUSES[i % STATUSES.length]!,
      ...(i % 10 === 0 ? { comment: 'נבדק מול ההגדרה' } : {}),
    });
    samples.push(performance.now() - started);
  }
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: Math.max(...samples),
  };
}
