// `npm test`: everything. Build, typecheck, lint, unit + integration (Vitest), end-to-end
// (Playwright, browser host and Electron), then one closing line that sums every suite.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';

const results = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function step(name, cmd, args, options = {}) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
    ...options,
  });
  return r.status === 0;
}

function check(name, cmd, args) {
  if (step(name, cmd, args)) results.passed += 1;
  else {
    results.failed += 1;
    problems.push(name);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gesher-test-report-'));

// Electron is an optional dependency: where its binary cannot be downloaded, npm drops the
// package. Its type definitions are still needed to typecheck the Electron host.
if (!fs.existsSync('node_modules/electron/package.json')) {
  const version = JSON.parse(fs.readFileSync('package.json', 'utf8')).optionalDependencies.electron;
  step(
    'electron types (binary skipped)',
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', `electron@${version}`],
    {
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    },
  );
}

if (!step('build', 'node', ['scripts/build.mjs'])) {
  console.log('\nThe build failed; nothing else can run.');
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
check('typecheck', 'npx', ['tsc', '-b']);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format', 'npx', ['prettier', '--check', '.', '--log-level=warn']);

const vitestReport = path.join(tmp, 'vitest.json');
const vitestOk = step('unit and integration tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
if (fs.existsSync(vitestReport)) {
  const v = JSON.parse(fs.readFileSync(vitestReport, 'utf8'));
  results.passed += v.numPassedTests;
  const failed = v.numFailedTests + suitesThatFailedToLoad(v);
  // A run that failed without a failing test (a crash, a config error) still counts as a failure.
  results.failed += failed === 0 && !vitestOk ? 1 : failed;
  if (failed === 0 && !vitestOk) problems.push('vitest exited with an error');
  results.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} else {
  results.failed += 1;
  problems.push('vitest wrote no report');
}

/** A test file that failed to load has no test results; each counts once as a failure. */
function suitesThatFailedToLoad(v) {
  return (v.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
  ).length;
}

const chromium = ensureChromium();
if (!chromium) {
  results.failed += 1;
  problems.push('no Chromium for the end-to-end tests');
} else {
  const playwrightReport = path.join(tmp, 'playwright.json');
  const e2eOk = step('end-to-end tests', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  });
  if (fs.existsSync(playwrightReport)) {
    const p = JSON.parse(fs.readFileSync(playwrightReport, 'utf8'));
    results.passed += p.stats.expected + (p.stats.flaky ?? 0);
    const failed = p.stats.unexpected + (p.errors?.length ?? 0);
    results.failed += failed === 0 && !e2eOk ? 1 : failed;
    if (p.errors?.length || (failed === 0 && !e2eOk))
      problems.push('playwright reported errors outside the tests');
    results.skipped += p.stats.skipped;
    const reasons = new Set();
    const walk = (suite) => {
      for (const s of suite.suites ?? []) walk(s);
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          for (const a of t.annotations ?? [])
            if (a.type === 'skip' && a.description) reasons.add(a.description);
    };
    for (const s of p.suites ?? []) walk(s);
    for (const r of reasons) console.log(`skipped: ${r}`);
  } else {
    results.failed += 1;
    problems.push('playwright wrote no report');
  }
}

if (problems.length) console.log(`\nFailed: ${problems.join(', ')}`);
console.log(
  `tests: ${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`,
);
process.exit(results.failed > 0 ? 1 : 0);
