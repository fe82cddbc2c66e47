/**
 * What the deployment tests share: the fixture build they run on, and the rule for a machine without nginx or
 * PostgreSQL (a clear skip for a developer; in CI, CI=1, a failure: CI installs both, so their absence is a fault).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestContext } from 'node:test';
import { deployPrerequisites } from '../../scripts/lib/deploy-local-run.ts';
import { inCI } from '../../scripts/lib/pg-temp.ts';
import { FIXTURE_OUT, FIXTURE_RUN_FILE } from '../fixtures/paths.ts';

/** The fixture site's build (npm run build:fixture; FIXTURE_NAME picks another copy). */
export const DIST_DIR = resolve(FIXTURE_OUT);
export const ADMIN_TOKEN = 'deploy-test-admin-token-0123456789';

/**
 * Undefined when the test can run; otherwise the reason, after skipping the test (or throwing, in CI).
 */
export function cannotRun(t: TestContext, store: 'postgres' | 'sqlite' = 'postgres'): string | undefined {
  const missing = deployPrerequisites(store);
  if (missing) {
    if (inCI()) throw new Error(`CI must run the deployment tests: ${missing}`);
    const reason = `skipped: ${missing}`;
    process.stderr.write(`deployment test ${reason}\n`);
    t.skip(reason);
    return reason;
  }
  if (!existsSync(resolve(DIST_DIR, 'server/entry.mjs')) || !existsSync(FIXTURE_RUN_FILE)) {
    throw new Error(`no fixture build in ${DIST_DIR}: run npm run build:fixture first`);
  }
  return undefined;
}

/** Environment for npm run deploy:local on the fixture build. */
export function deployEnv(port: number, extra: Record<string, string> = {}): Record<string, string> {
  return { DIST_DIR, PORT: String(port), RSVP_ADMIN_TOKEN: ADMIN_TOKEN, RSVP_RATE_LIMIT: '100000', ...extra };
}
