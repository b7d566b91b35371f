/**
 * Versions of a crosswalk as plain rules: what changed between two frozen mapping lists, the
 * relationship type a table has (GSIM), and when a version may be approved as a whole.
 */
import { mappingCardinalities, type MappingCardinality } from './cardinality';
import { runChecks, type CheckItem } from './checks';

export type MappingStatusValue = 'proposed' | 'approved' | 'rejected' | 'needs_discussion';

/** The fields of a mapping a version keeps (a frozen copy of the live mapping). */
export interface VersionMapping {
  sourceCode: string;
  targetCode: string;
  relation: 'exact' | 'close' | 'broader' | 'narrower' | 'related';
  share: number | null;
  status: MappingStatusValue;
  justification: 'manual' | 'lexical_suggestion' | 'inherited' | 'imported';
  confidence: number | null;
  comment: string | null;
  partialSource: boolean;
  partialTarget: boolean;
  authorId: string | null;
  reviewerId: string | null;
  updatedBy: string | null;
  updatedByAgency: string | null;
  updatedAt: string | null;
  /** Each agency's own decision ('approve' | 'reject' | 'discuss'), who made it and when. */
  esDecision: string | null;
  esBy: string | null;
  esAt: string | null;
  cbsDecision: string | null;
  cbsBy: string | null;
  cbsAt: string | null;
  /**
   * GSIM/SSSOM cardinality of the mapping within its table (1:1, 1:n, n:1, n:n); null for a
   * rejected mapping, which is not part of the table. Not a diff field: it changes with the
   * neighbours, and their own changes already show.
   */
  cardinality: MappingCardinality | null;
  /**
   * When the mapping holds (ISO yyyy-mm-dd, set at freeze by mappingValidity; null: open). A
   * version frozen before these were kept shows the version's own dates. Its relationship type is
   * not kept beside them: mappingRelationshipType reads it from the justification and cardinality,
   * so it follows whatever of those the viewer may see (blind mode).
   */
  validFrom: string | null;
  validTo: string | null;
}

/** What a version's export adds to each mapping row. */
export type FrozenMappingMeta = Pick<VersionMapping, 'validFrom' | 'validTo'> & {
  relationshipType: MappingRelationshipType | null;
};

/** Each mapping's relationship type (mappingRelationshipType) with its cardinality over `mappings`. */
export function relationshipTypesOf(
  mappings: readonly Pick<
    VersionMapping,
    'sourceCode' | 'targetCode' | 'status' | 'justification'
  >[],
): (MappingRelationshipType | null)[] {
  const cardinality = tableCardinalities(mappings);
  return mappings.map((m, i) => mappingRelationshipType({ ...m, cardinality: cardinality[i]! }));
}

/** A frozen mapping's relationship type: its cardinality in the table, or "derived". */
export type MappingRelationshipType = MappingCardinality | 'derived';

/**
 * A mapping is derived when it was not judged on this table but taken from another
 * correspondence (justification "inherited", e.g. an accepted suggestion from an approved
 * crosswalk between the same schemes' versions); any other mapping's type is its cardinality.
 * A rejected mapping is not part of the table and has none.
 */
export function mappingRelationshipType(m: {
  status: MappingStatusValue;
  justification: VersionMapping['justification'];
  cardinality: MappingCardinality | null;
}): MappingRelationshipType | null {
  if (m.status === 'rejected') return null;
  return m.justification === 'inherited' ? 'derived' : m.cardinality;
}

/** Each mapping's cardinality over the table's non-rejected mappings (rejected: null). */
export function tableCardinalities(
  mappings: readonly { sourceCode: string; targetCode: string; status: MappingStatusValue }[],
): (MappingCardinality | null)[] {
  const kept = mappings.filter((m) => m.status !== 'rejected');
  const of = mappingCardinalities(
    kept.map((m) => m.sourceCode),
    kept.map((m) => m.targetCode),
  );
  let i = 0;
  return mappings.map((m) => (m.status === 'rejected' ? null : of[i++]!));
}

/** The fields whose change makes a mapping "changed"; who touched or reviewed it last, and when, is not a change of content. */
export const DIFF_FIELDS = [
  'relation',
  'share',
  'status',
  'justification',
  'confidence',
  'comment',
  'partialSource',
  'partialTarget',
  'esDecision',
  'cbsDecision',
] as const satisfies readonly (keyof VersionMapping)[];
export type DiffField = (typeof DIFF_FIELDS)[number];

export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffRow {
  kind: DiffKind;
  sourceCode: string;
  targetCode: string;
  before: VersionMapping | null;
  after: VersionMapping | null;
  changedFields: DiffField[];
}

