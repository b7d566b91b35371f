import { z } from 'zod';
import { method } from './define';
import {
  Agency,
  Code,
  Empty,
  ExportedFile,
  Id,
  IsoTime,
  Justification,
  MappingStatus,
  Page,
  Relation,
  SortSpec,
} from './common';
import { ItemWithPath } from './schemes';

export const CHECK_KINDS = [
  'unmapped_sources',
  'shares_not_one',
  'invalid_targets',
  'duplicate_pairs',
] as const;
export const CheckKind = z.enum(CHECK_KINDS);
export type CheckKind = z.infer<typeof CheckKind>;

export const Crosswalk = z.object({
  id: Id,
  nameHe: z.string(),
  nameEn: z.string(),
  sourceSchemeId: Id,
  targetSchemeId: Id,
  description: z.string().nullable(),
  createdAt: IsoTime,
  counts: z.object({
    total: z.number().int(),
    proposed: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
    needs_discussion: z.number().int(),
  }),
});
export type Crosswalk = z.infer<typeof Crosswalk>;

/**
 * One grid row. A row for an unmapped source code has mappingId null and no target. relation reads
 * from the source: 'broader' = the target is broader than the source (skos:broadMatch in SSSOM).
 */
export const MappingRow = z.object({
  mappingId: z.number().int().nullable(),
  sourceCode: Code,
  sourceTitleHe: z.string().nullable(),
  sourceTitleEn: z.string().nullable(),
  relation: Relation.nullable(),
  targetCode: Code.nullable(),
  targetTitleHe: z.string().nullable(),
  targetTitleEn: z.string().nullable(),
  share: z.number().nullable(),
  status: MappingStatus.nullable(),
  justification: Justification.nullable(),
  confidence: z.number().nullable(),
  comment: z.string().nullable(),
  partialSource: z.boolean(),
  partialTarget: z.boolean(),
  updatedBy: z.string().nullable(),
  updatedByAgency: Agency.nullable(),
  updatedAt: IsoTime.nullable(),
});
export type MappingRow = z.infer<typeof MappingRow>;

/**
 * Column filters as the grid sends them. search: a code prefix, or a title substring in Hebrew
 * (niqqud and final letters ignored) or English, on the source OR the target. sourceCode /
 * targetCode: code prefix; sourceTitle / targetTitle: title substring; updatedBy: substring of the
 * steward's name. An empty array in relation/status means no filter. Sortable colIds: the
 * MappingRow fields sourceCode, sourceTitleHe, sourceTitleEn, relation, targetCode, targetTitleHe,
 * targetTitleEn, share, status, updatedBy, updatedAt (titles sort empty-last; relation and status
 * in their enum order). With check 'unmapped_sources' the rows are virtual (no mapping) and
 * filters on mapping columns match nothing.
 */
export const MappingFilter = z.object({
  search: z.string().optional(),
  sourceCode: z.string().optional(),
  targetCode: z.string().optional(),
  sourceTitle: z.string().optional(),
  targetTitle: z.string().optional(),
  relation: z.array(Relation).optional(),
  status: z.array(MappingStatus).optional(),
  updatedBy: z.string().optional(),
  check: CheckKind.optional(),
  /** Only rows whose source code starts with this prefix (used by hierarchy filters). */
  sourcePrefix: z.string().optional(),
  /** Only rows whose source code is this code or below it through parent codes (the hierarchy tree). */
  sourceAncestor: z.string().optional(),
});
export type MappingFilter = z.infer<typeof MappingFilter>;

/**
 * Per check, the number of grid rows its filter shows: unmapped_sources counts source codes, the
 * others count mappings (every mapping of a source whose shares are wrong; every copy of a duplicate
 * pair). Rules: shared/domain/crosswalk/checks.ts.
 */
export const CheckCounts = z.record(CheckKind, z.number().int());
export type CheckCounts = z.infer<typeof CheckCounts>;

export const Decision = z.object({
  mappingIds: z.array(z.number().int()).min(1).max(100_000),
  status: MappingStatus.optional(),
  relation: Relation.optional(),
  share: z.number().min(0).max(1).nullable().optional(),
  /** Replaces the mappings' comment (and is recorded in the audit log); empty or blank leaves it unchanged. */
  comment: z.string().max(4000).optional(),
});
export type Decision = z.infer<typeof Decision>;

export const MappingDetail = z.object({
  row: MappingRow,
  source: ItemWithPath.nullable(),
  target: ItemWithPath.nullable(),
  sameSource: z.array(MappingRow),
  sameTarget: z.array(MappingRow),
});
export type MappingDetail = z.infer<typeof MappingDetail>;

export const UndoState = z.object({ canUndo: z.boolean(), canRedo: z.boolean() });

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json', 'sssom', 'parquet'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const crosswalkMethods = {
  'crosswalks.list': method(Empty, z.array(Crosswalk)),
  'crosswalks.get': method(z.object({ id: Id }), Crosswalk),
  'crosswalks.rows': method(
    Page.extend({ crosswalkId: Id, sort: SortSpec.default([]), filter: MappingFilter.default({}) }),
    z.object({ rows: z.array(MappingRow), total: z.number().int() }),
  ),
  'crosswalks.detail': method(
    z.object({ crosswalkId: Id, mappingId: z.number().int().nullable(), sourceCode: Code }),
    MappingDetail,
  ),
  'crosswalks.checks': method(z.object({ crosswalkId: Id }), CheckCounts),
  /** A decision is durable (journaled and fsynced) before this replies. */
  'crosswalks.decide': method(
    Decision.extend({ crosswalkId: Id }),
    z.object({ updated: z.number().int(), undo: UndoState }),
  ),
  'crosswalks.addMapping': method(
    z.object({
      crosswalkId: Id,
      sourceCode: Code,
      targetCode: Code,
      relation: Relation,
      share: z.number().min(0).max(1).nullable().optional(),
      comment: z.string().max(4000).optional(),
    }),
    z.object({ mappingId: z.number().int(), undo: UndoState }),
  ),
  'crosswalks.removeMappings': method(
    z.object({
      crosswalkId: Id,
      mappingIds: z.array(z.number().int()).min(1).max(100_000),
      comment: z.string().max(4000).optional(),
    }),
    z.object({ removed: z.number().int(), undo: UndoState }),
  ),
  'crosswalks.undo': method(z.object({ crosswalkId: Id }), UndoState),
  'crosswalks.redo': method(z.object({ crosswalkId: Id }), UndoState),
  'crosswalks.undoState': method(z.object({ crosswalkId: Id }), UndoState),
  'crosswalks.export': method(z.object({ crosswalkId: Id, format: ExportFormat }), ExportedFile),
};
