import type { Justification, MappingStatus } from '../../../shared/contract/common';
import type {
  CrosswalkField,
  ImportResult,
  ReadOptions,
  SchemeField,
} from '../../../shared/contract/imports';
import {
  CrosswalkValidator,
  type CrosswalkReadOptions,
  type CrosswalkRows,
} from '../../../shared/domain/import/validate-crosswalk';
import type { SchemeCodes } from '../../../shared/domain/import/scheme-codes';
import { SchemeValidator, type SchemeRows } from '../../../shared/domain/import/validate-scheme';
import { problemError } from '../../../shared/domain/import/import-problem';
import { recordAudit } from '../backend/audit-log';
import type { ServiceDeps } from '../backend/deps';
import type { JobHandle } from '../backend/jobs';
import { ImportRepo } from '../repos/import-repo';
import { newShortId } from './new-id';
import { readImportFileOnce } from './read-import-file';

/** Rows per chunk between progress reports and cancel checks. */
const CHUNK = 50_000;
/** From this many rows on, the table's indexes are dropped for the load and built once after it. */
const LARGE_LOAD = 100_000;

/** What an import needs from a job; without one (the demo builder) it simply runs. */
export type ImportJob = Pick<JobHandle, 'progress' | 'checkCancelled' | 'yield'>;

const NO_JOB: ImportJob = {
  progress: () => {},
  checkCancelled: () => {},
  yield: () => Promise.resolve(),
};

export interface SchemeImportInput {
  fileName: string;
  bytes: Uint8Array;
  options?: ReadOptions;
  columns: Partial<Record<SchemeField, string>>;
  scheme: {
    nameHe: string;
    nameEn: string;
    version: string;
    agency: 'ES' | 'CBS' | null;
    id?: string;
    source?: string | null;
  };
}

export type CrosswalkImportTarget =
  | { existingCrosswalkId: string }
  | {
      nameHe: string;
      nameEn: string;
      sourceSchemeId: string;
      targetSchemeId: string;
      id?: string;
      description?: string | null;
    };

export interface CrosswalkImportInput {
  fileName: string;
  bytes: Uint8Array;
  options?: ReadOptions;
  columns: Partial<Record<CrosswalkField, string>>;
  crosswalk: CrosswalkImportTarget;
  defaults?: { status?: MappingStatus; justification?: Justification };
}

async function inChunks(
  job: ImportJob,
  total: number,
  phase: string,
  work: (start: number, end: number) => void,
): Promise<void> {
  for (let start = 0; start < total; start += CHUNK) {
    job.checkCancelled();
    work(start, Math.min(total, start + CHUNK));
    job.progress(Math.min(total, start + CHUNK), total, phase);
    await job.yield();
  }
  job.checkCancelled();
}

/** Progress and cancel while a large text file is parsed. */
const reading =
  (job: ImportJob) =>
  async (done: number, total: number): Promise<void> => {
    job.checkCancelled();
    job.progress(done, total, 'reading');
    await job.yield();
  };

/** Read and validate in their own scope, so the parsed cells can be freed before the insert. */
async function readScheme(input: SchemeImportInput, job: ImportJob): Promise<SchemeRows> {
  job.progress(0, null, 'reading');
  const file = await readImportFileOnce(input.fileName, input.bytes, input.options, reading(job));
  job.checkCancelled();
  const v = new SchemeValidator(input.fileName, file.table, input.columns);
  await inChunks(job, v.total, 'validating', (s, e) => v.readChunk(s, e));
  return v.finish();
}

/** What the rows are checked against in the workspace: both schemes' codes and the stewards. */
type WorkspaceChecks = Pick<CrosswalkReadOptions, 'source' | 'target' | 'stewards'>;

function workspaceChecks(repo: ImportRepo, target: CrosswalkImportTarget): WorkspaceChecks {
  let schemes: { sourceSchemeId: string; targetSchemeId: string } | null;
  if ('existingCrosswalkId' in target) {
    schemes = repo.crosswalkSchemes(target.existingCrosswalkId);
    if (!schemes)
      throw problemError(
        'not_found',
        `There is no crosswalk ${target.existingCrosswalkId} to add the mappings to.`,
        { code: 'no_crosswalk', params: { id: target.existingCrosswalkId } },
      );
  } else schemes = target;
  const codesOf = (schemeId: string): SchemeCodes => {
    const scheme = repo.schemeCodes(schemeId);
    if (!scheme)
      throw problemError(
        'not_found',
        `There is no scheme ${schemeId}; import the code list first.`,
        {
          code: 'no_scheme',
          params: { id: schemeId },
        },
      );
    return scheme;
  };
  return {
    source: codesOf(schemes.sourceSchemeId),
    target: codesOf(schemes.targetSchemeId),
    stewards: repo.stewards(),
  };
}

async function readCrosswalk(
  input: CrosswalkImportInput,
  job: ImportJob,
  checks: WorkspaceChecks,
): Promise<{ rows: CrosswalkRows; format: string }> {
  job.progress(0, null, 'reading');
  const file = await readImportFileOnce(input.fileName, input.bytes, input.options, reading(job));
  job.checkCancelled();
  const v = new CrosswalkValidator(input.fileName, file.table, input.columns, {
    curies: file.format === 'sssom',
    defaults: input.defaults,
    ...checks,
  });
  await inChunks(job, v.total, 'validating', (s, e) => v.readChunk(s, e));
  return { rows: v.finish(), format: file.format };
}

