import {
  AGENCIES,
  type Agency,
  type Justification,
  type MappingStatus,
  type Relation,
} from '../../contract/common';
import type { CrosswalkField } from '../../contract/imports';
import { relationFromPartials, relationsFromCardinality } from '../crosswalk/derive-relation';
import { ImportErrors, resolveColumns } from './import-errors';
import { codeHint, codeHintText, type SchemeCodes } from './scheme-codes';
import { isBlankRow, type Table } from './table';
import {
  CARDINALITY_EXPECTED,
  FLAG_EXPECTED,
  ISO_DATE_EXPECTED,
  FRACTION_EXPECTED,
  JUSTIFICATION_EXPECTED,
  RELATION_EXPECTED,
  STATUS_EXPECTED,
  readFlag,
  readFraction,
  readIsoDate,
  readJustification,
  readAgentIds,
  readMappingStatus,
  readRelation,
  readSssomCardinality,
  stripCuriePrefix,
} from './values';

/** Valid mappings, column by column (no object per row: imports run to millions of rows). */
export interface CrosswalkRows {
  count: number;
  source: string[];
  target: string[];
  relation: Relation[];
  share: (number | null)[];
  status: MappingStatus[];
  justification: Justification[];
  confidence: (number | null)[];
  comment: (string | null)[];
  partialSource: Uint8Array;
  partialTarget: Uint8Array;
  author: (string | null)[];
  reviewer: (string | null)[];
  /** SSSOM review_date of each row (null elsewhere): the time of the approvals its reviewer_id names. */
  reviewDate: (string | null)[];
}

export interface CrosswalkReadOptions {
  /** SSSOM: codes are CURIEs (isco08:0110); the prefix is dropped. */
  curies?: boolean;
  defaults?: { status?: MappingStatus; justification?: Justification };
  /** The schemes the crosswalk maps between: a code its side's scheme lacks is refused. */
  source?: SchemeCodes;
  target?: SchemeCodes;
  /**
   * The steward profiles of this workspace by id. A reviewer id must be one of them, and an
   * 'approved' row must name a steward of each agency who may approve (none given: no one).
   */
  stewards?: ReadonlyMap<string, WorkspaceSteward>;
}

/** A steward profile as the import judges a reviewer_id by it. */
export interface WorkspaceSteward {
  agency: Agency;
  /** Stewards and leads decide; a viewer's name approves nothing. */
  canApprove: boolean;
}

const REVIEWER_EXPECTED = 'the id of a steward profile of this workspace';
const NO_STEWARDS: ReadonlyMap<string, WorkspaceSteward> = new Map();

/**
 * SSSOM cells that are checked but not stored in the mapping: mapping_cardinality is recomputed
 * from the set on every export; review_date becomes the time of the approvals reviewer_id names.
 */
const SSSOM_CHECKED = [
  { header: 'review_date', code: 'review_date', expected: ISO_DATE_EXPECTED, read: readIsoDate },
  {
    header: 'mapping_cardinality',
    code: 'mapping_cardinality',
    expected: CARDINALITY_EXPECTED,
    read: readSssomCardinality,
  },
] as const;

const text = (cell: string | undefined): string | null => {
  const t = (cell ?? '').trim();
  return t === '' ? null : t;
};

/**
 * Checks and converts a crosswalk table in chunks (the caller yields between them for progress
 * and cancel). Every problem is collected; `finish()` throws them all, or returns the rows.
 */
export class CrosswalkValidator {
  readonly errors: ImportErrors;
  private readonly columnErrors: boolean;
  private readonly col: Partial<Record<CrosswalkField, number>>;
  private readonly out: CrosswalkRows;
  private readonly relationGiven: boolean[] = [];
  private readonly status: MappingStatus;
  private readonly justification: Justification;
  private readonly sssomChecks: ((typeof SSSOM_CHECKED)[number] & { i: number })[];

