import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Browser tests run against the production build served by the real server (dist/server/entry.mjs),
 * with a fresh RSVP database per run. `npm run build` must have run first (npm test does it).
 */
const port = Number(process.env.E2E_PORT ?? 4399);
const outDir = process.env.OUT_DIR ?? 'dist';
const dbDir = mkdtempSync(join(tmpdir(), 'sdcbb-e2e-'));
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

// Debian's chromium where present (CI installs it); otherwise Playwright's own browser.
const debianChromium = '/usr/bin/chromium';
const launchOptions = existsSync(debianChromium)
  ? {
      executablePath: debianChromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    timezoneId: 'America/New_York',
    trace: 'off',
    launchOptions,
  },
  projects: [
    { name: 'mobile', use: { ...devices['Pixel 7'], launchOptions } },
  ],
  webServer: {
    command: `node --disable-warning=ExperimentalWarning ${outDir}/server/entry.mjs`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: {
      HOST: 'localhost',
      PORT: String(port),
      RSVP_DB_PATH: join(dbDir, 'rsvp.sqlite'),
      RSVP_ADMIN_TOKEN: ADMIN_TOKEN,
      // Generous so that tests sharing one client address are not throttled; the limit itself is unit-tested.
      RSVP_RATE_LIMIT: '1000',
    },
  },
});
