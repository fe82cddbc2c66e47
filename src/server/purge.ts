/**
 * Retention: registrations are deleted once their event ended more than RSVP_RETENTION_DAYS days ago
 * (privacy policy, PIPL: keep personal data no longer than the purpose needs). Each row carries its event's
 * end, so this needs no content files. Imports only Node built-ins and types, so plain Node can load it.
 */
import type { Store } from './store.ts';

export const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

/** Deletes expired registrations; returns how many went. */
export async function purgeExpired(store: Store, retentionDays: number, now: Date = new Date()): Promise<number> {
  if (!(Number.isFinite(retentionDays) && retentionDays >= 0)) throw new RangeError(`retention days: ${retentionDays}`);
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  const r = await store.run('DELETE FROM rsvps WHERE event_ends_at < ?', [cutoff]);
  // SQLite: secure_delete overwrote the rows in the file; folding the WAL back removes them from the -wal file too.
  await store.compact();
  return r.changes;
}
