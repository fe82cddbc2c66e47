/**
 * npm run rsvp:purge — deletes the registrations of events that ended more than RSVP_RETENTION_DAYS days ago
 * (default 30), staff console audit entries older than RSVP_AUDIT_DAYS days (default 180) and idle staff sessions
 * from the store the running site uses (DATABASE_URL=postgres://…, else the SQLite file RSVP_DB_PATH, default
 * data/rsvp.sqlite). Run it daily (cron, or deploy/sdcbb-purge.timer).
 * Plain Node 22 runs this TypeScript file directly (type stripping); it needs no build and no content files.
 */
import { existsSync } from 'node:fs';
import { DEFAULT_RETENTION_DAYS, purgeExpired } from '../src/server/purge.ts';
import { openStore, storeTarget } from '../src/server/store.ts';
import { auditDaysSetting, purgeAudit } from '../src/server/audit.ts';
import { purgeSessions } from '../src/server/staff.ts';

const target = storeTarget();
const raw = process.env.RSVP_RETENTION_DAYS;
const days = raw === undefined || raw === '' ? DEFAULT_RETENTION_DAYS : Number(raw);
if (!(Number.isInteger(days) && days >= 0)) {
  console.error(`RSVP_RETENTION_DAYS must be a whole number of days (got "${raw}")`);
  process.exit(1);
}
const auditDays = auditDaysSetting();
if (auditDays === undefined) {
  console.error(`RSVP_AUDIT_DAYS must be a whole number of days (got "${process.env.RSVP_AUDIT_DAYS}")`);
  process.exit(1);
}
if (target.kind === 'sqlite' && !existsSync(target.path)) {
  console.log(`No RSVP database at ${target.path}: nothing to purge.`);
  process.exit(0);
}
const store = await openStore(target);
try {
  const removed = await purgeExpired(store, days);
  const audited = await purgeAudit(store, auditDays);
  await purgeSessions(store);
  await store.compact();
  console.log(
    `Deleted ${removed} registration(s) of events that ended more than ${days} day(s) ago and ${audited} audit entr(ies) older than ${auditDays} day(s) (${store.label}).`,
  );
} finally {
  await store.close();
}
