import type { Relation } from '../../contract/common';
import { mappingCardinalities } from './cardinality';

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
  return mappingCardinalities(sources, targets).map((c) =>
    relationFromPartials(c[2] === 'n', c[0] === 'n'),
  );
}
