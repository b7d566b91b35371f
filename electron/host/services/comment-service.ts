import { QUEUE_LATEST_COMMENTS } from '../../../shared/contract/comments';
import { hiddenFor } from '../../../shared/domain/crosswalk/approval';
import { RpcError } from '../../../shared/rpc/errors';
import { recordAudit } from '../backend/audit-log';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';
import { DECIDERS } from '../backend/session';
import { CommentRepo } from '../repos/comment-repo';
import { CrosswalkRepo } from '../repos/crosswalk-repo';
import { blindViewer } from './blind-viewer';

type CommentMethods = 'comments.list' | 'comments.add' | 'discussion.queue';

/** Mapping threads and the discussion queue. Decision comments join the thread in crosswalk-service. */
export function commentHandlers(deps: ServiceDeps): HandlerGroup<CommentMethods> {
  const comments = new CommentRepo(deps.db);
  const crosswalks = new CrosswalkRepo(deps.db);

  const scopeOf = (id: string) => {
    const scope = crosswalks.scope(id);
    if (!scope) throw new RpcError('not_found', `No crosswalk with id ${id}.`);
    return scope;
  };

  return {
    'comments.list': ({ mappingId }) => {
      deps.session.require();
      const thread = comments.thread(mappingId);
      const crosswalkId = thread[0]?.crosswalkId;
      if (crosswalkId === undefined) return thread;
      const viewer = blindViewer(deps.session, crosswalks.blindMode(crosswalkId));
      if (viewer === undefined) return thread;
      // Blind mode: until the viewer's agency has decided, the other agency's entries (its
      // decisions, their status and reason, and its comments) stay out of the thread.
      const votes = crosswalks.votesOf([mappingId]).get(mappingId) ?? [];
      if (!hiddenFor(viewer, votes)) return thread;
      return thread.filter((c) => c.agency === viewer);
    },
    'comments.add': ({ crosswalkId, mappingId, text }) => {
      const steward = deps.session.require(DECIDERS);
      scopeOf(crosswalkId);
      if (crosswalks.stored(crosswalkId, [mappingId]).length === 0)
        throw new RpcError(
          'not_found',
          `Crosswalk ${crosswalkId} has no mapping with id ${mappingId}.`,
        );
      const at = deps.now();
      const id = deps.db.write(() => {
        const added = comments.add(steward, at, { crosswalkId, mappingId, text });
        recordAudit(deps.db, steward, at, {
          action: 'mapping.comment',
          entityType: 'mapping',
          entityId: String(mappingId),
          after: { commentId: added, crosswalkId },
          comment: text,
        });
        return added;
      });
      deps.emit('workspace.changed', { entity: 'crosswalk', id: crosswalkId });
      return comments.get(id)!;
    },
    'discussion.queue': ({ crosswalkId, offset, limit }) => {
      deps.session.require();
      const scope = scopeOf(crosswalkId);
      // Blind mode: a mapping the other agency marked and the viewer's agency has not decided
      // reads as proposed to the viewer, so it is not in the queue; the ones listed are all
      // visible to the viewer, rows and threads alike.
      const blindFor = blindViewer(deps.session, crosswalks.blindMode(crosswalkId));
      const page = comments.discussionPage(crosswalkId, { offset, limit }, blindFor);
      const ids = page.map((p) => p.id);
      const markedAt = new Map(page.map((p) => [p.id, p.markedAt]));
      const rows = crosswalks.rowsByIds(scope, ids);
      const threads = comments.summaries(ids, QUEUE_LATEST_COMMENTS);
      return {
        items: rows.map((row) => {
          const thread = threads.get(row.mappingId!);
          return {
            row,
            markedAt: markedAt.get(row.mappingId!) ?? null,
            commentCount: thread?.count ?? 0,
            latestComments: thread?.latest ?? [],
          };
        }),
        total: comments.discussionTotal(crosswalkId, blindFor),
      };
    },
  };
}
