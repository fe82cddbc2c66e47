/**
 * The reader's address for rate limits (registration, cancellation, staff sign-in). Behind nginx (deploy/) every
 * request comes from the proxy, so the proxy's `X-Real-IP` (which it sets to the address it saw, overwriting
 * whatever the reader sent) is the reader; a request from anywhere else cannot choose its address with a header.
 * Pure: the trusted list comes from RSVP_TRUSTED_PROXIES (src/server/proxy-settings.ts).
 */
import { isIP } from 'node:net';

/** `::ffff:127.0.0.1` (an IPv4 peer on a dual-stack socket) and `127.0.0.1` are the same peer. */
function canonical(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return (mapped ? mapped[1]! : trimmed).toLowerCase();
}

/** RSVP_TRUSTED_PROXIES: addresses separated by commas (or spaces); unset or empty trusts no header. */
export function parseTrustedProxies(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map(canonical)
    .filter((a) => isIP(a) !== 0);
}

/**
 * `X-Real-IP` when the connecting address is a trusted proxy and the header holds one IP address; otherwise the
 * connecting address itself. X-Forwarded-For is never read: its first entries are whatever the reader wrote.
 */
export function readerAddress(socketAddress: string, headers: Headers, trustedProxies: readonly string[]): string {
  if (!trustedProxies.includes(canonical(socketAddress))) return socketAddress;
  const real = headers.get('x-real-ip')?.trim() ?? '';
  return isIP(real) !== 0 ? canonical(real) : socketAddress;
}
