import type { ImportProblemCode, ProblemParams } from './import-problem';

/** One thing wrong with an imported file, as much of it as the host reported. */
export interface ImportProblem {
  /** Present when the host sent the problem structured; the renderer words it from this. */
  code?: ImportProblemCode;
  params?: ProblemParams;
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

// Fallback for hosts that send only English text. The messages read "<file>, row <n>, column "<header>": expected <what>, found <value>".
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

function paramsOf(v: unknown): ProblemParams | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const out: ProblemParams = {};
  for (const [k, x] of Object.entries(v))
    if (typeof x === 'string' || typeof x === 'number') out[k] = x;
  return out;
}

function toProblem(raw: unknown): ImportProblem | null {
  if (typeof raw === 'string') return fromText(raw);
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const p: ImportProblem = {
    code: typeof r.code === 'string' ? (r.code as ImportProblemCode) : undefined,
    params: paramsOf(r.params),
    file: str(r.file ?? r.fileName),
    row: num(r.row ?? r.line),
    column: str(r.column ?? r.header ?? r.field),
    expected: str(r.expected),
    value: str(r.value ?? r.found ?? r.actual),
    message: str(r.message ?? r.problem),
  };
  for (const k of Object.keys(p) as (keyof ImportProblem)[]) if (p[k] === undefined) delete p[k];
  return Object.keys(p).length > 0 ? p : null;
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
      ? // structured problems first; `errors` holds the same problems as English text
        ((details as Record<string, unknown>).problems ??
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
