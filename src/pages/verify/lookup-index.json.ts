/**
 * The licence lookup's index (names, aliases, pinyin, initials, numbers, places, traditional→simplified table),
 * built once at build time and served as a static file. The island fetches it after the page has rendered, so the
 * page's first screen stays within one round trip and the browser still downloads no converter.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { buildLicenceIndex } from '../../lib/licence/index-builder';

export const GET: APIRoute = async () => {
  const banks = await getCollection('banks');
  const provinces = await getCollection('provinces');
  const index = buildLicenceIndex(
    banks.map((b) => b.data),
    provinces.map((p) => p.data),
  );
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
