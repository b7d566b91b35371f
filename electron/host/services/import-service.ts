import crypto from 'node:crypto';
import { buildPreview } from '../../../shared/domain/import/preview';
import { problemError } from '../../../shared/domain/import/import-problem';
import { sssomTarget } from '../../../shared/domain/import/sssom-schemes';
import type { HandlerGroup, ServiceDeps } from '../backend/deps';
import { DECIDERS } from '../backend/session';
import { readImportFile } from '../import/read-import-file';
import { importCrosswalk, importScheme } from '../import/run-import';
import { SchemeRepo } from '../repos/scheme-repo';

type ImportMethods =
  | 'import.stage'
  | 'import.preview'
  | 'import.commitScheme'
  | 'import.commitCrosswalk'
  | 'import.discard';

interface Staged {
  fileName: string;
  bytes: Uint8Array;
}

/** Staged files live in the backend's memory only: nothing reaches the workspace before a commit. */
export function importHandlers(deps: ServiceDeps): HandlerGroup<ImportMethods> {
  const staged = new Map<string, Staged>();
  const schemes = new SchemeRepo(deps.db);

  const get = (stagedId: string): Staged => {
    const s = staged.get(stagedId);
    if (!s)
      throw problemError('not_found', 'The file is no longer staged; pick it again.', {
        code: 'not_staged',
      });
    return s;
  };

  return {
    'import.stage': ({ fileName, base64 }) => {
      deps.session.require();
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      const stagedId = crypto.randomUUID();
      staged.set(stagedId, { fileName, bytes });
      return { stagedId, bytes: bytes.byteLength };
    },
    'import.preview': async ({ stagedId, options }) => {
      deps.session.require();
      const s = get(stagedId);
      const file = await readImportFile(s.fileName, s.bytes, options);
      const preview = buildPreview(
        file.table,
        {
          stagedId,
          fileName: s.fileName,
          format: file.format,
          detected: file.detected,
          metadata: file.metadata,
        },
        file.storedAsNumber,
      );
      return file.format === 'sssom'
        ? { ...preview, suggestedTarget: sssomTarget(file.metadata, schemes.list()) }
        : preview;
    },
    'import.commitScheme': ({ stagedId, options, columns, scheme }) => {
      deps.session.require(DECIDERS);
      const s = get(stagedId);
      const jobId = deps.jobs.start('import.scheme', async (job) => {
        const result = await importScheme(
          deps,
          { fileName: s.fileName, bytes: s.bytes, options, columns, scheme },
          job,
        );
        staged.delete(stagedId);
        return result;
      });
      return { jobId };
    },
    'import.commitCrosswalk': ({ stagedId, options, columns, crosswalk }) => {
      deps.session.require(DECIDERS);
      const s = get(stagedId);
      const jobId = deps.jobs.start('import.crosswalk', async (job) => {
        const result = await importCrosswalk(
          deps,
          { fileName: s.fileName, bytes: s.bytes, options, columns, crosswalk },
          job,
        );
        staged.delete(stagedId);
        return result;
      });
      return { jobId };
    },
    'import.discard': ({ stagedId }) => {
      staged.delete(stagedId);
      return null;
    },
  };
}
