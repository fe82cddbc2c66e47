/**
 * The staff console's HTTP side: the session cookie, who is signed in, the sign-in rate limit and the origin
 * check on every state-changing request (Astro's checkOrigin covers form posts; this covers every POST to /admin/).
 */
import type { AstroCookies } from 'astro';
import { createRateLimiter } from './rate-limit';
import { IDLE_MINUTES, sessionStaff } from './staff';
import { getStore } from './runtime';

export const STAFF_COOKIE = 'sdcbb_staff';

/** Sign-in attempts per client address per minute, whatever the name. */
export const SIGN_IN_PER_MINUTE = 20;
export const signInLimiter = createRateLimiter({ limit: SIGN_IN_PER_MINUTE });
setInterval(() => signInLimiter.sweep(), 60_000).unref();

/** HttpOnly, SameSite=Strict, Secure when the page came over HTTPS; a browser-session cookie (the server ends it when idle). */
export function setStaffCookie(cookies: AstroCookies, url: URL, token: string): void {
  cookies.set(STAFF_COOKIE, token, { path: '/admin/', httpOnly: true, sameSite: 'strict', secure: url.protocol === 'https:', maxAge: 12 * 3600 });
}

export function clearStaffCookie(cookies: AstroCookies): void {
  cookies.delete(STAFF_COOKIE, { path: '/admin/' });
}

/** The signed-in staff member's name, or undefined. */
export async function currentStaff(cookies: AstroCookies): Promise<string | undefined> {
  return sessionStaff(await getStore(), cookies.get(STAFF_COOKIE)?.value);
}

/** A state-changing request from a page of this site: its Origin (or, without one, Sec-Fetch-Site) says so. */
export function sameOrigin(request: Request, url: URL): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === url.origin;
  return request.headers.get('sec-fetch-site') === 'same-origin';
}

export const idleNote = `连续${IDLE_MINUTES}分钟没有操作会自动退出登录。`;
