import { openTestBackend } from '../tests/integration/harness';
import { measureSnapshotInWorker, snapshotOnMainThread } from './figures/snapshot';

/** A small process that opens the workspace in its backend worker and snapshots it (see measureSnapshotInProbe). */
const dir = process.argv[2];
if (!dir) throw new Error('usage: snapshot-probe.ts <workspace dir>');
async function probe() {
  const figures = await measureSnapshotInWorker(dir!);
  // For contrast, the same snapshot with the backend on this (main) thread.
  const t = await openTestBackend({ workspaceDir: dir! });
  const mainThread = await snapshotOnMainThread(t);
  await t.close();
  return { ...figures, mainThread };
}

probe().then(
  (figures) => {
    console.log(JSON.stringify(figures));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
