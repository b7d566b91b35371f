import type { LeafCounts } from '../../contract/hierarchy';

export interface StructureItem {
  code: string;
  parentCode: string | null;
  isLeaf: boolean;
  status: 'active' | 'deprecated';
}

export interface LeafState {
  mapped: boolean;
  approved: boolean;
}

/**
 * Per node code, the nodes at the top of its chain. A node whose parent is missing from the
 * scheme is a top node, so every leaf is counted under exactly one top node; a cycle is cut
 * where it closes rather than looping.
 */
export function parentChains(items: readonly StructureItem[]): {
  tops: string[];
  /** Each code with its ancestors, itself first. */
  chainOf(code: string): string[];
} {
  const parent = new Map<string, string | null>();
  for (const i of items) parent.set(i.code, i.parentCode);
  const topOf = (code: string) => {
    const p = parent.get(code);
    return p === null || p === undefined || !parent.has(p);
  };
  const tops = items.filter((i) => topOf(i.code)).map((i) => i.code);
  const chainOf = (code: string) => {
    const chain = [code];
    const seen = new Set(chain);
    let p = parent.get(code);
    while (p !== null && p !== undefined && parent.has(p) && !seen.has(p)) {
      chain.push(p);
      seen.add(p);
      p = parent.get(p);
    }
    return chain;
  };
  return { tops, chainOf };
}

/**
 * Rolls the leaves' mapping states up their parent chains (items.parent_code, not code prefixes:
 * ISIC sections are letters above numeric divisions). Every node gets the counts of the leaves at
 * or below it.
 */
export function rollUpLeafCounts(
  items: readonly StructureItem[],
  stateOf: (code: string) => LeafState | undefined,
): Map<string, LeafCounts> {
  const { chainOf } = parentChains(items);
  const counts = new Map<string, LeafCounts>();
  for (const i of items) counts.set(i.code, { leaves: 0, mapped: 0, approved: 0, unmapped: 0 });
  for (const leaf of items) {
    if (!leaf.isLeaf) continue;
    const state = stateOf(leaf.code);
    const mapped = state?.mapped === true;
    const approved = state?.approved === true;
    const unmapped = !mapped && leaf.status === 'active';
    for (const code of chainOf(leaf.code)) {
      const c = counts.get(code)!;
      c.leaves++;
      if (mapped) c.mapped++;
      if (approved) c.approved++;
      if (unmapped) c.unmapped++;
    }
  }
  return counts;
}
