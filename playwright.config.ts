import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real renderer, served by the real headless host (real SQLite file, real
// feeds), in Debian's Chromium: Playwright cannot download its own browsers on this machine.
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  // every test's temporary files (databases, hosts' folders) in one folder, removed at the end
  globalSetup: './test/helpers/temp-root.ts',
  use: {
    viewport: { width: 1920, height: 1080 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});
