/**
 * The SQLite side of the registration store (store.ts, store-sqlite.ts): one file opened with Node's built-in
 * `node:sqlite` (no native addon to compile). WAL lets readers run beside the one writer; busy_timeout makes a
 * second writer wait instead of failing; PRAGMA user_version records which migrations have run. PostgreSQL has the
 * same schema in its own words (store-postgres.ts: pgMigrations).
 *
 * This file imports nothing but Node built-ins so that `npm run rsvp:purge` can load it with plain Node.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export type Db = DatabaseSync;

/** Default location, relative to the working directory; RSVP_DB_PATH overrides it. */
export const DEFAULT_DB_PATH = 'data/rsvp.sqlite';

/** How long a connection waits for another's write lock before giving up (ms). */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Schema changes, in order. Never edit one that has shipped: append a new one. Times are epoch milliseconds.
 * Index n is applied when user_version is n, and moves it to n + 1.
 */
export const migrations: string[] = [
  `CREATE TABLE rsvps (
     id            INTEGER PRIMARY KEY,            -- order of registration (waiting list order)
     event         TEXT    NOT NULL,               -- event slug (content/events/<slug>.mdx)
     code          TEXT    NOT NULL UNIQUE,        -- confirmation code shown to the registrant
     token         TEXT    NOT NULL,               -- idempotency token from the form
     name          TEXT    NOT NULL,
     phone         TEXT    NOT NULL,               -- 11 digits
     seats         INTEGER NOT NULL CHECK (seats >= 1),
     child_ages    TEXT,                           -- comma-separated ages, family events only
     school        TEXT,
     class_name    TEXT,
     due_date      TEXT,                           -- YYYY-MM-DD
     status        TEXT    NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
     created_at    INTEGER NOT NULL,
     promoted_at   INTEGER,
     cancelled_at  INTEGER,
     event_ends_at INTEGER NOT NULL,               -- so the purge needs no content files
     UNIQUE (event, token)
   );
   -- One live registration per phone and event; a cancelled one does not block booking again.
   CREATE UNIQUE INDEX rsvps_event_phone ON rsvps (event, phone) WHERE status <> 'cancelled';
   CREATE INDEX rsvps_event_status ON rsvps (event, status, id);
   CREATE INDEX rsvps_ends ON rsvps (event_ends_at);`,
  // PIPL (FACTS §6): sensitive items in their coarse form, each with its own consent, and a record of consent.
  // Exact ages and due dates were asked under one bundled consent, never the separate one sensitive information
  // needs (art. 29, 31): they go, and the rest of each booking stays. Rows from before this have the privacy
  // consent (the old form refused without it) at their registration time, and no notice version on record.
  `ALTER TABLE rsvps ADD COLUMN child_age_bands TEXT;                -- JSON {"kids3to6": 2, …}, with its consent only
   ALTER TABLE rsvps ADD COLUMN due_month TEXT;                      -- YYYY-MM, with its consent only
   ALTER TABLE rsvps ADD COLUMN consents TEXT NOT NULL DEFAULT '';   -- comma-separated: privacy, dueMonth, childAgeBands
   ALTER TABLE rsvps ADD COLUMN notice_version TEXT;                 -- privacy notice version shown (src/lib/rsvp/notice.ts)
   ALTER TABLE rsvps ADD COLUMN consented_at INTEGER;                -- when those consents were given
   UPDATE rsvps SET consents = 'privacy', consented_at = created_at;
   ALTER TABLE rsvps DROP COLUMN child_ages;
   ALTER TABLE rsvps DROP COLUMN due_date;`,
  // Withdrawing the sensitive consents without cancelling (PIPL art. 15): when it happened; the items are gone.
  `ALTER TABLE rsvps ADD COLUMN withdrawn_at INTEGER;`,
  // Sessions and school groups (src/lib/sessions.ts). Every booking made before belongs to its event's one
  // session, `main` (an event rewritten as a list keeps them by naming a session `main`). Capacity, waiting list
  // and order are per session. A school group books one class per registration, so one phone may hold several
  // live bookings of an event, one per class (group_key); elsewhere it stays one per event, as the booking code
  // checks; the unique index below only backs both up. Old bookings with a school and class get their class's key.
  `ALTER TABLE rsvps ADD COLUMN session TEXT NOT NULL DEFAULT 'main';  -- session id from the event's content
   ALTER TABLE rsvps ADD COLUMN pupils INTEGER;                          -- school group: pupils (seats = pupils + teachers)
   ALTER TABLE rsvps ADD COLUMN teachers INTEGER;                        -- school group: teachers
   ALTER TABLE rsvps ADD COLUMN arrival TEXT;                            -- school group: planned arrival, HH:MM Beijing time
   ALTER TABLE rsvps ADD COLUMN prep_note TEXT;                          -- school group: what to prepare (optional)
   ALTER TABLE rsvps ADD COLUMN safety_ack_at INTEGER;                   -- school group: safety notice acknowledged
   ALTER TABLE rsvps ADD COLUMN group_key TEXT NOT NULL DEFAULT '';      -- school group: the class (school + class)
   UPDATE rsvps SET group_key = replace(school || char(10) || class_name, ' ', '')
     WHERE status <> 'cancelled' AND school IS NOT NULL AND class_name IS NOT NULL;
   DROP INDEX rsvps_event_phone;
   CREATE UNIQUE INDEX rsvps_event_phone_class ON rsvps (event, phone, group_key) WHERE status <> 'cancelled';
   DROP INDEX rsvps_event_status;
   CREATE INDEX rsvps_event_session_status ON rsvps (event, session, status, id);`,
  // The staff console (src/server/staff.ts, audit.ts): accounts with scrypt hashes, signed-in sessions (only a
  // hash of the cookie is stored), the audit log (PIPL art. 51) and when a registration was checked in at the door.
  `CREATE TABLE staff (
     id            INTEGER PRIMARY KEY,
     name          TEXT    NOT NULL UNIQUE,
     password_hash TEXT    NOT NULL,             -- scrypt$N$r$p$salt$hash (base64)
     disabled_at   INTEGER,
     failed_count  INTEGER NOT NULL DEFAULT 0,    -- failed sign-ins in a row
     locked_until  INTEGER,
     created_at    INTEGER NOT NULL
   );
   CREATE TABLE staff_sessions (
     token_hash TEXT    PRIMARY KEY,             -- sha256 of the cookie value
     staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
     created_at INTEGER NOT NULL,
     seen_at    INTEGER NOT NULL
   );
   CREATE TABLE audit_log (
     id     INTEGER PRIMARY KEY,
     at     INTEGER NOT NULL,
     actor  TEXT    NOT NULL,                    -- staff name, as typed for a failed sign-in
     action TEXT    NOT NULL,                    -- src/server/audit.ts: AuditAction
     target TEXT    NOT NULL DEFAULT ''          -- event/session, a code; never a phone number
   );
   CREATE INDEX audit_log_at ON audit_log (at);
   ALTER TABLE rsvps ADD COLUMN checked_in_at INTEGER;
   ALTER TABLE rsvps ADD COLUMN checked_in_by TEXT;`,
];

