/**
 * npm run rsvp:purge — deletes the registrations of events that ended more than RSVP_RETENTION_DAYS days ago
 * (default 30), staff console audit entries older than RSVP_AUDIT_DAYS days (default 180) and idle staff sessions
 * from the database at RSVP_DB_PATH (default data/rsvp.sqlite). Run it daily (cron or a timer).
 * Plain Node 22 runs this TypeScript file directly (type stripping); it needs no build and no content files.
 */
import { existsSync } from 'node:fs';
import { DEFAULT_DB_PATH, openDb } from '../src/server/db.ts';
import { DEFAULT_RETENTION_DAYS, purgeExpired } from '../src/server/purge.ts';
import { auditDaysSetting, purgeAudit } from '../src/server/audit.ts';
import { purgeSessions } from '../src/server/staff.ts';

const path = process.env.RSVP_DB_PATH || DEFAULT_DB_PATH;
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
if (!existsSync(path)) {
  console.log(`No RSVP database at ${path}: nothing to purge.`);
  process.exit(0);
}
const db = openDb(path);
const removed = purgeExpired(db, days);
const audited = purgeAudit(db, auditDays);
purgeSessions(db);
db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
db.close();
console.log(`Deleted ${removed} registration(s) of events that ended more than ${days} day(s) ago and ${audited} audit entr(ies) older than ${auditDays} day(s) (${path}).`);
