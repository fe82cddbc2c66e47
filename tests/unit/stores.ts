/**
 * The stores every store test runs on: SQLite on a fresh temp file, and PostgreSQL in a fresh schema of the cluster
 * tests/unit/pg-setup.ts started (skipped, with a message, where PostgreSQL is not installed; never in CI).
 *
 *   describe.each(storeKinds)('booking on $name', ({ fresh }) => { it('…', async () => { const store = await fresh(); … }) })
 *
 * `shared()` gives a store that other connections open too (worker threads, `npm run …` child processes): where it
 * is, as `openStore(target)` and the scripts' environment name it, with its schema made once before they start.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, inject } from 'vitest';
import type { Store, storeTarget } from '../../src/server/store';
import { openPostgresStore } from '../../src/server/store-postgres';
import { openSqliteStore } from '../../src/server/store-sqlite';
import { tempDbPath } from './rsvp-fixtures';

export interface StoreKind {
  name: 'SQLite' | 'PostgreSQL';
  /** A new, empty store with the current schema; closed after the test. */
  fresh(): Promise<Store>;
  /** A new, empty store for several connections: this process's one (closed after the test) and where it is. */
  shared(): Promise<SharedStore>;
}

export interface SharedStore {
  store: Store;
  /** For `openStore(target)` in another thread or process (src/server/store.ts). */
  target: ReturnType<typeof storeTarget>;
  /** The environment that points `npm run rsvp:purge`, `npm run staff` and the server at it. */
  env: { DATABASE_URL: string; RSVP_DB_PATH: string };
}

const opened: Store[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close().catch(() => undefined)));
});

/** A URL of the test cluster whose connections use their own new schema (search_path), so tests never share rows. */
export function freshSchemaUrl(base: string): { url: string; schema: string } {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), schema };
}

let admin: Store | undefined;
afterAll(async () => {
  await admin?.close();
  admin = undefined;
});

/** A new schema, created and migrated by opening the store on it. */
async function sharedPostgres(base: string): Promise<SharedStore> {
  admin ??= await openPostgresStore(base, { max: 2 });
  const { url, schema } = freshSchemaUrl(base);
  await admin.run(`CREATE SCHEMA ${schema}`);
  const store = await openPostgresStore(url, { max: 4 });
  opened.push(store);
  return { store, target: { kind: 'postgres', url }, env: { DATABASE_URL: url, RSVP_DB_PATH: '' } };
}

export async function freshSqlite(path = tempDbPath()): Promise<Store> {
  const store = openSqliteStore(path);
  opened.push(store);
  return store;
}

/** A new file, created and migrated by opening it. */
async function sharedSqlite(): Promise<SharedStore> {
  const path = tempDbPath();
  return { store: await freshSqlite(path), target: { kind: 'sqlite', path }, env: { DATABASE_URL: '', RSVP_DB_PATH: path } };
}

const pgUrl = inject('pgUrl');

export const storeKinds: StoreKind[] = [
  { name: 'SQLite', fresh: () => freshSqlite(), shared: sharedSqlite },
  ...(pgUrl
    ? [{ name: 'PostgreSQL' as const, fresh: async () => (await sharedPostgres(pgUrl)).store, shared: () => sharedPostgres(pgUrl) }]
    : []),
];
