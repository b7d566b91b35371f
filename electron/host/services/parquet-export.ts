import {
  parquetWriteBuffer,
  schemaFromColumnData,
  type ColumnSource,
  type SchemaElement,
} from 'hyparquet-writer';
import type { Crosswalk, CrosswalkVersion, Scheme, Steward } from '../../../shared/contract';
import type { FrozenMappingMeta } from '../../../shared/domain/crosswalk/versions';
import { RpcError } from '../../../shared/rpc/errors';
import type { MappingApprovers } from '../repos/approval-export-repo';
import type { ExportMapping } from '../repos/crosswalk-repo';

export interface ParquetExportInput {
  crosswalk: Crosswalk;
  source: Scheme;
  target: Scheme;
  steward: Steward;
  exportedAt: string;
  rows: readonly ExportMapping[];
  /** Per-agency approvals by mapping id (empty before agency approvals exist). */
  approvers: ReadonlyMap<number, MappingApprovers>;
  /** A frozen version's export: its number, status and approvals go in the metadata. */
  version?: CrosswalkVersion;
  /** A version's per-mapping relationship type and validity, by mapping id. */
  frozen?: ReadonlyMap<number, FrozenMappingMeta>;
}

/** Parquet physical/logical type of each exported column (codes and every text are UTF8, never numbers). */
const TEXT = 'STRING' as const;

const timestamp = (iso: string | null | undefined, code: string): Date | null => {
  if (iso === undefined) return null;
  if (iso === null) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime()))
    throw new RpcError('internal', `Mapping ${code} has an unreadable updated_at: ${iso}`);
  return d;
};

/**
 * A crosswalk's approved mappings as one Parquet file for the data lake. updated_at is a real
 * TIMESTAMP (INT64 millis, adjusted to UTC; DuckDB reads TIMESTAMPTZ, Spark TimestampType,
 * pyarrow timestamp[ms, UTC]), so engines filter and truncate dates without parsing text and use
 * the row-group statistics to skip data. Who/what the file is goes in the file's key-value metadata.
 */
const utcMillis = (name: string): SchemaElement => ({
  name,
  type: 'INT64',
  repetition_type: 'OPTIONAL',
  converted_type: 'TIMESTAMP_MILLIS',
  logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
});

/** A calendar date (INT32 days since 1970-01-01): DuckDB DATE, Spark DateType, pyarrow date32. */
const date = (name: string): SchemaElement => ({
  name,
  type: 'INT32',
  repetition_type: 'OPTIONAL',
  converted_type: 'DATE',
  logical_type: { type: 'DATE' },
});

const calendarDate = (
  iso: string | null | undefined,
  code: string,
  column: string,
): Date | null => {
  if (iso === undefined || iso === null) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(d.getTime()))
    throw new RpcError(
      'validation_failed',
      `Mapping ${code} has a ${column} that is not a yyyy-mm-dd date: ${iso}`,
      { column, value: iso },
    );
  return d;
};

