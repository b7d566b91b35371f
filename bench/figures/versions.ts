import type { Result, VersionRef } from '../../shared/contract';
import { switchTo } from '../../tests/integration/agencies';
import type { TestBackend } from '../../tests/integration/harness';
import { prng } from '../generate';
import { percentile } from '../stats';
import { BLOCK, GRID_VIEWS, blockOffsets } from '../views';

/**
 * Versions through the contract on the benchmark's crosswalk: what a lead waits for when freezing
 * (the request holds the backend's lock, so every other request waits as long), the first page
 * of a diff (computed once per pair, then paged), a version's first Mappings page and its Parquet
 * export; and the grid as a steward sees it with blind mode on.
 */
export interface VersionFigures {
  mappings: number;
  freezeV1Ms: number;
  /** A grid page asked for just after the freeze of v2 started: how long any other request waits. */
  waitDuringFreezeMs: number;
  freezeV2Ms: number;
  changed: { decided: number; shares: number; removed: number; added: number };
  diffs: {
    name: string;
    firstMs: number;
    nextMs: number;
    totals: Result<'versions.diff'>['totals'];
  }[];
  mappingsFirstMs: number;
  parquetMs: number;
  parquetRows: number;
}

export const LEAD = { name: 'Bench Lead', agency: 'ES', role: 'lead' } as const;
export const CBS_STEWARD = { name: 'Bench CBS Steward', agency: 'CBS', role: 'steward' } as const;

const since = (started: number) => performance.now() - started;

/** Mapping ids and codes at random places in the crosswalk (grid pages in its default order). */
async function sample(t: TestBackend, crosswalkId: string, count: number) {
  const rand = prng(29);
  const page = (offset: number) =>
    t.call('crosswalks.rows', { crosswalkId, offset, limit: 100, sort: [], filter: {} });
  const { total } = await page(0);
  const rows: { id: number; sourceCode: string; targetCode: string }[] = [];
  const seen = new Set<number>();
  while (rows.length < count) {
    for (const r of (await page(Math.floor(rand() * Math.max(1, total - 100)))).rows)
      if (r.mappingId !== null && r.targetCode !== null && !seen.has(r.mappingId)) {
        seen.add(r.mappingId);
        rows.push({ id: r.mappingId, sourceCode: r.sourceCode, targetCode: r.targetCode });
      }
  }
  return rows.slice(0, count);
}

async function timeDiff(t: TestBackend, crosswalkId: string, from: VersionRef, to: VersionRef) {
  const params = { crosswalkId, from, to, limit: BLOCK };
  let started = performance.now();
  const first = await t.call('versions.diff', { ...params, offset: 0 });
  const firstMs = since(started);
  started = performance.now();
  await t.call('versions.diff', { ...params, offset: Math.max(0, first.total - BLOCK) });
  return { firstMs, nextMs: since(started), totals: first.totals };
}

