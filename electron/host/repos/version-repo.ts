import type { CrosswalkVersion, VersionApproval, VersionMapping } from '../../../shared/contract';
import { tableCardinalities, type Validity } from '../../../shared/domain/crosswalk/versions';
import { AGENCIES } from '../../../shared/contract/common';
import { blindVersionMapping, type BlindViewer } from '../../../shared/domain/crosswalk/approval';
import type { SqlParam } from '../db/journal';
import type { WorkspaceDb } from '../db/workspace-db';
import { agencyLiteral } from './blind-sql';
import type { MappingApprovers } from './approval-export-repo';
import type { ExportMapping } from './crosswalk-repo';

interface VersionRowDb {
  id: number;
  crosswalk_id: string;
  number: number;
  status: CrosswalkVersion['status'];
  frozen_at: string;
  frozen_by_id: string;
  frozen_by_name: string;
  frozen_by_agency: CrosswalkVersion['frozenBy']['agency'];
  approved_at: string | null;
  approvals: string;
  note: string | null;
  source_scheme_version: string | null;
  target_scheme_version: string | null;
  relationship_type: CrosswalkVersion['relationshipType'];
  completeness: CrosswalkVersion['completeness'];
  valid_from: string | null;
  valid_to: string | null;
  mapping_count: number;
}

const toVersion = (r: VersionRowDb): CrosswalkVersion => ({
  id: r.id,
  crosswalkId: r.crosswalk_id,
  number: r.number,
  status: r.status,
  frozenAt: r.frozen_at,
  frozenBy: { id: r.frozen_by_id, name: r.frozen_by_name, agency: r.frozen_by_agency },
  approvedAt: r.approved_at,
  approvals: JSON.parse(r.approvals) as VersionApproval[],
  note: r.note,
  sourceSchemeVersion: r.source_scheme_version,
  targetSchemeVersion: r.target_scheme_version,
  relationshipType: r.relationship_type,
  completeness: r.completeness,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  mappingCount: r.mapping_count,
});

/** The mapping columns a version copies, in the same order in both tables. */
const COPIED = `source_code, target_code, relation, share, status, justification, confidence, comment,
  partial_source, partial_target, author_id, reviewer_id, updated_by, updated_by_agency, updated_at`;

/** Each agency's decision columns of a version's rows, after COPIED. */
const DECISIONS = 'es_decision, es_steward_name, es_at, cbs_decision, cbs_steward_name, cbs_at';
/** Who made each agency's decision, copied after DECISIONS (read only by the exports). */
const DECIDER_IDS = 'es_steward_id, cbs_steward_id';

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/**
 * A row read with COPIED and DECISIONS; `frozen` is what the freeze added (cardinality and
 * validity), absent for a live mapping. A version frozen before its mappings had their own
 * validity shows the version's dates on each of them.
 */
const toMapping = (
  r: unknown[],
  frozen?: { cardinality: unknown; validFrom: unknown; validTo: unknown; version: Validity },
): VersionMapping => ({
  sourceCode: String(r[0]),
  targetCode: String(r[1]),
  relation: r[2] as VersionMapping['relation'],
  share: r[3] as number | null,
  status: r[4] as VersionMapping['status'],
  justification: r[5] as VersionMapping['justification'],
  confidence: r[6] as number | null,
  comment: r[7] as string | null,
  partialSource: r[8] === 1,
  partialTarget: r[9] === 1,
  authorId: r[10] as string | null,
  reviewerId: r[11] as string | null,
  updatedBy: r[12] as string | null,
  updatedByAgency: r[13] as string | null,
  updatedAt: r[14] as string | null,
  esDecision: str(r[15]),
  esBy: str(r[16]),
  esAt: str(r[17]),
  cbsDecision: str(r[18]),
  cbsBy: str(r[19]),
  cbsAt: str(r[20]),
  cardinality: str(frozen?.cardinality) as VersionMapping['cardinality'],
  ...validityOf(frozen),
});

