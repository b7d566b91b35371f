import ExcelJS from 'exceljs';
import type {
  Crosswalk,
  CrosswalkVersion,
  ExportFormat,
  ExportedFile,
  Scheme,
  Steward,
} from '../../../shared/contract';
import {
  agentCuries,
  DEFAULT_LICENSE,
  gesherUriBase,
  stewardCurie,
  toSssomTsv,
  type SssomScheme,
} from '../../../shared/domain/export/sssom';
import {
  relationshipTypesOf,
  type FrozenMappingMeta,
  type Validity,
} from '../../../shared/domain/crosswalk/versions';
import { toCsv } from '../../../shared/domain/tabular/csv-write';
import { toParquet } from './parquet-export';
import { RpcError } from '../../../shared/rpc/errors';
import type { FileStore } from '../backend/file-store';
import type { MappingApprovers } from '../repos/approval-export-repo';
import type { CrosswalkRepo, ExportMapping } from '../repos/crosswalk-repo';
import type { SchemeRepo } from '../repos/scheme-repo';

/** Column order of the CSV, XLSX and JSON exports; the names are what our importer maps by default. */
const COLUMNS = [
  'source_code',
  'source_title_he',
  'source_title_en',
  'relation',
  'target_code',
  'target_title_he',
  'target_title_en',
  'share',
  'status',
  'justification',
  'confidence',
  'comment',
  'partial_source',
  'partial_target',
  'author_id',
  'reviewer_id',
  'updated_by',
  'updated_by_agency',
  'updated_at',
] as const satisfies readonly (keyof ExportMapping)[];

const CODE_COLUMNS = new Set<string>(['source_code', 'target_code']);

/** A version's export adds each mapping's GSIM relationship type and validity after COLUMNS. */
const VERSION_COLUMNS = ['relationship_type', 'valid_from', 'valid_to'] as const;

/** The VERSION_COLUMNS cells of a row (none for a live crosswalk's export). */
function versionCells(
  frozen: ReadonlyMap<number, FrozenMappingMeta> | undefined,
  m: ExportMapping,
): (string | null)[] {
  if (!frozen) return [];
  const f = frozen.get(m.mapping_id);
  return [f?.relationshipType ?? null, f?.validFrom ?? null, f?.validTo ?? null];
}

/**
 * A version's rows' relationship type and validity. The type is over the exported (approved)
 * rows, like their mapping_cardinality, so the file says the same of itself as the crosswalk it
 * is re-imported into; for a version that can be approved, the rows are its whole table.
 */
function frozenMeta(
  rows: readonly ExportMapping[],
  validity: ReadonlyMap<number, Validity> | undefined,
): Map<number, FrozenMappingMeta> {
  const types = relationshipTypesOf(
    rows.map((m) => ({
      sourceCode: m.source_code,
      targetCode: m.target_code,
      status: m.status,
      justification: m.justification,
    })),
  );
  return new Map(
    rows.map((m, i) => [
      m.mapping_id,
      {
        relationshipType: types[i]!,
        validFrom: validity?.get(m.mapping_id)?.validFrom ?? null,
        validTo: validity?.get(m.mapping_id)?.validTo ?? null,
      },
    ]),
  );
}

interface ExportContext {
  repo: CrosswalkRepo;
  schemes: SchemeRepo;
  files: FileStore;
  now: string;
}

const slug = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase() || 'crosswalk';

const cellValue = (m: ExportMapping, c: (typeof COLUMNS)[number]): string | number | null => m[c];