export function toParquet(input: ParquetExportInput): Uint8Array {
  const { rows, crosswalk: cw, source, target, steward } = input;
  const text = (name: keyof ExportMapping, required = false): ColumnSource => ({
    name,
    type: TEXT,
    nullable: !required,
    data: rows.map((m) => (m[name] === null ? null : String(m[name]))),
  });
  const double = (name: 'share' | 'confidence'): ColumnSource => ({
    name,
    type: 'DOUBLE',
    nullable: true,
    data: rows.map((m) => m[name]),
  });
  const flag = (name: 'partial_source' | 'partial_target'): ColumnSource => ({
    name,
    type: 'BOOLEAN',
    nullable: false,
    data: rows.map((m) => m[name] === 1),
  });
  const columnData: ColumnSource[] = [
    text('source_code', true),
    text('source_title_he'),
    text('source_title_en'),
    text('relation', true),
    text('target_code', true),
    text('target_title_he'),
    text('target_title_en'),
    double('share'),
    text('status', true),
    text('justification', true),
    double('confidence'),
    text('comment'),
    flag('partial_source'),
    flag('partial_target'),
    text('author_id'),
    text('reviewer_id'),
    text('updated_by'),
    text('updated_by_agency'),
    {
      // Typed by the schema override below (a logical TIMESTAMP, which the basic type lacks).
      name: 'updated_at',
      data: rows.map((m) => timestamp(m.updated_at, m.source_code)),
    },
    {
      // Each agency's approver (ES first, "|" between) and when the completing approval was given.
      name: 'approved_by',
      type: TEXT,
      nullable: true,
      data: rows.map((m) => input.approvers.get(m.mapping_id)?.stewardIds.join('|') ?? null),
    },
    {
      name: 'approved_at',
      data: rows.map((m) => timestamp(input.approvers.get(m.mapping_id)?.at, m.source_code)),
    },
  ];
  if (input.version) {
    // A version's mappings: each one's GSIM relationship type and the dates it holds between.
    const frozen = (m: ExportMapping) => input.frozen?.get(m.mapping_id);
    columnData.push(
      {
        name: 'relationship_type',
        type: TEXT,
        nullable: true,
        data: rows.map((m) => frozen(m)?.relationshipType ?? null),
      },
      {
        name: 'valid_from',
        data: rows.map((m) => calendarDate(frozen(m)?.validFrom, m.source_code, 'valid_from')),
      },
      {
        name: 'valid_to',
        data: rows.map((m) => calendarDate(frozen(m)?.validTo, m.source_code, 'valid_to')),
      },
    );
  }
  const kv: Record<string, string> = {
    'gesher.crosswalk_id': cw.id,
    'gesher.crosswalk_name_he': cw.nameHe,
    'gesher.crosswalk_name_en': cw.nameEn,
    'gesher.crosswalk_description': cw.description ?? '',
    'gesher.source_scheme_id': source.id,
    'gesher.source_scheme_name': source.nameEn || source.nameHe,
    'gesher.source_scheme_version': source.version,
    'gesher.target_scheme_id': target.id,
    'gesher.target_scheme_name': target.nameEn || target.nameHe,
    'gesher.target_scheme_version': target.version,
    'gesher.status': 'approved',
    'gesher.exported_at': input.exportedAt,
    'gesher.exported_by_id': steward.id,
    'gesher.exported_by_name': steward.name,
    'gesher.exported_by_agency': steward.agency,
    'gesher.row_count': String(rows.length),
  };
  const v = input.version;
  if (v) {
    Object.assign(kv, {
      'gesher.version': String(v.number),
      'gesher.version_status': v.status,
      'gesher.version_frozen_at': v.frozenAt,
      'gesher.version_frozen_by': v.frozenBy.name,
      'gesher.version_approved_at': v.approvedAt ?? '',
      'gesher.version_approvals': JSON.stringify(v.approvals),
      'gesher.version_relationship_type': v.relationshipType ?? '',
      'gesher.version_completeness': v.completeness,
      'gesher.version_valid_from': v.validFrom ?? '',
      'gesher.version_valid_to': v.validTo ?? '',
    });
  }
  const schema = schemaFromColumnData({
    columnData,
    schemaOverrides: {
      updated_at: utcMillis('updated_at'),
      approved_at: utcMillis('approved_at'),
      ...(input.version && { valid_from: date('valid_from'), valid_to: date('valid_to') }),
    },
  });
  const buffer = parquetWriteBuffer({
    // The types are in the schema now; the writer takes them from one place only.
    columnData: columnData.map(({ name, data }) => ({ name, data })),
    schema,
    createdBy: 'Gesher',
    // Whole strings in the min/max statistics: a truncated code prefix would not prune exactly.
    statisticsTruncateLength: Infinity,
    kvMetadata: Object.entries(kv).map(([key, value]) => ({ key, value })),
  });
  return new Uint8Array(buffer);
}
