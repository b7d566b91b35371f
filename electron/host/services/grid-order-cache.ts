import type { MappingFilter, SortSpec } from '../../../shared/contract';

/**
 * The ordered ids of recently used grid views, so that a block at any offset is a slice plus a
 * primary-key lookup instead of a deep OFFSET. An order is valid for one state of its crosswalk
 * (`stamp`: the crosswalk's data_version and the highest mapping id, which moves on bulk imports).
 * After a decision the service carries each order over to the new state, patches it, or drops it.
 * `viewer` keys the views of a blind crosswalk by whom they were computed for ('' when the order
 * is the same for everyone), since blind mode shows each agency other statuses.
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
  viewer: string;
  order: CachedOrder;
}

export class GridOrderCache {
  private readonly entries = new Map<string, CachedView>();

  constructor(private readonly maxEntries = 8) {}

  private static key(
    crosswalkId: string,
    sort: SortSpec,
    filter: MappingFilter,
    viewer: string,
  ): string {
    return JSON.stringify([crosswalkId, sort, filter, viewer]);
  }

  get(
    crosswalkId: string,
    stamp: string,
    sort: SortSpec,
    filter: MappingFilter,
    viewer: string,
    compute: () => CachedOrder,
  ): CachedOrder {
    const key = GridOrderCache.key(crosswalkId, sort, filter, viewer);
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.stamp === stamp) {
      this.entries.set(key, hit);
      return hit.order;
    }
    const order = compute();
    this.entries.set(key, { crosswalkId, stamp, sort, filter, viewer, order });
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

/** Up to this many ids leave a view by native searches and block moves instead of one pass over it. */
const FEW_GONE = 32;

/**
 * `order` without the ids in `gone`, same order otherwise. Works in place and returns a shorter
 * view of the same buffer: the order it came from is replaced by the result (the cache holds each
 * order once and reads it synchronously), and a decision then costs no copy of a million ids.
 */
export function withoutIds(order: Int32Array, gone: ReadonlySet<number>): Int32Array {
  if (gone.size === 0) return order;
  if (gone.size > FEW_GONE) {
    let n = 0;
    for (let i = 0; i < order.length; i++) if (!gone.has(order[i]!)) order[n++] = order[i]!;
    return n === order.length ? order : order.subarray(0, n);
  }
  // A decision takes one row or a few out of a view of up to a million: a Set lookup per id cost
  // 10+ ms there; indexOf and copyWithin over the blocks in between cost well under one.
  const at: number[] = [];
  for (const id of gone) {
    for (let i = order.indexOf(id); i >= 0; i = order.indexOf(id, i + 1)) at.push(i);
  }
  if (at.length === 0) return order;
  at.sort((a, b) => a - b);
  let n = at[0]!;
  for (let k = 0; k < at.length; k++) {
    const end = k + 1 < at.length ? at[k + 1]! : order.length;
    order.copyWithin(n, at[k]! + 1, end);
    n += end - at[k]! - 1;
  }
  return order.subarray(0, n);
}
