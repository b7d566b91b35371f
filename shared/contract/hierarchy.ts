import { z } from 'zod';
import { method } from './define';
import { Code, Id } from './common';

export const TreeSide = z.enum(['source', 'target']);
export type TreeSide = z.infer<typeof TreeSide>;

/**
 * Counts of the LEAF codes at or below a node. mapped: leaves with a non-rejected mapping (on
 * the source side as source, on the target side as target); approved: leaves with an approved
 * mapping (a subset of mapped); unmapped: active leaves with no non-rejected mapping. leaves: all
 * leaves, so a deprecated leaf with no mapping is counted in leaves only.
 */
export const LeafCounts = z.object({
  leaves: z.number().int(),
  mapped: z.number().int(),
  approved: z.number().int(),
  unmapped: z.number().int(),
});
export type LeafCounts = z.infer<typeof LeafCounts>;

export const TreeNode = z.object({
  code: Code,
  level: z.number().int(),
  titleHe: z.string().nullable(),
  titleEn: z.string().nullable(),
  isLeaf: z.boolean(),
  status: z.enum(['active', 'deprecated']),
  counts: LeafCounts,
});
export type TreeNode = z.infer<typeof TreeNode>;

/** One top-level group of the source scheme: proposed = mapped but not approved. */
export const CoverageGroup = z.object({
  code: Code,
  titleHe: z.string().nullable(),
  titleEn: z.string().nullable(),
  approved: z.number().int(),
  proposed: z.number().int(),
  unmapped: z.number().int(),
});
export type CoverageGroup = z.infer<typeof CoverageGroup>;

/** Status decisions (mapping.decide that set this status) per UTC day, oldest first. */
export const ProgressDay = z.object({
  day: z.string(),
  approved: z.number().int(),
  rejected: z.number().int(),
  needs_discussion: z.number().int(),
});
export type ProgressDay = z.infer<typeof ProgressDay>;

export const hierarchyMethods = {
  /** The children of a node (the top level when parentCode is null), in code order. */
  'hierarchy.tree': method(
    z.object({ crosswalkId: Id, side: TreeSide, parentCode: Code.nullable() }),
    z.array(TreeNode),
  ),
  'hierarchy.coverage': method(z.object({ crosswalkId: Id }), z.array(CoverageGroup)),
  'hierarchy.progress': method(z.object({ crosswalkId: Id }), z.array(ProgressDay)),
};
