/**
 * The licence lookup's index (names, aliases, pinyin, initials, numbers, places, traditional→simplified table),
 * built once at build time and served as a static file. The island fetches it after the page has rendered, so the
 * page's first screen stays within one round trip and the browser still downloads no converter. The service
 * worker (sw.js) keeps a copy for offline use and is versioned by its hash.
 */
import type { APIRoute } from 'astro';
import { licenceIndex } from './_licence';

export const GET: APIRoute = async () =>
  new Response((await licenceIndex()).json, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
