/** The benchmark's table: figure | value | goal | verdict, aligned; sections between groups. */
export type Verdict = 'PASS' | 'FAIL' | 'info' | 'not measured';

export interface Line {
  figure: string;
  value: string;
  goal: string;
  verdict: Verdict;
}

export type Entry = Line | { section: string };

export const atMost = (
  figure: string,
  value: number,
  limit: number,
  unit: string,
  digits = 2,
): Line => ({
  figure,
  value: `${value.toFixed(digits)} ${unit}`,
  goal: `≤ ${limit} ${unit}`,
  verdict: value <= limit ? 'PASS' : 'FAIL',
});

export const atLeast = (figure: string, value: number, limit: number, unit: string): Line => ({
  figure,
  value: `${Math.round(value).toLocaleString('en-US')} ${unit}`,
  goal: `≥ ${limit.toLocaleString('en-US')} ${unit}`,
  verdict: value >= limit ? 'PASS' : 'FAIL',
});

export const info = (figure: string, value: string, goal = ''): Line => ({
  figure,
  value,
  goal,
  verdict: 'info',
});

export const notMeasured = (figure: string, goal: string, reason: string): Line => ({
  figure,
  value: `not measured: ${reason}`,
  goal,
  verdict: 'not measured',
});

export function render(entries: Entry[]): string {
  const lines = entries.filter((e): e is Line => 'figure' in e);
  const width = (pick: (l: Line) => string, title: string) =>
    Math.max(title.length, ...lines.map((l) => pick(l).length));
  const wf = width((l) => l.figure, 'figure');
  const wv = width((l) => l.value, 'value');
  const wg = width((l) => l.goal, 'goal');
  const row = (f: string, v: string, g: string, r: string) =>
    `${f.padEnd(wf)} | ${v.padEnd(wv)} | ${g.padEnd(wg)} | ${r}`;
  const rule = '-'.repeat(wf + wv + wg + 20);
  const out = [row('figure', 'value', 'goal', 'result'), rule];
  for (const e of entries)
    out.push('section' in e ? `-- ${e.section}` : row(e.figure, e.value, e.goal, e.verdict));
  return out.join('\n');
}
