import { z } from 'zod';
import { ExportFormat } from './crosswalks';
import { method } from './define';
import {
  Agency,
  Code,
  ExportedFile,
  Id,
  IsoTime,
  Justification,
  MappingStatus,
  Page,
  Relation,
} from './common';

export const VERSION_STATUSES = ['frozen', 'approved', 'superseded'] as const;
export const VersionStatus = z.enum(VERSION_STATUSES);
export type VersionStatus = z.infer<typeof VersionStatus>;

/** GSIM relationship type of a correspondence table (from the links' cardinality, or derived). */
export const RELATIONSHIP_TYPES = ['1:1', '1:N', 'N:1', 'M:N', 'derived'] as const;
export const RelationshipType = z.enum(RELATIONSHIP_TYPES);

export const Completeness = z.enum(['partial', 'complete']);

export const VersionApproval = z.object({
  agency: Agency,
  stewardId: Id,
  name: z.string(),
  at: IsoTime,
});
export type VersionApproval = z.infer<typeof VersionApproval>;

export const BLOCKER_KINDS = [
  'unapproved_mappings',
  'one_sided_rejections',
  'unmapped_sources',
  'shares_not_one',
  'invalid_targets',
  'empty_version',
] as const;
export const VersionBlocker = z.object({
  kind: z.enum(BLOCKER_KINDS),
  count: z.number().int(),
  /** Source codes or "source→target" pairs, the first few. */
  examples: z.array(z.string()),
});
export type VersionBlocker = z.infer<typeof VersionBlocker>;

export const CrosswalkVersion = z.object({
  id: z.number().int(),
  crosswalkId: Id,
  number: z.number().int(),
  status: VersionStatus,
  frozenAt: IsoTime,
  frozenBy: z.object({ id: Id, name: z.string(), agency: Agency }),
  /** When the second agency's approval completed it. */
  approvedAt: IsoTime.nullable(),
  approvals: z.array(VersionApproval),
  note: z.string().nullable(),
  sourceSchemeVersion: z.string().nullable(),
  targetSchemeVersion: z.string().nullable(),
  relationshipType: RelationshipType.nullable(),
  completeness: Completeness,
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  mappingCount: z.number().int(),
});
export type CrosswalkVersion = z.infer<typeof CrosswalkVersion>;

/** A version number, or the live draft that continues from the last frozen version. */
export const VersionRef = z.union([z.number().int().min(1), z.literal('draft')]);
export type VersionRef = z.infer<typeof VersionRef>;

export const VersionMapping = z.object({
  sourceCode: Code,
  targetCode: Code,
  relation: Relation,
  share: z.number().nullable(),
  status: MappingStatus,
  justification: Justification,
  confidence: z.number().nullable(),
  comment: z.string().nullable(),
  partialSource: z.boolean(),
  partialTarget: z.boolean(),
  authorId: z.string().nullable(),
  reviewerId: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedByAgency: z.string().nullable(),
  updatedAt: IsoTime.nullable(),
  /** Each agency's own decision when frozen: 'approve', 'reject' or 'discuss'. */
  esDecision: z.string().nullable(),
  esBy: z.string().nullable(),
  esAt: IsoTime.nullable(),
  cbsDecision: z.string().nullable(),
  cbsBy: z.string().nullable(),
  cbsAt: IsoTime.nullable(),
  /** Cardinality within the table (1:1, 1:n, n:1, n:n); null for a rejected mapping. */
  cardinality: z.enum(['1:1', '1:n', 'n:1', 'n:n']).nullable(),
  /**
   * When the mapping holds (ISO yyyy-mm-dd; null: open). The draft's are null until frozen. Its
   * relationship type: mappingRelationshipType (shared/domain/crosswalk/versions.ts).
   */
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type VersionMapping = z.infer<typeof VersionMapping>;

export const DIFF_KINDS = ['added', 'removed', 'changed'] as const;
export const DiffRow = z.object({
  kind: z.enum(DIFF_KINDS),
  sourceCode: Code,
  targetCode: Code,
  before: VersionMapping.nullable(),
  after: VersionMapping.nullable(),
  changedFields: z.array(z.string()),
});
export type DiffRow = z.infer<typeof DiffRow>;

export const DiffTotals = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
});

const DiffParams = z.object({ crosswalkId: Id, from: VersionRef, to: VersionRef });

export const versionMethods = {
  /** Newest first. */
  'versions.list': method(z.object({ crosswalkId: Id }), z.array(CrosswalkVersion)),
  /** Lead only. Copies the live mappings into the next numbered, read-only version. */
  'versions.freeze': method(
    z.object({
      crosswalkId: Id,
      note: z.string().max(4000).optional(),
      validFrom: z.string().max(32).optional(),
      validTo: z.string().max(32).optional(),
    }),
    CrosswalkVersion,
  ),
  'versions.diff': method(
    DiffParams.merge(Page),
    z.object({ rows: z.array(DiffRow), total: z.number().int(), totals: DiffTotals }),
  ),
  'versions.exportDiff': method(DiffParams.extend({ format: z.literal('csv') }), ExportedFile),
  /** A frozen version's mappings in source/target order, a page at a time, with their validity. */
  'versions.mappings': method(
    z.object({ crosswalkId: Id, number: z.number().int().min(1) }).merge(Page),
    z.object({ rows: z.array(VersionMapping), total: z.number().int() }),
  ),
  /** A frozen version's approved mappings in one format, with the version's metadata and approvals. */
  'versions.export': method(
    z.object({ crosswalkId: Id, number: z.number().int().min(1), format: ExportFormat }),
    ExportedFile,
  ),
  /** What stops the version from being approved (empty: it can be). */
  'versions.blockers': method(
    z.object({ crosswalkId: Id, number: z.number().int().min(1) }),
    z.array(VersionBlocker),
  ),
  /** One agency's approval of the whole version; the other agency's completes it. */
  'versions.approve': method(
    z.object({ crosswalkId: Id, number: z.number().int().min(1) }),
    CrosswalkVersion,
  ),
};
