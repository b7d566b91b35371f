import { RpcError } from '../../rpc/errors';
import type { ImportProblemCode, ImportProblemDetail, ProblemParams } from './import-problem';

export const MAX_ERRORS = 50;

/** Shows a cell's text in a message: quoted, shortened, invisible characters made visible. */
const shown = (text: string): string => {
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return t === '' ? 'an empty cell' : JSON.stringify(t);
};

/**
 * Collects what is wrong with an import, each message naming file, row, column and what was
 * expected. Stops collecting after MAX_ERRORS but keeps counting; any error fails the whole import.
 */
export class ImportErrors {
  readonly messages: string[] = [];
  readonly problems: ImportProblemDetail[] = [];
  total = 0;

  constructor(readonly fileName: string) {}

  get full(): boolean {
    return this.messages.length >= MAX_ERRORS;
  }

  cell(
    code: ImportProblemCode,
    row: number,
    column: string,
    expected: string,
    found: string,
    params?: ProblemParams,
  ): void {
    this.add(
      `${this.fileName}, row ${row}, column "${column}": expected ${expected}, found ${shown(found)}`,
      { code, row, column, expected, value: found, ...(params && { params }) },
    );
  }

  row(code: ImportProblemCode, row: number, message: string, params?: ProblemParams): void {
    this.add(`${this.fileName}, row ${row}: ${message}`, { code, row, ...(params && { params }) });
  }

  file(code: ImportProblemCode, message: string, params?: ProblemParams): void {
    this.add(`${this.fileName}: ${message}`, { code, ...(params && { params }) });
  }

  private add(message: string, problem: Omit<ImportProblemDetail, 'message' | 'file'>): void {
    this.total++;
    if (this.messages.length >= MAX_ERRORS) return;
    this.messages.push(message);
    this.problems.push({ ...problem, file: this.fileName, message });
  }

  /** Throws one validation error carrying every message (the first few in the text itself). */
  throwIfAny(): void {
    if (this.total === 0) return;
    const more = this.total > 3 ? ` (and ${this.total - 3} more)` : '';
    throw new RpcError(
      'validation_failed',
      `${this.messages.slice(0, 3).join('; ')}${more}. Nothing was imported.`,
      {
        errors: this.messages,
        problems: this.problems,
        total: this.total,
      },
    );
  }
}

/** The column indexes of the mapped fields; unknown headers are an error before any row is read. */
export function resolveColumns<F extends string>(
  errors: ImportErrors,
  headers: readonly string[],
  columns: Partial<Record<F, string>>,
): Partial<Record<F, number>> {
  const out: Partial<Record<F, number>> = {};
  for (const [field, header] of Object.entries(columns) as [F, string | undefined][]) {
    if (!header) continue;
    const i = headers.indexOf(header);
    if (i < 0)
      errors.file(
        'unknown_column',
        `there is no column "${header}" (the columns are ${headers.map((h) => `"${h}"`).join(', ')})`,
        { header, columns: headers.join(', ') },
      );
    else out[field] = i;
  }
  return out;
}
