import type {
  CheckCounts,
  Decision,
  MappingDetail,
  MappingFilter,
  MappingRow,
  MappingStatus,
  ParsedParams,
  Result,
  Justification,
  SortSpec,
  Steward,
} from '../../../shared/contract';
import { AGENCY_VOTES, CHECK_KINDS } from '../../../shared/contract/crosswalks';
import { cohensKappa } from '../../../shared/domain/crosswalk/agreement';
import {
  agenciesDisagree,
  applyAgencyDecision,
  blindRow,
  type BlindViewer,
  reviewState,
  voteForStatus,
} from '../../../shared/domain/crosswalk/approval';
import { runChecks, type CheckMapping } from '../../../shared/domain/crosswalk/checks';
import { RpcError } from '../../../shared/rpc/errors';
import { recordAudit } from '../backend/audit-log';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';
import { DECIDERS, LEADS } from '../backend/session';
import { CommentRepo } from '../repos/comment-repo';
import { CrosswalkRepo, unmappedSourceRow, type StoredMapping } from '../repos/crosswalk-repo';
import {
  filterDependsOn,
  matchingIdsQuery,
  orderedIdQuery,
  sortDependsOn,
  type CrosswalkScope,
  type MappingField,
} from '../repos/mapping-query';
import { SchemeRepo } from '../repos/scheme-repo';
import { blindViewer } from './blind-viewer';
import { exportCrosswalk } from './crosswalk-export';
import { GridOrderCache, withoutIds, type CachedOrder } from './grid-order-cache';
import { MappingUndo, type MappingChange } from './mapping-undo';
import { itemWithPath } from './scheme-service';

type CrosswalkMethods =
  | 'crosswalks.list'
  | 'crosswalks.get'
  | 'crosswalks.rows'
  | 'crosswalks.detail'
  | 'crosswalks.checks'
  | 'crosswalks.decide'
  | 'crosswalks.addMapping'
  | 'crosswalks.removeMappings'
  | 'crosswalks.undo'
  | 'crosswalks.redo'
  | 'crosswalks.undoState'
  | 'crosswalks.setBlindMode'
  | 'crosswalks.agreement'
  | 'crosswalks.export';

/**
 * Up to this many mappings a write records one audit row per mapping (before/after each); a larger
 * bulk decision records one summary row whose before/after list every mapping's previous and new fields.
 */
export const AUDIT_ROWS_PER_MAPPING_LIMIT = 5000;

const RELATED_ROWS_LIMIT = 500;

/** Up to this many changed mappings the check counts are updated from the change; above, counted again. */
const CHECK_DELTA_LIMIT = 20_000;

/** The fields of a mapping the audit log shows. */
const audited = (m: StoredMapping | null) =>
  m && {
    sourceCode: m.source_code,
    targetCode: m.target_code,
    relation: m.relation,
    share: m.share,
    status: m.status,
    comment: m.comment,
    // Each agency's own decision as a field of its own (absent: not decided), so the audit log
    // names it like the other fields.
    ...Object.fromEntries((m.votes ?? []).map((v) => [`decision${v.agency}`, v.decision])),
  };

const sameVotes = (a: StoredMapping, b: StoredMapping) =>
  JSON.stringify((a.votes ?? []).map((v) => [v.agency, v.decision])) ===
  JSON.stringify((b.votes ?? []).map((v) => [v.agency, v.decision]));

/** Whether a mapping state passed the per-row parts of a filter that decisions can change. */
function filterMatchesState(filter: MappingFilter, m: StoredMapping): boolean {
  if (filter.status?.length && !filter.status.includes(reviewState(m.status, m.votes ?? [])))
    return false;
  if (filter.disagreements && !agenciesDisagree(m.votes ?? [])) return false;
  if (filter.relation?.length && !filter.relation.includes(m.relation)) return false;
  const who = filter.updatedBy?.trim().toLowerCase();
  if (who && !(m.updated_by ?? '').toLowerCase().includes(who)) return false;
  return true;
}

