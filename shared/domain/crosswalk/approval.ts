import { AGENCIES, type Agency, type MappingStatus, type Relation } from '../../contract/common';
import { tableCardinalities, type VersionMapping } from './versions';

/** What one agency said about a mapping. */
export type AgencyVote = 'approve' | 'reject' | 'discuss';

export interface VoteOf {
  agency: Agency;
  decision: AgencyVote;
}

/** The status a steward sets, as that steward's agency's vote; 'proposed' withdraws the vote. */
export function voteForStatus(status: MappingStatus): AgencyVote | null {
  switch (status) {
    case 'approved':
      return 'approve';
    case 'rejected':
      return 'reject';
    case 'needs_discussion':
      return 'discuss';
    case 'proposed':
      return null;
  }
}

/** Approved needs an 'approve' from every agency; one agency's alone is half approved. */
export function fullyApproved(votes: readonly VoteOf[]): boolean {
  return AGENCIES.every((a) => votes.some((v) => v.agency === a && v.decision === 'approve'));
}

/**
 * The state the grid shows and filters by: 'half_approved' is a proposed mapping that one agency
 * (not all) has approved. The stored status stays 'proposed' so that exports, checks, counts and
 * versions, which read status 'approved', only ever see fully approved mappings.
 */
export type ReviewState = MappingStatus | 'half_approved';

export function reviewState(status: MappingStatus, votes: readonly VoteOf[]): ReviewState {
  if (status === 'proposed' && votes.some((v) => v.decision === 'approve')) return 'half_approved';
  return status;
}

export interface MappingReviewState {
  status: MappingStatus;
  relation: Relation;
  share: number | null;
  votes: readonly VoteOf[];
}

export interface AgencyDecisionInput {
  agency: Agency;
  status?: MappingStatus;
  relation?: Relation;
  share?: number | null;
}

export interface DecisionOutcome {
  status: MappingStatus;
  votes: VoteOf[];
  /** The votes were cleared because the relation or share changed under them. */
  reopened: boolean;
  /** Nothing about the mapping's review changes (the same agency approving again). */
  unchanged: boolean;
}

/**
 * The status the votes leave standing after an approval or a withdrawn vote: approved when every
 * agency approves; else another agency's objection stays (a rejection, then a call for
 * discussion), so approving over it is a disagreement to settle, not half an approval.
 */
function standingStatus(votes: readonly VoteOf[]): MappingStatus {
  if (fullyApproved(votes)) return 'approved';
  if (votes.some((v) => v.decision === 'reject')) return 'rejected';
  if (votes.some((v) => v.decision === 'discuss')) return 'needs_discussion';
  return 'proposed';
}

/**
 * One agency's decision on one mapping.
 * - A changed relation or share clears every agency's vote (they were given on other content);
 *   an approved mapping goes back to proposed.
 * - A status is the agency's vote: approve / reject / discuss, 'proposed' withdraws it. Approving
 *   makes the mapping approved only if every agency now approves; else it is (half approved)
 *   proposed, unless another agency rejected it or asked for discussion, which stands. Rejecting or marking for discussion reopens an approved mapping. The other agency's
 *   vote stays as it was: it is what the agreement figures and the disagreement list compare.
 * - Repeating one's own vote on unchanged content changes nothing.
 */
export function applyAgencyDecision(
  before: MappingReviewState,
  input: AgencyDecisionInput,
): DecisionOutcome {
  const contentChanged =
    (input.relation !== undefined && input.relation !== before.relation) ||
    (input.share !== undefined && input.share !== before.share);
  let votes: VoteOf[] = contentChanged ? [] : [...before.votes];
  let status = before.status;
  if (contentChanged && status === 'approved') status = 'proposed';
  if (input.status !== undefined) {
    const vote = voteForStatus(input.status);
    votes = votes.filter((v) => v.agency !== input.agency);
    if (vote) votes.push({ agency: input.agency, decision: vote });
    status = vote === 'approve' || vote === null ? standingStatus(votes) : input.status;
  }
  votes.sort((a, b) => AGENCIES.indexOf(a.agency) - AGENCIES.indexOf(b.agency));
  const unchanged =
    !contentChanged &&
    status === before.status &&
    votes.length === before.votes.length &&
    votes.every((v) =>
      before.votes.some((b) => b.agency === v.agency && b.decision === v.decision),
    );
  return { status, votes, reopened: contentChanged && before.votes.length > 0, unchanged };
}

/** Two agencies decided a mapping differently (the list a lead adjudicates). */
export function agenciesDisagree(votes: readonly VoteOf[]): boolean {
  return votes.length > 1 && votes.some((v) => v.decision !== votes[0]!.decision);
}

