import { useCallback, useEffect, useRef, useState } from 'react';
import type { TreeNode, TreeSide } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';

/** The key of the top level in the children map. */
export const TOP = '';

export interface VisibleNode {
  node: TreeNode;
  depth: number;
  parentKey: string;
  posInSet: number;
  setSize: number;
}

/**
 * Children of a scheme tree, fetched the first time a node opens and fetched again (every level
 * already loaded) when `revision` moves after a change, so the counts stay current.
 */
export function useTreeNodes(crosswalkId: string, side: TreeSide, revision: number) {
  const [children, setChildren] = useState<ReadonlyMap<string, TreeNode[]>>(new Map());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const loaded = useRef(new Set<string>());

  const load = useCallback(
    async (key: string) => {
      try {
        const nodes = await rpc.call('hierarchy.tree', {
          crosswalkId,
          side,
          parentCode: key === TOP ? null : key,
        });
        loaded.current.add(key);
        setChildren((m) => new Map(m).set(key, nodes));
        setError(null);
      } catch (e) {
        setError(errorText(e));
      }
    },
    [crosswalkId, side],
  );

  useEffect(() => {
    const keys = loaded.current.size > 0 ? [...loaded.current] : [TOP];
    for (const key of keys) void load(key);
  }, [load, revision]);

  const toggle = useCallback(
    (code: string, open?: boolean) => {
      setExpanded((s) => {
        const next = new Set(s);
        const want = open ?? !s.has(code);
        if (want) next.add(code);
        else next.delete(code);
        return next;
      });
      if (open !== false && !loaded.current.has(code)) void load(code);
    },
    [load],
  );

  const visible: VisibleNode[] = [];
  const walk = (key: string, depth: number) => {
    const list = children.get(key) ?? [];
    list.forEach((node, i) => {
      visible.push({ node, depth, parentKey: key, posInSet: i + 1, setSize: list.length });
      if (!node.isLeaf && expanded.has(node.code)) walk(node.code, depth + 1);
    });
  };
  walk(TOP, 1);

  return { visible, expanded, toggle, error, loading: !children.has(TOP) && !error };
}
