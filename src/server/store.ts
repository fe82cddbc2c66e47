/**
 * The registration store: one interface, two databases (DESIGN §7, README "配置").
 * - SQLite (`node:sqlite`, one file, the default: RSVP_DB_PATH or DATABASE_URL=file:<path>) for one server process,
 *   or a few on one machine;
 * - PostgreSQL (`pg`, DATABASE_URL=postgres://…) for several instances behind nginx (deploy/).
 * The booking rules (booking.ts), the console (console.ts, staff.ts, audit.ts) and the purge are written once against
 * `Sql`: plain SQL that both databases run, `?` for parameters. Every check-then-write runs inside `write()`, which
 * holds a write lock for the whole transaction, so a check made inside still holds when the write happens, across
 * processes too. SQLite has one lock for the file (BEGIN IMMEDIATE); PostgreSQL takes a transaction-scoped advisory
 * lock per `scope` (one event's registrations, or the staff accounts), so a burst for one event does not make
 * another event's registrations wait. Every write that checks something of an event names that event's scope.
 *
 * Imports only Node built-ins (and `pg` on demand), so plain Node 22 can load it (npm run staff, npm run rsvp:purge).
 */
import { DEFAULT_DB_PATH } from './db.ts';

export type Param = string | number | null;

/** What the rules need of a database: a row, all rows, a write. Integers come back as numbers on both stores. */
export interface Sql {
  get<T = Record<string, unknown>>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  all<T = Record<string, unknown>>(sql: string, params?: readonly Param[]): Promise<T[]>;
  run(sql: string, params?: readonly Param[]): Promise<{ changes: number }>;
}

export interface Store extends Sql {
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, without a password: for messages. */
  readonly label: string;
  /**
   * Runs `fn` in one transaction holding the write lock of `scope` (see `scopes`; SQLite has one lock for all);
   * commits when it returns, rolls back when it throws.
   * Inside, use the `tx` it is given, never the store itself (on SQLite that would wait for the lock `fn` holds).
   */
  write<T>(scope: string, fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** After deleting personal data: make sure the deleted rows leave the database files too (SQLite's WAL). */
  compact(): Promise<void>;
  close(): Promise<void>;
}

/** The write-lock scopes: everything that reads and writes one event's registrations takes that event's. */
export const scopes = {
  event: (slug: string) => `event:${slug}`,
  staff: 'staff',
} as const;

/** Which database a setting names: a postgres:// or postgresql:// URL, else a SQLite file path. */
export function storeTarget(env: { DATABASE_URL?: string | undefined; RSVP_DB_PATH?: string | undefined } = process.env):
  | { kind: 'postgres'; url: string }
  | { kind: 'sqlite'; path: string } {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  const file = url?.replace(/^file:(\/\/)?/, '');
  return { kind: 'sqlite', path: env.RSVP_DB_PATH || file || DEFAULT_DB_PATH };
}

/** Opens the store a setting names, creating its schema or migrating it first. */
export async function openStore(target: ReturnType<typeof storeTarget> = storeTarget()): Promise<Store> {
  if (target.kind === 'postgres') {
    const { openPostgresStore } = await import('./store-postgres.ts');
    return openPostgresStore(target.url);
  }
  const { openSqliteStore } = await import('./store-sqlite.ts');
  return openSqliteStore(target.path);
}