/**
 * Who blind mode applies to: the viewer's agency, null for no session (sees no agency's
 * decisions), undefined when it does not apply (blind mode off, or a lead, who switches it and
 * adjudicates and so sees everything).
 */
export type BlindViewer = Agency | null | undefined;

/**
 * Blind mode, the one rule: a mapping's decisions are hidden from the viewer when another agency
 * has decided it and the viewer's agency has not.
 */
export function hiddenFor(viewer: Agency | null, votes: readonly { agency: Agency }[]): boolean {
  return votes.some((v) => v.agency !== viewer) && !votes.some((v) => v.agency === viewer);
}

/**
 * Blind mode: what an agency may see of the other agencies' votes. Until the viewer's own agency
 * has decided, the others' votes are hidden (and with them the status they set).
 */
export function othersVisible(viewer: Agency, votes: readonly VoteOf[]): boolean {
  return !hiddenFor(viewer, votes);
}

/** The part of a grid row blind mode may hide. */
export interface BlindableRow {
  status: MappingStatus | null;
  comment: string | null;
  updatedBy: string | null;
  updatedByAgency: Agency | null;
  updatedAt: string | null;
  approvals: readonly { agency: Agency }[];
  agencyDecisions: readonly VoteOf[];
}

/**
 * Blind mode: a row as a steward of the viewer's agency may see it. Until that agency has decided
 * the mapping, the other agencies' decisions, the status they set, and the last decider and
 * comment (if another agency's) read as a proposed mapping nobody has decided.
 */
export function blindRow<R extends BlindableRow>(row: R, viewer: Agency | null): R {
  if (!hiddenFor(viewer, row.agencyDecisions)) return row;
  const own = <T extends { agency: Agency }>(list: readonly T[]) =>
    list.filter((x) => x.agency === viewer);
  const foreign = row.updatedByAgency !== null && row.updatedByAgency !== viewer;
  return {
    ...row,
    status: row.status === null ? null : 'proposed',
    approvals: own(row.approvals),
    agencyDecisions: own(row.agencyDecisions),
    ...(foreign ? { comment: null, updatedBy: null, updatedByAgency: null, updatedAt: null } : {}),
  };
}

/** The part of a frozen (version) mapping blind mode may hide: each agency's decision fields. */
export type BlindableVersionMapping = Pick<
  VersionMapping,
  | 'status'
  | 'comment'
  | 'reviewerId'
  | 'updatedBy'
  | 'updatedByAgency'
  | 'updatedAt'
  | 'esDecision'
  | 'esBy'
  | 'esAt'
  | 'cbsDecision'
  | 'cbsBy'
  | 'cbsAt'
>;

const DECISION_FIELDS = {
  ES: ['esDecision', 'esBy', 'esAt'],
  CBS: ['cbsDecision', 'cbsBy', 'cbsAt'],
} as const satisfies Record<Agency, readonly (keyof BlindableVersionMapping)[]>;

/**
 * Blind mode on a frozen mapping, the same rule as blindRow: when the viewer's agency's decision
 * is empty and another agency's is set, that decision (who, when), the status, the reviewer and
 * the last change and comment (if another agency's) read as a proposed mapping nobody decided.
 */
export function blindVersionMapping<M extends BlindableVersionMapping>(
  m: M,
  viewer: Agency | null,
): M {
  const votes = AGENCIES.filter((a) => m[DECISION_FIELDS[a][0]] !== null).map((agency) => ({
    agency,
  }));
  if (!hiddenFor(viewer, votes)) return m;
  const out: M = { ...m, status: 'proposed', reviewerId: null };
  for (const a of AGENCIES) {
    if (a === viewer) continue;
    for (const f of DECISION_FIELDS[a]) out[f] = null as M[typeof f];
  }
  if (m.updatedByAgency !== null && m.updatedByAgency !== viewer)
    Object.assign(out, { comment: null, updatedBy: null, updatedByAgency: null, updatedAt: null });
  return out;
}

/**
 * A version's mappings as the viewer may see them (blindVersionMapping on each); the table's
 * cardinalities are then those of what the viewer sees, since a hidden rejection would show in them.
 */
export function blindVersionMappings<
  M extends BlindableVersionMapping & {
    sourceCode: string;
    targetCode: string;
    cardinality: unknown;
  },
>(mappings: readonly M[], viewer: BlindViewer): M[] {
  if (viewer === undefined) return [...mappings];
  let hidden = false;
  const seen = mappings.map((m) => {
    const b = blindVersionMapping(m, viewer);
    if (b !== m) hidden = true;
    return b;
  });
  if (!hidden) return seen;
  const cardinality = tableCardinalities(seen);
  return seen.map((m, i) => ({ ...m, cardinality: cardinality[i] }));
}
