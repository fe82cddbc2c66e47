/**
 * Staff accounts and their sign-in sessions for the console at /admin/ (issue 13, DESIGN §7).
 * - Passwords: scrypt from node:crypto (memory-hard), a random salt each, parameters stored with the hash.
 * - Sign-in: LOCK_AFTER failures in a row lock the account for LOCK_MINUTES; an unknown name, a wrong password, a
 *   disabled or locked account all get the same answer, and an unknown name costs the same scrypt work.
 * - Sessions: a random cookie value; only its SHA-256 is stored. A session ends after IDLE_MINUTES without a
 *   request, after MAX_HOURS whatever, on sign-out, and when the account is disabled or its password reset.
 * Imports only Node built-ins, so `npm run staff` runs it with plain Node.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { scopes, type Sql, type Store } from './store.ts';

export const IDLE_MINUTES = 30;
export const MAX_HOURS = 12;
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
export const MIN_PASSWORD_LENGTH = 10;

/** scrypt cost: N = 2^15, r = 8 (32 MiB of memory per hash), p = 1. */
const KDF = { N: 1 << 15, r: 8, p: 1, keylen: 32 };
const maxmem = 64 * 1024 * 1024;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KDF.keylen, { N: KDF.N, r: KDF.r, p: KDF.p, maxmem });
  return ['scrypt', KDF.N, KDF.r, KDF.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem,
  });
  return timingSafeEqual(got, expected);
}

/** Compared against when the name is unknown, so that answer takes as long as a wrong password. */
let dummyHash: string | undefined;

export const validName = (name: string) => /^[A-Za-z0-9._-]{2,32}$/.test(name);

export interface StaffRow {
  id: number;
  name: string;
  password_hash: string;
  disabled_at: number | null;
  failed_count: number;
  locked_until: number | null;
}

const byName = (db: Sql, name: string) => db.get<StaffRow>('SELECT * FROM staff WHERE name = ?', [name]);

export async function addStaff(store: Store, name: string, password: string, now = new Date()): Promise<void> {
  if (!validName(name)) throw new Error('name: 2–32 letters, digits, dot, dash or underscore');
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  const hash = hashPassword(password);
  await store.write(scopes.staff, async (tx) => {
    if (await byName(tx, name)) throw new Error(`staff account ${name} already exists`);
    await tx.run('INSERT INTO staff (name, password_hash, created_at) VALUES (?, ?, ?)', [name, hash, now.getTime()]);
  });
}

/** Disables an account and ends its sessions. */
export async function disableStaff(store: Store, name: string, now = new Date()): Promise<void> {
  await store.write(scopes.staff, async (tx) => {
    const row = await byName(tx, name);
    if (!row) throw new Error(`no staff account ${name}`);
    await tx.run('UPDATE staff SET disabled_at = ? WHERE id = ?', [now.getTime(), row.id]);
    await tx.run('DELETE FROM staff_sessions WHERE staff_id = ?', [row.id]);
  });
}

/** Sets a new password, enables the account again, lifts a lock and ends its sessions. */
export async function resetStaff(store: Store, name: string, password: string): Promise<void> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  const hash = hashPassword(password);
  await store.write(scopes.staff, async (tx) => {
    const row = await byName(tx, name);
    if (!row) throw new Error(`no staff account ${name}`);
    await tx.run('UPDATE staff SET password_hash = ?, disabled_at = NULL, failed_count = 0, locked_until = NULL WHERE id = ?', [hash, row.id]);
    await tx.run('DELETE FROM staff_sessions WHERE staff_id = ?', [row.id]);
  });
}

export type SignIn = { ok: true; name: string; token: string } | { ok: false; locked: boolean };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Checks a name and password. On success: a new session's cookie value. On failure `locked` says only whether
 * this request found or put an existing account under lock, for the log; the page shows the same message anyway.
 */
export async function signIn(store: Store, name: string, password: string, now = new Date()): Promise<SignIn> {
  const t = now.getTime();
  const row = validName(name) ? await byName(store, name) : undefined;
  if (!row) {
    verifyPassword(password, (dummyHash ??= hashPassword('not-a-password')));
    return { ok: false, locked: false };
  }
  const locked = row.locked_until !== null && row.locked_until > t;
  const good = verifyPassword(password, row.password_hash);
  if (!good || locked || row.disabled_at !== null) {
    if (!locked && !good) {
      // Counted in the database, in one statement: failures spread over several server instances add up.
      const counted = await store.write(scopes.staff, async (tx) => {
        const r = await tx.get<{ failed_count: number }>(
          'UPDATE staff SET failed_count = failed_count + 1 WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) RETURNING failed_count',
          [row.id, t],
        );
        if (!r || Number(r.failed_count) < LOCK_AFTER) return { locked: !r };
        await tx.run('UPDATE staff SET failed_count = 0, locked_until = ? WHERE id = ?', [t + LOCK_MINUTES * 60_000, row.id]);
        return { locked: true };
      });
      return { ok: false, locked: counted.locked };
    }
    return { ok: false, locked };
  }
  const token = randomBytes(32).toString('base64url');
  await store.write(scopes.staff, async (tx) => {
    await tx.run('UPDATE staff SET failed_count = 0, locked_until = NULL WHERE id = ?', [row.id]);
    await tx.run('INSERT INTO staff_sessions (token_hash, staff_id, created_at, seen_at) VALUES (?, ?, ?, ?)', [sha256(token), row.id, t, t]);
  });
  return { ok: true, name: row.name, token };
}

/** The staff name behind a cookie value, refreshing its idle time; undefined when expired, ended or unknown. */
export async function sessionStaff(db: Sql, token: string | undefined, now = new Date()): Promise<string | undefined> {
  if (!token) return undefined;
  const t = now.getTime();
  const h = sha256(token);
  const row = await db.get<{ created_at: number; seen_at: number; name: string; disabled_at: number | null }>(
    'SELECT s.created_at, s.seen_at, st.name, st.disabled_at FROM staff_sessions s JOIN staff st ON st.id = s.staff_id WHERE s.token_hash = ?',
    [h],
  );
  if (!row) return undefined;
  if (row.disabled_at !== null || t - Number(row.seen_at) > IDLE_MINUTES * 60_000 || t - Number(row.created_at) > MAX_HOURS * 3_600_000) {
    await db.run('DELETE FROM staff_sessions WHERE token_hash = ?', [h]);
    return undefined;
  }
  await db.run('UPDATE staff_sessions SET seen_at = ? WHERE token_hash = ?', [t, h]);
  return row.name;
}

export async function signOut(db: Sql, token: string | undefined): Promise<void> {
  if (token) await db.run('DELETE FROM staff_sessions WHERE token_hash = ?', [sha256(token)]);
}

/** Forgets sessions idle past their time (run with the purge). */
export async function purgeSessions(db: Sql, now = new Date()): Promise<number> {
  return (await db.run('DELETE FROM staff_sessions WHERE seen_at < ?', [now.getTime() - IDLE_MINUTES * 60_000])).changes;
}
