import type {
  CrosswalkVersion,
  DiffRow,
  VersionBlocker,
  VersionMapping,
  VersionRef,
} from '../../../shared/contract';
import {
  approvalBlockers,
  diffMappings,
  DIFF_FIELDS,
  mappingRelationshipType,
  nextApproval,
  type DiffTotals,
} from '../../../shared/domain/crosswalk/versions';
import { blindVersionMappings, type BlindViewer } from '../../../shared/domain/crosswalk/approval';
import { toCsv } from '../../../shared/domain/tabular/csv-write';
import { RpcError } from '../../../shared/rpc/errors';
import { recordAudit } from '../backend/audit-log';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';
import { DECIDERS, LEADS } from '../backend/session';
import { CrosswalkRepo } from '../repos/crosswalk-repo';
import { SchemeRepo } from '../repos/scheme-repo';
import { VersionRepo } from '../repos/version-repo';
import { blindViewer } from './blind-viewer';
import { schemesOf, writeExport } from './crosswalk-export';

type VersionMethods =
  | 'versions.list'
  | 'versions.freeze'
  | 'versions.diff'
  | 'versions.exportDiff'
  | 'versions.mappings'
  | 'versions.export'
  | 'versions.blockers'
  | 'versions.approve';

/** Per-mapping GSIM metadata in the diff export, before and after: not diff fields themselves. */
const GSIM_COLUMNS = ['relationship_type', 'valid_from', 'valid_to'] as const;

/** A side's GSIM_COLUMNS cells; a rejected mapping holds at no time, and the draft is not dated yet. */
const gsimCells = (m: VersionMapping | null): (string | null)[] =>
  m
    ? [
        mappingRelationshipType(m),
        m.status === 'rejected' ? null : m.validFrom,
        m.status === 'rejected' ? null : m.validTo,
      ]
    : [null, null, null];

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const REFUSALS = {
  already_approved: 'is already approved',
  superseded: 'was superseded by a newer approved version',
  older_than_approved: 'is older than the approved version',
  same_agency:
    'already has the approval of a steward of your agency; the other agency approves next',
} as const;

