/**
 * The live checks of a crosswalk, as plain rules. The repository implements the same rules in SQL
 * (electron/host/repos/mapping-query.ts) and an integration test compares the two on real data.
 *
 * Rejected mappings never count: a rejected mapping is a decision that the link does not hold.
 * Every check yields the grid rows it filters to; its count is the number of those rows.
 */

export const SHARE_TOLERANCE = 1e-6;

export interface CheckItem {
  code: string;
  isLeaf: boolean;
  status: 'active' | 'deprecated';
}

export interface CheckMapping {
  id: number;
  sourceCode: string;
  targetCode: string;
  share: number | null;
  status: 'proposed' | 'approved' | 'rejected' | 'needs_discussion';
}

const live = (mappings: readonly CheckMapping[]) => mappings.filter((m) => m.status !== 'rejected');

/** Active leaf source codes that have no mapping other than rejected ones. */
export function unmappedSources(
  sources: readonly CheckItem[],
  mappings: readonly CheckMapping[],
): string[] {
  const mapped = new Set(live(mappings).map((m) => m.sourceCode));
  return sources
    .filter((s) => s.isLeaf && s.status === 'active' && !mapped.has(s.code))
    .map((s) => s.code);
}

/**
 * Whether one source's shares are wrong: once any of its mappings has a share, every one needs a
 * share and they must add up to 1. No shares at all is an unweighted split (the published ILO/UN
 * tables carry none), not an error.
 */
export function sharesAreWrong(shares: readonly (number | null)[]): boolean {
  const set = shares.filter((s): s is number => s !== null);
  if (set.length === 0) return false;
  if (set.length < shares.length) return true;
  return Math.abs(set.reduce((a, b) => a + b, 0) - 1) > SHARE_TOLERANCE;
}

/** Mapping ids of every (non-rejected) mapping of a source whose shares are wrong. */
export function sharesNotOne(mappings: readonly CheckMapping[]): number[] {
  const bySource = new Map<string, CheckMapping[]>();
  for (const m of live(mappings)) {
    const group = bySource.get(m.sourceCode);
    if (group) group.push(m);
    else bySource.set(m.sourceCode, [m]);
  }
  const out: number[] = [];
  for (const group of bySource.values()) {
    if (sharesAreWrong(group.map((m) => m.share))) out.push(...group.map((m) => m.id));
  }
  return out.sort((a, b) => a - b);
}

/** Mapping ids whose target code is not in the target scheme, is not a leaf, or is deprecated. */
export function invalidTargets(
  targets: readonly CheckItem[],
  mappings: readonly CheckMapping[],
): number[] {
  const byCode = new Map(targets.map((t) => [t.code, t]));
  return live(mappings)
    .filter((m) => {
      const t = byCode.get(m.targetCode);
      return !t || !t.isLeaf || t.status === 'deprecated';
    })
    .map((m) => m.id)
    .sort((a, b) => a - b);
}

/** Mapping ids of every mapping whose source and target pair occurs more than once. */
export function duplicatePairs(mappings: readonly CheckMapping[]): number[] {
  const count = new Map<string, number>();
  const key = (m: CheckMapping) => `${m.sourceCode}\u0000${m.targetCode}`;
  const rows = live(mappings);
  for (const m of rows) count.set(key(m), (count.get(key(m)) ?? 0) + 1);
  return rows
    .filter((m) => (count.get(key(m)) ?? 0) > 1)
    .map((m) => m.id)
    .sort((a, b) => a - b);
}

export interface AllChecks {
  unmapped_sources: string[];
  shares_not_one: number[];
  invalid_targets: number[];
  duplicate_pairs: number[];
}

export function runChecks(
  sources: readonly CheckItem[],
  targets: readonly CheckItem[],
  mappings: readonly CheckMapping[],
): AllChecks {
  return {
    unmapped_sources: unmappedSources(sources, mappings),
    shares_not_one: sharesNotOne(mappings),
    invalid_targets: invalidTargets(targets, mappings),
    duplicate_pairs: duplicatePairs(mappings),
  };
}
