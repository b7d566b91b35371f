// `npm run bench`: builds the hosts (the snapshot and cold-start figures run the real worker and
// browser-host bundles), then runs bench/main.ts with tsx. Prints figures; never fails on a goal.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1;

if (run(['scripts/build.mjs', 'hosts']) !== 0) process.exit(1);
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
process.exit(
  run(['--max-old-space-size=6144', '--expose-gc', tsx, 'bench/main.ts', ...process.argv.slice(2)]),
);
