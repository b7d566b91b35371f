import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiscussionItem, MappingStatus } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { decide } from '../crosswalks/review-actions';

/** The queue is walked in memory; a meeting rarely has more than this many items. */
const QUEUE_PAGE = 1000;

/**
 * The needs-discussion queue of a crosswalk and the position in it. A decided item leaves the
 * list at once; it stays hidden from reloads until its write is confirmed (or put back if it fails).
 */
export function useDiscussionQueue(crosswalkId: string) {
  const [items, setItems] = useState<DiscussionItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const deciding = useRef(new Set<number>());

  const load = useCallback(async () => {
    try {
      const all: DiscussionItem[] = [];
      for (let offset = 0; ; offset += QUEUE_PAGE) {
        const page = await rpc.call('discussion.queue', { crosswalkId, offset, limit: QUEUE_PAGE });
        all.push(...page.items);
        if (all.length >= page.total || page.items.length === 0) break;
      }
      setItems(all.filter((i) => !deciding.current.has(i.row.mappingId!)));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, [crosswalkId]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(
    () =>
      rpc.on('workspace.changed', (e) => {
        if (e.entity === 'crosswalk' || e.entity === 'workspace') void load();
      }),
    [load],
  );

  const count = items?.length ?? 0;
  const at = Math.min(index, Math.max(0, count - 1));
  const current = items?.[at] ?? null;

  const move = (delta: number) => setIndex(Math.max(0, Math.min(count - 1, at + delta)));

  const decideCurrent = (status: MappingStatus) => {
    const id = current?.row.mappingId;
    if (id == null || deciding.current.has(id)) return;
    deciding.current.add(id);
    setItems((list) => list?.filter((i) => i.row.mappingId !== id) ?? null);
    void decide({ status }, { mappingIds: [id], bulk: false }).then(() => {
      deciding.current.delete(id);
      void load();
    });
  };

  return { items, error, index: at, current, move, decideCurrent, reload: load };
}
