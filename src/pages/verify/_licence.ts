/**
 * The licence lookup's index, built once per process from the banks and provinces collections, for every route
 * that needs it: the static index file the island fetches (lookup-index.json), the service worker's version
 * (sw.js) and the server-rendered answer (answer.astro). One builder and one matcher serve browser and server, so
 * a shared link answers exactly as the island does. (A `_` file: a helper, not a route.)
 */
import { createHash } from 'node:crypto';
import { getCollection } from 'astro:content';
import { buildLicenceIndex } from '../../lib/licence/index-builder';
import { prepare, type Lookup } from '../../lib/licence/match';
import type { LicenceIndex } from '../../lib/licence/types';

interface Built {
  index: LicenceIndex;
  /** The index as served at /verify/lookup-index.json. */
  json: string;
  /** A short hash of `json`: the service worker's version, so it updates itself when the index changes. */
  version: string;
  lookup: Lookup;
}

let built: Promise<Built> | undefined;

async function build(): Promise<Built> {
  const [banks, provinces] = await Promise.all([getCollection('banks'), getCollection('provinces')]);
  const index = buildLicenceIndex(
    banks.map((b) => b.data),
    provinces.map((p) => p.data),
  );
  const json = JSON.stringify(index);
  return { index, json, version: createHash('sha256').update(json).digest('hex').slice(0, 12), lookup: prepare(index) };
}

/** The index, its JSON, version and prepared matcher; computed on first use (about half a second) and kept. */
export function licenceIndex(): Promise<Built> {
  built ??= build().catch((e: unknown) => {
    built = undefined;
    throw e;
  });
  return built;
}