export function versionHandlers(deps: ServiceDeps): HandlerGroup<VersionMethods> {
  const repo = new VersionRepo(deps.db);
  const crosswalks = new CrosswalkRepo(deps.db);
  const schemes = new SchemeRepo(deps.db);
  // The last diff asked for, so that paging through it does not compute it again.
  let lastDiff: { key: string; rows: DiffRow[]; totals: DiffTotals } | null = null;
  // The last version's mappings listed, for the same reason; frozen rows change only with who sees them.
  let lastList: { key: string; rows: VersionMapping[] } | null = null;

  const scopeOf = (crosswalkId: string) => {
    const scope = crosswalks.scope(crosswalkId);
    if (!scope) throw new RpcError('not_found', `No crosswalk with id ${crosswalkId}.`);
    return scope;
  };

  const versionOf = (crosswalkId: string, number: number): CrosswalkVersion => {
    const v = repo.get(crosswalkId, number);
    if (!v)
      throw new RpcError('not_found', `Crosswalk ${crosswalkId} has no version ${number}.`, {
        number,
      });
    return v;
  };

  /** Blind mode: what the session may see of each mapping's decisions (see blindVersionMapping). */
  const viewerOf = (crosswalkId: string) =>
    blindViewer(deps.session, crosswalks.blindMode(crosswalkId));

  const mappingsOf = (crosswalkId: string, ref: VersionRef): VersionMapping[] =>
    blindVersionMappings(
      ref === 'draft'
        ? repo.liveMappings(crosswalkId)
        : repo.mappings(versionOf(crosswalkId, ref).id),
      viewerOf(crosswalkId),
    );

  /** `viewer`: the blockers as that blind viewer sees the frozen rows (undefined: as they are). */
  const blockersOf = (
    crosswalkId: string,
    version: CrosswalkVersion,
    viewer: BlindViewer = undefined,
  ): VersionBlocker[] => {
    const scope = scopeOf(crosswalkId);
    const mappings = blindVersionMappings(repo.mappings(version.id), viewer);
    const targets = [...new Set(mappings.map((m) => m.targetCode))];
    return approvalBlockers(
      repo.checkItems(scope.sourceSchemeId),
      schemes.checkItemsWithCodes(scope.targetSchemeId, targets),
      mappings,
    );
  };

  const diff = (crosswalkId: string, from: VersionRef, to: VersionRef) => {
    const scope = scopeOf(crosswalkId);
    // The draft moves with every decision; its data version and the largest mapping id say when.
    const draftStamp =
      from === 'draft' || to === 'draft' ? `${scope.dataVersion}:${crosswalks.maxMappingId()}` : '';
    const viewer = viewerOf(crosswalkId);
    const key = `${crosswalkId}\u0000${from}\u0000${to}\u0000${draftStamp}\u0000${viewer === undefined ? '*' : (viewer ?? '')}`;
    if (lastDiff?.key !== key) {
      const out =
        sqlDiff(crosswalkId, from, to, viewer) ??
        diffMappings(mappingsOf(crosswalkId, from), mappingsOf(crosswalkId, to));
      lastDiff = { key, ...out };
      return lastDiff;
    }
    return lastDiff;
  };

  /**
   * diffMappings over only what each side has that the other has no identical copy of, found in
   * SQL (a large table changes little between versions), both sides as the viewer sees them (blind
   * mode). Null when a side repeats a pair (matched occurrence by occurrence: the whole sides are
   * compared then).
   */
  const sqlDiff = (crosswalkId: string, from: VersionRef, to: VersionRef, viewer: BlindViewer) => {
    const side = (ref: VersionRef) =>
      repo.diffSide(
        ref === 'draft' ? { crosswalkId } : { versionId: versionOf(crosswalkId, ref).id },
      );
    const [a, b] = [side(from), side(to)];
    if (repo.hasDuplicatePairs(a) || repo.hasDuplicatePairs(b)) return null;
    return diffMappings(repo.unmatched(a, b, viewer), repo.unmatched(b, a, viewer));
  };

  const changed = (crosswalkId: string) =>
    deps.emit('workspace.changed', { entity: 'crosswalk', id: crosswalkId });

  return {
    'versions.list': ({ crosswalkId }) => {
      scopeOf(crosswalkId);
      return repo.list(crosswalkId);
    },

    'versions.freeze': ({ crosswalkId, note, validFrom, validTo }) => {
      const steward = deps.session.require(LEADS);
      const scope = scopeOf(crosswalkId);
      // Empty dates leave the version open on that side (stored as null).
      for (const [field, value] of [
        ['validFrom', validFrom],
        ['validTo', validTo],
      ] as const)
        if (value && !ISO_DATE.test(value))
          throw new RpcError(
            'validation_failed',
            `"${field === 'validFrom' ? 'Valid from' : 'Valid to'}" must be a date as yyyy-mm-dd, not "${value}".`,
            { reason: 'version_date_format', field, value },
          );
      if (validFrom && validTo && validTo < validFrom)
        throw new RpcError(
          'validation_failed',
          `"Valid to" (${validTo}) is before "valid from" (${validFrom}).`,
          { reason: 'version_dates_order', field: 'validTo', validFrom, validTo },
        );
      const number = repo.lastNumber(crosswalkId) + 1;
      const at = deps.now();
      const id = repo.nextId();
      deps.db.write(() => {
        const copied = repo.insert({
          id,
          crosswalkId,
          number,
          frozenAt: at,
          frozenBy: { id: steward.id, name: steward.name, agency: steward.agency },
          note: note?.trim() ? note : null,
          sourceSchemeVersion: schemes.byId(scope.sourceSchemeId)?.version ?? null,
          targetSchemeVersion: schemes.byId(scope.targetSchemeId)?.version ?? null,
          sourceSchemeId: scope.sourceSchemeId,
          targetSchemeId: scope.targetSchemeId,
          validFrom: validFrom || null,
          validTo: validTo || null,
        });
        recordAudit(deps.db, steward, at, {
          action: 'version.freeze',
          entityType: 'crosswalk',
          entityId: crosswalkId,
          after: { number, mappings: copied, validFrom, validTo },
          comment: note ?? null,
        });
      });
      changed(crosswalkId);
      return versionOf(crosswalkId, number);
    },

    'versions.mappings': ({ crosswalkId, number, offset, limit }) => {
      const steward = deps.session.require();
      if (viewerOf(crosswalkId) === undefined) {
        // As frozen: a page straight from the version's rows.
        const version = versionOf(crosswalkId, number);
        return {
          rows: repo.mappingsPage(version.id, offset, limit),
          total: version.mappingCount,
        };
      }
      const key = `${crosswalkId}\u0000${number}\u0000${steward.id}\u0000${crosswalks.blindMode(crosswalkId)}`;
      if (lastList?.key !== key) lastList = { key, rows: mappingsOf(crosswalkId, number) };
      return { rows: lastList.rows.slice(offset, offset + limit), total: lastList.rows.length };
    },

    'versions.diff': ({ crosswalkId, from, to, offset, limit }) => {
      deps.session.require();
      const d = diff(crosswalkId, from, to);
      return { rows: d.rows.slice(offset, offset + limit), total: d.rows.length, totals: d.totals };
    },

    'versions.exportDiff': ({ crosswalkId, from, to }) => {
      const steward = deps.session.require();
      const d = diff(crosswalkId, from, to);
      const header = [
        'kind',
        'source_code',
        'target_code',
        'changed_fields',
        ...DIFF_FIELDS.flatMap((f) => [`before_${f}`, `after_${f}`]),
        ...GSIM_COLUMNS.flatMap((c) => [`before_${c}`, `after_${c}`]),
        'updated_by',
        'updated_by_agency',
        'updated_at',
      ];
      const cell = (m: VersionMapping | null, f: (typeof DIFF_FIELDS)[number]) => {
        const v = m?.[f] ?? null;
        return typeof v === 'boolean' ? (v ? 1 : 0) : v;
      };
      const body = d.rows.map((r) => [
        r.kind,
        r.sourceCode,
        r.targetCode,
        r.changedFields.join(' '),
        ...DIFF_FIELDS.flatMap((f) => [cell(r.before, f), cell(r.after, f)]),
        ...gsimCells(r.before).flatMap((b, i) => [b, gsimCells(r.after)[i]!]),
        // Who made the later state (for a removed mapping: who touched it last before it went).
        (r.after ?? r.before)?.updatedBy ?? null,
        (r.after ?? r.before)?.updatedByAgency ?? null,
        (r.after ?? r.before)?.updatedAt ?? null,
      ]);
      const name = `${crosswalkId}-diff-${from === 'draft' ? 'draft' : `v${from}`}-${to === 'draft' ? 'draft' : `v${to}`}.csv`;
      const file = deps.files.save(
        name,
        new Uint8Array(Buffer.from(toCsv(header, body), 'utf8')),
        body.length,
      );
      deps.db.write(() =>
        recordAudit(deps.db, steward, deps.now(), {
          action: 'version.exportDiff',
          entityType: 'crosswalk',
          entityId: crosswalkId,
          after: { from, to, fileName: file.fileName, rows: file.rows, totals: d.totals },
        }),
      );
      deps.emit('workspace.changed', { entity: 'audit' });
      return file;
    },

    'versions.export': async ({ crosswalkId, number, format }) => {
      const steward = deps.session.require();
      const cw = crosswalks.get(crosswalkId);
      if (!cw) throw new RpcError('not_found', `No crosswalk with id ${crosswalkId}.`);
      const version = versionOf(crosswalkId, number);
      const { source, target } = schemesOf(schemes, cw);
      const file = await writeExport(
        { files: deps.files, now: deps.now() },
        {
          crosswalk: cw,
          source,
          target,
          steward,
          rows: repo.approvedForExport(version.id, cw),
          approvers: repo.approversForExport(version.id),
          version,
          validity: repo.validityForExport(version.id),
        },
        format,
      );
      deps.db.write(() =>
        recordAudit(deps.db, steward, deps.now(), {
          action: 'version.export',
          entityType: 'crosswalk',
          entityId: crosswalkId,
          after: { number, format, fileName: file.fileName, rows: file.rows },
        }),
      );
      deps.emit('workspace.changed', { entity: 'audit' });
      return file;
    },

    'versions.blockers': ({ crosswalkId, number }) => {
      deps.session.require();
      return blockersOf(crosswalkId, versionOf(crosswalkId, number), viewerOf(crosswalkId));
    },

    'versions.approve': ({ crosswalkId, number }) => {
      const steward = deps.session.require(DECIDERS);
      const version = versionOf(crosswalkId, number);
      const at = deps.now();
      const outcome = nextApproval(version, repo.approvedNumber(crosswalkId), {
        agency: steward.agency,
        stewardId: steward.id,
        name: steward.name,
        at,
      });
      if (!outcome.ok)
        throw new RpcError('conflict', `Version ${number} ${REFUSALS[outcome.reason]}.`, {
          reason: outcome.reason,
          number,
        });
      if (blockersOf(crosswalkId, version).length > 0) {
        // Named as the steward sees them (blind mode); never none: a hidden mapping is unapproved.
        const blockers = blockersOf(crosswalkId, version, viewerOf(crosswalkId));
        throw new RpcError(
          'validation_failed',
          `Version ${number} cannot be approved: ${blockers.map((b) => `${b.kind.replace(/_/g, ' ')} (${b.count})`).join(', ')}.`,
          { blockers },
        );
      }
      deps.db.write(() => {
        repo.setApprovals(version.id, outcome.approvals, outcome.complete ? at : null);
        const superseded = outcome.complete ? repo.supersedeOthers(crosswalkId, version.id) : [];
        recordAudit(deps.db, steward, at, {
          action: outcome.complete ? 'version.approve' : 'version.approveFirst',
          entityType: 'crosswalk',
          entityId: crosswalkId,
          before: { number, status: version.status, approvals: version.approvals },
          after: {
            number,
            status: outcome.complete ? 'approved' : version.status,
            approvals: outcome.approvals,
            superseded,
          },
        });
      });
      changed(crosswalkId);
      return versionOf(crosswalkId, number);
    },
  };
}
