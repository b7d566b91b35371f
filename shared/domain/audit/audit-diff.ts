/** One line of a compact before → after diff: `status: proposed → approved`. */
export interface DiffLine {
  key: string;
  before?: string;
  after?: string;
  /** How many records share this exact change (bulk decisions). */
  times: number;
}

const show = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);
const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

function recordDiff(before: Record<string, unknown>, after: Record<string, unknown>): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = before[key];
    const a = after[key];
    if (JSON.stringify(b) === JSON.stringify(a)) continue;
    lines.push({
      key,
      ...(key in before ? { before: show(b) } : {}),
      ...(key in after ? { after: show(a) } : {}),
      times: 1,
    });
  }
  return lines;
}

/** Bulk entries carry `{count, mappings: [{id, …}]}` on both sides: the same change is counted, not repeated. */
function bulkDiff(before: unknown[], after: unknown[]): DiffLine[] {
  const byId = new Map<unknown, Record<string, unknown>>();
  for (const b of before) if (isRecord(b)) byId.set(b.id, b);
  const grouped = new Map<string, DiffLine>();
  for (const a of after) {
    if (!isRecord(a)) continue;
    for (const line of recordDiff(byId.get(a.id) ?? {}, a)) {
      if (line.key === 'id') continue;
      const sig = JSON.stringify([line.key, line.before, line.after]);
      const seen = grouped.get(sig);
      if (seen) seen.times++;
      else grouped.set(sig, line);
    }
  }
  return [...grouped.values()].sort((x, y) => y.times - x.times);
}

/** What changed between an audit entry's before and after, key by key; unchanged keys are left out. */
export function auditDiff(before: unknown, after: unknown): DiffLine[] {
  if (
    isRecord(before) &&
    isRecord(after) &&
    Array.isArray(before.mappings) &&
    Array.isArray(after.mappings)
  ) {
    return bulkDiff(before.mappings, after.mappings);
  }
  if (isRecord(before) || isRecord(after)) {
    return recordDiff(isRecord(before) ? before : {}, isRecord(after) ? after : {});
  }
  if (before === null && after === null) return [];
  return [
    {
      key: '',
      ...(before !== null && before !== undefined ? { before: show(before) } : {}),
      ...(after !== null && after !== undefined ? { after: show(after) } : {}),
      times: 1,
    },
  ];
}

/** The diff as one line of text (for tooltips and the grid cell). */
export function diffText(lines: DiffLine[], none = '∅'): string {
  return lines
    .map((l) => {
      const change = `${l.before ?? none} → ${l.after ?? none}`;
      const body = l.key ? `${l.key}: ${change}` : change;
      return l.times > 1 ? `${body} (×${l.times})` : body;
    })
    .join('; ');
}

/** The comment the host writes on an undo or redo ("undo of mapping.decide"), read back. */
export function replayOf(
  comment: string | null,
): { which: 'undo' | 'redo'; action: string } | null {
  const m = comment ? /^(undo|redo) of ([a-z]+\.[A-Za-z_]+)$/.exec(comment) : null;
  return m ? { which: m[1] as 'undo' | 'redo', action: m[2]! } : null;
}
