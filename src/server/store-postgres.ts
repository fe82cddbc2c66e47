/**
 * The PostgreSQL store (src/server/store.ts) for several server instances (deploy/): DATABASE_URL=postgres://…
 * - One pool per process. `write(scope)` runs its transaction on one pooled connection and first takes the
 *   transaction-scoped advisory lock of its scope (one event, or the staff accounts): every instance's
 *   check-then-write on that event takes turns, as SQLite's BEGIN IMMEDIATE makes them do, and in READ COMMITTED
 *   each later statement sees everything committed before the lock was granted. Other events do not wait.
 *   Confirmation codes are unique across events: the UNIQUE index settles the rare race between two events.
 * - The schema is the SQLite one (db.ts) in PostgreSQL's words; `schema_version` records which migrations ran,
 *   applied under their own advisory lock so that instances starting together migrate once.
 * - Epoch-millisecond times are BIGINT; they and counts come back as JavaScript numbers, as from SQLite.
 */
import pg from 'pg';
import type { Param, Sql, Store } from './store.ts';

/** Advisory lock keys (any constants unique to this application): (class, hashtext(scope)) for writes. */
const WRITE_LOCK = 7_261_001;
const MIGRATE_LOCK = 7_261_002;

/** Schema changes, in order; never edit one that has shipped: append. The first is db.ts's migrations 1–5 at once. */
export const pgMigrations: string[] = [
  `CREATE TABLE rsvps (
     id              BIGSERIAL PRIMARY KEY,        -- order of registration (waiting list order)
     event           TEXT    NOT NULL,
     session         TEXT    NOT NULL DEFAULT 'main',
     code            TEXT    NOT NULL UNIQUE,
     token           TEXT    NOT NULL,
     name            TEXT    NOT NULL,
     phone           TEXT    NOT NULL,
     seats           INTEGER NOT NULL CHECK (seats >= 1),
     pupils          INTEGER,
     teachers        INTEGER,
     arrival         TEXT,
     prep_note       TEXT,
     safety_ack_at   BIGINT,
     group_key       TEXT    NOT NULL DEFAULT '',
     child_age_bands TEXT,
     school          TEXT,
     class_name      TEXT,
     due_month       TEXT,
     consents        TEXT    NOT NULL DEFAULT '',
     notice_version  TEXT,
     consented_at    BIGINT,
     withdrawn_at    BIGINT,
     status          TEXT    NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
     created_at      BIGINT  NOT NULL,
     promoted_at     BIGINT,
     cancelled_at    BIGINT,
     event_ends_at   BIGINT  NOT NULL,
     checked_in_at   BIGINT,
     checked_in_by   TEXT,
     UNIQUE (event, token)
   );
   CREATE UNIQUE INDEX rsvps_event_phone_class ON rsvps (event, phone, group_key) WHERE status <> 'cancelled';
   CREATE INDEX rsvps_event_session_status ON rsvps (event, session, status, id);
   CREATE INDEX rsvps_ends ON rsvps (event_ends_at);
   CREATE TABLE staff (
     id            BIGSERIAL PRIMARY KEY,
     name          TEXT    NOT NULL UNIQUE,
     password_hash TEXT    NOT NULL,
     disabled_at   BIGINT,
     failed_count  INTEGER NOT NULL DEFAULT 0,
     locked_until  BIGINT,
     created_at    BIGINT  NOT NULL
   );
   CREATE TABLE staff_sessions (
     token_hash TEXT   PRIMARY KEY,
     staff_id   BIGINT NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
     created_at BIGINT NOT NULL,
     seen_at    BIGINT NOT NULL
   );
   CREATE TABLE audit_log (
     id     BIGSERIAL PRIMARY KEY,
     at     BIGINT NOT NULL,
     actor  TEXT   NOT NULL,
     action TEXT   NOT NULL,
     target TEXT   NOT NULL DEFAULT ''
   );
   CREATE INDEX audit_log_at ON audit_log (at);`,
];

/** `?` placeholders (the rules' SQL) as PostgreSQL's $1, $2 …; the rules' SQL has no `?` inside a string. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// BIGINT (20) and NUMERIC (1700, from SUM of BIGINT) as numbers: times in ms and counts stay far below 2^53.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 || oid === 1700 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

function sqlOf(c: Queryable): Sql {
  const q = async (sql: string, params: readonly Param[] = []) => c.query({ text: numbered(sql), values: params as Param[] });
  return {
    get: async <T>(sql: string, params?: readonly Param[]) => (await q(sql, params)).rows[0] as T | undefined,
    all: async <T>(sql: string, params?: readonly Param[]) => (await q(sql, params)).rows as T[],
    run: async (sql: string, params?: readonly Param[]) => ({ changes: (await q(sql, params)).rowCount ?? 0 }),
  };
}

/** Runs `fn` in a transaction on one pooled connection, holding the lock (`lock`, `scope`) until it ends. */
async function transaction<T>(pool: pg.Pool, lock: number, scope: string, fn: (tx: Sql, c: pg.PoolClient) => Promise<T>): Promise<T> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [lock, scope]);
    const result = await fn(sqlOf(c), c);
    await c.query('COMMIT');
    return result;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    c.release();
  }
}

export async function migratePostgres(pool: pg.Pool): Promise<void> {
  await transaction(pool, MIGRATE_LOCK, 'schema', async (tx, c) => {
    await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const row = await tx.get<{ version: number }>('SELECT version FROM schema_version');
    if (!row) await c.query('INSERT INTO schema_version (version) VALUES (0)');
    for (let v = row?.version ?? 0; v < pgMigrations.length; v++) {
      await c.query(pgMigrations[v]!);
      await c.query('UPDATE schema_version SET version = $1', [v + 1]);
    }
  });
}

/** Opens a pool on `url` and brings the schema up to date. */
export async function openPostgresStore(url: string, { max = 10 }: { max?: number } = {}): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle pooled connection that the server dropped (restart, failover) is replaced, not fatal to the process.
  pool.on('error', (e) => console.error(`PostgreSQL: ${e.message}`));
  await migratePostgres(pool);
  const sql = sqlOf(pool);
  const safe = new URL(url);
  safe.password = '';
  return {
    kind: 'postgres',
    label: `PostgreSQL ${safe.host}${safe.pathname}`,
    ...sql,
    write: (scope, fn) => transaction(pool, WRITE_LOCK, scope, (tx) => fn(tx)),
    // Deleted rows are unreachable at once and their space is reused by autovacuum; nothing to fold back.
    compact: async () => undefined,
    close: () => pool.end(),
  };
}
