import { importCrosswalk } from '../../electron/host/import/run-import';
import type { TestBackend } from './harness';

/**
 * Appends one mapping to a crosswalk through a file import, the one way a pair the crosswalk has
 * already can arrive (adding it is refused): how the tests make a duplicate pair.
 */
export function appendPair(
  t: TestBackend,
  crosswalkId: string,
  m: { sourceCode: string; targetCode: string; relation?: string; share?: number | null },
) {
  const share = m.share === null || m.share === undefined ? '' : String(m.share);
  return importCrosswalk(t.backend.deps, {
    fileName: 'appended.csv',
    bytes: Buffer.from(
      `source,target,relation,share\n${m.sourceCode},${m.targetCode},${m.relation ?? ''},${share}\n`,
    ),
    options: { encoding: 'utf-8', delimiter: ',' },
    columns: { sourceCode: 'source', targetCode: 'target', relation: 'relation', share: 'share' },
    crosswalk: { existingCrosswalkId: crosswalkId },
  });
}
