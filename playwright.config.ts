import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './e2e',
  testMatch: /.*\.spec\.ts/,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  // One retry absorbs timing noise on a loaded 2-core machine; a test that fails twice fails the run.
  retries: 1,
  reporter: [['list']],
  projects: [
    { name: 'browser-host', metadata: { host: 'browser' } },
    { name: 'electron', metadata: { host: 'electron' } },
  ],
});
