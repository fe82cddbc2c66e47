/**
 * The running server's RSVP services: settings from astro:env (RSVP_* variables, read at start), one database
 * store per process (SQLite or PostgreSQL), one rate limiter, and events read from the content collection.
 */
import { getEntry, type CollectionEntry } from 'astro:content';
import { DATABASE_URL, RSVP_ADMIN_TOKEN, RSVP_DB_PATH, RSVP_RATE_LIMIT, RSVP_RETENTION_DAYS } from 'astro:env/server';
import type { BookableEvent } from './booking';
import { createRateLimiter } from './rate-limit';
import { openStore, storeTarget, type Store } from './store';

export const settings = {
  /** Days after an event ends before its registrations are deleted (privacy policy, npm run rsvp:purge). */
  retentionDays: RSVP_RETENTION_DAYS,
  /** Staff export token; unset = export off. */
  adminToken: RSVP_ADMIN_TOKEN,
};

let store: Promise<Store> | undefined;
/**
 * The registration store that DATABASE_URL (PostgreSQL) or RSVP_DB_PATH (SQLite) names, opened on first use, so a
 * page that never touches RSVPs never creates a file or a connection. A failed open is tried again next time.
 */
export function getStore(): Promise<Store> {
  store ??= openStore(storeTarget({ DATABASE_URL, RSVP_DB_PATH })).catch((e: unknown) => {
    store = undefined;
    throw e;
  });
  return store;
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
