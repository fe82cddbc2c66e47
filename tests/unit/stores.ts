/**
 * The stores every store test runs on: SQLite on a fresh temp file, and PostgreSQL in a fresh schema of the cluster
 * tests/unit/pg-setup.ts started (skipped, with a message, where PostgreSQL is not installed; never in CI).
 *
 *   describe.each(storeKinds)('booking on $name', ({ fresh }) => { it('…', async () => { const store = await fresh(); … }) })
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, inject } from 'vitest';
import { openDb } from '../../src/server/db';
import type { Store } from '../../src/server/store';
import { openPostgresStore } from '../../src/server/store-postgres';
import { sqliteStore } from '../../src/server/store-sqlite';
import { tempDbPath } from './rsvp-fixtures';

export interface StoreKind {
  name: 'SQLite' | 'PostgreSQL';
  /** A new, empty store with the current schema; closed after the test. */
  fresh(): Promise<Store>;
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

async function freshPostgres(base: string): Promise<Store> {
  admin ??= await openPostgresStore(base, { max: 2 });
  const { url, schema } = freshSchemaUrl(base);
  await admin.run(`CREATE SCHEMA ${schema}`);
  const store = await openPostgresStore(url, { max: 4 });
  opened.push(store);
  return store;
}

export async function freshSqlite(path = tempDbPath()): Promise<Store> {
  const store = sqliteStore(openDb(path));
  opened.push(store);
  return store;
}

const pgUrl = inject('pgUrl');

export const storeKinds: StoreKind[] = [
  { name: 'SQLite', fresh: () => freshSqlite() },
  ...(pgUrl ? [{ name: 'PostgreSQL' as const, fresh: () => freshPostgres(pgUrl) }] : []),
];
