// Builds the hosts (esbuild → dist/electron/*.cjs) and the renderer (Vite → dist/renderer).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const only = process.argv[2];

const hostEntries = {
  main: 'electron/main/main.ts',
  preload: 'electron/preload/preload.ts',
  worker: 'electron/host/backend/worker-entry.ts',
  'browser-host': 'electron/host/browser-host/main.ts',
};

async function buildHosts() {
  await esbuild({
    entryPoints: hostEntries,
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: ['electron', 'sql.js', 'exceljs', 'better-sqlite3', '@duckdb/node-api'],
    logLevel: 'warning',
  });
}

async function buildRenderer() {
  await viteBuild({ configFile: 'vite.config.mts', logLevel: 'warn' });
}

const started = Date.now();
if (only !== 'renderer') await buildHosts();
if (only !== 'hosts') await buildRenderer();
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
