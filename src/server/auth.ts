/**
 * The staff export's bearer token. Both sides are hashed before comparing, so the comparison takes the same
 * time whatever the length or first wrong character of a guess (crypto.timingSafeEqual needs equal lengths).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Shorter secrets are refused: the export stays off rather than guarded by a guessable token. */
export const MIN_TOKEN_LENGTH = 16;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** Constant-time equality of two strings of any length. */
export function tokensEqual(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

export type AdminAccess =
  | 'disabled' // no RSVP_ADMIN_TOKEN configured (or too short): export is off
  | 'missing' // no Bearer credentials sent
  | 'wrong'
  | 'ok';

/** Decides access from the Authorization header and the configured token. */
export function adminAccess(authorization: string | null, configured: string | undefined): AdminAccess {
  if (!configured || configured.length < MIN_TOKEN_LENGTH) return 'disabled';
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '');
  if (!m) return 'missing';
  return tokensEqual(m[1]!, configured) ? 'ok' : 'wrong';
}
