import fs from 'node:fs';
import path from 'node:path';
import type { ServiceDeps } from '../backend/deps';
import type { WorkspaceDb } from '../db/workspace-db';
import { importCrosswalk, importScheme } from '../import/run-import';
import { DemoRepo } from '../repos/demo-repo';
import { demoDir, readDemoManifest, type DemoManifest } from './demo-manifest';

const READ_OPTIONS = { encoding: 'utf-8', delimiter: ',' } as const;

/** True when a previous start began building the demo and did not finish (a crash mid-seed). */
export function demoSeedInterrupted(db: WorkspaceDb): boolean {
  return new DemoRepo(db).seedState() === 'started';
}

/**
 * Builds the demo workspace from resources/demo on first start, through the same import
 * pipeline a steward uses. All or nothing: if any file fails, or the host dies half way, what
 * was loaded is removed again (on the spot, or at the next start) and the workspace is empty.
 */
export async function seedDemoWorkspace(deps: ServiceDeps): Promise<void> {
  const started = performance.now();
  const manifest = readDemoManifest(deps.resourcesDir);
  const dir = demoDir(deps.resourcesDir);
  const repo = new DemoRepo(deps.db);
  removeDemo(deps.db, repo, manifest);
  deps.db.write(() => repo.setSeedState('started'));
  try {
    for (const s of manifest.schemes) {
      await importScheme(deps, {
        fileName: s.file,
        bytes: fs.readFileSync(path.join(dir, s.file)),
        options: READ_OPTIONS,
        columns: s.columns,
        scheme: {
          id: s.id,
          nameHe: s.nameHe,
          nameEn: s.nameEn,
          version: s.version,
          agency: s.agency,
          source: s.source,
        },
      });
    }
    for (const c of manifest.crosswalks) {
      await importCrosswalk(deps, {
        fileName: c.file,
        bytes: fs.readFileSync(path.join(dir, c.file)),
        options: READ_OPTIONS,
        columns: c.columns,
        crosswalk: {
          id: c.id,
          nameHe: c.nameHe,
          nameEn: c.nameEn,
          sourceSchemeId: c.sourceSchemeId,
          targetSchemeId: c.targetSchemeId,
          description: c.description,
        },
        defaults: c.defaults,
      });
    }
    deps.db.write(() => {
      repo.setSchemePrefixes(manifest.schemes);
      repo.setSeedState('done');
    });
  } catch (error) {
    removeDemo(deps.db, repo, manifest);
    throw new Error(
      `The demo workspace could not be built from ${dir}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const counts = manifest.crosswalks.map((c) => `${c.id}: ${c.rows}`).join(', ');
  console.info(
    `gesher: demo workspace built in ${Math.round(performance.now() - started)} ms (mappings ${counts})`,
  );
}

/** Removes whatever part of the demo is in the workspace (nothing, on a clean first start). */
function removeDemo(db: WorkspaceDb, repo: DemoRepo, manifest: DemoManifest): void {
  const schemeIds = manifest.schemes.map((s) => s.id);
  const crosswalkIds = manifest.crosswalks.map((c) => c.id);
  if (repo.countPresent(schemeIds, crosswalkIds) === 0 && repo.seedState() === null) return;
  db.write(() => repo.remove(schemeIds, crosswalkIds));
}
