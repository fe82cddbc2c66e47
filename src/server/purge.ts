/**
 * Retention: registrations are deleted once their event ended more than RSVP_RETENTION_DAYS days ago
 * (privacy policy, PIPL: keep personal data no longer than the purpose needs). Each row carries its event's
 * end, so this needs no content files. Imports only Node built-ins and types, so plain Node can load it.
 */
import type { Db } from './db';

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** Deletes expired registrations; returns how many went. */
export function purgeExpired(db: Db, retentionDays: number, now: Date = new Date()): number {
  if (!(Number.isFinite(retentionDays) && retentionDays >= 0)) throw new RangeError(`retention days: ${retentionDays}`);
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  // openDb turned on secure_delete; folding the WAL back removes the old pages from the -wal file as well.
  const r = db.prepare('DELETE FROM rsvps WHERE event_ends_at < ?').run(cutoff);
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return Number(r.changes);
}
