/**
 * RSVP_TRUSTED_PROXIES (read at start): the proxies whose `X-Real-IP` names the reader (deploy/nginx.conf sets
 * it). Unset = no proxy is trusted and every limit counts the connecting address.
 */
import { RSVP_TRUSTED_PROXIES } from 'astro:env/server';
import { parseTrustedProxies, readerAddress } from './client-address';

export const trustedProxies: readonly string[] = parseTrustedProxies(RSVP_TRUSTED_PROXIES);

/** The reader's address of an on-demand request (Astro's context or Astro global): see readerAddress. */
export function readerAddressOf(context: { clientAddress: string; request: Request }): string {
  return readerAddress(context.clientAddress, context.request.headers, trustedProxies);
}
