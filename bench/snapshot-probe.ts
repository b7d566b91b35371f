import { measureSnapshotInWorker } from './figures/snapshot';

/** A small process that opens the workspace in its backend worker and snapshots it (see measureSnapshotInProbe). */
const dir = process.argv[2];
if (!dir) throw new Error('usage: snapshot-probe.ts <workspace dir>');
measureSnapshotInWorker(dir).then(
  (figures) => {
    console.log(JSON.stringify(figures));
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
