import type { Role } from '../../shared/contract/common';
import { importProblems, type ImportProblem } from '../../shared/domain/import/import-problems';
import { ERROR_CODES, RpcError, type RpcErrorBody } from '../../shared/rpc/errors';
import i18n from '../i18n/i18n';

// Unicode isolates: a code, file name or header keeps its own direction inside a sentence of the
// other direction, and its neighbouring punctuation stays where the sentence put it.
export const ltrIsolate = (text: string | number): string => `\u2066${text}\u2069`;
export const autoIsolate = (text: string | number): string => `\u2068${text}\u2069`;

const isBody = (e: unknown): e is RpcErrorBody =>
  !!e &&
  typeof e === 'object' &&
  (ERROR_CODES as readonly unknown[]).includes((e as RpcErrorBody).code) &&
  typeof (e as RpcErrorBody).message === 'string';

/** A message in the user's language for any error a contract call can raise. */
export function errorText(error: unknown): string {
  const rpc =
    error instanceof RpcError ? error : isBody(error) ? RpcError.fromBody(error) : undefined;
  if (rpc) {
    if (rpc.code === 'forbidden') {
      const roles = forbiddenText(rpc.details);
      if (roles) return roles;
    }
    const reason = reasonText(rpc.details);
    if (reason) return reason;
    const problems = importProblems(rpc.details).filter((p) => p.code);
    if (problems.length > 0) {
      const more =
        problems.length > 1
          ? ` ${i18n.t('import:error.andMore', { count: problems.length - 1 })}`
          : '';
      return i18n.t(`common:errors.${rpc.code}`, { message: problemSentence(problems[0]!) + more });
    }
    return i18n.t(`common:errors.${rpc.code}`, { message: rpc.message });
  }
  return i18n.t('common:errors.internal', {
    message: error instanceof Error ? error.message : String(error),
  });
}

/**
 * A refusal the host explains with a `reason` key and its facts (codes, a status): worded in the
 * user's language from common:errors.reason.<reason>, codes left to right, a status by its name.
 */
function reasonText(details: unknown): string | null {
  const d = details as { reason?: unknown; sourceCode?: unknown; targetCode?: unknown } | undefined;
  if (!d || typeof d.reason !== 'string') return null;
  const key = `common:errors.reason.${d.reason}`;
  if (!i18n.exists(key)) return null;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) {
    if (typeof v !== 'string' && typeof v !== 'number') continue;
    params[k] =
      k === 'status'
        ? i18n.t(`crosswalks:status.${v}`, { defaultValue: String(v) })
        : typeof v === 'number'
          ? ltrIsolate(v)
          : autoIsolate(v);
  }
  // A mapping reads as one left-to-right unit, "source→target", in either language.
  if (typeof d.sourceCode === 'string' && typeof d.targetCode === 'string')
    params.pair = ltrIsolate(`${d.sourceCode}→${d.targetCode}`);
  return i18n.t(key, params);
}

const roleName = (role: string): string => i18n.t(`common:role.${role}`, { defaultValue: role });

function forbiddenText(details: unknown): string | null {
  const d = details as { role?: unknown; required?: unknown } | undefined;
  if (!d || typeof d.role !== 'string' || !Array.isArray(d.required)) return null;
  const required = new Intl.ListFormat(i18n.language, { type: 'disjunction' }).format(
    (d.required as Role[]).map(roleName),
  );
  return i18n.t('common:errors.forbiddenRole', { role: roleName(d.role), required });
}

/** Problem parameters as they go into a sentence: every one isolated, codes and numbers left to right. */
function isolatedParams(p: ImportProblem): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.params ?? {}))
    out[k] =
      k === 'missing' && typeof v === 'string'
        ? agencyList(v)
        : typeof v === 'number'
          ? ltrIsolate(v)
          : autoIsolate(v);
  return out;
}

/** "ES, CBS" as the agencies' names in the UI language ("שה"ת ולמ"ס"). */
function agencyList(codes: string): string {
  return new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
    codes.split(/,\s*/).map((a) => i18n.t(`common:agency.${a}`, { defaultValue: a })),
  );
}

/**
 * What is wrong, in the user's language: for a cell, what its column needs; otherwise the
 * problem itself. Falls back to the host's English when the problem's code is not known here.
 */
export function problemWhat(p: ImportProblem): string {
  const key = `import:problem.${p.code ?? ''}`;
  if (p.code && i18n.exists(key)) {
    const params = isolatedParams(p);
    // A hint (a code Excel damaged, a leading zero lost) follows the problem as its own sentence part.
    const hintKey = `import:problemHint.${String(p.params?.hint ?? '')}`;
    const hint = p.params?.hint !== undefined && i18n.exists(hintKey);
    return hint
      ? `${i18n.t(key, params)}${i18n.t('import:error.listSeparator')}${i18n.t(hintKey, params)}`
      : i18n.t(key, params);
  }
  return p.expected ?? p.message ?? '';
}

/** True when the problem is about one cell: the sentence is what the cell should have held. */
export const isCellProblem = (p: ImportProblem): boolean => p.column !== undefined;

/** The whole problem as one sentence (for a toast or an inline error): where, then what. */
export function problemSentence(p: ImportProblem): string {
  const where: string[] = [];
  if (p.file) where.push(`${i18n.t('import:error.file')} ${ltrIsolate(p.file)}`);
  if (p.row !== undefined) where.push(`${i18n.t('import:error.row')} ${ltrIsolate(p.row)}`);
  if (p.column !== undefined)
    where.push(`${i18n.t('import:error.column')} ${autoIsolate(p.column)}`);
  const what = problemWhat(p);
  const found =
    p.value === undefined
      ? ''
      : `${i18n.t('import:error.listSeparator')}${i18n.t('import:error.found')} ${p.value === '' ? i18n.t('import:error.emptyCell') : ltrIsolate(p.value)}`;
  const body = isCellProblem(p) ? `${i18n.t('import:error.expected')} ${what}${found}` : what;
  return where.length > 0 ? `${where.join(i18n.t('import:error.listSeparator'))}: ${body}` : body;
}
