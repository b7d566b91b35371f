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

function toProblem(raw: unknown): ImportProblem | null {
  if (typeof raw === 'string') return { message: raw };
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
