import type { MappingFilter, SortSpec } from '../../../shared/contract';

/**
 * The ordered ids of recently used grid views, so that a block at any offset is a slice plus a
 * primary-key lookup instead of a deep OFFSET. An order is valid for one state of its crosswalk
 * (`stamp`: the crosswalk's data_version and the highest mapping id, which moves on bulk imports).
 * After a decision the service carries each order over to the new state, patches it, or drops it.
 */
export interface CachedOrder {
  kind: 'mapping' | 'item';
  ids: Int32Array;
}

export interface CachedView {
  crosswalkId: string;
  stamp: string;
  sort: SortSpec;
  filter: MappingFilter;
  order: CachedOrder;
}

export class GridOrderCache {
  private readonly entries = new Map<string, CachedView>();

  constructor(private readonly maxEntries = 8) {}

  private static key(crosswalkId: string, sort: SortSpec, filter: MappingFilter): string {
    return JSON.stringify([crosswalkId, sort, filter]);
  }

  get(
    crosswalkId: string,
    stamp: string,
    sort: SortSpec,
    filter: MappingFilter,
    compute: () => CachedOrder,
  ): CachedOrder {
    const key = GridOrderCache.key(crosswalkId, sort, filter);
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.stamp === stamp) {
      this.entries.set(key, hit);
      return hit.order;
    }
    const order = compute();
    this.entries.set(key, { crosswalkId, stamp, sort, filter, order });
    while (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    return order;
  }

  /**
   * After a write that moved a crosswalk from stamp `from` to `to`: each of its views still at
   * `from` gets the order `update` returns (the same, patched, or null to drop it).
   */
  carryOver(
    crosswalkId: string,
    from: string,
    to: string,
    update: (view: CachedView) => CachedOrder | null,
  ): void {
    for (const [key, view] of [...this.entries]) {
      if (view.crosswalkId !== crosswalkId) continue;
      const order = view.stamp === from ? update(view) : null;
      if (order) this.entries.set(key, { ...view, stamp: to, order });
      else this.entries.delete(key);
    }
  }
}

/** The ids of `order` without those in `gone`, in the same order (the same array when none is gone). */
export function withoutIds(order: Int32Array, gone: ReadonlySet<number>): Int32Array {
  if (gone.size === 0) return order;
  const out = new Int32Array(order.length);
  let n = 0;
  for (let i = 0; i < order.length; i++) if (!gone.has(order[i]!)) out[n++] = order[i]!;
  return n === order.length ? order : out.slice(0, n);
}
