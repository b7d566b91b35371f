// `npm run screenshots`: the README's pictures, taken from the real app (browser host + Chromium)
// on a fresh demo workspace, in Hebrew and in English.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'gesher-shots-'));
const host = spawn(process.execPath, ['dist/electron/browser-host.cjs', '--workspace', workspace], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve) => {
  let out = '';
  host.stdout.on('data', (d) => {
    out += d;
    const m = /GESHER_URL (\S+)/.exec(out);
    if (m) resolve(m[1]);
  });
});
const browser = await chromium.launch({
  executablePath: ['/usr/bin/chromium', process.env.CHROMIUM_PATH].find(
    (p) => p && fs.existsSync(p),
  ),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
await page.goto(url);
await page.locator('input[name="name"]').fill('נועה לוי');
await page.locator('button[type="submit"]').click();
await page.getByTestId('mapping-grid').locator('[data-testid="row-source-code"]').first().waitFor();
const picker = page.getByTestId('crosswalk-picker');
await picker.selectOption(
  (await picker.locator('option', { hasText: 'ISCO-88' }).first().getAttribute('value')) ?? '',
);
await page.getByTestId('mapping-grid').locator('[data-testid="row-source-code"]').first().click();
for (const key of ['a', 'ArrowDown', 'ArrowDown', 'd', 'ArrowDown', 'a', 'ArrowDown'])
  await page.keyboard.press(key);
await page.waitForTimeout(500);
fs.mkdirSync('docs', { recursive: true });
await page.screenshot({ path: 'docs/screenshot-he.png' });
await page.getByRole('button', { name: 'English' }).click();
await page.waitForTimeout(800);
await page.screenshot({ path: 'docs/screenshot-en.png' });
await browser.close();
host.kill('SIGTERM');
console.log('screenshots: docs/screenshot-he.png, docs/screenshot-en.png');
