/**
 * The staff console's accounts and audit log (issue 13) on each store (tests/unit/stores.ts): the scrypt KDF,
 * sign-in with lockout and idle expiry, the audit entries and their purge, and `npm run staff` reading a password
 * from a pipe.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { audit, auditActions, auditDaysSetting, auditEntries, DEFAULT_AUDIT_DAYS, purgeAudit } from '../../src/server/audit';
import {
  addStaff,
  disableStaff,
  hashPassword,
  IDLE_MINUTES,
  LOCK_AFTER,
  LOCK_MINUTES,
  resetStaff,
  sessionStaff,
  signIn,
  signOut,
  verifyPassword,
} from '../../src/server/staff';
import { storeKinds } from './stores';

const T0 = new Date('2031-03-01T09:00:00+08:00');
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const PW = 'correct horse battery';

describe('the password KDF', () => {
  it('is scrypt with its parameters and a random salt stored beside the hash', () => {
    const a = hashPassword(PW);
    const b = hashPassword(PW);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]{44}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(PW);
  });

  it('verifies the right password only', () => {
    const h = hashPassword(PW);
    expect(verifyPassword(PW, h)).toBe(true);
    expect(verifyPassword(`${PW} `, h)).toBe(false);
    expect(verifyPassword(PW, 'md5$abc')).toBe(false);
  });
});

describe('the audit log period', () => {
  it('is kept RSVP_AUDIT_DAYS days, 180 by default; anything but whole days is not a setting', () => {
    expect(auditDaysSetting(undefined)).toBe(DEFAULT_AUDIT_DAYS);
    expect(auditDaysSetting('')).toBe(180);
    expect(auditDaysSetting('90')).toBe(90);
    for (const bad of ['-1', '1.5', 'ninety']) expect(auditDaysSetting(bad)).toBeUndefined();
  });
});

describe.each(storeKinds)('staff accounts on $name', ({ fresh, shared }) => {
  describe('sign-in', () => {
    it('gives a session that ends on sign-out, after the idle time, or when the account is disabled', async () => {
      const db = await fresh();
      await addStaff(db, 'li.na', PW, T0);
      const s = await signIn(db, 'li.na', PW, T0);
      if (!s.ok) return expect.fail('refused');
      expect(await sessionStaff(db, s.token, later(IDLE_MINUTES - 1))).toBe('li.na');
      // Each request moves the idle clock on.
      expect(await sessionStaff(db, s.token, later(2 * IDLE_MINUTES - 2))).toBe('li.na');
      expect(await sessionStaff(db, s.token, later(3 * IDLE_MINUTES))).toBeUndefined();

      const s2 = await signIn(db, 'li.na', PW, T0);
      if (!s2.ok) return expect.fail('refused');
      await signOut(db, s2.token);
      expect(await sessionStaff(db, s2.token, T0)).toBeUndefined();

      const s3 = await signIn(db, 'li.na', PW, T0);
      if (!s3.ok) return expect.fail('refused');
      await disableStaff(db, 'li.na', T0);
      expect(await sessionStaff(db, s3.token, T0)).toBeUndefined();
      expect((await signIn(db, 'li.na', PW, T0)).ok).toBe(false);
      await resetStaff(db, 'li.na', 'another long password');
      expect((await signIn(db, 'li.na', 'another long password', T0)).ok).toBe(true);
    });

    it(`locks an account for ${LOCK_MINUTES} minutes after ${LOCK_AFTER} wrong passwords, even against the right one`, async () => {
      const db = await fresh();
      await addStaff(db, 'wang', PW, T0);
      for (let i = 1; i < LOCK_AFTER; i++) expect(await signIn(db, 'wang', 'wrong password', T0)).toEqual({ ok: false, locked: false });
      expect(await signIn(db, 'wang', 'wrong password', T0)).toEqual({ ok: false, locked: true });
      expect((await signIn(db, 'wang', PW, later(LOCK_MINUTES - 1))).ok).toBe(false);
      expect((await signIn(db, 'wang', PW, later(LOCK_MINUTES + 1))).ok).toBe(true);
    });

    it('answers an unknown name as a wrong password', async () => {
      const db = await fresh();
      expect(await signIn(db, 'nobody', PW, T0)).toEqual({ ok: false, locked: false });
      expect(await signIn(db, "x' OR 1=1 --", PW, T0)).toEqual({ ok: false, locked: false });
    });

    it('refuses short passwords and a second account of one name', async () => {
      const db = await fresh();
      await expect(addStaff(db, 'zhao', 'short')).rejects.toThrow(/at least/);
      await addStaff(db, 'zhao', PW);
      await expect(addStaff(db, 'zhao', PW)).rejects.toThrow(/exists/);
    });
  });

  describe('the audit log', () => {
    it('records who, when and what, newest first, and is purged after its period', async () => {
      const db = await fresh();
      const actions = Object.keys(auditActions) as (keyof typeof auditActions)[];
      for (const [i, a] of actions.entries()) await audit(db, 'li.na', a, `family-day/main ${i}`, later(i));
      const entries = await auditEntries(db);
      expect(entries.map((e) => e.action)).toEqual([...actions].reverse());
      expect(entries.at(-1)).toMatchObject({ actor: 'li.na', action: 'sign-in', at: T0.getTime(), target: 'family-day/main 0' });
      expect(await purgeAudit(db, 1, new Date(T0.getTime() + 86_400_000 + 60_000 * 2.5))).toBe(3);
      expect(await auditEntries(db)).toHaveLength(actions.length - 3);
      await expect(purgeAudit(db, -1)).rejects.toThrow(RangeError);
    });

    it('pages back from newest to oldest without gaps or repeats', async () => {
      const db = await fresh();
      for (let i = 0; i < 7; i++) await audit(db, 'li.na', 'list-view', `e/main ${i}`, later(i));
      const first = await auditEntries(db, 3);
      const second = await auditEntries(db, 3, first.at(-1)!.id);
      const third = await auditEntries(db, 3, second.at(-1)!.id);
      expect([...first, ...second, ...third].map((e) => e.target)).toEqual([6, 5, 4, 3, 2, 1, 0].map((i) => `e/main ${i}`));
      expect(await auditEntries(db, 3, third.at(-1)!.id)).toEqual([]);
    });

    it('keeps a typed name short', async () => {
      const db = await fresh();
      await audit(db, 'x'.repeat(500), 'sign-in-failed', '', T0);
      expect((await auditEntries(db))[0]!.actor).toHaveLength(64);
    });
  });

  describe('npm run staff', () => {
    it('adds, resets and disables an account, reading the password from a pipe', async () => {
      const { store: db, env } = await shared();
      const run = (args: string[], input = '') =>
        execFileSync(process.execPath, ['--disable-warning=ExperimentalWarning', 'scripts/staff.ts', ...args], {
          env: { ...process.env, ...env },
          input,
          encoding: 'utf8',
        });
      expect(run(['add', 'chen'], `${PW}\n`)).toMatch(/add: chen/);
      expect((await signIn(db, 'chen', PW)).ok).toBe(true);
      run(['reset', 'chen'], 'a brand new password\n');
      expect((await signIn(db, 'chen', 'a brand new password')).ok).toBe(true);
      run(['disable', 'chen']);
      expect((await signIn(db, 'chen', 'a brand new password')).ok).toBe(false);
    });
  });
});
