/**
 * SSSOM mapping_cardinality of each record, over the whole set (no cardinality_scope): the first
 * side is "n" when the record's object (target) has other subjects (sources), the second when its
 * subject has other objects. So a source split over three targets gives "1:n" on each of them.
 * A pair listed twice counts once.
 */
export type MappingCardinality = '1:1' | '1:n' | 'n:1' | 'n:n';

export function mappingCardinalities(
  sources: readonly string[],
  targets: readonly string[],
): MappingCardinality[] {
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
  const out = new Array<MappingCardinality>(sources.length);
  for (let i = 0; i < sources.length; i++) {
    const manySources = sourcesPerTarget.get(targets[i]!)!.size > 1;
    const manyTargets = targetsPerSource.get(sources[i]!)!.size > 1;
    out[i] = `${manySources ? 'n' : '1'}:${manyTargets ? 'n' : '1'}`;
  }
  return out;
}

export const MAPPING_CARDINALITIES: readonly MappingCardinality[] = ['1:1', '1:n', 'n:1', 'n:n'];
