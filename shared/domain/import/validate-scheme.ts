import type { SchemeField } from '../../contract/imports';
import { ImportErrors, resolveColumns } from './import-errors';
import { isBlankRow, type Table } from './table';
import {
  ISO_DATE_EXPECTED,
  ITEM_STATUS_EXPECTED,
  readIsoDate,
  readItemStatus,
  readPositiveInt,
} from './values';

/** Valid items of a scheme, column by column, with the hierarchy worked out. */
export interface SchemeRows {
  count: number;
  code: string[];
  parentCode: (string | null)[];
  level: number[];
  titleHe: (string | null)[];
  titleEn: (string | null)[];
  descriptionHe: (string | null)[];
  descriptionEn: (string | null)[];
  validFrom: (string | null)[];
  validTo: (string | null)[];
  status: ('active' | 'deprecated')[];
  notes: (string | null)[];
  isLeaf: Uint8Array;
  levels: number;
  /** How the hierarchy was found: a parent column, code prefixes (01 → 011 → 0110), or none. */
  hierarchy: 'parent_column' | 'code_prefixes' | 'flat';
}

const text = (cell: string | undefined): string | null => {
  const t = (cell ?? '').trim();
  return t === '' ? null : t;
};

/**
 * True when the codes are built by extending their parent's code: most codes longer than the
 * shortest have a shorter code of the same file as a prefix. A flat list of 4-digit codes or
 * SOC-style codes (11-1011) is not.
 */
export function isPrefixStructured(codes: readonly string[]): boolean {
  if (codes.length < 2) return false;
  const set = new Set(codes);
  let min = Infinity;
  for (const c of codes) min = Math.min(min, c.length);
  let longer = 0;
  let withParent = 0;
  for (const c of codes) {
    if (c.length <= min) continue;
    longer++;
    if (prefixParent(c, set) !== null) withParent++;
  }
  return longer > 0 && withParent >= longer * 0.8;
}

/** The longest proper prefix of the code that is itself a code (ignoring a trailing "." or "-"). */
function prefixParent(code: string, set: ReadonlySet<string>): string | null {
  for (let len = code.length - 1; len >= 1; len--) {
    const p = code.slice(0, len);
    if (set.has(p)) return p;
    const trimmed = p.replace(/[.\-\s]+$/, '');
    if (trimmed !== p && set.has(trimmed)) return trimmed;
  }
  return null;
}

export class SchemeValidator {
  readonly errors: ImportErrors;
  private readonly columnErrors: boolean;
  private readonly col: Partial<Record<SchemeField, number>>;
  private readonly rowNo: number[] = [];
  private readonly levelText: (string | null)[] = [];
  private readonly seen = new Map<string, number>();
  private readonly out: SchemeRows;

  constructor(
    fileName: string,
    private readonly table: Table,
    columns: Partial<Record<SchemeField, string>>,
  ) {
    this.errors = new ImportErrors(fileName);
    this.col = resolveColumns(this.errors, table.headers, columns);
    this.columnErrors = this.errors.total > 0;
    this.out = {
      count: 0,
      code: [],
      parentCode: [],
      level: [],
      titleHe: [],
      titleEn: [],
      descriptionHe: [],
      descriptionEn: [],
      validFrom: [],
      validTo: [],
      status: [],
      notes: [],
      isLeaf: new Uint8Array(0),
      levels: 1,
      hierarchy: 'flat',
    };
  }

  get total(): number {
    return this.table.rows.length;
  }

  readChunk(start: number, end: number): void {
    if (this.columnErrors) return;
    const { col, out, errors, table } = this;
    const head = table.headers;
    const get = (row: string[], f: SchemeField) =>
      col[f] === undefined ? null : text(row[col[f]!]);
    for (let r = start; r < end && r < table.rows.length; r++) {
      if (errors.full) return;
      const row = table.rows[r]!;
      if (isBlankRow(row)) continue;
      const rowNo = table.firstRow + r;
      const code = get(row, 'code');
      if (code === null) errors.cell('code_required', rowNo, head[col.code!]!, 'a code', '');
      else {
        const first = this.seen.get(code);
        if (first !== undefined)
          errors.cell(
            'duplicate_code',
            rowNo,
            head[col.code!]!,
            `a code not used before (it is already in row ${first})`,
            code,
            { firstRow: first },
          );
        else this.seen.set(code, rowNo);
      }
      out.code.push(code ?? '');
      out.parentCode.push(get(row, 'parentCode'));
      this.levelText.push(get(row, 'level'));
      out.titleHe.push(get(row, 'titleHe'));
      out.titleEn.push(get(row, 'titleEn'));
      out.descriptionHe.push(get(row, 'descriptionHe'));
      out.descriptionEn.push(get(row, 'descriptionEn'));
      const validFrom = this.date(row, rowNo, 'validFrom');
      const validTo = this.date(row, rowNo, 'validTo');
      if (validFrom && validTo && validTo < validFrom)
        errors.cell(
          'item_valid_to_before_from',
          rowNo,
          head[col.validTo!]!,
          `a date on or after valid from (${validFrom})`,
          validTo,
          { validFrom },
        );
      out.validFrom.push(validFrom);
      out.validTo.push(validTo);
      out.notes.push(get(row, 'notes'));
      const status = get(row, 'status');
      const s = status === null ? 'active' : readItemStatus(status);
      if (!s)
        errors.cell('item_status', rowNo, head[col.status!]!, ITEM_STATUS_EXPECTED, status ?? '');
      out.status.push(s ?? 'active');
      this.rowNo.push(rowNo);
      out.count++;
    }
  }

