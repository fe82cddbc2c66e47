/**
 * /verify/sw.js, the licence check's service worker (its code: _sw.js), stamped with the lookup index's hash. Browsers
 * compare a registered worker byte for byte on every visit, so a new index (a bank's name, a number, a place)
 * installs a new worker, which fetches the new page and index and drops the old copy. Served from /verify/ so that
 * its scope can be no wider than the licence check.
 */
import type { APIRoute } from 'astro';
import source from './_sw.js?raw';
import { licenceIndex } from './_licence';

export const GET: APIRoute = async () =>
  new Response(source.replace('__VERSION__', (await licenceIndex()).version), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