/** Freeze v1, change some mappings, freeze v2; diffs, the Mappings tab and the Parquet export. */
export async function measureVersions(
  t: TestBackend,
  crosswalkId: string,
): Promise<VersionFigures> {
  const steward = t.backend.deps.session.steward!;
  await switchTo(t, LEAD);
  let started = performance.now();
  const v1 = await t.call('versions.freeze', { crosswalkId, validFrom: '2026-01-01' });
  const freezeV1Ms = since(started);

  // A review round: decisions, new shares, removals and additions (~0.3 % of the rows).
  const picked = await sample(t, crosswalkId, 3000);
  const ids = picked.map((r) => r.id);
  await t.call('profile.select', { id: steward.id });
  await t.call('crosswalks.decide', {
    crosswalkId,
    mappingIds: ids.slice(0, 2000),
    status: 'approved',
  });
  await t.call('crosswalks.decide', { crosswalkId, mappingIds: ids.slice(2000, 2500), share: 0.5 });
  await t.call('crosswalks.removeMappings', { crosswalkId, mappingIds: ids.slice(2500, 2800) });
  // New pairs only: a duplicate pair would be a different case (the checks flag it).
  let added = 0;
  for (let i = 2800; i < 3000 && added < 50; i++) {
    const sourceCode = picked[i]!.sourceCode;
    const targetCode = picked[i + 1 === 3000 ? 2800 : i + 1]!.targetCode;
    const same = await t.call('crosswalks.rows', {
      crosswalkId,
      offset: 0,
      limit: 1,
      sort: [],
      filter: { sourceCode, targetCode },
    });
    if (same.total > 0) continue;
    await t.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode,
      targetCode,
      relation: 'related',
    });
    added++;
  }

  await switchTo(t, LEAD);
  started = performance.now();
  const freeze = t.call('versions.freeze', { crosswalkId, validFrom: '2027-01-01' });
  const other = t
    .call('crosswalks.rows', { crosswalkId, offset: 0, limit: BLOCK, sort: [], filter: {} })
    .then(() => since(started));
  const v2 = await freeze;
  const freezeV2Ms = since(started);
  const waitDuringFreezeMs = await other;

  // The draft moves on after v2.
  await t.call('crosswalks.decide', {
    crosswalkId,
    mappingIds: ids.slice(2850, 3000),
    status: 'needs_discussion',
  });
  const diffs: VersionFigures['diffs'] = [];
  diffs.push({ name: 'v1 ↔ v2', ...(await timeDiff(t, crosswalkId, v1.number, v2.number)) });
  diffs.push({ name: 'draft ↔ v2', ...(await timeDiff(t, crosswalkId, 'draft', v2.number)) });

  started = performance.now();
  await t.call('versions.mappings', { crosswalkId, number: v2.number, offset: 0, limit: BLOCK });
  const mappingsFirstMs = since(started);

  started = performance.now();
  const file = await t.call('versions.export', {
    crosswalkId,
    number: v2.number,
    format: 'parquet',
  });
  const parquetMs = since(started);
  await t.call('profile.select', { id: steward.id });
  return {
    mappings: v2.mappingCount,
    freezeV1Ms,
    waitDuringFreezeMs,
    freezeV2Ms,
    changed: { decided: 2000, shares: 500, removed: 300, added },
    diffs,
    mappingsFirstMs,
    parquetMs,
    parquetRows: file.rows,
  };
}

export interface BlindGridFigures {
  off: { firstMs: number[]; blockP95: number; blockP50: number };
  on: { firstMs: number[]; blockP95: number; blockP50: number };
  /** The diff of the two versions as the blind steward sees it (both sides blinded first). */
  blindDiff: { firstMs: number; nextMs: number } | null;
}

/** The grid views as a CBS steward, blind mode off and then on (the ES steward's decisions hidden). */
export async function measureBlindGrid(
  t: TestBackend,
  crosswalkId: string,
  versions: { from: number; to: number } | null,
): Promise<BlindGridFigures> {
  const back = t.backend.deps.session.steward!;
  const views = async () => {
    const rand = prng(31);
    const firstMs: number[] = [];
    const samples: number[] = [];
    for (const view of GRID_VIEWS) {
      const params = { crosswalkId, limit: BLOCK, sort: view.sort, filter: view.filter };
      const started = performance.now();
      const first = await t.call('crosswalks.rows', { ...params, offset: 0 });
      firstMs.push(since(started));
      for (const offset of blockOffsets(first.total, 100, rand)) {
        const s = performance.now();
        await t.call('crosswalks.rows', { ...params, offset });
        samples.push(since(s));
      }
    }
    return { firstMs, blockP50: percentile(samples, 50), blockP95: percentile(samples, 95) };
  };
  const setBlind = async (on: boolean) => {
    await switchTo(t, LEAD);
    await t.call('crosswalks.setBlindMode', { crosswalkId, on });
    await switchTo(t, CBS_STEWARD);
  };
  await setBlind(false);
  const off = await views();
  await setBlind(true);
  const on = await views();
  const blindDiff = versions ? await timeDiff(t, crosswalkId, versions.from, versions.to) : null;
  await setBlind(false);
  await t.call('profile.select', { id: back.id });
  return { off, on, blindDiff };
}
