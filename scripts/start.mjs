// `npm start`: Electron when its binary is installed, else the browser host in a Chromium app
// window; with no display at all, the browser host serves and prints the address to open.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const bin = require('electron');
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

if (!fs.existsSync('dist/electron/browser-host.cjs') || process.env.GESHER_REBUILD !== '0') {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const passthrough = process.argv.slice(2);
const electron = electronBinary();
const hasDisplay =
  process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

let child;
if (electron && hasDisplay) {
  console.log('Starting Gesher in Electron.');
  child = spawn(electron, ['dist/electron/main.cjs', ...passthrough], { stdio: 'inherit' });
} else {
  console.log(
    !electron
      ? 'The Electron binary is not installed here, so Gesher starts in its browser host (same app, served to Chromium on 127.0.0.1).'
      : 'No display for an Electron window, so Gesher starts in its browser host.',
  );
  child = spawn(process.execPath, ['dist/electron/browser-host.cjs', '--open', ...passthrough], {
    stdio: 'inherit',
  });
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