export interface CrosswalkService {
  handlers: HandlerGroup<CrosswalkMethods>;
  /** The grid's data source, also used by the benchmark. */
  rows(
    crosswalkId: string,
    page: { offset: number; limit: number },
    sort: SortSpec,
    filter: MappingFilter,
  ): { rows: MappingRow[]; total: number };
  /** crosswalks.addMapping, also for other origins (an accepted suggestion): one audited, undoable write. */
  addMapping(
    params: ParsedParams<'crosswalks.addMapping'>,
    origin?: { justification: Justification; confidence: number | null },
  ): Result<'crosswalks.addMapping'>;
}

export function createCrosswalkService(deps: ServiceDeps): CrosswalkService {
  const repo = new CrosswalkRepo(deps.db);
  const threads = new CommentRepo(deps.db);
  const schemes = new SchemeRepo(deps.db);
  const orders = new GridOrderCache();
  const checkCache = new Map<string, { stamp: string; counts: CheckCounts }>();
  const undo = new MappingUndo();

  const scopeOf = (id: string) => {
    const scope = repo.scope(id);
    if (!scope) throw new RpcError('not_found', `No crosswalk with id ${id}.`);
    return scope;
  };

  /** The state of a crosswalk an order or a count belongs to; MAX(id) moves when an import appends rows. */
  const stampOf = (scope: { id: string; dataVersion: number }) =>
    `${scope.dataVersion}:${repo.maxMappingId()}`;

  /** Whom blind mode applies to on this crosswalk (undefined: blind mode off, or a lead). */
  const viewerOf = (crosswalkId: string): BlindViewer =>
    blindViewer(deps.session, repo.blindMode(crosswalkId));

  /** Cached orders and counts are per viewer while blind: each agency sees other statuses. */
  const viewKey = (viewer: BlindViewer) => (viewer === undefined ? '' : `blind:${viewer ?? ''}`);
  const checkKey = (crosswalkId: string, viewer: BlindViewer) =>
    viewer === undefined ? crosswalkId : `${crosswalkId}\u0000${viewKey(viewer)}`;

  const viewOrder = (
    scope: CrosswalkScope & { dataVersion: number },
    sort: SortSpec,
    filter: MappingFilter,
  ): CachedOrder => {
    const viewer = viewerOf(scope.id);
    return orders.get(scope.id, stampOf(scope), sort, filter, viewKey(viewer), () => {
      const q = orderedIdQuery(scope, sort, filter, viewer);
      return { kind: q.kind, ids: repo.orderedIds(q.parts) };
    });
  };

  /** Blind mode is enforced here: rows leave the host as the session's agency may see them. */
  const blinded = (crosswalkId: string, list: MappingRow[]): MappingRow[] => {
    const viewer = viewerOf(crosswalkId);
    if (viewer === undefined) return list;
    return list.map((r) => blindRow(r, viewer));
  };

  const rows: CrosswalkService['rows'] = (crosswalkId, page, sort, filter) => {
    const scope = scopeOf(crosswalkId);
    const order = viewOrder(scope, sort, filter);
    const slice = order.ids.subarray(page.offset, page.offset + page.limit);
    const out =
      order.kind === 'item' ? repo.unmappedRowsByItemIds(slice) : repo.rowsByIds(scope, slice);
    return { rows: blinded(crosswalkId, out), total: order.ids.length };
  };

  const checks = (crosswalkId: string): CheckCounts => {
    const scope = scopeOf(crosswalkId);
    const viewer = viewerOf(crosswalkId);
    const key = checkKey(crosswalkId, viewer);
    const cached = checkCache.get(key);
    const stamp = stampOf(scope);
    if (cached && cached.stamp === stamp) return cached.counts;
    const counts = {} as CheckCounts;
    for (const check of CHECK_KINDS) {
      const q = orderedIdQuery(scope, [], { check }, viewer);
      counts[check] = repo.count(q.parts);
    }
    checkCache.set(key, { stamp, counts });
    return counts;
  };

  /**
   * The check counts after a change, from the counts before it: every check depends only on the
   * mappings of the same source, so the pure rules run on the changed sources' mappings as they
   * are now and as they were (the changed rows put back in their before state).
   */
  const recount = (
    scope: CrosswalkScope,
    counts: CheckCounts,
    changes: readonly MappingChange[],
  ): CheckCounts => {
    const sources = [
      ...new Set(
        changes
          .flatMap((c) => [c.before?.source_code, c.after?.source_code])
          .filter((c): c is string => !!c),
      ),
    ];
    const now = repo.checkMappingsOfSources(scope.id, sources);
    const changedIds = new Set(changes.map((c) => c.id));
    const asCheck = (m: StoredMapping): CheckMapping => ({
      id: m.id,
      sourceCode: m.source_code,
      targetCode: m.target_code,
      share: m.share,
      status: m.status,
    });
    const then = [
      ...now.filter((m) => !changedIds.has(m.id)),
      ...changes.flatMap((c) => (c.before ? [asCheck(c.before)] : [])),
    ];
    const targets = [...new Set([...now, ...then].map((m) => m.targetCode))];
    const sourceItems = schemes.checkItemsWithCodes(scope.sourceSchemeId, sources);
    const targetItems = schemes.checkItemsWithCodes(scope.targetSchemeId, targets);
    const before = runChecks(sourceItems, targetItems, then);
    const after = runChecks(sourceItems, targetItems, now);
    const out = { ...counts };
    for (const check of CHECK_KINDS)
      out[check] = (out[check] ?? 0) - before[check].length + after[check].length;
    return out;
  };

  /**
   * Keeps cached orders and counts across a write instead of recomputing them (seconds at a
   * million rows): a view that does not depend on what changed is carried over, one whose filter
   * a changed row no longer matches loses that row; anything else is dropped and recomputed.
   */
  const carryOver = (
    scope: CrosswalkScope,
    from: string,
    to: string,
    changes: readonly MappingChange[],
  ) => {
    if (repo.blindMode(scope.id)) {
      // Blind: what each viewer sees of a change differs; recompute rather than patch.
      for (const key of [...checkCache.keys()])
        if (key === scope.id || key.startsWith(`${scope.id}\u0000`)) checkCache.delete(key);
      orders.carryOver(scope.id, from, to, () => null);
      return;
    }
    const added = changes.some((c) => !c.before && c.after);
    const removed = new Set(changes.filter((c) => c.before && !c.after).map((c) => c.id));
    const edited = changes.filter(
      (c): c is MappingChange & { before: StoredMapping; after: StoredMapping } =>
        !!c.before && !!c.after,
    );
    const fields = new Set<MappingField>(edited.length > 0 ? ['updated'] : []);
    for (const c of edited) {
      if (c.before.status !== c.after.status) fields.add('status');
      if (c.before.relation !== c.after.relation) fields.add('relation');
      if (c.before.share !== c.after.share) fields.add('share');
      if (c.before.comment !== c.after.comment) fields.add('comment');
      if (!sameVotes(c.before, c.after)) fields.add('votes');
    }
    const onlyNotes =
      !added && removed.size === 0 && [...fields].every((f) => f === 'updated' || f === 'comment');
    const counts = checkCache.get(scope.id);
    if (counts && counts.stamp === from) {
      if (onlyNotes) checkCache.set(scope.id, { stamp: to, counts: counts.counts });
      else if (changes.length <= CHECK_DELTA_LIMIT)
        checkCache.set(scope.id, { stamp: to, counts: recount(scope, counts.counts, changes) });
      else checkCache.delete(scope.id);
    }
    orders.carryOver(scope.id, from, to, (view) => {
      // An order computed for a blind viewer (blind mode since switched off) is not patched.
      if (added || view.viewer !== '') return null;
      const filterDeps = filterDependsOn(view.filter);
      if (view.order.kind === 'item' || filterDeps === null) return onlyNotes ? view.order : null;
      if ([...sortDependsOn(view.sort)].some((f) => fields.has(f))) return null;
      const gone = new Set(removed);
      if ([...filterDeps].some((f) => fields.has(f))) {
        const part = matchingIdsQuery(
          scope,
          view.filter,
          edited.map((c) => c.id),
        );
        const now = new Set(repo.ids(part));
        for (const c of edited) {
          if (!now.has(c.id)) gone.add(c.id);
          else if (!filterMatchesState(view.filter, c.before)) return null; // a row joins the view: its place needs the sort
        }
      }
      return { kind: view.order.kind, ids: withoutIds(view.order.ids, gone) };
    });
  };

  const audit = (
    steward: Steward,
    at: string,
    crosswalkId: string,
    action: string,
    changes: MappingChange[],
    comment?: string | null,
  ) => {
    if (changes.length <= AUDIT_ROWS_PER_MAPPING_LIMIT) {
      for (const c of changes) {
        recordAudit(deps.db, steward, at, {
          action,
          entityType: 'mapping',
          entityId: String(c.id),
          before: audited(c.before),
          after: audited(c.after),
          comment: comment ?? null,
        });
      }
      return;
    }
    recordAudit(deps.db, steward, at, {
      action,
      entityType: 'crosswalk',
      entityId: crosswalkId,
      before: {
        count: changes.length,
        mappings: changes.map((c) => ({ id: c.id, ...audited(c.before) })),
      },
      after: {
        count: changes.length,
        mappings: changes.map((c) => ({ id: c.id, ...audited(c.after) })),
      },
      comment: comment ?? null,
    });
  };

  /** Runs one journaled write for a crosswalk, records undo, and tells open views. */
  const change = <T>(
    steward: Steward,
    crosswalkId: string,
    action: string,
    fn: (at: string) => { changes: MappingChange[]; result: T },
    comment?: string | null,
  ): T => {
    const at = deps.now();
    const scope = scopeOf(crosswalkId);
    const from = stampOf(scope);
    const { changes, result } = deps.db.write(() => {
      const out = fn(at);
      audit(steward, at, crosswalkId, action, out.changes, comment);
      repo.bumpVersion(crosswalkId);
      return out;
    });
    carryOver(
      scope,
      from,
      stampOf({ id: crosswalkId, dataVersion: scope.dataVersion + 1 }),
      changes,
    );
    if (action !== 'mapping.undo' && action !== 'mapping.redo')
      undo.record(steward.id, crosswalkId, { action, changes });
    deps.emit('workspace.changed', { entity: 'crosswalk', id: crosswalkId });
    return result;
  };

  const missing = (
    crosswalkId: string,
    wanted: readonly number[],
    found: readonly StoredMapping[],
  ) => {
    if (found.length === wanted.length) return;
    const have = new Set(found.map((m) => m.id));
    const absent = wanted.filter((id) => !have.has(id));
    throw new RpcError(
      'not_found',
      `Crosswalk ${crosswalkId} has no mapping with id ${absent.slice(0, 10).join(', ')}${absent.length > 10 ? ', …' : ''}.`,
      {
        missing: absent,
      },
    );
  };

  const decide = (steward: Steward, params: Decision & { crosswalkId: string }) => {
    const { crosswalkId, status, relation, share } = params;
    // An empty comment box leaves the mapping's comment as it is.
    const comment = params.comment?.trim() ? params.comment : undefined;
    scopeOf(crosswalkId);
    if (
      status === undefined &&
      relation === undefined &&
      share === undefined &&
      comment === undefined
    ) {
      throw new RpcError(
        'validation_failed',
        'A decision needs a status, relation, share or comment.',
      );
    }
    const ids = [...new Set(params.mappingIds)];
    const before = repo.stored(crosswalkId, ids);
    missing(crosswalkId, ids, before);
    const outcomes = before.map((b) => ({
      b,
      o: applyAgencyDecision(
        { status: b.status, relation: b.relation, share: b.share, votes: b.votes ?? [] },
        { agency: steward.agency, status, relation, share },
      ),
    }));
    // The same agency approving again (and nothing else) changes nothing: no write, no audit row.
    const touched =
      status === undefined || comment !== undefined
        ? outcomes
        : outcomes.filter((x) => !x.o.unchanged);
    if (touched.length === 0) return 0;
    return change(
      steward,
      crosswalkId,
      'mapping.decide',
      (at) => {
        const who = { name: steward.name, agency: steward.agency, at };
        const contentChanged = touched
          .filter(
            ({ b }) =>
              (relation !== undefined && relation !== b.relation) ||
              (share !== undefined && share !== b.share),
          )
          .map(({ b }) => b.id);
        // A new relation or share clears every agency's vote: they were given on other content.
        if (contentChanged.length > 0) repo.clearVotes(contentChanged);
        const cleared = new Set(contentChanged);
        if (status !== undefined) {
          const vote = voteForStatus(status);
          const own = touched.map(({ b }) => b.id);
          if (vote === null) repo.clearVotes(own, steward.agency);
          else
            repo.setVote(
              crosswalkId,
              touched
                .filter(({ b }) => {
                  const had = b.votes?.find((v) => v.agency === steward.agency);
                  // A repeated vote keeps who gave it first and when.
                  return !(had?.decision === vote && !cleared.has(b.id));
                })
                .map(({ b }) => b.id),
              {
                agency: steward.agency,
                decision: vote,
                steward_id: steward.id,
                steward_name: steward.name,
                at,
              },
            );
        }
        // One update per resulting status (approving completes some mappings and half-approves
        // others); whoever sets the status is its reviewer, and a reopened mapping has none.
        const groups = new Map<
          string,
          { status: MappingStatus; reviewerId?: string | null; ids: number[] }
        >();
        for (const { b, o } of touched) {
          const reviewerId =
            status !== undefined
              ? status === 'proposed'
                ? null
                : steward.id
              : b.status === 'approved' && o.status !== 'approved'
                ? null
                : undefined;
          const key = `${o.status}|${reviewerId}`;
          const g = groups.get(key) ?? { status: o.status, reviewerId, ids: [] };
          g.ids.push(b.id);
          groups.set(key, g);
        }
        let updated = 0;
        for (const g of groups.values())
          updated += repo.updateDecision(
            crosswalkId,
            g.ids,
            { status: g.status, relation, share, comment, reviewerId: g.reviewerId },
            who,
          );
        const touchedIds = touched.map(({ b }) => b.id);
        if (comment !== undefined || status === 'needs_discussion')
          threads.addDecision(steward, at, crosswalkId, touchedIds, {
            text: comment ?? null,
            status: status ?? null,
          });
        const after = new Map(repo.stored(crosswalkId, touchedIds).map((m) => [m.id, m]));
        return {
          changes: touched.map(({ b }) => ({
            id: b.id,
            before: b,
            after: after.get(b.id) ?? null,
          })),
          result: updated,
        };
      },
      comment,
    );
  };

  /** Applies the before (undo) or after (redo) states of the last entry as a new audited write. */
  const replay = (steward: Steward, crosswalkId: string, which: 'undo' | 'redo') => {
    scopeOf(crosswalkId);
    const entry = undo.peek(steward.id, crosswalkId, which);
    if (!entry) throw new RpcError('conflict', `Nothing to ${which} in this crosswalk.`);
    change(
      steward,
      crosswalkId,
      `mapping.${which}`,
      (at) => {
        const changes: MappingChange[] = [];
        const current = new Map(
          repo
            .stored(
              crosswalkId,
              entry.changes.map((c) => c.id),
            )
            .map((m) => [m.id, m]),
        );
        const ordered = which === 'undo' ? [...entry.changes].reverse() : entry.changes;
        for (const c of ordered) {
          const target = which === 'undo' ? c.before : c.after;
          const now = current.get(c.id) ?? null;
          if (!target) {
            if (now) repo.delete(crosswalkId, [c.id]);
          } else {
            const state = {
              ...target,
              updated_by: steward.name,
              updated_by_agency: steward.agency,
              updated_at: at,
            };
            if (now) repo.restoreStored(state);
            else repo.insertStored(state);
          }
          changes.push({
            id: c.id,
            before: now,
            after: target && repo.stored(crosswalkId, [c.id])[0]!,
          });
        }
        return { changes, result: null };
      },
      `${which} of ${entry.action}`,
    );
    undo.moved(steward.id, crosswalkId, which);
    return undo.state(steward.id, crosswalkId);
  };

  const detail = (
    crosswalkId: string,
    mappingId: number | null,
    sourceCode: string,
  ): MappingDetail => {
    const scope = scopeOf(crosswalkId);
    let row: MappingRow | undefined;
    if (mappingId !== null) {
      row = repo.row(scope, mappingId);
      if (!row)
        throw new RpcError(
          'not_found',
          `Crosswalk ${crosswalkId} has no mapping with id ${mappingId}.`,
        );
    }
    const source = itemWithPath(schemes, scope.sourceSchemeId, row?.sourceCode ?? sourceCode);
    if (!row) {
      if (!source)
        throw new RpcError('not_found', `The source scheme has no code "${sourceCode}".`);
      row = unmappedSourceRow(source.code, source.titleHe, source.titleEn);
    }
    const target =
      row.targetCode === null ? null : itemWithPath(schemes, scope.targetSchemeId, row.targetCode);
    const others = (column: 'source_code' | 'target_code', code: string | null) =>
      code === null
        ? []
        : repo.rowsWhere(
            scope,
            `m.${column} = ? AND m.id <> ?`,
            [code, row.mappingId ?? -1],
            `m.source_code, m.target_code, m.id LIMIT ${RELATED_ROWS_LIMIT}`,
          );
    return {
      row: blinded(crosswalkId, [row])[0]!,
      source,
      target,
      sameSource: blinded(crosswalkId, others('source_code', row.sourceCode)),
      sameTarget: blinded(crosswalkId, others('target_code', row.targetCode)),
    };
  };

  const addMapping: CrosswalkService['addMapping'] = (
    { crosswalkId, sourceCode, targetCode, relation, share, comment },
    origin = { justification: 'manual', confidence: null },
  ) => {
    const steward = deps.session.require(DECIDERS);
    const scope = scopeOf(crosswalkId);
    if (!schemes.item(scope.sourceSchemeId, sourceCode)) {
      throw new RpcError(
        'validation_failed',
        `Source code "${sourceCode}" is not in the source scheme of this crosswalk.`,
        { field: 'sourceCode' },
      );
    }
    if (!schemes.item(scope.targetSchemeId, targetCode)) {
      throw new RpcError(
        'validation_failed',
        `Target code "${targetCode}" is not in the target scheme of this crosswalk.`,
        { field: 'targetCode' },
      );
    }
    const [existing] = blinded(
      crosswalkId,
      repo.rowsWhere(
        scope,
        'm.source_code = ? AND m.target_code = ?',
        [sourceCode, targetCode],
        'm.id LIMIT 1',
      ),
    );
    if (existing) {
      // A second copy of a pair is the duplicate the checks flag; the steward decides the one there.
      throw new RpcError(
        'conflict',
        `${sourceCode}→${targetCode} is already in this crosswalk (${existing.status}).`,
        {
          reason: 'duplicate_pair',
          mappingId: existing.mappingId,
          sourceCode,
          targetCode,
          status: existing.status,
        },
      );
    }
    if (share !== undefined && share !== null && !(share >= 0 && share <= 1)) {
      throw new RpcError('validation_failed', `A share is between 0 and 1; got ${share}.`, {
        field: 'share',
      });
    }
    const mappingId = change(
      steward,
      crosswalkId,
      'mapping.add',
      (at) => {
        const id = repo.nextMappingId();
        repo.insertStored({
          id,
          crosswalk_id: crosswalkId,
          source_code: sourceCode,
          target_code: targetCode,
          relation,
          share: share ?? null,
          justification: origin.justification,
          confidence: origin.confidence,
          status: 'proposed',
          comment: comment ?? null,
          partial_source: 0,
          partial_target: 0,
          author_id: steward.id,
          reviewer_id: null,
          updated_by: steward.name,
          updated_by_agency: steward.agency,
          updated_at: at,
          created_at: at,
        });
        if (comment?.trim())
          threads.addDecision(steward, at, crosswalkId, [id], { text: comment, status: null });
        return {
          changes: [{ id, before: null, after: repo.stored(crosswalkId, [id])[0]! }],
          result: id,
        };
      },
      comment,
    );
    return { mappingId, undo: undo.state(steward.id, crosswalkId) };
  };

  const handlers: HandlerGroup<CrosswalkMethods> = {
    'crosswalks.list': () => repo.list(blindViewer(deps.session, true)),
    'crosswalks.get': ({ id }) => {
      const cw = repo.get(id, blindViewer(deps.session, true));
      if (!cw) throw new RpcError('not_found', `No crosswalk with id ${id}.`);
      return cw;
    },
    'crosswalks.rows': ({ crosswalkId, offset, limit, sort, filter }) =>
      rows(crosswalkId, { offset, limit }, sort, filter),
    'crosswalks.detail': ({ crosswalkId, mappingId, sourceCode }) =>
      detail(crosswalkId, mappingId, sourceCode),
    'crosswalks.checks': ({ crosswalkId }) => checks(crosswalkId),
    'crosswalks.decide': (params) => {
      const steward = deps.session.require(DECIDERS);
      const updated = decide(steward, params);
      return { updated, undo: undo.state(steward.id, params.crosswalkId) };
    },
    'crosswalks.addMapping': (params) => addMapping(params),
    'crosswalks.removeMappings': ({ crosswalkId, mappingIds, comment }) => {
      const steward = deps.session.require(DECIDERS);
      scopeOf(crosswalkId);
      const ids = [...new Set(mappingIds)];
      const removed = change(
        steward,
        crosswalkId,
        'mapping.remove',
        (at) => {
          const before = repo.stored(crosswalkId, ids);
          missing(crosswalkId, ids, before);
          const n = repo.delete(crosswalkId, ids);
          if (comment?.trim())
            threads.addDecision(steward, at, crosswalkId, ids, { text: comment, status: null });
          return { changes: before.map((b) => ({ id: b.id, before: b, after: null })), result: n };
        },
        comment,
      );
      return { removed, undo: undo.state(steward.id, crosswalkId) };
    },
    'crosswalks.undo': ({ crosswalkId }) =>
      replay(deps.session.require(DECIDERS), crosswalkId, 'undo'),
    'crosswalks.redo': ({ crosswalkId }) =>
      replay(deps.session.require(DECIDERS), crosswalkId, 'redo'),
    'crosswalks.undoState': ({ crosswalkId }) => {
      const steward = deps.session.require();
      return undo.state(steward.id, crosswalkId);
    },
    'crosswalks.setBlindMode': ({ crosswalkId, on }) => {
      const steward = deps.session.require(LEADS);
      const cw = repo.get(crosswalkId);
      if (!cw) throw new RpcError('not_found', `No crosswalk with id ${crosswalkId}.`);
      if (cw.blindMode !== on) {
        deps.db.write(() => {
          repo.setBlindMode(crosswalkId, on);
          recordAudit(deps.db, steward, deps.now(), {
            action: 'crosswalk.blind_mode',
            entityType: 'crosswalk',
            entityId: crosswalkId,
            before: { blindMode: cw.blindMode },
            after: { blindMode: on },
          });
        });
        deps.emit('workspace.changed', { entity: 'crosswalk', id: crosswalkId });
      }
      return repo.get(crosswalkId)!;
    },
    'crosswalks.agreement': ({ crosswalkId }) => {
      deps.session.require();
      scopeOf(crosswalkId);
      const a = cohensKappa(AGENCY_VOTES, repo.agreementPairs(crosswalkId));
      return { ...a, disagreements: a.n - a.agreed };
    },
    'crosswalks.export': async ({ crosswalkId, format }) => {
      const steward = deps.session.require();
      const cw = repo.get(crosswalkId);
      if (!cw) throw new RpcError('not_found', `No crosswalk with id ${crosswalkId}.`);
      const file = await exportCrosswalk(
        { repo, schemes, files: deps.files, now: deps.now() },
        cw,
        format,
        steward,
      );
      deps.db.write(() =>
        recordAudit(deps.db, steward, deps.now(), {
          action: 'crosswalk.export',
          entityType: 'crosswalk',
          entityId: crosswalkId,
          after: { format, fileName: file.fileName, rows: file.rows },
        }),
      );
      deps.emit('workspace.changed', { entity: 'audit' });
      return file;
    },
  };
  return { handlers, rows, addMapping };
}

export function crosswalkHandlers(deps: ServiceDeps): HandlerGroup<CrosswalkMethods> {
  return createCrosswalkService(deps).handlers;
}
