import type {
  InheritedFrom,
  SourceSuggestions,
  SuggestionCandidate,
  SuggestionReasonKind,
} from '../../../shared/contract';
import { createRanker, type Ranker } from '../../../shared/domain/suggest/rank';
import type { Suggestion, SuggestItem } from '../../../shared/domain/suggest/types';
import { blindRow } from '../../../shared/domain/crosswalk/approval';
import { RpcError } from '../../../shared/rpc/errors';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';
import { DECIDERS } from '../backend/session';
import { CrosswalkRepo } from '../repos/crosswalk-repo';
import { SchemeRepo } from '../repos/scheme-repo';
import { SuggestionRepo } from '../repos/suggestion-repo';
import { blindViewer } from './blind-viewer';
import type { CrosswalkService } from './crosswalk-service';

type SuggestionMethods =
  'suggestions.forSource' | 'suggestions.nextUnmapped' | 'suggestions.accept';

interface PairIndex {
  stamp: string;
  ranker: Ranker;
  source: Map<string, SuggestItem>;
  target: Map<string, SuggestItem>;
}

/**
 * Ranked target suggestions for a crosswalk's source codes (shared/domain/suggest). The ranker's
 * index is built on first use per (source scheme, target scheme) in the backend's worker thread,
 * never on the UI thread, and kept until either scheme's items change. Each request feeds it the
 * crosswalk's live mappings of the source's siblings and, as inherited input, what the approved
 * versions of crosswalks between versions of the same two schemes (matched by English scheme
 * name) map the source code to. Accepting a target one of those versions maps it to records the
 * mapping as inherited; any other as a lexical suggestion.
 */
export function suggestionHandlers(
  deps: ServiceDeps,
  crosswalks: Pick<CrosswalkService, 'addMapping'>,
): HandlerGroup<SuggestionMethods> {
  const repo = new SuggestionRepo(deps.db);
  const crosswalkRepo = new CrosswalkRepo(deps.db);
  const schemes = new SchemeRepo(deps.db);
  const viewerOf = (crosswalkId: string) =>
    blindViewer(deps.session, crosswalkRepo.blindMode(crosswalkId));
  const indexes = new Map<string, PairIndex>();

  const scopeOf = (id: string) => {
    const scope = crosswalkRepo.scope(id);
    if (!scope) throw new RpcError('not_found', `No crosswalk with id ${id}.`);
    return scope;
  };

  const indexOf = (sourceSchemeId: string, targetSchemeId: string): PairIndex => {
    const key = `${sourceSchemeId}\u0000${targetSchemeId}`;
    const stamp = `${schemes.stamp(sourceSchemeId)}/${schemes.stamp(targetSchemeId)}`;
    const cached = indexes.get(key);
    if (cached && cached.stamp === stamp) return cached;
    const sourceItems = repo.items(sourceSchemeId, 'source');
    const targetItems = repo.items(targetSchemeId, 'target');
    const built: PairIndex = {
      stamp,
      ranker: createRanker(sourceItems, targetItems),
      source: new Map(sourceItems.map((i) => [i.code, i])),
      target: new Map(targetItems.map((i) => [i.code, i])),
    };
    indexes.set(key, built);
    return built;
  };

  /** Target code → the approved versions that map the source code there. */
  const inheritedOf = (
    scope: { sourceSchemeId: string; targetSchemeId: string },
    sourceCode: string,
  ): Map<string, InheritedFrom[]> => {
    const out = new Map<string, InheritedFrom[]>();
    for (const r of repo.inheritedTargets(scope.sourceSchemeId, scope.targetSchemeId, sourceCode))
      out.set(r.targetCode, [...(out.get(r.targetCode) ?? []), r.from]);
    return out;
  };

  const candidate = (
    index: PairIndex,
    s: Suggestion,
    inherited: Map<string, InheritedFrom[]>,
  ): SuggestionCandidate => {
    const item = index.target.get(s.code);
    return {
      targetCode: s.code,
      targetTitleHe: item?.titleHe ?? null,
      targetTitleEn: item?.titleEn ?? null,
      score: s.score,
      reasons: s.reasons.map((r) => ({
        kind: r.kind satisfies SuggestionReasonKind,
        similarity: r.similarity,
        contribution: r.contribution,
        codes: r.evidence ?? [],
        ...(r.kind === 'inherited' && r.similarity > 0
          ? { versions: inherited.get(s.code) ?? [] }
          : {}),
      })),
    };
  };

  const forSource = (crosswalkId: string, sourceCode: string, k: number): SourceSuggestions => {
    const scope = scopeOf(crosswalkId);
    const index = indexOf(scope.sourceSchemeId, scope.targetSchemeId);
    const item = index.source.get(sourceCode);
    if (!item) throw new RpcError('not_found', `The source scheme has no code "${sourceCode}".`);
    const inherited = inheritedOf(scope, sourceCode);
    const viewer = viewerOf(crosswalkId);
    const existing = new Map(
      crosswalkRepo
        .rowsWhere(scope, 'm.source_code = ?', [sourceCode], 'm.id LIMIT 500')
        .map((r) => (viewer === undefined ? r : blindRow(r, viewer)))
        .map((r) => [r.targetCode, { mappingId: r.mappingId!, status: r.status! }] as const),
    );
    const ranked = index.ranker.rank(sourceCode, k, {
      mappings: repo.siblingMappings(
        crosswalkId,
        scope.sourceSchemeId,
        item.parentCode ?? null,
        viewer,
      ),
      inherited: new Map(inherited.size > 0 ? [[sourceCode, [...inherited.keys()]]] : []),
    });
    return {
      sourceCode,
      sourceTitleHe: item.titleHe ?? null,
      sourceTitleEn: item.titleEn ?? null,
      suggestions: ranked.map((s) => {
        const c = candidate(index, s, inherited);
        const there = existing.get(s.code);
        return there ? { ...c, existing: there } : c;
      }),
    };
  };

  return {
    'suggestions.forSource': ({ crosswalkId, sourceCode, k }) => {
      deps.session.require();
      return forSource(crosswalkId, sourceCode, k);
    },
    'suggestions.nextUnmapped': ({ crosswalkId, after, k }) => {
      deps.session.require();
      const scope = scopeOf(crosswalkId);
      const viewer = viewerOf(crosswalkId);
      // After the last unmapped code, wrap round to the first.
      const code =
        repo.nextUnmapped(crosswalkId, scope.sourceSchemeId, after, viewer) ??
        (after === undefined
          ? null
          : repo.nextUnmapped(crosswalkId, scope.sourceSchemeId, undefined, viewer));
      return {
        next: code === null ? null : forSource(crosswalkId, code, k),
        unmapped: repo.unmappedCount(crosswalkId, scope.sourceSchemeId, viewer),
      };
    },
    'suggestions.accept': ({ crosswalkId, sourceCode, targetCode, score }) => {
      deps.session.require(DECIDERS);
      const fromApproved = inheritedOf(scopeOf(crosswalkId), sourceCode).has(targetCode);
      return crosswalks.addMapping(
        { crosswalkId, sourceCode, targetCode, relation: 'close' },
        { justification: fromApproved ? 'inherited' : 'lexical_suggestion', confidence: score },
      );
    },
  };
}
