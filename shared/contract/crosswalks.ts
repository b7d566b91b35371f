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
  MAPPING_STATUSES,
  MappingStatus,
  Page,
  Relation,
  SortSpec,
} from './common';
import { ItemWithPath } from './schemes';

/** The longest comment a steward may write (a decision's, a new mapping's, a thread's). */
export const COMMENT_MAX_LENGTH = 4000;

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
  /** While on, a steward does not see the other agency's decision on a mapping until both decided it. */
  blindMode: z.boolean(),
  /**
   * As the status filter reads them, for this viewer: approved counts fully approved mappings only
   * (both agencies); half_approved the proposed ones one agency approved; proposed the other proposed ones.
   */
  counts: z.object({
    total: z.number().int(),
    proposed: z.number().int(),
    half_approved: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
    needs_discussion: z.number().int(),
  }),
});
export type Crosswalk = z.infer<typeof Crosswalk>;

export const AGENCY_VOTES = ['approve', 'reject', 'discuss'] as const;
export const AgencyVote = z.enum(AGENCY_VOTES);

/** One agency's own decision on a mapping (the last one a steward of that agency gave). */
export const AgencyDecision = z.object({
  agency: Agency,
  decision: AgencyVote,
  stewardName: z.string(),
  at: IsoTime,
});
export type AgencyDecision = z.infer<typeof AgencyDecision>;

export const Approval = AgencyDecision.omit({ decision: true });
export type Approval = z.infer<typeof Approval>;

/**
 * Two-agency approval (rules: shared/domain/crosswalk/approval.ts). A steward's status is their
 * agency's vote. The stored status is 'approved' only when a steward of each agency approved;
 * with one agency's approval it stays 'proposed' and the row's approvals say who approved: the
 * grid shows that as 'half_approved' (a filter value, not a stored status). So exports, checks,
 * crosswalk counts and versions, which read status 'approved', see only fully approved mappings.
 * Rejection, discussion, or a change of relation/share reopens an approved mapping (a change
 * clears every vote). Imported mappings keep their imported status and carry no votes.
 */
export const FILTER_STATUSES = [...MAPPING_STATUSES, 'half_approved'] as const;
export const FilterStatus = z.enum(FILTER_STATUSES);
export type FilterStatus = z.infer<typeof FilterStatus>;

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
  /** The agencies that approved it and who (ES before CBS). In blind mode, only what the viewer may see. */
  approvals: z.array(Approval),
  /** Every agency's own decision (approve / reject / discuss), as above. */
  agencyDecisions: z.array(AgencyDecision),
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
  /** 'proposed' excludes half approved mappings; 'half_approved' is proposed with one agency's approval. */
  status: z.array(FilterStatus).optional(),
  updatedBy: z.string().optional(),
  check: CheckKind.optional(),
  /** Only rows whose source code starts with this prefix (used by hierarchy filters). */
  sourcePrefix: z.string().optional(),
  /** Only rows whose source code is this code or below it through parent codes (the hierarchy tree). */
  sourceAncestor: z.string().optional(),
  /** Only mappings the two agencies decided differently (to adjudicate). */
  disagreements: z.boolean().optional(),
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
  comment: z.string().max(COMMENT_MAX_LENGTH).optional(),
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

/** Agreement between the agencies over the mappings both decided (Cohen's kappa over approve/reject/discuss). */
export const AgencyAgreement = z.object({
  n: z.number().int(),
  agreed: z.number().int(),
  disagreements: z.number().int(),
  observed: z.number().nullable(),
  expected: z.number().nullable(),
  kappa: z.number().nullable(),
  /** counts[ES decision][CBS decision]. */
  counts: z.record(AgencyVote, z.record(AgencyVote, z.number().int())),
});
export type AgencyAgreement = z.infer<typeof AgencyAgreement>;

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
      comment: z.string().max(COMMENT_MAX_LENGTH).optional(),
    }),
    z.object({ mappingId: z.number().int(), undo: UndoState }),
  ),
  'crosswalks.removeMappings': method(
    z.object({
      crosswalkId: Id,
      mappingIds: z.array(z.number().int()).min(1).max(100_000),
      comment: z.string().max(COMMENT_MAX_LENGTH).optional(),
    }),
    z.object({ removed: z.number().int(), undo: UndoState }),
  ),
  'crosswalks.undo': method(z.object({ crosswalkId: Id }), UndoState),
  'crosswalks.redo': method(z.object({ crosswalkId: Id }), UndoState),
  'crosswalks.undoState': method(z.object({ crosswalkId: Id }), UndoState),
  /** Lead only; audited. */
  'crosswalks.setBlindMode': method(z.object({ crosswalkId: Id, on: z.boolean() }), Crosswalk),
  'crosswalks.agreement': method(z.object({ crosswalkId: Id }), AgencyAgreement),
  'crosswalks.export': method(z.object({ crosswalkId: Id, format: ExportFormat }), ExportedFile),
};
