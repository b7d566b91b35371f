import type { JobState } from '../../shared/contract';
import type { TestBackend } from '../../tests/integration/harness';
import {
  BENCH_APPROVERS,
  SCHEME_HEADERS,
  crosswalkCsv,
  schemeCsv,
  type GeneratedCrosswalk,
} from '../generate';

/** The three files of one run, as bytes (built before the import so the generator's rows can be let go). */
export interface ImportFiles {
  sourceScheme: Buffer;
  targetScheme: Buffer;
  crosswalk: Buffer;
  rows: number;
}

export const importFiles = (cw: GeneratedCrosswalk): ImportFiles => ({
  sourceScheme: schemeCsv(cw.source),
  targetScheme: schemeCsv(cw.target),
  crosswalk: crosswalkCsv(cw),
  rows: cw.mappings.length,
});

/**
 * Import end to end through the contract, as the import wizard does it: stage the file's bytes,
 * preview it, commit with a column map, wait for the job (read, validate, insert, snapshot).
 */
export interface ImportFigures {
  crosswalkId: string;
  rows: number;
  bytes: number;
  /** stage → preview → commit → job finished. */
  endToEndMs: number;
  stageMs: number;
  previewMs: number;
  /** commit → job finished: validate and insert (the parse was done once, by the preview). */
  commitToDoneMs: number;
  /** Time in each job phase, from job.progress events (reading, validating, saving, …). */
  phases: { phase: string; ms: number }[];
  schemesMs: number;
}

export type PhaseClock = {
  mark(state: JobState): void;
  take(jobId: string): { phase: string; ms: number }[];
};

/** Records when each job enters a phase, from the backend's job events. */
export function phaseClock(): PhaseClock {
  const byJob = new Map<string, { phase: string; at: number }[]>();
  return {
    mark(state) {
      const list = byJob.get(state.jobId) ?? [];
      byJob.set(state.jobId, list);
      if (list[list.length - 1]?.phase !== state.phase)
        list.push({ phase: state.phase, at: performance.now() });
    },
    take(jobId) {
      const list = byJob.get(jobId) ?? [];
      return list.slice(0, -1).map((p, i) => ({ phase: p.phase, ms: list[i + 1]!.at - p.at }));
    },
  };
}

async function finished(t: TestBackend, jobId: string): Promise<unknown> {
  const state = await t.call('jobs.wait', { jobId });
  if (state.status !== 'succeeded') {
    throw new Error(
      `import job ${state.status}: ${state.error?.message ?? ''} ${JSON.stringify(state.error?.details ?? '').slice(0, 400)}`,
    );
  }
  return state.result;
}

async function stage(t: TestBackend, fileName: string, bytes: Buffer): Promise<string> {
  return (await t.call('import.stage', { fileName, base64: bytes.toString('base64') })).stagedId;
}

async function importSchemeFile(
  t: TestBackend,
  fileName: string,
  bytes: Buffer,
  nameEn: string,
  agency: 'ES' | 'CBS',
): Promise<string> {
  const stagedId = await stage(t, fileName, bytes);
  const [code, parentCode, level, titleHe, titleEn] = SCHEME_HEADERS;
  const { jobId } = await t.call('import.commitScheme', {
    stagedId,
    options: {},
    columns: { code, parentCode, level, titleHe, titleEn },
    scheme: { nameHe: `סיווג ${nameEn}`, nameEn, version: '1', agency },
  });
  return ((await finished(t, jobId)) as { id: string }).id;
}

export async function measureImport(
  t: TestBackend,
  files: ImportFiles,
  clock: PhaseClock,
): Promise<ImportFigures> {
  const schemesStarted = performance.now();
  const sourceSchemeId = await importSchemeFile(
    t,
    'legacy-codes.csv',
    files.sourceScheme,
    'Legacy occupations',
    'ES',
  );
  const targetSchemeId = await importSchemeFile(
    t,
    'new-codes.csv',
    files.targetScheme,
    'New occupations',
    'CBS',
  );
  const schemesMs = performance.now() - schemesStarted;
  // The approvers the file's approved rows name, as profiles of this workspace (not timed).
  const db = t.backend.deps.db;
  db.write(() => {
    for (const s of BENCH_APPROVERS)
      db.run(
        "INSERT OR IGNORE INTO stewards (id, name, agency, role, created_at) VALUES (?, ?, ?, 'steward', ?)",
        [s.id, s.name, s.agency, new Date().toISOString()],
      );
  });

  const bytes = files.crosswalk;
  // The renderer sends the file as base64 (file-to-base64.ts); encoding it is the renderer's work, not timed.
  const base64 = bytes.toString('base64');
  const started = performance.now();
  const { stagedId } = await t.call('import.stage', { fileName: 'crosswalk-1m.csv', base64 });
  const stageMs = performance.now() - started;
  const preview = await t.call('import.preview', { stagedId, options: {} });
  const previewMs = performance.now() - started - stageMs;
  if (preview.totalRows !== files.rows)
    throw new Error(`preview counted ${preview.totalRows} rows, expected ${files.rows}`);
  const committed = performance.now();
  const { jobId } = await t.call('import.commitCrosswalk', {
    stagedId,
    options: {},
    columns: {
      sourceCode: 'source_code',
      sourceTitle: 'source_title',
      targetCode: 'target_code',
      targetTitle: 'target_title',
      relation: 'relation',
      share: 'share',
      status: 'status',
      partialSource: 'partial_source',
      partialTarget: 'partial_target',
      comment: 'comment',
      reviewer: 'reviewer',
    },
    crosswalk: {
      nameHe: 'מעבר מיליון שורות',
      nameEn: 'One million rows',
      sourceSchemeId,
      targetSchemeId,
    },
  });
  const result = (await finished(t, jobId)) as { id: string; rows: number };
  const endToEndMs = performance.now() - started;
  const commitToDoneMs = performance.now() - committed;
  if (result.rows !== files.rows)
    throw new Error(`imported ${result.rows} rows, expected ${files.rows}`);
  return {
    crosswalkId: result.id,
    rows: result.rows,
    bytes: bytes.byteLength,
    endToEndMs,
    stageMs,
    previewMs,
    commitToDoneMs,
    phases: clock.take(jobId),
    schemesMs,
  };
}