async function toXlsx(
  cw: Crosswalk,
  rows: ExportMapping[],
  frozen: ReadonlyMap<number, FrozenMappingMeta> | undefined,
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gesher';
  const sheet = wb.addWorksheet('מיפויים', {
    views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [...COLUMNS, ...(frozen ? VERSION_COLUMNS : [])].map((c) => ({
    header: c,
    key: c,
    width: CODE_COLUMNS.has(c) ? 12 : c.includes('title') ? 40 : 16,
    // Text format on the whole column, so codes typed in later also stay text.
    style: CODE_COLUMNS.has(c) ? { numFmt: '@' } : {},
  }));
  for (const m of rows) {
    const row = sheet.addRow([...COLUMNS.map((c) => cellValue(m, c)), ...versionCells(frozen, m)]);
    for (const [i, c] of COLUMNS.entries()) {
      if (CODE_COLUMNS.has(c)) {
        const cell = row.getCell(i + 1);
        cell.value = String(m[c as 'source_code']);
        cell.numFmt = '@';
      }
    }
  }
  sheet.getRow(1).font = { bold: true };
  wb.title = cw.nameHe;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function sssomScheme(s: Scheme): SssomScheme {
  return { prefix: s.prefix, uriBase: s.uriBase ?? gesherUriBase(s.prefix), version: s.version };
}

/** What one export file holds: the approved mappings of a live crosswalk or of a frozen version. */
export interface ExportSet {
  crosswalk: Crosswalk;
  source: Scheme;
  target: Scheme;
  steward: Steward;
  rows: ExportMapping[];
  /** Per-agency approvals by mapping id. */
  approvers: ReadonlyMap<number, MappingApprovers>;
  /** A frozen version's export; absent for the live crosswalk. */
  version?: CrosswalkVersion;
  /** A version's per-mapping valid from / to, by mapping id. */
  validity?: ReadonlyMap<number, Validity>;
}

/** The source and target schemes of a crosswalk. */
export function schemesOf(schemes: SchemeRepo, cw: Crosswalk): { source: Scheme; target: Scheme } {
  const source = schemes.byId(cw.sourceSchemeId);
  const target = schemes.byId(cw.targetSchemeId);
  if (!source || !target)
    throw new RpcError('not_found', `The schemes of crosswalk ${cw.id} are missing.`);
  return { source, target };
}

/** Writes the approved mappings of the live crosswalk in one format and saves the file. */
export async function exportCrosswalk(
  ctx: ExportContext,
  cw: Crosswalk,
  format: ExportFormat,
  steward: Steward,
): Promise<ExportedFile> {
  const { source, target } = schemesOf(ctx.schemes, cw);
  const rows = ctx.repo.approvedForExport({
    id: cw.id,
    sourceSchemeId: source.id,
    targetSchemeId: target.id,
  });
  const approvers = ctx.repo.approversForExport(cw.id);
  return writeExport(
    { files: ctx.files, now: ctx.now },
    { crosswalk: cw, source, target, steward, rows, approvers },
    format,
  );
}

/** A version's approvals, ES first. */
const esFirst = (v: CrosswalkVersion) =>
  [...v.approvals].sort((a, b) => (a.agency === b.agency ? 0 : a.agency === 'ES' ? -1 : 1));

/** Writes one export set in one format and saves the file. */
export async function writeExport(
  ctx: { files: FileStore; now: string },
  set: ExportSet,
  format: ExportFormat,
): Promise<ExportedFile> {
  const { crosswalk: cw, source, target, steward, approvers, version } = set;
  // Every format names the reviewers as SSSOM does: each agency's approver of an approved
  // mapping (ES first, "|" between), so a file read back restores both approvals.
  const rows = set.rows.map((m) => {
    const approved = approvers.get(m.mapping_id);
    return approved ? { ...m, reviewer_id: approved.stewardIds.join('|') } : m;
  });
  const frozen = version && frozenMeta(rows, set.validity);
  const versionPart = version ? `-v${version.number}` : '';
  const base = `${slug(cw.nameEn)}${versionPart}-approved-${ctx.now.slice(0, 19).replace(/[:T]/g, '-')}`;
  const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

  switch (format) {
    case 'csv':
      return ctx.files.save(
        `${base}.csv`,
        utf8(
          toCsv(
            [...COLUMNS, ...(version ? VERSION_COLUMNS : [])],
            rows.map((m) => [...COLUMNS.map((c) => cellValue(m, c)), ...versionCells(frozen, m)]),
          ),
        ),
        rows.length,
      );
    case 'xlsx':
      return ctx.files.save(`${base}.xlsx`, await toXlsx(cw, rows, frozen), rows.length);
    case 'json': {
      const doc = {
        crosswalk: { id: cw.id, nameHe: cw.nameHe, nameEn: cw.nameEn, description: cw.description },
        source: {
          id: source.id,
          nameHe: source.nameHe,
          nameEn: source.nameEn,
          version: source.version,
          prefix: source.prefix,
        },
        target: {
          id: target.id,
          nameHe: target.nameHe,
          nameEn: target.nameEn,
          version: target.version,
          prefix: target.prefix,
        },
        exportedAt: ctx.now,
        exportedBy: { id: steward.id, name: steward.name, agency: steward.agency },
        ...(version && {
          version: {
            number: version.number,
            status: version.status,
            frozenAt: version.frozenAt,
            frozenBy: version.frozenBy,
            approvedAt: version.approvedAt,
            approvals: version.approvals,
            note: version.note,
            relationshipType: version.relationshipType,
            completeness: version.completeness,
            validFrom: version.validFrom,
            validTo: version.validTo,
          },
        }),
        status: 'approved',
        mappings: rows.map((m) => ({
          sourceCode: m.source_code,
          sourceTitleHe: m.source_title_he,
          sourceTitleEn: m.source_title_en,
          relation: m.relation,
          targetCode: m.target_code,
          targetTitleHe: m.target_title_he,
          targetTitleEn: m.target_title_en,
          share: m.share,
          justification: m.justification,
          confidence: m.confidence,
          comment: m.comment,
          partialSource: m.partial_source === 1,
          partialTarget: m.partial_target === 1,
          authorId: m.author_id,
          reviewerId: m.reviewer_id,
          updatedBy: m.updated_by,
          updatedByAgency: m.updated_by_agency,
          updatedAt: m.updated_at,
          ...(version && {
            relationshipType: null,
            validFrom: null,
            validTo: null,
            ...frozen?.get(m.mapping_id),
          }),
        })),
      };
      return ctx.files.save(`${base}.json`, utf8(JSON.stringify(doc, null, 2)), rows.length);
    }
    case 'parquet':
      return ctx.files.save(
        `${base}.parquet`,
        toParquet({
          crosswalk: cw,
          source,
          target,
          steward,
          exportedAt: ctx.now,
          rows,
          approvers,
          version,
          frozen,
        }),
        rows.length,
      );
    case 'sssom': {
      // A version is the set its lead froze, dated when frozen; a live crosswalk is versioned by
      // when it was exported (a date-based version, as SSSOM suggests).
      const creator = version ? version.frozenBy : steward;
      const tsv = toSssomTsv(
        {
          mappingSetId: `urn:gesher:crosswalk:${cw.id}${version ? `:v${version.number}` : ''}`,
          mappingSetTitle: cw.nameEn || cw.nameHe,
          mappingSetDescription: cw.description ?? undefined,
          mappingSetVersion: version ? String(version.number) : ctx.now,
          license: DEFAULT_LICENSE,
          creatorId: stewardCurie(creator.id),
          creatorLabel: creator.name,
          mappingDate: (version ? version.frozenAt : ctx.now).slice(0, 10),
          publicationDate: version?.approvedAt?.slice(0, 10),
          subject: sssomScheme(source),
          object: sssomScheme(target),
          versionMappingSlots: !!version,
          setSlots: version && [
            {
              slotName: 'version_status',
              property: 'gesher:versionStatus',
              typeHint: 'xsd:string',
              value: version.status,
            },
            ...(version.approvals.length > 0
              ? [
                  {
                    slotName: 'version_approved_by',
                    property: 'gesher:versionApprovedBy',
                    typeHint: 'xsd:string',
                    value: agentCuries(esFirst(version).map((a) => a.stewardId)),
                  },
                  {
                    slotName: 'version_approval_dates',
                    property: 'gesher:versionApprovalDates',
                    typeHint: 'xsd:string',
                    value: esFirst(version)
                      .map((a) => a.at)
                      .join('|'),
                  },
                ]
              : []),
          ],
        },
        rows.map((m) => {
          // Both agencies' approvers and the completing approval's time when the mapping has them;
          // otherwise whoever set the status, at the mapping's last change.
          const approved = approvers.get(m.mapping_id);
          return {
            subjectCode: m.source_code,
            subjectLabel: m.source_title_he ?? m.source_title_en,
            relation: m.relation,
            objectCode: m.target_code,
            objectLabel: m.target_title_he ?? m.target_title_en,
            justification: m.justification,
            authorId: m.author_id && agentCuries(m.author_id),
            reviewerId: approved
              ? agentCuries(approved.stewardIds)
              : m.reviewer_id && agentCuries(m.reviewer_id),
            reviewDate: approved ? approved.at : m.reviewer_id ? m.updated_at : null,
            confidence: m.confidence,
            comment: m.comment,
            share: m.share,
            status: m.status,
            partialSource: m.partial_source === 1,
            partialTarget: m.partial_target === 1,
            ...frozen?.get(m.mapping_id),
          };
        }),
      );
      return ctx.files.save(`${base}.sssom.tsv`, utf8(tsv), rows.length);
    }
  }
}
