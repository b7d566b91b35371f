/**
 * The ordered ids of recently used grid views, so that a block at any offset is a slice plus a
 * primary-key lookup instead of a deep OFFSET. A view is keyed by crosswalk, sort, filter and the
 * crosswalk's data_version (bumped by every write to its mappings), so a stale order is never used.
 */
export interface CachedOrder {
  kind: 'mapping' | 'item';
  ids: Int32Array;
}

export class GridOrderCache {
  private readonly entries = new Map<string, CachedOrder>();

  constructor(private readonly maxEntries = 8) {}

  get(key: string, compute: () => CachedOrder): CachedOrder {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
