import { z } from 'zod';
import { method } from './define';
import { Code, Id, MappingStatus } from './common';
import { UndoState } from './crosswalks';

export const SUGGESTION_REASON_KINDS = [
  'title',
  'description',
  'context',
  'code',
  'siblings',
  'inherited',
] as const;
export const SuggestionReasonKind = z.enum(SUGGESTION_REASON_KINDS);
export type SuggestionReasonKind = z.infer<typeof SuggestionReasonKind>;

/** An approved, frozen crosswalk version an inherited suggestion comes from. */
export const InheritedFrom = z.object({
  crosswalkId: Id,
  nameHe: z.string(),
  nameEn: z.string(),
  version: z.number().int(),
});
export type InheritedFrom = z.infer<typeof InheritedFrom>;

/**
 * Why a target was suggested. similarity: this component alone, in [0, 1]; contribution: its share
 * of the score (the contributions add up to the score). codes: the shared code prefix, the sibling
 * source codes mapped to the target, or the source code of the inherited mapping.
 */
export const SuggestionReason = z.object({
  kind: SuggestionReasonKind,
  similarity: z.number(),
  contribution: z.number(),
  codes: z.array(Code),
  /** For an inherited reason: the approved crosswalk versions that map the source code to this target. */
  versions: z.array(InheritedFrom).optional(),
});
export type SuggestionReason = z.infer<typeof SuggestionReason>;

/** A candidate target leaf for one source code, best first in a list. score in [0, 1]. */
export const SuggestionCandidate = z.object({
  targetCode: Code,
  targetTitleHe: z.string().nullable(),
  targetTitleEn: z.string().nullable(),
  score: z.number(),
  reasons: z.array(SuggestionReason),
  /** The source is mapped to this target already (as the viewer may see it): nothing to accept. */
  existing: z.object({ mappingId: z.number().int(), status: MappingStatus }).optional(),
});
export type SuggestionCandidate = z.infer<typeof SuggestionCandidate>;

export const SourceSuggestions = z.object({
  sourceCode: Code,
  sourceTitleHe: z.string().nullable(),
  sourceTitleEn: z.string().nullable(),
  suggestions: z.array(SuggestionCandidate),
});
export type SourceSuggestions = z.infer<typeof SourceSuggestions>;

export const suggestionMethods = {
  'suggestions.forSource': method(
    z.object({ crosswalkId: Id, sourceCode: Code, k: z.number().int().min(1).max(50).default(5) }),
    SourceSuggestions,
  ),
  /**
   * The next active leaf source code (in code order after `after`, wrapping round) with no mapping
   * other than rejected ones — what the 'unmapped_sources' check lists — with its top suggestions;
   * null when every source code is mapped.
   */
  'suggestions.nextUnmapped': method(
    z.object({
      crosswalkId: Id,
      after: Code.optional(),
      k: z.number().int().min(1).max(50).default(5),
    }),
    z.object({ next: SourceSuggestions.nullable(), unmapped: z.number().int() }),
  ),
  /** Adds a proposed mapping (relation close) justified 'lexical_suggestion' with confidence = score. */
  'suggestions.accept': method(
    z.object({
      crosswalkId: Id,
      sourceCode: Code,
      targetCode: Code,
      score: z.number().min(0).max(1),
    }),
    z.object({ mappingId: z.number().int(), undo: UndoState }),
  ),
};