  constructor(
    fileName: string,
    private readonly table: Table,
    private readonly columns: Partial<Record<CrosswalkField, string>>,
    private readonly options: CrosswalkReadOptions = {},
  ) {
    this.errors = new ImportErrors(fileName);
    this.col = resolveColumns(this.errors, table.headers, columns);
    this.status = options.defaults?.status ?? 'proposed';
    if (this.status === 'approved' && this.col.reviewer === undefined)
      this.errors.file(
        'approved_needs_reviewers',
        'the status "approved" cannot be a default: a mapping is approved only when a steward of each agency (ES and CBS) approved it, so the file needs a reviewer column naming them',
      );
    this.columnErrors = this.errors.total > 0;
    this.justification = options.defaults?.justification ?? 'imported';
    this.sssomChecks = options.curies
      ? SSSOM_CHECKED.map((c) => ({ ...c, i: table.headers.indexOf(c.header) })).filter(
          (c) => c.i >= 0,
        )
      : [];
    this.out = {
      count: 0,
      source: [],
      target: [],
      relation: [],
      share: [],
      status: [],
      justification: [],
      confidence: [],
      comment: [],
      partialSource: new Uint8Array(table.rows.length),
      partialTarget: new Uint8Array(table.rows.length),
      author: [],
      reviewer: [],
      reviewDate: [],
    };
  }

  get total(): number {
    return this.table.rows.length;
  }

  /** Reads rows [start, end). */
  readChunk(start: number, end: number): void {
    if (this.columnErrors) return;
    const { col, out, errors, table } = this;
    const head = table.headers;
    const curies = !!this.options.curies;
    const code = (row: string[], i: number | undefined, rowNo: number): string => {
      const v = text(row[i!]);
      if (v === null) {
        errors.cell('code_required', rowNo, head[i!]!, 'a code', '');
        return '';
      }
      return curies ? stripCuriePrefix(v) : v;
    };
    for (let r = start; r < end && r < table.rows.length; r++) {
      if (errors.full) return;
      const row = table.rows[r]!;
      if (isBlankRow(row)) continue;
      const rowNo = table.firstRow + r;
      const n = out.count;
      const source = code(row, col.sourceCode, rowNo);
      const target = code(row, col.targetCode, rowNo);
      out.source.push(source);
      out.target.push(target);
      const { source: from, target: to } = this.options;
      if (from && source !== '' && !from.codes.has(source))
        this.notInScheme('source_not_in_scheme', row, col.sourceCode!, rowNo, source, from);
      if (to && target !== '' && !to.codes.has(target))
        this.notInScheme('target_not_in_scheme', row, col.targetCode!, rowNo, target, to);

      let relation: Relation | undefined;
      if (col.relation !== undefined) {
        const v = text(row[col.relation]);
        if (v !== null) {
          relation = readRelation(v);
          if (!relation) errors.cell('relation', rowNo, head[col.relation]!, RELATION_EXPECTED, v);
        }
      }
      this.relationGiven.push(relation !== undefined);
      out.relation.push(relation ?? 'exact');

      out.share.push(this.fraction('share_range', row, col.share, rowNo));
      out.confidence.push(this.fraction('confidence_range', row, col.confidence, rowNo));

      let status = this.status;
      if (col.status !== undefined) {
        const v = text(row[col.status]);
        if (v !== null) {
          const s = readMappingStatus(v);
          if (s) status = s;
          else errors.cell('mapping_status', rowNo, head[col.status]!, STATUS_EXPECTED, v);
        }
      }
      out.status.push(status);

      let justification = this.justification;
      if (col.justification !== undefined) {
        const v = text(row[col.justification]);
        if (v !== null) {
          const j = readJustification(v);
          if (j) justification = j;
          else
            errors.cell(
              'justification',
              rowNo,
              head[col.justification]!,
              JUSTIFICATION_EXPECTED,
              v,
            );
        }
      }
      out.justification.push(justification);

      out.partialSource[n] = this.flag(row, col.partialSource, rowNo);
      out.partialTarget[n] = this.flag(row, col.partialTarget, rowNo);
      out.comment.push(col.comment === undefined ? null : text(row[col.comment]));
      out.author.push(this.agents(row, col.author));
      const reviewer = this.agents(row, col.reviewer);
      out.reviewer.push(reviewer);
      this.checkReviewers(row, rowNo, reviewer, status);
      let reviewDate: string | null = null;
      for (const c of this.sssomChecks) {
        const v = text(row[c.i]);
        if (v !== null && c.read(v) === undefined)
          errors.cell(c.code, rowNo, head[c.i]!, c.expected, v);
        else if (c.code === 'review_date') reviewDate = v;
      }
      out.reviewDate.push(reviewDate);
      out.count++;
    }
  }