  /** A validity date as stored: YYYY-MM-DD that is a real day, never reinterpreted (05/03/2024 is refused). */
  private date(row: string[], rowNo: number, field: 'validFrom' | 'validTo'): string | null {
    const i = this.col[field];
    const cell = i === undefined ? null : text(row[i]);
    if (cell === null) return null;
    const iso = readIsoDate(cell);
    if (iso === undefined)
      this.errors.cell('item_date', rowNo, this.table.headers[i!]!, ISO_DATE_EXPECTED, cell);
    return iso ?? null;
  }

  /** Works out parents, levels and leaves; throws every error found, or returns the items. */
  finish(): SchemeRows {
    const { out, errors, col } = this;
    const head = this.table.headers;
    if (out.count === 0 && errors.total === 0)
      errors.file('no_rows', 'there are no rows under the header');
    errors.throwIfAny();
    const codes = new Set(out.code);

    if (col.parentCode !== undefined) {
      out.hierarchy = 'parent_column';
      out.parentCode.forEach((p, i) => {
        if (p === null) return;
        if (p === out.code[i])
          errors.cell(
            'parent_self',
            this.rowNo[i]!,
            head[col.parentCode!]!,
            'the code of another item (an item cannot be its own parent)',
            p,
          );
        else if (!codes.has(p))
          errors.cell(
            'parent_unknown',
            this.rowNo[i]!,
            head[col.parentCode!]!,
            'the code of an item in this file',
            p,
          );
      });
    } else if (isPrefixStructured(out.code)) {
      out.hierarchy = 'code_prefixes';
      for (let i = 0; i < out.count; i++) out.parentCode[i] = prefixParent(out.code[i]!, codes);
    }

    // Levels: a numeric level column is used as given; words (section, division) or no column: depth in the tree.
    const numeric = this.levelText.map((t) => (t === null ? undefined : readPositiveInt(t)));
    const words = this.levelText.filter(
      (t) => t !== null && readPositiveInt(t) === undefined,
    ).length;
    const useColumn = col.level !== undefined && words === 0;
    if (col.level !== undefined && words > 0 && words < out.count) {
      this.levelText.forEach((t, i) => {
        if (numeric[i] === undefined)
          errors.cell(
            'level_inconsistent',
            this.rowNo[i]!,
            head[col.level!]!,
            'a whole number of 1 or more, as in the other rows',
            t ?? '',
          );
      });
    }
    const index = new Map<string, number>();
    out.code.forEach((c, i) => index.set(c, i));
    const depth = new Int32Array(out.count);
    for (let i = 0; i < out.count; i++) {
      if (useColumn) {
        out.level[i] = numeric[i]!;
        continue;
      }
      const chain: number[] = [];
      let j: number | undefined = i;
      while (j !== undefined && depth[j] === 0) {
        if (chain.length > out.count) break;
        depth[j] = -1; // on the current path: meeting it again is a cycle
        chain.push(j);
        const p: string | null = out.parentCode[j]!;
        j = p === null ? undefined : index.get(p);
      }
      if (j !== undefined && depth[j] === -1) {
        const cycle = chain.map((k) => out.code[k]).join(' → ');
        errors.row(
          'parent_cycle',
          this.rowNo[i]!,
          `the parent codes go round in a circle (${cycle})`,
          {
            cycle,
          },
        );
        chain.forEach((k) => (depth[k] = 1));
        continue;
      }
      let d = j === undefined ? 0 : depth[j]!;
      for (let k = chain.length - 1; k >= 0; k--) depth[chain[k]!] = ++d;
      out.level[i] = depth[i]!;
    }
    if (col.level !== undefined && this.levelText.some((t) => t === null) && useColumn) {
      this.levelText.forEach((t, i) => {
        if (t === null)
          errors.cell(
            'level_required',
            this.rowNo[i]!,
            head[col.level!]!,
            'a level (a whole number of 1 or more)',
            '',
          );
      });
    }
    errors.throwIfAny();

    const parents = new Set<string>();
    for (const p of out.parentCode) if (p !== null) parents.add(p);
    out.isLeaf = new Uint8Array(out.count);
    let levels = 1;
    for (let i = 0; i < out.count; i++) {
      out.isLeaf[i] = parents.has(out.code[i]!) ? 0 : 1;
      if (out.level[i]! > levels) levels = out.level[i]!;
    }
    out.levels = levels;
    return out;
  }
}