function validityOf(frozen?: {
  validFrom: unknown;
  validTo: unknown;
  version: Validity;
}): Validity {
  if (!frozen) return { validFrom: null, validTo: null };
  // A stored date is null only where the version's is too (mappingValidity starts from it), so
  // falling back to the version's dates changes nothing for a version frozen since migration 15.
  return {
    validFrom: str(frozen.validFrom) ?? frozen.version.validFrom,
    validTo: str(frozen.validTo) ?? frozen.version.validTo,
  };
}

export interface NewVersion {
  id: number;
  crosswalkId: string;
  number: number;
  frozenAt: string;
  frozenBy: { id: string; name: string; agency: string };
  note: string | null;
  sourceSchemeVersion: string | null;
  targetSchemeVersion: string | null;
  sourceSchemeId: string;
  targetSchemeId: string;
  validFrom: string | null;
  validTo: string | null;
}

// ISO dates compare as text; null is open (no bound): scalar MAX/MIN are null when either is.
const laterSql = (a: string, b: string) => `COALESCE(MAX(${a}, ${b}), ${a}, ${b})`;
const earlierSql = (a: string, b: string) => `COALESCE(MIN(${a}, ${b}), ${a}, ${b})`;

/**
 * tableCardinalities in SQL, on the live mapping alias `m` of crosswalk `crosswalk` (an SQL
 * parameter): over the non-rejected mappings, "n" first when the target has other sources, "n"
 * second when the source has other targets (a pair listed twice counts once); null when rejected.
 * The two code lists are computed once per statement.
 */
function cardinalitySql(m: string, crosswalk: string): string {
  return cardinalityOver(m, {
    from: 'mappings k',
    where: `k.crosswalk_id = ${crosswalk}`,
    kept: (x) => `${x}.status <> 'rejected'`,
  });
}

/** tableCardinalities over the rows of `table` (alias k) that `kept` keeps, for row `m`. */
function cardinalityOver(
  m: string,
  table: { from: string; where: string; kept: (alias: string) => string },
): string {
  // More than one distinct code on the other side: its smallest and largest differ.
  const many = (group: string, other: string) =>
    `(SELECT k.${group} FROM ${table.from} WHERE ${table.where} AND ${table.kept('k')}
      GROUP BY k.${group} HAVING MIN(k.${other}) < MAX(k.${other}))`;
  return `CASE WHEN NOT ${table.kept(m)} THEN NULL ELSE
    (CASE WHEN ${m}.target_code IN ${many('target_code', 'source_code')} THEN 'n' ELSE '1' END) || ':' ||
    (CASE WHEN ${m}.source_code IN ${many('source_code', 'target_code')} THEN 'n' ELSE '1' END) END`;
}

/**
 * The same cardinality for a few rows of the live mappings: row `m` looks up its own source's and
 * target's other kept mappings through the (crosswalk, source) and (crosswalk, target) indexes,
 * instead of listing every split and merge of the table first.
 */
function liveCardinalityOf(m: string, crosswalk: string, kept: (alias: string) => string): string {
  const other = (same: string, differ: string) =>
    `EXISTS (SELECT 1 FROM mappings k WHERE k.crosswalk_id = ${crosswalk} AND k.${same} = ${m}.${same}
      AND k.${differ} <> ${m}.${differ} AND ${kept('k')})`;
  return `CASE WHEN NOT ${kept(m)} THEN NULL ELSE
    (CASE WHEN ${other('target_code', 'source_code')} THEN 'n' ELSE '1' END) || ':' ||
    (CASE WHEN ${other('source_code', 'target_code')} THEN 'n' ELSE '1' END) END`;
}

/**
 * mappingValidity's "held since" in SQL: the valid_from in the previous version (parameter
 * `previous`, its own valid_from `previousFrom` for rows frozen without one) of its first
 * non-rejected mapping with the same source, target, relation and share; null when none.
 */
