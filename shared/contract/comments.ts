import { z } from 'zod';
import { method } from './define';
import { Agency, Id, IsoTime, MappingStatus, Page } from './common';
import { COMMENT_MAX_LENGTH, MappingRow } from './crosswalks';

/**
 * One entry of a mapping's thread. kind 'decision': written with a decision (crosswalks.decide,
 * addMapping, removeMappings) that had a comment or marked the mapping for discussion; status is
 * the status that decision set, text null when it had no comment.
 */
export const MappingComment = z.object({
  id: z.number().int(),
  mappingId: z.number().int(),
  crosswalkId: Id,
  stewardId: Id,
  stewardName: z.string(),
  agency: Agency,
  at: IsoTime,
  text: z.string().nullable(),
  kind: z.enum(['comment', 'decision']),
  status: MappingStatus.nullable(),
});
export type MappingComment = z.infer<typeof MappingComment>;

/** How many of an item's newest thread entries the discussion queue carries. */
export const QUEUE_LATEST_COMMENTS = 3;

export const DiscussionItem = z.object({
  row: MappingRow,
  /** When the mapping was last marked 'needs discussion' (its last update when no mark is recorded). */
  markedAt: IsoTime.nullable(),
  commentCount: z.number().int(),
  /** The newest entries of the thread, oldest first. */
  latestComments: z.array(MappingComment),
});
export type DiscussionItem = z.infer<typeof DiscussionItem>;

export const commentMethods = {
  /** The whole thread of a mapping, oldest first. */
  'comments.list': method(z.object({ mappingId: z.number().int() }), z.array(MappingComment)),
  /** Durable (journaled and fsynced) before this replies; stewards and leads only. */
  'comments.add': method(
    z.object({
      crosswalkId: Id,
      mappingId: z.number().int(),
      text: z.string().trim().min(1).max(COMMENT_MAX_LENGTH),
    }),
    MappingComment,
  ),
  /** The crosswalk's mappings marked 'needs discussion', in the order they were marked. */
  'discussion.queue': method(
    Page.extend({ crosswalkId: Id }),
    z.object({ items: z.array(DiscussionItem), total: z.number().int() }),
  ),
};
