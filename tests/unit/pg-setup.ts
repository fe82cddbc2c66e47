/**
 * Vitest global setup: a throw-away PostgreSQL cluster (scripts/lib/pg-temp.ts) for the store tests, so every
 * store test runs on SQLite and on PostgreSQL. Without PostgreSQL's binaries the PostgreSQL half is skipped with a
 * message, except in CI (CI=1), where that is a failure: CI must never pass without having run it.
 */
import type { TestProject } from 'vitest/node';
import { inCI, postgresMissing, startPostgres, type TempPostgres } from '../../scripts/lib/pg-temp.ts';

let pg: TempPostgres | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const missing = postgresMissing();
  if (missing) {
    if (inCI()) throw new Error(`${missing}: CI runs every store test on it.`);
    console.warn(`\n[store tests] ${missing}: running the store tests on SQLite only.\n`);
    project.provide('pgUrl', '');
    return;
  }
  pg = await startPostgres();
  project.provide('pgUrl', pg.url);
}

export async function teardown(): Promise<void> {
  await pg?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
