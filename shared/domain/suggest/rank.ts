import { CodeAlignment, bareCode } from './code-alignment';
import { descriptionTerms, pathTerms, titleGrams, titleTerms } from './item-terms';
import { TargetIndex } from './target-index';
import { dot } from './term-space';
import { TouchedSet } from './touched-set';
import type { MappingRef, Reason, ReasonKind, SuggestItem, Suggestion } from './types';

/** Each component's weight; the score divides by the weights that apply to the source at hand. */
const WEIGHTS: Record<ReasonKind, number> = {
  title: 0.45,
  description: 0.1,
  context: 0.15,
  code: 0.2,
  siblings: 0.15,
  // An approved earlier crosswalk outweighs any lexical evidence.
  inherited: 0.6,
};
/** Of the title similarity: the word cosine; the rest is the trigram cosine. */
const WORD_SHARE = 0.6;
/** A leaf whose parent holds a sibling's target: siblings often map to siblings. */
const COUSIN = 0.5;
/** Leaves re-scored exactly (trigrams of very common n-grams are left out of the first pass). */
const CANDIDATES = 25;

export interface RankContext {
  /** Mappings already in the crosswalk: the targets of the source's siblings earn a bonus. */
  mappings?: readonly MappingRef[];
  /** Target codes inherited from an approved crosswalk between earlier versions, by source code. */
  inherited?: ReadonlyMap<string, readonly string[]>;
}

export interface Ranker {
  /** The top `k` target leaves for one source code, best first. */
  rank(sourceCode: string, k: number, context?: RankContext): Suggestion[];
  /** The same for many source codes (all of the source scheme by default), context prepared once. */
  rankAll(k: number, context?: RankContext, codes?: readonly string[]): Map<string, Suggestion[]>;
}

/** source parent code → target code → the source codes (siblings) mapped there. */
type SiblingTargets = Map<string | null, Map<string, string[]>>;

function siblingTargets(source: ReadonlyMap<string, SuggestItem>, mappings: readonly MappingRef[]) {
  const out: SiblingTargets = new Map();
  for (const m of mappings) {
    const item = source.get(m.sourceCode);
    if (!item) continue;
    const parent = item.parentCode ?? null;
    const byTarget = out.get(parent) ?? new Map<string, string[]>();
    out.set(parent, byTarget);
    const list = byTarget.get(m.targetCode) ?? [];
    byTarget.set(m.targetCode, list);
    if (!list.includes(m.sourceCode)) list.push(m.sourceCode);
  }
  return out;
}

