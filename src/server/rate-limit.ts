/**
 * Submissions per client address per minute (RSVP_RATE_LIMIT). A fixed window per address: simple, O(1) per
 * request, and memory bounded by pruning expired windows. In memory: one server process is one limit.
 * An address is personal information: it is never written anywhere, and `sweep` (run every minute by
 * src/server/runtime.ts) forgets it once its window is over, so the privacy policy's 「短暂」 holds.
 */
export interface RateLimiter {
  /** Counts one request from `key`; `ok: false` once the key exceeded its limit in the current window. */
  hit(key: string, now?: number): { ok: boolean; retryAfterSeconds: number };
  /** Forgets every address whose window is over. */
  sweep(now?: number): void;
  /** Keys currently tracked (for tests and monitoring). */
  size(): number;
}

export function createRateLimiter({
  limit,
  windowMs = 60_000,
  maxKeys = 50_000,
}: {
  limit: number;
  windowMs?: number;
  maxKeys?: number;
}): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();

  function prune(now: number) {
    for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
    // Still full (an attack from many addresses): forget the oldest windows rather than grow without bound.
    for (const k of windows.keys()) {
      if (windows.size <= maxKeys) break;
      windows.delete(k);
    }
  }

  return {
    hit(key, now = Date.now()) {
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        if (windows.size >= maxKeys) prune(now);
        w = { start: now, count: 0 };
        windows.delete(key);
        windows.set(key, w);
      }
      w.count += 1;
      const ok = w.count <= limit;
      return { ok, retryAfterSeconds: ok ? 0 : Math.ceil((w.start + windowMs - now) / 1000) };
    },
    sweep: (now = Date.now()) => prune(now),
    size: () => windows.size,
  };
}
