import { RpcError } from '../../rpc/errors';

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
  total = 0;

  constructor(readonly fileName: string) {}

  get full(): boolean {
    return this.messages.length >= MAX_ERRORS;
  }

  cell(row: number, column: string, expected: string, found: string): void {
    this.add(
      `${this.fileName}, row ${row}, column "${column}": expected ${expected}, found ${shown(found)}`,
    );
  }

  row(row: number, message: string): void {
    this.add(`${this.fileName}, row ${row}: ${message}`);
  }

  file(message: string): void {
    this.add(`${this.fileName}: ${message}`);
  }

  private add(message: string): void {
    this.total++;
    if (this.messages.length < MAX_ERRORS) this.messages.push(message);
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
        `there is no column "${header}" (the columns are ${headers.map((h) => `"${h}"`).join(', ')})`,
      );
    else out[field] = i;
  }
  return out;
}