function heldSinceSql(m: string, previous: string, previousFrom: string): string {
  return `(SELECT COALESCE(p.valid_from, ${previousFrom}) FROM version_mappings p
    WHERE p.version_id = ${previous} AND p.source_code = ${m}.source_code AND p.target_code = ${m}.target_code
      AND p.relation = ${m}.relation AND p.share IS ${m}.share AND p.status <> 'rejected'
      AND COALESCE(p.valid_from, ${previousFrom}) IS NOT NULL
    ORDER BY p.rowid LIMIT 1)`;
}

export type DiffSide = { versionId: number; validity: Validity } | { crosswalkId: string };

/** The columns behind DIFF_FIELDS (the decisions are read per side). */
const DIFF_COLUMNS = [
  'relation',
  'share',
  'status',
  'justification',
  'confidence',
  'comment',
  'partial_source',
  'partial_target',
  'es_decision',
  'cbs_decision',
] as const;

/**
 * A diff side in SQL on alias `a`, keyed by parameter `key`: its table, its condition, its row
 * in toMapping's order (then cardinality, valid_from, valid_to) and each DIFF_COLUMNS value as
 * toMapping reads it (partial flags: = 1). For a blind viewer (blindVersionMapping): `hidden`
 * holds for a row whose decisions the viewer may not see, and the fields are as the viewer sees
 * them; `blindCardinality` is the row's cardinality over the table as the viewer sees it.
 */
function sideSql(side: DiffSide, a: string, key: string, viewer: BlindViewer) {
  const copied = COPIED.split(',').map((c) => `${a}.${c.trim()}`);
  const version = 'versionId' in side;
  const decisionOf = (x: string, agency: 'ES' | 'CBS', column = 'decision') =>
    version
      ? `${x}.${agency === 'ES' ? 'es' : 'cbs'}_${column}`
      : `(SELECT ${column} FROM mapping_agency_decisions WHERE mapping_id = ${x}.id AND agency = '${agency}')`;
  const hiddenOf = (x: string) => {
    if (viewer === undefined) return 'FALSE';
    const others = AGENCIES.filter((g) => g !== viewer).map(
      (g) => `${decisionOf(x, g)} IS NOT NULL`,
    );
    const own = viewer === null ? 'TRUE' : `${decisionOf(x, viewer)} IS NULL`;
    return `((${others.join(' OR ')}) AND ${own})`;
  };
  const hidden = hiddenOf(a);
  // The last change was another agency's (any agency's, for a viewer without one).
  const foreign =
    viewer === undefined || viewer === null
      ? `${a}.updated_by_agency IS NOT NULL`
      : `${a}.updated_by_agency IS NOT NULL AND ${a}.updated_by_agency <> ${agencyLiteral(viewer)}`;
  const field = (c: (typeof DIFF_COLUMNS)[number]) => {
    if (c === 'partial_source' || c === 'partial_target') return `(${a}.${c} = 1)`;
    if (viewer === undefined)
      return c === 'es_decision'
        ? decisionOf(a, 'ES')
        : c === 'cbs_decision'
          ? decisionOf(a, 'CBS')
          : `${a}.${c}`;
    if (c === 'status') return `(CASE WHEN ${hidden} THEN 'proposed' ELSE ${a}.status END)`;
    if (c === 'comment')
      return `(CASE WHEN ${hidden} AND ${foreign} THEN NULL ELSE ${a}.comment END)`;
    if (c === 'es_decision' || c === 'cbs_decision') {
      const agency = c === 'es_decision' ? 'ES' : 'CBS';
      return agency === viewer
        ? decisionOf(a, agency)
        : `(CASE WHEN ${hidden} THEN NULL ELSE ${decisionOf(a, agency)} END)`;
    }
    return `${a}.${c}`;
  };
  // The diff's rows are few: the live side's are looked up one by one (a version has no index by target).
  const seenKept = (x: string) => `(${x}.status <> 'rejected' OR ${hiddenOf(x)})`;
  const blindCardinality = version
    ? cardinalityOver(a, {
        from: 'version_mappings k',
        where: `k.version_id = ${key}`,
        kept: seenKept,
      })
    : liveCardinalityOf(a, key, seenKept);
  const decisions = (['ES', 'CBS'] as const).flatMap((agency) =>
    ['decision', 'steward_name', 'at'].map((c) => decisionOf(a, agency, c)),
  );
  return {
    from: `${version ? 'version_mappings' : 'mappings'} ${a}`,
    where: version ? `${a}.version_id = ${key}` : `${a}.crosswalk_id = ${key}`,
    key: (version ? side.versionId : side.crosswalkId) as SqlParam,
    columns: `${copied.join(', ')}, ${decisions.join(', ')}`,
    cardinality: version
      ? `${a}.cardinality`
      : liveCardinalityOf(a, key, (x) => `${x}.status <> 'rejected'`),
    validity: version ? `${a}.valid_from, ${a}.valid_to` : 'NULL, NULL',
    hidden,
    blindCardinality,
    field,
  };
}