export function createRanker(
  sourceItems: readonly SuggestItem[],
  targetItems: readonly SuggestItem[],
): Ranker {
  const target = new TargetIndex(targetItems);
  const source = new Map(sourceItems.map((item) => [item.code, item]));
  // Each source title once: for the alignment estimate, then as the query.
  const sourceTitles = new Map(
    sourceItems.map((item) => [item.code, target.titles.vector(titleTerms(item))]),
  );
  const alignment = new CodeAlignment(
    sourceItems.map((item) => ({ code: item.code, title: sourceTitles.get(item.code)! })),
    target.titleByBareCode,
  );
  const n = targetItems.length;
  const maxGramDf = Math.max(30, n * 0.02);
  const acc = {
    title: new Float32Array(n),
    gram: new Float32Array(n),
    description: new Float32Array(n),
    context: new Float32Array(n),
    code: new Float32Array(n),
    siblings: new Float32Array(n),
    inherited: new Float32Array(n),
    combined: new Float32Array(n),
    byItem: new Float32Array(n),
  };
  const candidates = new TouchedSet(n);
  const pathReached = new TouchedSet(n);
  const touched: number[] = [];
  const topLeaf = new Int32Array(CANDIDATES);
  const topScore = new Float32Array(CANDIDATES);
  const evidence = new Map<number, string[]>();

  const ancestorsOf = (item: SuggestItem) => {
    const path: SuggestItem[] = [];
    for (let p = source.get(item.parentCode ?? ''); p && path.length < 10;) {
      path.unshift(p);
      p = source.get(p.parentCode ?? '');
    }
    return path;
  };

  function rankOne(
    code: string,
    k: number,
    siblings: SiblingTargets,
    inherited: readonly string[],
  ): Suggestion[] {
    const item = source.get(code);
    if (!item) return [];
    acc.title.fill(0);
    acc.gram.fill(0);
    for (const leaf of touched) acc.siblings[leaf] = acc.inherited[leaf] = 0;
    touched.length = 0;
    candidates.clear();
    evidence.clear();

    const qTitle = sourceTitles.get(code)!;
    target.titles.accumulate(qTitle, acc.title, candidates);
    const qGram = target.grams.vector(titleGrams(item));
    target.grams.accumulate(qGram, acc.gram, candidates, maxGramDf);

    const weights: Partial<Record<ReasonKind, number>> = { title: WEIGHTS.title };
    const qDesc = target.descriptions.vector(descriptionTerms(item));
    if (target.hasDescriptions && qDesc.ids.length > 0) {
      weights.description = WEIGHTS.description;
      acc.description.fill(0);
      target.descriptions.accumulate(qDesc, acc.description, candidates);
    }
    const qPath = target.titles.vector(pathTerms(ancestorsOf(item)));
    if (qPath.ids.length > 0) {
      weights.context = WEIGHTS.context;
      acc.byItem.fill(0);
      pathReached.clear();
      target.titles.accumulate(qPath, acc.byItem, pathReached);
      for (let i = 0; i < pathReached.size; i++)
        for (const leaf of target.leavesBelow[pathReached.list[i]!]!) candidates.add(leaf);
    }
    let trust = 0;
    if (alignment.overall > 0) {
      weights.code = WEIGHTS.code;
      trust = alignment.of(code);
      acc.code.fill(0);
      target.codeOverlap(bareCode(code), acc.code, candidates);
    }
    const mine = siblings.get(item.parentCode ?? null);
    if (mine) {
      for (const [targetCode, froms] of mine) {
        const others = froms.filter((f) => f !== code);
        const t = target.byCode.get(targetCode);
        if (others.length === 0 || t === undefined) continue;
        weights.siblings = WEIGHTS.siblings;
        acc.siblings[t] = 1;
        touched.push(t);
        candidates.add(t);
        evidence.set(t, [...(evidence.get(t) ?? []), ...others]);
        const p = target.parent[t]!;
        if (p >= 0)
          for (const leaf of target.leaves)
            if (target.parent[leaf] === p && acc.siblings[leaf]! < COUSIN) {
              acc.siblings[leaf] = COUSIN;
              touched.push(leaf);
              candidates.add(leaf);
            }
      }
    }
    for (const targetCode of inherited) {
      const t = target.byCode.get(targetCode);
      if (t === undefined) continue;
      weights.inherited = WEIGHTS.inherited;
      acc.inherited[t] = 1;
      touched.push(t);
      candidates.add(t);
    }

    const kinds = Object.keys(weights) as ReasonKind[];
    const total = kinds.reduce((s, kind) => s + weights[kind]!, 0);
    const value = (kind: ReasonKind, leaf: number): number =>
      kind === 'title'
        ? WORD_SHARE * acc.title[leaf]! + (1 - WORD_SHARE) * acc.gram[leaf]!
        : Math.min(1, kind === 'code' ? trust * acc.code[leaf]! : acc[kind][leaf]!);
    const scoreOf = (leaf: number) =>
      kinds.reduce((s, kind) => s + weights[kind]! * value(kind, leaf), 0) / total;

    // First pass over the leaves the query reached, components fused; keep the best CANDIDATES.
    const w = (kind: ReasonKind) => (weights[kind] ?? 0) / total;
    const [wTitle, wDesc, wContext, wCode, wSiblings, wInherited] = [
      w('title'),
      w('description'),
      w('context'),
      w('code') * trust,
      w('siblings'),
      w('inherited'),
    ];
    const { title: words, gram: grams, description, byItem, context, code: codes } = acc;
    const { parent, grandparent, isLeaf } = target;
    const reached = candidates.list;
    const combined = acc.combined;
    for (let i = 0; i < candidates.size; i++) {
      const leaf = reached[i]!;
      if (!isLeaf[leaf]) continue;
      let score = wTitle * (WORD_SHARE * words[leaf]! + (1 - WORD_SHARE) * grams[leaf]!);
      if (wDesc > 0) score += wDesc * Math.min(1, description[leaf]!);
      if (wContext > 0) {
        const p = parent[leaf]!;
        const g = grandparent[leaf]!;
        const c = Math.max(p < 0 ? 0 : byItem[p]!, g < 0 ? 0 : 0.7 * byItem[g]!);
        context[leaf] = c;
        score += wContext * Math.min(1, c);
      }
      if (wCode > 0) score += wCode * codes[leaf]!;
      if (wSiblings > 0) score += wSiblings * acc.siblings[leaf]!;
      if (wInherited > 0) score += wInherited * acc.inherited[leaf]!;
      combined[leaf] = score;
    }
    let kept = 0;
    for (let i = 0; i < candidates.size; i++) {
      const leaf = reached[i]!;
      if (!isLeaf[leaf]) continue;
      const score = combined[leaf]!;
      if (kept === CANDIDATES && score <= topScore[kept - 1]!) continue;
      let at = kept < CANDIDATES ? kept++ : kept - 1;
      while (at > 0 && topScore[at - 1]! < score) {
        topScore[at] = topScore[at - 1]!;
        topLeaf[at] = topLeaf[at - 1]!;
        at--;
      }
      topScore[at] = score;
      topLeaf[at] = leaf;
    }
    const best = Array.from(topLeaf.subarray(0, kept), (leaf, i) => ({
      leaf,
      score: topScore[i]!,
    }));
    // Exact trigram cosine for the candidates, then the final order.
    for (const b of best) {
      acc.gram[b.leaf] = dot(qGram, target.grams.docs[b.leaf]!);
      b.score = scoreOf(b.leaf);
    }
    best.sort(
      (a, b) =>
        b.score - a.score || (target.items[a.leaf]!.code < target.items[b.leaf]!.code ? -1 : 1),
    );

    return best.slice(0, k).map(({ leaf, score }) => ({
      code: target.items[leaf]!.code,
      score: Math.min(1, Math.max(0, score)),
      reasons: kinds.map((kind): Reason => {
        const similarity = value(kind, leaf);
        const reason: Reason = {
          kind,
          similarity,
          contribution: (weights[kind]! * similarity) / total,
        };
        if (kind === 'siblings' && evidence.has(leaf)) reason.evidence = evidence.get(leaf)!;
        if (kind === 'inherited' && similarity > 0) reason.evidence = [code];
        if (kind === 'code' && similarity > 0) {
          const a = bareCode(code);
          const b = target.bare[leaf]!;
          let p = 0;
          while (p < a.length && a[p] === b[p]) p++;
          reason.evidence = [a.slice(0, p)];
        }
        return reason;
      }),
    }));
  }

  return {
    rank(code, k, context = {}) {
      return rankOne(
        code,
        k,
        siblingTargets(source, context.mappings ?? []),
        context.inherited?.get(code) ?? [],
      );
    },
    rankAll(k, context = {}, codes = [...source.keys()]) {
      const siblings = siblingTargets(source, context.mappings ?? []);
      const out = new Map<string, Suggestion[]>();
      for (const code of codes)
        out.set(code, rankOne(code, k, siblings, context.inherited?.get(code) ?? []));
      return out;
    },
  };
}