/**
 * Imports a code list as a new scheme: read, validate every row, then insert everything in one
 * transaction, or nothing. Call from a job (progress, cancel) or directly (demo workspace); never
 * from inside a request handler, since it takes the exclusive lock itself.
 */
export async function importScheme(
  deps: ServiceDeps,
  input: SchemeImportInput,
  job: ImportJob = NO_JOB,
): Promise<ImportResult> {
  const started = performance.now();
  const rows = await readScheme(input, job);
  const repo = new ImportRepo(deps.db);
  const steward = deps.session.steward;
  let id = input.scheme.id ?? newShortId('s');
  await deps.exclusive(() =>
    deps.db.bulkAsync(async () => {
      if (input.scheme.id && repo.schemeExists(id)) {
        throw problemError('conflict', `A scheme with the id ${id} already exists.`, {
          code: 'scheme_exists',
          params: { id },
        });
      }
      while (repo.schemeExists(id)) id = newShortId('s');
      const at = deps.now();
      repo.insertScheme({
        id,
        agency: input.scheme.agency,
        nameHe: input.scheme.nameHe,
        nameEn: input.scheme.nameEn,
        version: input.scheme.version,
        levels: rows.levels,
        source: input.scheme.source ?? input.fileName,
        createdAt: at,
      });
      await inChunks(job, rows.count, 'saving', (s, e) => repo.insertItems(id, rows, s, e));
      // The demo workspace is built before anyone signs in: it is the app's doing, not a steward's.
      if (steward) {
        recordAudit(deps.db, steward, at, {
          action: 'import.scheme',
          entityType: 'scheme',
          entityId: id,
          after: {
            file: input.fileName,
            rows: rows.count,
            levels: rows.levels,
            hierarchy: rows.hierarchy,
            nameEn: input.scheme.nameEn,
            version: input.scheme.version,
          },
        });
      }
    }),
  );
  deps.emit('workspace.changed', { entity: 'scheme', id });
  return { kind: 'scheme', id, rows: rows.count, ms: Math.round(performance.now() - started) };
}

/** Imports mappings into a new crosswalk, or appends them to an existing one; all or nothing. */
export async function importCrosswalk(
  deps: ServiceDeps,
  input: CrosswalkImportInput,
  job: ImportJob = NO_JOB,
): Promise<ImportResult> {
  const started = performance.now();
  const repo = new ImportRepo(deps.db);
  const { rows, format } = await readCrosswalk(input, job, workspaceChecks(repo, input.crosswalk));
  const target = input.crosswalk;
  const existing = 'existingCrosswalkId' in target;
  let id = existing ? target.existingCrosswalkId : (target.id ?? newShortId('x'));
  const steward = deps.session.steward;
  await deps.exclusive(() =>
    deps.db.bulkAsync(async () => {
      const at = deps.now();
      if (existing) {
        if (!repo.crosswalkExists(id)) {
          throw problemError('not_found', `There is no crosswalk ${id} to add the mappings to.`, {
            code: 'no_crosswalk',
            params: { id },
          });
        }
      } else {
        if (target.id && repo.crosswalkExists(id)) {
          throw problemError('conflict', `A crosswalk with the id ${id} already exists.`, {
            code: 'crosswalk_exists',
            params: { id },
          });
        }
        while (repo.crosswalkExists(id)) id = newShortId('x');
        for (const schemeId of [target.sourceSchemeId, target.targetSchemeId]) {
          if (!repo.schemeExists(schemeId)) {
            throw problemError(
              'not_found',
              `There is no scheme ${schemeId}; import the code list first.`,
              { code: 'no_scheme', params: { id: schemeId } },
            );
          }
        }
        repo.insertCrosswalk({
          id,
          nameHe: target.nameHe,
          nameEn: target.nameEn,
          sourceSchemeId: target.sourceSchemeId,
          targetSchemeId: target.targetSchemeId,
          description: target.description ?? null,
          createdAt: at,
        });
      }
      const stamp = { at, by: steward?.name ?? null, agency: steward?.agency ?? null };
      const rebuildIndexes = rows.count >= LARGE_LOAD ? repo.suspendIndexes('mappings') : null;
      await inChunks(job, rows.count, 'saving', (s, e) =>
        repo.insertMappings(id, rows, s, e, stamp),
      );
      if (rebuildIndexes) {
        job.progress(rows.count, rows.count, 'indexing');
        await job.yield();
        rebuildIndexes();
      }
      const approvals = repo.restoreApprovals(id, rows, at);
      repo.bumpDataVersion(id);
      if (steward) {
        recordAudit(deps.db, steward, at, {
          action: 'import.crosswalk',
          entityType: 'crosswalk',
          entityId: id,
          after: { file: input.fileName, rows: rows.count, appended: existing, format, approvals },
        });
      }
      job.progress(rows.count, rows.count, 'committing');
    }),
  );
  deps.emit('workspace.changed', { entity: 'crosswalk', id });
  return { kind: 'crosswalk', id, rows: rows.count, ms: Math.round(performance.now() - started) };
}
