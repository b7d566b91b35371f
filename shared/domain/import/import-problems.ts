/** One thing wrong with an imported file, as much of it as the host reported. */
export interface ImportProblem {
  file?: string;
  row?: number;
  column?: string;
  expected?: string;
  value?: string;
  message?: string;
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
const num = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;

// The host's messages read "<file>, row <n>, column "<header>": expected <what>, found <value>".
const CELL = /^(.+?), row (\d+), column "(.*)": expected (.+), found (.*)$/s;
const ROW = /^(.+?), row (\d+): (.*)$/s;

function fromText(text: string): ImportProblem {
  const cell = CELL.exec(text);
  if (cell)
    return {
      file: cell[1],
      row: Number(cell[2]),
      column: cell[3],
      expected: cell[4],
      value: unquote(cell[5]!),
    };
  const row = ROW.exec(text);
  if (row) return { file: row[1], row: Number(row[2]), message: row[3] };
  return { message: text };
}

const unquote = (v: string): string => {
  if (!v.startsWith('"')) return v;
  try {
    return String(JSON.parse(v));
  } catch {
    return v;
  }
};

function toProblem(raw: unknown): ImportProblem | null {
  if (typeof raw === 'string') return fromText(raw);
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const p: ImportProblem = {
    file: str(r.file ?? r.fileName),
    row: num(r.row ?? r.line),
    column: str(r.column ?? r.header ?? r.field),
    expected: str(r.expected),
    value: str(r.value ?? r.found ?? r.actual),
    message: str(r.message ?? r.problem),
  };
  return Object.values(p).some((v) => v !== undefined) ? p : null;
}

/**
 * The problems an import error carries. Details may be one problem, a list, or an object with a list
 * under `problems` / `errors` / `issues`; every one is kept so the steward sees them all.
 */
export function importProblems(details: unknown): ImportProblem[] {
  if (details === undefined || details === null) return [];
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object'
      ? ((details as Record<string, unknown>).problems ??
        (details as Record<string, unknown>).errors ??
        (details as Record<string, unknown>).issues)
      : undefined;
  if (Array.isArray(list)) return list.map(toProblem).filter((p): p is ImportProblem => p !== null);
  const single = toProblem(details);
  return single ? [single] : [];
}

/** How many problems the host found in all (it may list only the first ones). */
export function importProblemTotal(details: unknown, listed: number): number {
  const total =
    details && typeof details === 'object' ? (details as Record<string, unknown>).total : undefined;
  return typeof total === 'number' && total > listed ? total : listed;
}