  private notInScheme(
    problem: 'source_not_in_scheme' | 'target_not_in_scheme',
    row: string[],
    i: number,
    rowNo: number,
    value: string,
    scheme: SchemeCodes,
  ): void {
    const hint = codeHint(value, scheme.codes);
    this.errors.cell(
      problem,
      rowNo,
      this.table.headers[i]!,
      `a code of ${scheme.nameEn || scheme.nameHe} (version ${scheme.version})${hint ? codeHintText(hint) : ''}`,
      (row[i] ?? '').trim(),
      {
        code: value,
        scheme: scheme.nameEn || scheme.nameHe,
        schemeHe: scheme.nameHe || scheme.nameEn,
        version: scheme.version,
        ...hint,
      },
    );
  }

  /**
   * Every reviewer named must be a steward profile here, and an approved row must name an approver
   * of each agency: an approval is never taken from the file on trust.
   */
  private checkReviewers(
    row: string[],
    rowNo: number,
    reviewer: string | null,
    status: MappingStatus,
  ): void {
    if (reviewer === null && status !== 'approved') return;
    const stewards = this.options.stewards ?? NO_STEWARDS;
    const approvedBy = new Set<Agency>();
    if (reviewer !== null) {
      const i = this.col.reviewer!;
      for (const id of reviewer.split('|')) {
        const s = stewards.get(id);
        if (!s)
          this.errors.cell(
            'reviewer_unknown',
            rowNo,
            this.table.headers[i]!,
            REVIEWER_EXPECTED,
            (row[i] ?? '').trim(),
            { id },
          );
        else if (s.canApprove) approvedBy.add(s.agency);
      }
    }
    if (status !== 'approved') return;
    const missing = AGENCIES.filter((a) => !approvedBy.has(a));
    if (missing.length > 0)
      this.errors.row(
        'approved_without_both',
        rowNo,
        `the status is "approved", but a mapping is approved only when a steward of each agency approved it; the approval of ${missing.join(' and ')} is missing (the reviewer column names no steward of ${missing.length > 1 ? 'these agencies' : 'that agency'} in this workspace)`,
        { missing: missing.join(', ') },
      );
  }

  /** Author/reviewer; in SSSOM an entity reference, our stewards' turned back into their ids. */
  private agents(row: string[], i: number | undefined): string | null {
    const v = i === undefined ? null : text(row[i]);
    return v !== null && this.options.curies ? readAgentIds(v) : v;
  }

  private fraction(
    code: 'share_range' | 'confidence_range',
    row: string[],
    i: number | undefined,
    rowNo: number,
  ): number | null {
    if (i === undefined) return null;
    const v = text(row[i]);
    if (v === null) return null;
    const n = readFraction(v);
    if (n === undefined) {
      this.errors.cell(code, rowNo, this.table.headers[i]!, FRACTION_EXPECTED, v);
      return null;
    }
    return n;
  }

  private flag(row: string[], i: number | undefined, rowNo: number): number {
    if (i === undefined) return 0;
    const v = row[i] ?? '';
    const f = readFlag(v);
    if (f === undefined) {
      this.errors.cell('flag', rowNo, this.table.headers[i]!, FLAG_EXPECTED, v.trim());
      return 0;
    }
    return f ? 1 : 0;
  }

  /** Throws every error found, or returns the rows with relations filled in where the file had none. */
  finish(): CrosswalkRows {
    const { out } = this;
    if (out.count === 0 && this.errors.total === 0)
      this.errors.file('no_rows', 'there are no rows under the header');
    this.errors.throwIfAny();
    out.partialSource = out.partialSource.subarray(0, out.count);
    out.partialTarget = out.partialTarget.subarray(0, out.count);
    const hasPartials =
      this.col.partialSource !== undefined || this.col.partialTarget !== undefined;
    if (this.relationGiven.every(Boolean)) return out;
    const derived = hasPartials ? null : relationsFromCardinality(out.source, out.target);
    for (let i = 0; i < out.count; i++) {
      if (this.relationGiven[i]) continue;
      out.relation[i] = derived
        ? derived[i]!
        : relationFromPartials(out.partialSource[i] === 1, out.partialTarget[i] === 1);
    }
    return out;
  }
}
