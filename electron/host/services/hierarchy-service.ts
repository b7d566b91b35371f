import type { CoverageGroup, LeafCounts, ProgressDay, TreeNode } from '../../../shared/contract';
import type { TreeSide } from '../../../shared/contract/hierarchy';
import { parentChains, rollUpLeafCounts } from '../../../shared/domain/hierarchy/leaf-counts';
import { RpcError } from '../../../shared/rpc/errors';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';
import { CrosswalkRepo } from '../repos/crosswalk-repo';
import { HierarchyRepo, type StructureRow } from '../repos/hierarchy-repo';
import { SchemeRepo } from '../repos/scheme-repo';
import { blindViewer } from './blind-viewer';

interface SchemeTree {
  stamp: string;
  rows: StructureRow[];
  /** Children in code order; the key '' holds the top nodes. */
  children: Map<string, StructureRow[]>;
}

interface SideCounts {
  stamp: string;
  counts: Map<string, LeafCounts>;
}

const NO_COUNTS: LeafCounts = { leaves: 0, mapped: 0, approved: 0, unmapped: 0 };
const TOP = '';

/**
 * Tree counts come from one grouped scan of the crosswalk's mappings, rolled up the scheme's
 * parent chains in memory. Both are cached: the scheme's structure until its items change, the
 * counts until the crosswalk's data_version (or, after an import, its highest mapping id) moves.
 */
export function hierarchyHandlers(
  deps: ServiceDeps,
): HandlerGroup<'hierarchy.tree' | 'hierarchy.coverage' | 'hierarchy.progress'> {
  const repo = new HierarchyRepo(deps.db);
  const crosswalks = new CrosswalkRepo(deps.db);
  const schemes = new SchemeRepo(deps.db);
  const trees = new Map<string, SchemeTree>();
  const sideCounts = new Map<string, SideCounts>();

  const schemeTree = (schemeId: string): SchemeTree => {
    const stamp = schemes.stamp(schemeId);
    const cached = trees.get(schemeId);
    if (cached?.stamp === stamp) return cached;
    const rows = repo.structure(schemeId);
    const items = rows.map((r) => ({
      code: r.code,
      parentCode: r.parent_code,
      isLeaf: r.is_leaf === 1,
      status: r.status,
    }));
    const tops = new Set(parentChains(items).tops);
    const children = new Map<string, StructureRow[]>();
    for (const r of rows) {
      const key = tops.has(r.code) ? TOP : r.parent_code!;
      const list = children.get(key);
      if (list) list.push(r);
      else children.set(key, [r]);
    }
    const tree = { stamp, rows, children };
    trees.set(schemeId, tree);
    return tree;
  };

  const scopeOf = (crosswalkId: string) => {
    const scope = crosswalks.scope(crosswalkId);
    if (!scope) throw new RpcError('not_found', `No crosswalk with id ${crosswalkId}.`);
    return scope;
  };

  const viewerOf = (crosswalkId: string) =>
    blindViewer(deps.session, crosswalks.blindMode(crosswalkId));

  const countsOf = (crosswalkId: string, side: TreeSide) => {
    const scope = scopeOf(crosswalkId);
    const tree = schemeTree(side === 'source' ? scope.sourceSchemeId : scope.targetSchemeId);
    const stamp = `${scope.dataVersion}:${crosswalks.maxMappingId()}:${tree.stamp}`;
    // Blind mode: counts per viewer, of the statuses that viewer sees.
    const viewer = viewerOf(crosswalkId);
    const key = `${crosswalkId}\u0000${side}\u0000${viewer === undefined ? '*' : (viewer ?? '')}`;
    const cached = sideCounts.get(key);
    if (cached?.stamp === stamp) return { tree, counts: cached.counts };
    const states = new Map(
      repo
        .leafStates(crosswalkId, side, viewer)
        .map((s) => [s.code, { mapped: s.mapped === 1, approved: s.approved === 1 }]),
    );
    const counts = rollUpLeafCounts(
      tree.rows.map((r) => ({
        code: r.code,
        parentCode: r.parent_code,
        isLeaf: r.is_leaf === 1,
        status: r.status,
      })),
      (code) => states.get(code),
    );
    sideCounts.set(key, { stamp, counts });
    return { tree, counts };
  };

  return {
    'hierarchy.tree': ({ crosswalkId, side, parentCode }): TreeNode[] => {
      const { tree, counts } = countsOf(crosswalkId, side);
      const key = parentCode ?? TOP;
      if (parentCode !== null && !tree.rows.some((r) => r.code === parentCode))
        throw new RpcError('not_found', `The ${side} scheme has no code "${parentCode}".`);
      return (tree.children.get(key) ?? []).map((r) => ({
        code: r.code,
        level: r.level,
        titleHe: r.title_he,
        titleEn: r.title_en,
        isLeaf: r.is_leaf === 1,
        status: r.status,
        counts: counts.get(r.code) ?? NO_COUNTS,
      }));
    },
    'hierarchy.coverage': ({ crosswalkId }): CoverageGroup[] => {
      const { tree, counts } = countsOf(crosswalkId, 'source');
      return (tree.children.get(TOP) ?? []).map((r) => {
        const c = counts.get(r.code) ?? NO_COUNTS;
        return {
          code: r.code,
          titleHe: r.title_he,
          titleEn: r.title_en,
          approved: c.approved,
          proposed: c.mapped - c.approved,
          unmapped: c.unmapped,
        };
      });
    },
    'hierarchy.progress': ({ crosswalkId }): ProgressDay[] => {
      scopeOf(crosswalkId);
      const days = new Map<string, ProgressDay>();
      for (const r of repo.decisionsPerDay(crosswalkId, viewerOf(crosswalkId))) {
        let d = days.get(r.day);
        if (!d) {
          d = { day: r.day, approved: 0, rejected: 0, needs_discussion: 0 };
          days.set(r.day, d);
        }
        if (r.status === 'approved' || r.status === 'rejected' || r.status === 'needs_discussion')
          d[r.status] += r.n;
      }
      return [...days.values()];
    },
  };
}