export class VersionRepo {
  constructor(private readonly db: WorkspaceDb) {}

  list(crosswalkId: string): CrosswalkVersion[] {
    return this.db
      .all<VersionRowDb>(
        'SELECT * FROM crosswalk_versions WHERE crosswalk_id = ? ORDER BY number DESC',
        [crosswalkId],
      )
      .map(toVersion);
  }

  get(crosswalkId: string, number: number): CrosswalkVersion | undefined {
    const row = this.db.get<VersionRowDb>(
      'SELECT * FROM crosswalk_versions WHERE crosswalk_id = ? AND number = ?',
      [crosswalkId, number],
    );
    return row && toVersion(row);
  }

  lastNumber(crosswalkId: string): number {
    return (
      this.db.get<{ n: number | null }>(
        'SELECT MAX(number) AS n FROM crosswalk_versions WHERE crosswalk_id = ?',
        [crosswalkId],
      )?.n ?? 0
    );
  }

  nextId(): number {
    return (
      (this.db.get<{ n: number | null }>('SELECT MAX(id) AS n FROM crosswalk_versions')?.n ?? 0) + 1
    );
  }

  /** The number of the crosswalk's approved version, if one is. */
  approvedNumber(crosswalkId: string): number | null {
    return (
      this.db.get<{ n: number | null }>(
        "SELECT MAX(number) AS n FROM crosswalk_versions WHERE crosswalk_id = ? AND status = 'approved'",
        [crosswalkId],
      )?.n ?? null
    );
  }

  /** A version's frozen mappings in source/target order. */
  mappings(versionId: number): VersionMapping[] {
    const version = this.validity(versionId);
    return this.db
      .rows(
        `SELECT ${COPIED}, ${DECISIONS}, cardinality, valid_from, valid_to FROM version_mappings WHERE version_id = ? ORDER BY source_code, target_code, mapping_id`,
        [versionId],
      )
      .map((r) => toMapping(r, { cardinality: r[21], validFrom: r[22], validTo: r[23], version }));
  }

  /** A page of a version's frozen mappings in the order of mappings(). */
  mappingsPage(versionId: number, offset: number, limit: number): VersionMapping[] {
    const version = this.validity(versionId);
    return this.db
      .rows(
        `SELECT ${COPIED}, ${DECISIONS}, cardinality, valid_from, valid_to FROM version_mappings WHERE version_id = ?
         ORDER BY source_code, target_code, mapping_id LIMIT ? OFFSET ?`,
        [versionId, limit, offset],
      )
      .map((r) => toMapping(r, { cardinality: r[21], validFrom: r[22], validTo: r[23], version }));
  }

