import type { Term } from '../text/hebrew-normalize';
import type { TouchedSet } from './touched-set';

/** A unit-length TF-IDF vector; ids ascending. Terms the space has never seen count in the length only. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float32Array;
}

const EMPTY: SparseVector = { ids: new Int32Array(0), weights: new Float32Array(0) };

/**
 * Terms weighted by rarity across one scheme's items (idf = ln(1 + N / df)), with an inverted
 * index from each term to the items that carry it, so a query touches only items it shares
 * terms with.
 */
export class TermSpace {
  private readonly ids = new Map<string, number>();
  private readonly idf: Float64Array;
  private readonly unseenIdf: number;
  readonly docs: SparseVector[];
  private readonly postingDocs: Int32Array[];
  private readonly postingWeights: Float32Array[];

  constructor(docs: readonly Term[][]) {
    const df: number[] = [];
    for (const doc of docs)
      for (const { term } of doc) {
        let id = this.ids.get(term);
        if (id === undefined) {
          id = df.length;
          this.ids.set(term, id);
          df.push(0);
        }
        df[id] = (df[id] ?? 0) + 1;
      }
    const n = Math.max(docs.length, 1);
    this.idf = Float64Array.from(df, (d) => Math.log(1 + n / d));
    this.unseenIdf = Math.log(1 + n);
    this.docs = docs.map((doc) => this.vector(doc));
    const counts = new Int32Array(df.length);
    for (const v of this.docs) for (const id of v.ids) counts[id]!++;
    this.postingDocs = Array.from(counts, (c) => new Int32Array(c));
    this.postingWeights = Array.from(counts, (c) => new Float32Array(c));
    const fill = new Int32Array(df.length);
    this.docs.forEach((v, doc) => {
      for (let i = 0; i < v.ids.length; i++) {
        const id = v.ids[i]!;
        const at = fill[id]!++;
        this.postingDocs[id]![at] = doc;
        this.postingWeights[id]![at] = v.weights[i]!;
      }
    });
  }

  vector(terms: readonly Term[]): SparseVector {
    if (terms.length === 0) return EMPTY;
    const known = new Map<number, number>();
    let norm = 0;
    for (const { term, weight } of terms) {
      const id = this.ids.get(term);
      const w = weight * (id === undefined ? this.unseenIdf : this.idf[id]!);
      norm += w * w;
      if (id !== undefined) known.set(id, (known.get(id) ?? 0) + w);
    }
    if (norm === 0 || known.size === 0) return EMPTY;
    const length = Math.sqrt(norm);
    const ids = Int32Array.from(known.keys()).sort();
    return { ids, weights: Float32Array.from(ids, (id) => known.get(id)! / length) };
  }

  /**
   * Adds the query's cosine with every item into `acc` (and the items it reaches into `touched`). Terms carried by more than `maxDf` items
   * are skipped (their share is small and their postings long); `dot` gives the exact value later.
   */
  accumulate(query: SparseVector, acc: Float32Array, touched: TouchedSet, maxDf = Infinity): void {
    for (let i = 0; i < query.ids.length; i++) {
      const docs = this.postingDocs[query.ids[i]!]!;
      if (docs.length > maxDf) continue;
      const weights = this.postingWeights[query.ids[i]!]!;
      const q = query.weights[i]!;
      for (let j = 0; j < docs.length; j++) {
        acc[docs[j]!]! += q * weights[j]!;
        touched.add(docs[j]!);
      }
    }
  }
}

export function dot(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
