/**
 * The running server's RSVP services: settings from astro:env (RSVP_* variables, read at start), one database
 * connection per process, one rate limiter, and events read from the content collection.
 */
import { getEntry, type CollectionEntry } from 'astro:content';
import { RSVP_ADMIN_TOKEN, RSVP_DB_PATH, RSVP_RATE_LIMIT, RSVP_RETENTION_DAYS } from 'astro:env/server';
import type { BookableEvent } from './booking';
import { openDb, type Db } from './db';
import { createRateLimiter } from './rate-limit';

export const settings = {
  /** Days after an event ends before its registrations are deleted (privacy policy, npm run rsvp:purge). */
  retentionDays: RSVP_RETENTION_DAYS,
  /** Staff export token; unset = export off. */
  adminToken: RSVP_ADMIN_TOKEN,
};

let db: Db | undefined;
/** Opened on first use, so a page that never touches RSVPs never creates the file. */
export function getDb(): Db {
  return (db ??= openDb(RSVP_DB_PATH));
}

export const limiter = createRateLimiter({ limit: RSVP_RATE_LIMIT });
// Addresses are forgotten within two minutes of their last submission; the timer does not keep the process alive.
setInterval(() => limiter.sweep(), 60_000).unref();

/** The booking rules' view of an event entry; undefined when it takes no registrations. */
export function bookable(entry: CollectionEntry<'events'>): BookableEvent | undefined {
  const { startsAt, endsAt, status, rsvp, sessions } = entry.data;
  // The schema gives every session of an event with registration its capacity.
  return rsvp && { slug: entry.id, startsAt, endsAt, status, rsvp, sessions: sessions.map((s) => ({ ...s, capacity: s.capacity ?? 0 })) };
}

/** The content entry of an event, for a slug taken from a URL or a form (anything odd is simply not found). */
export async function eventEntry(slug: string | undefined): Promise<CollectionEntry<'events'> | undefined> {
  if (!slug || !/^[a-z0-9][a-z0-9-]{0,80}$/.test(slug)) return undefined;
  return getEntry('events', slug);
}

/** The event with this slug, when it exists and takes registrations. */
export async function findEvent(slug: string): Promise<BookableEvent | undefined> {
  const entry = await eventEntry(slug);
  return entry && bookable(entry);
}
