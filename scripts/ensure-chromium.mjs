// Finds a Chromium for the e2e tests, installing one when it is missing:
// Debian's package where apt works (as root), Playwright's own download elsewhere.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const KNOWN = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium() {
  return KNOWN.find((p) => p && fs.existsSync(p)) ?? null;
}

function run(cmd) {
  console.log(`$ ${cmd}`);
  return spawnSync(cmd, { shell: true, stdio: 'inherit' }).status === 0;
}

function hasApt() {
  try {
    execSync('command -v apt-get', { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (process.platform === 'linux' && hasApt()) {
    const sudo = isRoot ? '' : 'sudo ';
    console.log("Chromium is missing; installing Debian's package for the end-to-end tests.");
    if (
      run(`${sudo}apt-get update -qq`) &&
      run(`${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`)
    ) {
      const now = findChromium();
      if (now) return now;
    }
  }
  console.log("Trying Playwright's own Chromium download.");
  if (run('npx playwright install chromium')) {
    process.env.CHROMIUM_PATH = '';
    return 'playwright';
  }
  console.error(
    [
      'No Chromium for the end-to-end tests, and it could not be installed automatically. Run one of:',
      '  sudo apt-get install -y chromium            (Debian/Ubuntu)',
      '  npx playwright install chromium              (elsewhere)',
      'or set CHROMIUM_PATH to a Chromium or Chrome binary, then run `npm test` again.',
    ].join('\n'),
  );
  return null;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureChromium() ? 0 : 1);
}