  /** A side of a diff: a frozen version (by id) or the crosswalk's live mappings. */
  diffSide(ref: { versionId: number } | { crosswalkId: string }): DiffSide {
    return 'versionId' in ref
      ? { versionId: ref.versionId, validity: this.validity(ref.versionId) }
      : { crosswalkId: ref.crosswalkId };
  }

  /** Whether the side lists some (source, target) pair more than once (diffMappings then matches them in order). */
  hasDuplicatePairs(side: DiffSide): boolean {
    const [table, key, value] =
      'versionId' in side
        ? ['version_mappings', 'version_id', side.versionId]
        : ['mappings', 'crosswalk_id', side.crosswalkId];
    return (
      this.db.rows(
        `SELECT 1 FROM ${table} WHERE ${key} = ? GROUP BY source_code, target_code HAVING COUNT(*) > 1 LIMIT 1`,
        [value],
      ).length > 0
    );
  }

  /**
   * The mappings of side `a` that side `b` has no identical copy of: none with the same pair and
   * the same DIFF_FIELDS. When neither side repeats a pair, diffMappings over what each side has
   * unmatched is diffMappings over both sides whole, without reading the mappings they share.
   * A blind viewer's rows are compared, and returned, as blindVersionMappings makes them: blinded,
   * with the cardinality over the side as the viewer sees it when the viewer may not see all of it.
   */
  unmatched(a: DiffSide, b: DiffSide, viewer: BlindViewer = undefined): VersionMapping[] {
    const x = sideSql(a, 'a', '?1', viewer);
    const y = sideSql(b, 'b', '?2', viewer);
    const blinded =
      viewer !== undefined &&
      this.db.get(`SELECT 1 AS y FROM ${x.from} WHERE ${x.where} AND ${x.hidden} LIMIT 1`, [
        x.key,
      ]) !== undefined;
    const same = DIFF_COLUMNS.map((c) => `${y.field(c)} IS ${x.field(c)}`).join(' AND ');
    return this.db
      .rows(
        `SELECT ${x.columns}, ${blinded ? x.blindCardinality : x.cardinality}, ${x.validity}
         FROM ${x.from} WHERE ${x.where} AND NOT EXISTS (
           SELECT 1 FROM ${y.from} WHERE ${y.where}
             AND b.source_code = a.source_code AND b.target_code = a.target_code AND ${same})`,
        [x.key, y.key],
      )
      .map((r) => {
        const m =
          'versionId' in a
            ? toMapping(r, {
                cardinality: r[21],
                validFrom: r[22],
                validTo: r[23],
                version: a.validity,
              })
            : { ...toMapping(r), cardinality: str(r[21]) as VersionMapping['cardinality'] };
        return viewer === undefined
          ? m
          : { ...blindVersionMapping(m, viewer), cardinality: m.cardinality };
      });
  }

  /** A version's own valid from / to. */
  private validity(versionId: number): Validity {
    const v = this.db.get<{ valid_from: string | null; valid_to: string | null }>(
      'SELECT valid_from, valid_to FROM crosswalk_versions WHERE id = ?',
      [versionId],
    );
    return { validFrom: v?.valid_from ?? null, validTo: v?.valid_to ?? null };
  }

  /** The live (draft) mappings in source/target order. */
  liveMappings(crosswalkId: string): VersionMapping[] {
    const live = this.db
      .rows(
        `${this.liveSelect()} WHERE m.crosswalk_id = ? ORDER BY m.source_code, m.target_code, m.id`,
        [crosswalkId],
      )
      .map((r) => toMapping(r));
    const cardinality = tableCardinalities(live);
    return live.map((m, i) => ({ ...m, cardinality: cardinality[i]! }));
  }

