import type { Relation } from '../../contract/common';

/**
 * Direction, as in SKOS and SSSOM: the source code is the subject, the target code the object.
 * "narrower" means the TARGET is narrower than the source (subject skos:narrowMatch object: the
 * object is narrower), "broader" that the target is broader.
 */

/**
 * From a correspondence table's partial flags. A partial source (only part of it goes to this
 * target) makes the target narrower; a target only partly covered by this source is broader;
 * both partial is an overlap (related); neither is an exact match.
 */
export function relationFromPartials(partialSource: boolean, partialTarget: boolean): Relation {
  if (partialSource && partialTarget) return 'related';
  if (partialSource) return 'narrower';
  if (partialTarget) return 'broader';
  return 'exact';
}

/**
 * From the shape of the table when it has no flags: 1:1 exact; a source split over n targets
 * makes each target narrower; n sources merged into one target make it broader; m:n related.
 */
export function relationsFromCardinality(
  sources: readonly string[],
  targets: readonly string[],
): Relation[] {
  const targetsPerSource = new Map<string, Set<string>>();
  const sourcesPerTarget = new Map<string, Set<string>>();
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    const t = targets[i]!;
    let ts = targetsPerSource.get(s);
    if (!ts) targetsPerSource.set(s, (ts = new Set()));
    ts.add(t);
    let ss = sourcesPerTarget.get(t);
    if (!ss) sourcesPerTarget.set(t, (ss = new Set()));
    ss.add(s);
  }
  const out = new Array<Relation>(sources.length);
  for (let i = 0; i < sources.length; i++) {
    const split = targetsPerSource.get(sources[i]!)!.size > 1;
    const merged = sourcesPerTarget.get(targets[i]!)!.size > 1;
    out[i] = relationFromPartials(split, merged);
  }
  return out;
}