/** Opens (creating folder, file and schema when missing) a connection ready for concurrent use. */
export function openDb(path: string = DEFAULT_DB_PATH): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new DatabaseSync(path, { timeout: BUSY_TIMEOUT_MS });
  db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.exec('PRAGMA journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only a power cut may lose the last commits.
  db.exec('PRAGMA synchronous = NORMAL');
  // Deleted or blanked personal data is overwritten on disk, not just unlinked (cancellation, purge).
  db.exec('PRAGMA secure_delete = ON');
  migrate(db);
  return db;
}

function userVersion(db: Db): number {
  return Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);
}

/** Applies pending migrations; several processes opening a new file at once each wait for the write lock. */
export function migrate(db: Db): void {
  if (userVersion(db) >= migrations.length) return;
  immediate(db, () => {
    // Re-read inside the lock: another connection may have migrated while this one waited.
    for (let v = userVersion(db); v < migrations.length; v++) {
      db.exec(migrations[v]!);
      db.exec(`PRAGMA user_version = ${v + 1}`);
    }
  });
  // A migration may drop personal data (secure_delete overwrote it in the file): fold the WAL back too.
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
}

/**
 * Runs `fn` inside BEGIN IMMEDIATE: the write lock is taken before the first read, so a check made inside
 * (seats left, phone already booked) still holds when the write happens. Rolls back if `fn` throws.
 */
export function immediate<T>(db: Db, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (e) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw e;
  }
}