  /**
   * The live mappings' copied columns and each agency's decision on them; a workspace from before
   * agency decisions (no mapping_agency_decisions table) has none.
   */
  private liveSelect(lead = ''): string {
    const cols = COPIED.split(',').map((c) => `m.${c.trim()}`);
    const hasDecisions =
      (this.db.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'mapping_agency_decisions'",
      )?.n ?? 0) > 0;
    if (!hasDecisions)
      return `SELECT ${lead}${cols.join(', ')}, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM mappings m`;
    return `SELECT ${lead}${cols.join(', ')}, e.decision, e.steward_name, e.at, c.decision, c.steward_name, c.at,
        e.steward_id, c.steward_id
      FROM mappings m
      LEFT JOIN mapping_agency_decisions e ON e.mapping_id = m.id AND e.agency = 'ES'
      LEFT JOIN mapping_agency_decisions c ON c.mapping_id = m.id AND c.agency = 'CBS'`;
  }

  /** A version's approved mappings with the scheme titles, in the live export's row shape and order. */
  approvedForExport(
    versionId: number,
    scope: { sourceSchemeId: string; targetSchemeId: string },
  ): ExportMapping[] {
    return this.db
      .all<ExportMapping>(
        `SELECT v.mapping_id, v.source_code, s.title_he AS source_title_he, s.title_en AS source_title_en, v.relation,
           v.target_code, t.title_he AS target_title_he, t.title_en AS target_title_en, v.share, v.status,
           v.justification, v.confidence, v.comment, v.partial_source, v.partial_target, v.author_id, v.reviewer_id,
           v.updated_by, v.updated_by_agency, v.updated_at
         FROM version_mappings v
         LEFT JOIN items s ON s.scheme_id = ? AND s.code = v.source_code
         LEFT JOIN items t ON t.scheme_id = ? AND t.code = v.target_code
         WHERE v.version_id = ? AND v.status = 'approved'
         ORDER BY v.source_code, v.target_code, v.mapping_id`,
        [scope.sourceSchemeId, scope.targetSchemeId, versionId],
      )
      .map((m) => ({
        ...m,
        source_code: String(m.source_code),
        target_code: String(m.target_code),
      }));
  }

  /** Each exported (approved) frozen mapping's valid from / to by mapping id, as the exports carry them. */
  validityForExport(versionId: number): Map<number, Validity> {
    const version = this.validity(versionId);
    const out = new Map<number, Validity>();
    for (const r of this.db.rows(
      "SELECT mapping_id, valid_from, valid_to FROM version_mappings WHERE version_id = ? AND status = 'approved'",
      [versionId],
    ))
      out.set(r[0] as number, validityOf({ validFrom: r[1], validTo: r[2], version }));
    return out;
  }

  /**
   * Each frozen mapping's per-agency approvers (ES first) and when the later of them approved, as
   * they were when the version was frozen. A version frozen before the approvers' ids were kept
   * names them by the steward of that name and agency.
   */
  approversForExport(versionId: number): Map<number, MappingApprovers> {
    const rows = this.db.all<{
      mapping_id: number;
      es: string | null;
      es_at: string | null;
      cbs: string | null;
      cbs_at: string | null;
    }>(
      `SELECT v.mapping_id,
         CASE WHEN v.es_decision = 'approve' THEN COALESCE(v.es_steward_id,
           (SELECT id FROM stewards WHERE name = v.es_steward_name AND agency = 'ES' LIMIT 1)) END AS es,
         CASE WHEN v.es_decision = 'approve' THEN v.es_at END AS es_at,
         CASE WHEN v.cbs_decision = 'approve' THEN COALESCE(v.cbs_steward_id,
           (SELECT id FROM stewards WHERE name = v.cbs_steward_name AND agency = 'CBS' LIMIT 1)) END AS cbs,
         CASE WHEN v.cbs_decision = 'approve' THEN v.cbs_at END AS cbs_at
       FROM version_mappings v
       WHERE v.version_id = ? AND (v.es_decision = 'approve' OR v.cbs_decision = 'approve')`,
      [versionId],
    );
    const out = new Map<number, MappingApprovers>();
    for (const r of rows) {
      const stewardIds = [r.es, r.cbs].filter((id): id is string => id !== null);
      const at = [r.es_at, r.cbs_at]
        .filter((t): t is string => t !== null)
        .sort()
        .pop();
      if (stewardIds.length > 0 && at) out.set(r.mapping_id, { stewardIds, at });
    }
    return out;
  }

  /** What the checks need of every item of a scheme (coverage needs all the source codes). */
  checkItems(
    schemeId: string,
  ): { code: string; isLeaf: boolean; status: 'active' | 'deprecated' }[] {
    return this.db
      .rows('SELECT code, is_leaf, status FROM items WHERE scheme_id = ?', [schemeId])
      .map((r) => ({
        code: String(r[0]),
        isLeaf: r[1] === 1,
        status: r[2] as 'active' | 'deprecated',
      }));
  }

  // Writes: call inside db.write().

  /**
   * Records the version and copies every live mapping of the crosswalk into it with its GSIM
   * metadata, all in SQL (so the journal holds a few statements, and replay gives the same rows):
   * each mapping's cardinality (tableCardinalities), its valid from / to (mappingValidity: the
   * previous version's rows, the version's dates, the codes' own dates), then the table's
   * relationship type (relationshipType) and completeness (completeness) from the copied rows.
   * Rows go in source, target, mapping id order, the order mappings() reads them in.
   */
  insert(v: NewVersion): number {
    this.db.run(
      `INSERT INTO crosswalk_versions (id, crosswalk_id, number, status, frozen_at, frozen_by_id, frozen_by_name,
         frozen_by_agency, note, source_scheme_version, target_scheme_version, relationship_type, completeness,
         valid_from, valid_to, mapping_count)
       VALUES (?, ?, ?, 'frozen', ?, ?, ?, ?, ?, ?, ?, NULL, 'partial', ?, ?, 0)`,
      [
        v.id,
        v.crosswalkId,
        v.number,
        v.frozenAt,
        v.frozenBy.id,
        v.frozenBy.name,
        v.frozenBy.agency,
        v.note,
        v.sourceSchemeVersion,
        v.targetSchemeVersion,
        v.validFrom,
        v.validTo,
      ],
    );
    const previous = this.get(v.crosswalkId, v.number - 1);
    const cols = COPIED.split(',').map((c) => `m.${c.trim()}`);
    // What a bound comes from, left out where it cannot bound anything: no previous version, a
    // scheme whose items carry no dates (most). The statement is journaled as it ran.
    const from = previous ? `COALESCE(${heldSinceSql('m', '?5', '?6')}, ?3)` : '?3';
    const dated = (schemeId: string) =>
      this.db.get(
        'SELECT 1 AS y FROM items WHERE scheme_id = ? AND (valid_from IS NOT NULL OR valid_to IS NOT NULL) LIMIT 1',
        [schemeId],
      ) !== undefined;
    const [sourceDated, targetDated] = [dated(v.sourceSchemeId), dated(v.targetSchemeId)];
    const bound = (side: 's' | 't', date: string, outer: string, pick: typeof laterSql) =>
      (side === 's' ? sourceDated : targetDated) ? pick(outer, `${side}.${date}`) : outer;
    const validFrom = bound('t', 'valid_from', bound('s', 'valid_from', from, laterSql), laterSql);
    const validTo = bound('t', 'valid_to', bound('s', 'valid_to', '?4', earlierSql), earlierSql);
    // ?1 version id, ?2 crosswalk, ?3/?4 the version's dates, ?5 previous version id, ?6 its
    // valid_from, ?7/?8 source and target scheme. "?8 IS ?8": SQLite takes the highest number
    // used as the parameter count, and some of them are left out above.
    const copied = this.db.run(
      `INSERT INTO version_mappings (version_id, mapping_id, ${COPIED}, ${DECISIONS}, ${DECIDER_IDS},
         cardinality, valid_from, valid_to)
       SELECT ?1, m.id, ${cols.join(', ')}, e.decision, e.steward_name, e.at, c.decision, c.steward_name, c.at,
         e.steward_id, c.steward_id, ${cardinalitySql('m', '?2')}, ${validFrom}, ${validTo}
       FROM mappings m
       LEFT JOIN mapping_agency_decisions e ON e.mapping_id = m.id AND e.agency = 'ES'
       LEFT JOIN mapping_agency_decisions c ON c.mapping_id = m.id AND c.agency = 'CBS'
       ${sourceDated ? 'LEFT JOIN items s ON s.scheme_id = ?7 AND s.code = m.source_code' : ''}
       ${targetDated ? 'LEFT JOIN items t ON t.scheme_id = ?8 AND t.code = m.target_code' : ''}
       WHERE m.crosswalk_id = ?2 AND ?8 IS ?8
       ORDER BY m.source_code, m.target_code, m.id`,
      [
        v.id,
        v.crosswalkId,
        v.validFrom,
        v.validTo,
        previous?.id ?? null,
        previous?.validFrom ?? null,
        v.sourceSchemeId,
        v.targetSchemeId,
      ],
    );
    // The table's type over its links (non-rejected): derived when all are inherited; splits
    // (a source with several targets: cardinality x:n) and merges (n:x) otherwise.
    const links = (and: string) =>
      `EXISTS (SELECT 1 FROM version_mappings l WHERE l.version_id = ?1 AND l.status <> 'rejected' ${and})`;
    this.db.run(
      `UPDATE crosswalk_versions SET mapping_count = ?2,
         relationship_type = (SELECT CASE
             WHEN NOT ${links('')} THEN NULL
             WHEN NOT ${links("AND l.justification <> 'inherited'")} THEN 'derived'
             WHEN ${links("AND l.cardinality IN ('1:n', 'n:n')")} AND ${links("AND l.cardinality IN ('n:1', 'n:n')")} THEN 'M:N'
             WHEN ${links("AND l.cardinality IN ('1:n', 'n:n')")} THEN '1:N'
             WHEN ${links("AND l.cardinality IN ('n:1', 'n:n')")} THEN 'N:1'
             ELSE '1:1' END),
         completeness = CASE WHEN EXISTS (
             SELECT 1 FROM items i WHERE i.scheme_id = ?3 AND i.is_leaf = 1 AND i.status = 'active'
             AND NOT EXISTS (SELECT 1 FROM version_mappings l WHERE l.version_id = ?1
               AND l.source_code = i.code AND l.status <> 'rejected'))
           THEN 'partial' ELSE 'complete' END
       WHERE id = ?1`,
      [v.id, copied, v.sourceSchemeId],
    );
    return copied;
  }

  setApprovals(id: number, approvals: VersionApproval[], approvedAt: string | null): void {
    this.db.run(
      `UPDATE crosswalk_versions SET approvals = ?, approved_at = ?,
         status = CASE WHEN ? IS NULL THEN status ELSE 'approved' END WHERE id = ?`,
      [JSON.stringify(approvals), approvedAt, approvedAt, id],
    );
  }

  /** Marks the crosswalk's approved versions other than `keepId` as superseded; returns their numbers. */
  supersedeOthers(crosswalkId: string, keepId: number): number[] {
    const older = this.db
      .all<{ number: number }>(
        "SELECT number FROM crosswalk_versions WHERE crosswalk_id = ? AND status = 'approved' AND id <> ?",
        [crosswalkId, keepId],
      )
      .map((r) => r.number);
    this.db.run(
      "UPDATE crosswalk_versions SET status = 'superseded' WHERE crosswalk_id = ? AND status = 'approved' AND id <> ?",
      [crosswalkId, keepId],
    );
    return older;
  }
}