export interface DiffTotals {
  added: number;
  removed: number;
  changed: number;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Mappings are matched by their (source, target) pair. A pair that occurs more than once (a
 * duplicate the checks flag) is matched occurrence by occurrence, in the order given.
 */
function keyed(mappings: readonly VersionMapping[]): Map<string, VersionMapping> {
  const seen = new Map<string, number>();
  const out = new Map<string, VersionMapping>();
  for (const m of mappings) {
    const pair = `${m.sourceCode}\u0000${m.targetCode}`;
    const n = seen.get(pair) ?? 0;
    seen.set(pair, n + 1);
    out.set(`${pair}\u0000${n}`, m);
  }
  return out;
}

export function changedFields(before: VersionMapping, after: VersionMapping): DiffField[] {
  return DIFF_FIELDS.filter((f) => before[f] !== after[f]);
}

/** Added, removed and changed mappings from `before` to `after`, in source then target code order. */
export function diffMappings(
  before: readonly VersionMapping[],
  after: readonly VersionMapping[],
): { rows: DiffRow[]; totals: DiffTotals } {
  const from = keyed(before);
  const to = keyed(after);
  const rows: DiffRow[] = [];
  for (const [key, b] of from) {
    const a = to.get(key);
    if (!a) {
      rows.push({ kind: 'removed', ...codes(b), before: b, after: null, changedFields: [] });
      continue;
    }
    const fields = changedFields(b, a);
    if (fields.length > 0)
      rows.push({ kind: 'changed', ...codes(a), before: b, after: a, changedFields: fields });
  }
  for (const [key, a] of to) {
    if (!from.has(key))
      rows.push({ kind: 'added', ...codes(a), before: null, after: a, changedFields: [] });
  }
  rows.sort(
    (x, y) =>
      compareText(x.sourceCode, y.sourceCode) ||
      compareText(x.targetCode, y.targetCode) ||
      compareText(x.kind, y.kind),
  );
  const totals: DiffTotals = { added: 0, removed: 0, changed: 0 };
  for (const r of rows) totals[r.kind]++;
  return { rows, totals };
}

const codes = (m: VersionMapping) => ({ sourceCode: m.sourceCode, targetCode: m.targetCode });

export type RelationshipType = '1:1' | '1:N' | 'N:1' | 'M:N' | 'derived';

/**
 * The GSIM relationship type of a table (rejected mappings are not links). "derived" when every
 * link is derived (mappingRelationshipType): the table was built from another correspondence, not
 * judged here. Otherwise from the cardinality: 1:N when some source code splits over several
 * targets, N:1 when several sources merge into one target, M:N when both happen, 1:1 when
 * neither. Null for a table without links.
 */
export function relationshipType(
  mappings: readonly Pick<
    VersionMapping,
    'sourceCode' | 'targetCode' | 'status' | 'justification'
  >[],
): RelationshipType | null {
  const links = mappings.filter((m) => m.status !== 'rejected');
  if (links.length > 0 && links.every((m) => m.justification === 'inherited')) return 'derived';
  const targetsOf = new Map<string, Set<string>>();
  const sourcesOf = new Map<string, Set<string>>();
  for (const m of links) {
    (targetsOf.get(m.sourceCode) ?? targetsOf.set(m.sourceCode, new Set()).get(m.sourceCode)!).add(
      m.targetCode,
    );
    (sourcesOf.get(m.targetCode) ?? sourcesOf.set(m.targetCode, new Set()).get(m.targetCode)!).add(
      m.sourceCode,
    );
  }
  if (targetsOf.size === 0) return null;
  const splits = [...targetsOf.values()].some((s) => s.size > 1);
  const merges = [...sourcesOf.values()].some((s) => s.size > 1);
  if (splits && merges) return 'M:N';
  if (splits) return '1:N';
  if (merges) return 'N:1';
  return '1:1';
}

export type BlockerKind =
  | 'unapproved_mappings'
  | 'one_sided_rejections'
  | 'unmapped_sources'
  | 'shares_not_one'
  | 'invalid_targets'
  | 'empty_version';

/** One reason a version cannot be approved, with how many codes/mappings and the first few of them. */
export interface Blocker {
  kind: BlockerKind;
  count: number;
  /** Source codes (unmapped sources) or "source→target" pairs, at most BLOCKER_EXAMPLES. */
  examples: string[];
}

export const BLOCKER_EXAMPLES = 10;

const pairOf = (m: VersionMapping) => `${m.sourceCode}→${m.targetCode}`;

/** Both agencies rejected the mapping: an agreed exclusion. */
const rejectedByBoth = (m: VersionMapping) =>
  m.esDecision === 'reject' && m.cbsDecision === 'reject';

/**
 * What stops a version from being approved as a whole: a mapping that is not approved by both
 * agencies. A mapping both agencies rejected is a decided link that does not hold, left out of
 * the published table; one that only one agency rejected is not decided yet, since the other
 * agency never agreed to leave it out (so it blocks, listed apart for the lead to settle). And the
 * blocking checks on the frozen rows: coverage of the active leaf source codes, shares that do
 * not add up to 1, and targets that are missing, not leaves or deprecated.
 */
export function approvalBlockers(
  sources: readonly CheckItem[],
  targets: readonly CheckItem[],
  mappings: readonly VersionMapping[],
): Blocker[] {
  const blockers: Blocker[] = [];
  const add = (kind: BlockerKind, items: string[]) => {
    if (items.length > 0)
      blockers.push({ kind, count: items.length, examples: items.slice(0, BLOCKER_EXAMPLES) });
  };
  if (mappings.length === 0) blockers.push({ kind: 'empty_version', count: 0, examples: [] });
  add(
    'unapproved_mappings',
    mappings.filter((m) => m.status !== 'approved' && m.status !== 'rejected').map(pairOf),
  );
  add(
    'one_sided_rejections',
    mappings.filter((m) => m.status === 'rejected' && !rejectedByBoth(m)).map(pairOf),
  );
  const checks = runChecks(
    sources,
    targets,
    mappings.map((m, id) => ({ id, ...m })),
  );
  add('unmapped_sources', [...checks.unmapped_sources].sort());
  add(
    'shares_not_one',
    checks.shares_not_one.map((i) => pairOf(mappings[i]!)),
  );
  add(
    'invalid_targets',
    checks.invalid_targets.map((i) => pairOf(mappings[i]!)),
  );
  return blockers;
}

/** Partial when some active leaf source code has no link; complete otherwise. */
export function completeness(
  sources: readonly CheckItem[],
  mappings: readonly VersionMapping[],
): 'partial' | 'complete' {
  const linked = new Set(mappings.filter((m) => m.status !== 'rejected').map((m) => m.sourceCode));
  return sources.some((s) => s.isLeaf && s.status === 'active' && !linked.has(s.code))
    ? 'partial'
    : 'complete';
}

export interface Approval {
  agency: 'ES' | 'CBS';
  stewardId: string;
  name: string;
  at: string;
}

export type ApprovalOutcome =
  | { ok: true; approvals: Approval[]; complete: boolean }
  | {
      ok: false;
      reason: 'already_approved' | 'superseded' | 'same_agency' | 'older_than_approved';
    };

/**
 * The approval rule of a version as a whole: a steward of each agency approves it; the first
 * approval is kept, the second from the other agency completes it. The same agency twice, a
 * version already approved or superseded, or one older than the crosswalk's approved version is refused.
 */
export function nextApproval(
  version: { status: 'frozen' | 'approved' | 'superseded'; number: number; approvals: Approval[] },
  approvedNumber: number | null,
  approval: Approval,
): ApprovalOutcome {
  if (version.status === 'approved') return { ok: false, reason: 'already_approved' };
  if (version.status === 'superseded') return { ok: false, reason: 'superseded' };
  if (approvedNumber !== null && approvedNumber > version.number)
    return { ok: false, reason: 'older_than_approved' };
  if (version.approvals.some((a) => a.agency === approval.agency))
    return { ok: false, reason: 'same_agency' };
  const approvals = [...version.approvals, approval];
  const agencies = new Set(approvals.map((a) => a.agency));
  return { ok: true, approvals, complete: agencies.has('ES') && agencies.has('CBS') };
}

/** A code's own validity (items.valid_from / valid_to), ISO yyyy-mm-dd or null (open). */
export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

type ValidityMapping = Pick<
  VersionMapping,
  'sourceCode' | 'targetCode' | 'relation' | 'share' | 'status'
>;

const sameMappingKey = (m: ValidityMapping) =>
  `${m.sourceCode}\u0000${m.targetCode}\u0000${m.relation}\u0000${m.share ?? ''}`;

// ISO dates compare as text; null is open (no bound).
const later = (a: string | null, b: string | null | undefined) =>
  a === null ? (b ?? null) : b != null && b > a ? b : a;
const earlier = (a: string | null, b: string | null | undefined) =>
  a === null ? (b ?? null) : b != null && b < a ? b : a;

/**
 * When each mapping of a version being frozen holds. valid_from: a mapping the previous version
 * also had (same source, target, relation and share, not rejected) has held since its valid_from
 * there; any other starts with the version. valid_to: the version's. Then a mapping holds only
 * while both its codes do: never before either item's valid_from, never after either's valid_to.
 * The version's dates may be empty (the steward left them so): the bounds that remain are the
 * previous version's and the codes'. A rejected mapping is dated like any other (it is not part
 * of the table, but its dates must not tell a blind viewer that it was rejected).
 */
export function mappingValidity(
  mappings: readonly ValidityMapping[],
  version: Validity,
  previous: readonly (ValidityMapping & { validFrom: string | null })[],
  sourceItems: ReadonlyMap<string, Validity>,
  targetItems: ReadonlyMap<string, Validity>,
): Validity[] {
  const heldSince = new Map<string, string>();
  for (const p of previous) {
    const key = sameMappingKey(p);
    if (p.status !== 'rejected' && p.validFrom !== null && !heldSince.has(key))
      heldSince.set(key, p.validFrom);
  }
  return mappings.map((m) => {
    const source = sourceItems.get(m.sourceCode);
    const target = targetItems.get(m.targetCode);
    const from = heldSince.get(sameMappingKey(m)) ?? version.validFrom;
    return {
      validFrom: later(later(from, source?.validFrom), target?.validFrom),
      validTo: earlier(earlier(version.validTo, source?.validTo), target?.validTo),
    };
  });
}
