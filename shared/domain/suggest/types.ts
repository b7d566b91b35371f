/** A scheme item as the ranker sees it (a structural subset of the contract's SchemeItem). */
export interface SuggestItem {
  code: string;
  parentCode?: string | null;
  level: number;
  isLeaf: boolean;
  titleHe?: string | null;
  titleEn?: string | null;
  descriptionHe?: string | null;
  descriptionEn?: string | null;
}

/**
 * Why a target was suggested. `context` compares the source's parent path with the target's
 * parents; `code` is the shared code prefix, counted only as far as the two schemes' codes are
 * seen to align (same code, similar title).
 */
export type ReasonKind = 'title' | 'description' | 'context' | 'code' | 'siblings' | 'inherited';

export interface Reason {
  kind: ReasonKind;
  /** This component on its own, in [0, 1]. */
  similarity: number;
  /** Its share of the score: the reasons' contributions add up to the score. */
  contribution: number;
  /** Codes behind the reason: the shared prefix, the siblings mapped there, the inherited source. */
  evidence?: string[];
}

export interface Suggestion {
  code: string;
  /** In [0, 1]. */
  score: number;
  reasons: Reason[];
}

export interface MappingRef {
  sourceCode: string;
  targetCode: string;
}
