import type { CrosswalkVersion, VersionApproval, VersionMapping } from '../../../shared/contract';
import {
  mappingValidity,
  tableCardinalities,
  type Validity,
} from '../../../shared/domain/crosswalk/versions';
import type { SqlParam } from '../db/journal';
import type { WorkspaceDb } from '../db/workspace-db';
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
  relationshipType: CrosswalkVersion['relationshipType'];
  completeness: CrosswalkVersion['completeness'];
  validFrom: string | null;
  validTo: string | null;
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

  /** Each frozen mapping's valid from / to by mapping id, as the exports carry them. */
  validityForExport(versionId: number): Map<number, Validity> {
    const version = this.validity(versionId);
    const out = new Map<number, Validity>();
    for (const r of this.db.rows(
      'SELECT mapping_id, valid_from, valid_to FROM version_mappings WHERE version_id = ?',
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

  /** Records the version and copies every live mapping of the crosswalk into it, in one statement. */
  insert(v: NewVersion): number {
    this.db.run(
      `INSERT INTO crosswalk_versions (id, crosswalk_id, number, status, frozen_at, frozen_by_id, frozen_by_name,
         frozen_by_agency, note, source_scheme_version, target_scheme_version, relationship_type, completeness,
         valid_from, valid_to, mapping_count)
       VALUES (?, ?, ?, 'frozen', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
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
        v.relationshipType,
        v.completeness,
        v.validFrom,
        v.validTo,
      ],
    );
    const copied = this.db.run(
      `INSERT INTO version_mappings (version_id, mapping_id, ${COPIED}, ${DECISIONS}, ${DECIDER_IDS})
       ${this.liveSelect('?, m.id, ')} WHERE m.crosswalk_id = ?`,
      [v.id, v.crosswalkId],
    );
    this.db.run('UPDATE crosswalk_versions SET mapping_count = ? WHERE id = ?', [copied, v.id]);
    this.setCardinalities(v.id);
    this.setValidity(v);
    return copied;
  }

  /**
   * Inside the freeze's db.write(): when each frozen mapping holds (mappingValidity), from the
   * previous version's mappings, the version's dates and the source and target items' own dates.
   */
  private setValidity(v: NewVersion): void {
    const rows = this.db.rows(
      `SELECT vm.mapping_id, vm.source_code, vm.target_code, vm.relation, vm.share, vm.status,
         s.valid_from, s.valid_to, t.valid_from, t.valid_to
       FROM version_mappings vm
       JOIN crosswalks c ON c.id = ?
       LEFT JOIN items s ON s.scheme_id = c.source_scheme_id AND s.code = vm.source_code
       LEFT JOIN items t ON t.scheme_id = c.target_scheme_id AND t.code = vm.target_code
       WHERE vm.version_id = ?`,
      [v.crosswalkId, v.id],
    );
    const sources = new Map<string, Validity>();
    const targets = new Map<string, Validity>();
    const mappings = rows.map((r) => {
      const m = {
        sourceCode: String(r[1]),
        targetCode: String(r[2]),
        relation: r[3] as VersionMapping['relation'],
        share: r[4] as number | null,
        status: r[5] as VersionMapping['status'],
      };
      sources.set(m.sourceCode, { validFrom: str(r[6]), validTo: str(r[7]) });
      targets.set(m.targetCode, { validFrom: str(r[8]), validTo: str(r[9]) });
      return m;
    });
    const previous = this.get(v.crosswalkId, v.number - 1);
    const validity = mappingValidity(
      mappings,
      { validFrom: v.validFrom, validTo: v.validTo },
      previous ? this.heldSince(previous.id) : [],
      sources,
      targets,
    );
    // Few distinct date pairs (the version's, the previous one's, the codes' own).
    const groups = new Map<string, { values: SqlParam[]; ids: number[] }>();
    rows.forEach((r, i) => {
      const { validFrom, validTo } = validity[i]!;
      const key = `${validFrom}\u0000${validTo}`;
      const group =
        groups.get(key) ?? groups.set(key, { values: [validFrom, validTo], ids: [] }).get(key)!;
      group.ids.push(r[0] as number);
    });
    this.writeGroups(v.id, 'valid_from = ?, valid_to = ?', groups.values());
  }

  /** What mappingValidity needs of the previous version's mappings: each one's effective valid_from. */
  private heldSince(versionId: number) {
    const { validFrom } = this.validity(versionId);
    return this.db
      .rows(
        'SELECT source_code, target_code, relation, share, status, COALESCE(valid_from, ?) FROM version_mappings WHERE version_id = ?',
        [validFrom, versionId],
      )
      .map((r) => ({
        sourceCode: String(r[0]),
        targetCode: String(r[1]),
        relation: r[2] as VersionMapping['relation'],
        share: r[3] as number | null,
        status: r[4] as VersionMapping['status'],
        validFrom: str(r[5]),
      }));
  }

  /**
   * Sets one value per group of a version's mappings (every mapping in exactly one group): the
   * largest group for the whole version in one statement, then the others by mapping id.
   */
  private writeGroups(
    versionId: number,
    set: string,
    groups: Iterable<{ values: SqlParam[]; ids: number[] }>,
  ): void {
    const [largest, ...rest] = [...groups].sort((a, b) => b.ids.length - a.ids.length);
    if (!largest) return;
    this.db.run(`UPDATE version_mappings SET ${set} WHERE version_id = ?`, [
      ...largest.values,
      versionId,
    ]);
    for (const g of rest) this.updateIn(versionId, set, g.values, g.ids);
  }

  /** UPDATE version_mappings SET <set> for the given mapping ids of a version, in batches. */
  private updateIn(
    versionId: number,
    set: string,
    values: SqlParam[],
    ids: readonly number[],
  ): void {
    for (let i = 0; i < ids.length; i += 10_000)
      this.db.run(
        `UPDATE version_mappings SET ${set} WHERE version_id = ? AND mapping_id IN (SELECT value FROM json_each(?))`,
        [...values, versionId, JSON.stringify(ids.slice(i, i + 10_000))],
      );
  }

  /** Inside the freeze's db.write(): each frozen mapping's cardinality within the version's table. */
  private setCardinalities(versionId: number): void {
    const rows = this.db.rows(
      'SELECT mapping_id, source_code, target_code, status FROM version_mappings WHERE version_id = ?',
      [versionId],
    );
    const cardinality = tableCardinalities(
      rows.map((r) => ({
        sourceCode: String(r[1]),
        targetCode: String(r[2]),
        status: r[3] as VersionMapping['status'],
      })),
    );
    const groups = new Map<string | null, { values: SqlParam[]; ids: number[] }>();
    rows.forEach((r, i) => {
      const c = cardinality[i] ?? null;
      const group = groups.get(c) ?? groups.set(c, { values: [c], ids: [] }).get(c)!;
      group.ids.push(r[0] as number);
    });
    this.writeGroups(versionId, 'cardinality = ?', groups.values());
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
