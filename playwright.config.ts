import { defineConfig, devices } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_OUT } from './tests/fixtures/paths';

/**
 * Two sites, each built first and served by the real server (server/entry.mjs of its build folder) with its own fresh database:
 * - `content`: the real site built from content/, checked as content (schema, links, axe, budgets, JSON-LD);
 *   no test there names an event, a date or a count of the real content.
 * - `fixture`: the fixture site (npm run build:fixture) whose events are dated relative to the run; the
 *   behaviour tests (events, RSVP, search, lookup, print, themes) run there.
 * `npm test` builds both. E2E_SITES=fixture serves only the fixture site (npm run test:future).
 */
const contentPort = Number(process.env.E2E_PORT ?? 4399);
const fixturePort = contentPort - 1;
const outDir = process.env.OUT_DIR ?? 'dist';
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';
const onlyFixture = process.env.E2E_SITES === 'fixture';

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

// The fixture server's database folder: made once by the runner, inherited by its workers through the environment,
// so tests can add staff accounts to that database with `npm run staff` (tests/e2e/fixture/admin.spec.ts).
process.env.E2E_FIXTURE_DB_DIR ??= mkdtempSync(join(tmpdir(), 'sdcbb-e2e-'));
export const FIXTURE_DB_PATH = join(process.env.E2E_FIXTURE_DB_DIR, 'rsvp.sqlite');

/** The real server on a build folder, with its own database and the test settings. */
function server(dir: string, port: number, dbDir = mkdtempSync(join(tmpdir(), 'sdcbb-e2e-'))) {
  return {
    // NODE_OPTIONS passes through, so `npm run test:future` moves this server's clock too.
    command: `node --disable-warning=ExperimentalWarning ${dir}/server/entry.mjs`,
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
  };
}

const device = { ...devices['Pixel 7'], locale: 'zh-CN', timezoneId: 'America/New_York', launchOptions };

export default defineConfig({
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  use: { trace: 'off' },
  projects: [
    ...(onlyFixture
      ? []
      : [{ name: 'content', testDir: 'tests/e2e/content', use: { ...device, baseURL: `http://localhost:${contentPort}` } }]),
    { name: 'fixture', testDir: 'tests/e2e/fixture', use: { ...device, baseURL: `http://localhost:${fixturePort}` } },
  ],
  webServer: [...(onlyFixture ? [] : [server(outDir, contentPort)]), server(FIXTURE_OUT, fixturePort, process.env.E2E_FIXTURE_DB_DIR)],
});
