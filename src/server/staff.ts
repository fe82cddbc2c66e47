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
import { immediate, type Db } from './db.ts';

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

const byName = (db: Db, name: string) => db.prepare('SELECT * FROM staff WHERE name = ?').get(name) as StaffRow | undefined;

export function addStaff(db: Db, name: string, password: string, now = new Date()): void {
  if (!validName(name)) throw new Error('name: 2–32 letters, digits, dot, dash or underscore');
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  if (byName(db, name)) throw new Error(`staff account ${name} already exists`);
  db.prepare('INSERT INTO staff (name, password_hash, created_at) VALUES (?, ?, ?)').run(name, hashPassword(password), now.getTime());
}

/** Disables an account and ends its sessions. */
export function disableStaff(db: Db, name: string, now = new Date()): void {
  const row = byName(db, name);
  if (!row) throw new Error(`no staff account ${name}`);
  immediate(db, () => {
    db.prepare('UPDATE staff SET disabled_at = ? WHERE id = ?').run(now.getTime(), row.id);
    db.prepare('DELETE FROM staff_sessions WHERE staff_id = ?').run(row.id);
  });
}

/** Sets a new password, enables the account again, lifts a lock and ends its sessions. */
export function resetStaff(db: Db, name: string, password: string): void {
  const row = byName(db, name);
  if (!row) throw new Error(`no staff account ${name}`);
  if (password.length < MIN_PASSWORD_LENGTH) throw new Error(`password: at least ${MIN_PASSWORD_LENGTH} characters`);
  const hash = hashPassword(password);
  immediate(db, () => {
    db.prepare('UPDATE staff SET password_hash = ?, disabled_at = NULL, failed_count = 0, locked_until = NULL WHERE id = ?').run(hash, row.id);
    db.prepare('DELETE FROM staff_sessions WHERE staff_id = ?').run(row.id);
  });
}

export type SignIn = { ok: true; name: string; token: string } | { ok: false; locked: boolean };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Checks a name and password. On success: a new session's cookie value. On failure `locked` says only whether
 * this request found or put an existing account under lock, for the log; the page shows the same message anyway.
 */
export function signIn(db: Db, name: string, password: string, now = new Date()): SignIn {
  const t = now.getTime();
  const row = validName(name) ? byName(db, name) : undefined;
  if (!row) {
    verifyPassword(password, (dummyHash ??= hashPassword('not-a-password')));
    return { ok: false, locked: false };
  }
  const locked = row.locked_until !== null && row.locked_until > t;
  const good = verifyPassword(password, row.password_hash);
  if (!good || locked || row.disabled_at !== null) {
    if (!locked && !good) {
      const failed = row.failed_count + 1;
      const lock = failed >= LOCK_AFTER ? t + LOCK_MINUTES * 60_000 : null;
      db.prepare('UPDATE staff SET failed_count = ?, locked_until = ? WHERE id = ?').run(lock ? 0 : failed, lock, row.id);
      return { ok: false, locked: lock !== null };
    }
    return { ok: false, locked };
  }
  const token = randomBytes(32).toString('base64url');
  db.prepare('UPDATE staff SET failed_count = 0, locked_until = NULL WHERE id = ?').run(row.id);
  db.prepare('INSERT INTO staff_sessions (token_hash, staff_id, created_at, seen_at) VALUES (?, ?, ?, ?)').run(sha256(token), row.id, t, t);
  return { ok: true, name: row.name, token };
}

/** The staff name behind a cookie value, refreshing its idle time; undefined when expired, ended or unknown. */
export function sessionStaff(db: Db, token: string | undefined, now = new Date()): string | undefined {
  if (!token) return undefined;
  const t = now.getTime();
  const h = sha256(token);
  const row = db
    .prepare('SELECT s.created_at, s.seen_at, st.name, st.disabled_at FROM staff_sessions s JOIN staff st ON st.id = s.staff_id WHERE s.token_hash = ?')
    .get(h) as { created_at: number; seen_at: number; name: string; disabled_at: number | null } | undefined;
  if (!row) return undefined;
  if (row.disabled_at !== null || t - Number(row.seen_at) > IDLE_MINUTES * 60_000 || t - Number(row.created_at) > MAX_HOURS * 3_600_000) {
    db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(h);
    return undefined;
  }
  db.prepare('UPDATE staff_sessions SET seen_at = ? WHERE token_hash = ?').run(t, h);
  return row.name;
}

export function signOut(db: Db, token: string | undefined): void {
  if (token) db.prepare('DELETE FROM staff_sessions WHERE token_hash = ?').run(sha256(token));
}

/** Forgets sessions idle past their time (run with the purge). */
export function purgeSessions(db: Db, now = new Date()): number {
  return Number(db.prepare('DELETE FROM staff_sessions WHERE seen_at < ?').run(now.getTime() - IDLE_MINUTES * 60_000).changes);
}
