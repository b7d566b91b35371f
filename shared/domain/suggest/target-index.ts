import { bareCode } from './code-alignment';
import { descriptionTerms, titleGrams, titleTerms } from './item-terms';
import { TermSpace, type SparseVector } from './term-space';
import type { TouchedSet } from './touched-set';
import type { SuggestItem } from './types';

const MIN_PREFIX = 2;

/**
 * The target scheme indexed once: titles (words and trigrams) and descriptions as TF-IDF spaces
 * with inverted indexes, each item's parent and grandparent, and its leaves by code prefix.
 */
export class TargetIndex {
  readonly items: readonly SuggestItem[];
  readonly titles: TermSpace;
  readonly grams: TermSpace;
  readonly descriptions: TermSpace;
  readonly hasDescriptions: boolean;
  /** Item index of each item's parent and grandparent, or -1. */
  readonly parent: Int32Array;
  readonly grandparent: Int32Array;
  readonly leaves: Int32Array;
  readonly isLeaf: Uint8Array;
  /** The leaves whose parent or grandparent is the item. */
  readonly leavesBelow: number[][];
  readonly bare: string[];
  /** Title vector by bare code, for the code-alignment estimate. */
  readonly titleByBareCode = new Map<string, SparseVector>();
  private readonly leavesByPrefix = new Map<string, number[]>();
  readonly byCode = new Map<string, number>();

  constructor(items: readonly SuggestItem[]) {
    this.items = items;
    items.forEach((item, i) => this.byCode.set(item.code, i));
    this.titles = new TermSpace(items.map(titleTerms));
    this.grams = new TermSpace(items.map(titleGrams));
    const descriptions = items.map(descriptionTerms);
    this.descriptions = new TermSpace(descriptions);
    this.hasDescriptions = descriptions.some((d) => d.length > 0);
    const parentOf = (i: number) => {
      const code = i < 0 ? null : items[i]!.parentCode;
      return code == null ? -1 : (this.byCode.get(code) ?? -1);
    };
    this.parent = Int32Array.from(items, (_, i) => parentOf(i));
    this.grandparent = Int32Array.from(this.parent, (p) => parentOf(p));
    this.leaves = Int32Array.from(
      items.flatMap((item, i) => (item.isLeaf ? [i] : [])),
      (i) => i,
    );
    this.isLeaf = Uint8Array.from(items, (item) => (item.isLeaf ? 1 : 0));
    this.leavesBelow = items.map(() => []);
    for (const leaf of this.leaves)
      for (const above of [this.parent[leaf]!, this.grandparent[leaf]!])
        if (above >= 0) this.leavesBelow[above]!.push(leaf);
    this.bare = items.map((item) => bareCode(item.code));
    this.bare.forEach((bare, i) => this.titleByBareCode.set(bare, this.titles.docs[i]!));
    for (const leaf of this.leaves) {
      const bare = this.bare[leaf]!;
      for (let n = MIN_PREFIX; n <= bare.length; n++) {
        const key = bare.slice(0, n);
        const list = this.leavesByPrefix.get(key);
        if (list) list.push(leaf);
        else this.leavesByPrefix.set(key, [leaf]);
      }
    }
  }

  /**
   * For each leaf sharing at least two leading characters with `sourceBare`, the longest shared
   * prefix's share of the longer code, squared (an exact match is 1, a shared major group little).
   * `into` must be all zeros; the longest prefix is seen first and wins.
   */
  codeOverlap(sourceBare: string, into: Float32Array, touched: TouchedSet): void {
    for (let n = sourceBare.length; n >= MIN_PREFIX; n--) {
      const list = this.leavesByPrefix.get(sourceBare.slice(0, n));
      if (!list) continue;
      for (const leaf of list) {
        if (into[leaf]! > 0) continue;
        touched.add(leaf);
        const share = n / Math.max(sourceBare.length, this.bare[leaf]!.length);
        into[leaf] = share * share;
      }
    }
  }
}
