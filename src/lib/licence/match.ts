/**
 * The licence lookup's one rule (DESIGN §6): "licensed" only when the whole query, normalised, IS a licensed bank's
 * official name, documented short name, their pinyin or initials, or a verified number. Everything else that looks
 * like an organisation is "not-licensed", with the nearest official name as a pointer; similarity only ever chooses
 * that pointer, never the verdict. Pure: runs in the browser island and in unit tests.
 */
import { isLatin, normalise, numberKey, readT2S, stripQuestion, type T2S } from './normalise';
import type { LicenceIndex, LookupResult, Via } from './types';

/** Only this much of a query is scanned for places and similarity; no real name is longer. */
const SCAN_LIMIT = 200;

/** The index with its tables as Maps: a plain object would answer "constructor" or "__proto__" with a value. */
export interface Lookup {
  index: LicenceIndex;
  t2s: T2S;
  keys: Map<string, [number, Via]>;
  orgs: Map<string, number>;
  provinceNames: Map<string, number>;
  cities: Map<string, number>;
  abbr: Map<string, number>;
  placePinyin: Map<string, number[]>;
  /** Longest place name, to bound the scan. */
  placeMax: number;
  /** Question words (prefixes, suffixes), organisation markers and look-alike words (words.ts). */
  ask: string[];
  tail: string[];
  org: string[];
  lookalike: string[];
}

export function prepare(index: LicenceIndex): Lookup {
  const map = <T>(o: Record<string, T>) => new Map(Object.entries(o));
  const provinceNames = new Map<string, number>();
  const cities = new Map<string, number>();
  const abbr = new Map<string, number>();
  const placePinyin = new Map<string, number[]>();
  index.provinces.forEach((p, i) => {
    const each = (list: string, add: (key: string) => void) => list && list.split(',').forEach(add);
    each(p.names, (k) => provinceNames.set(k, i));
    each(p.cities, (k) => cities.set(k, i));
    each(p.abbr, (k) => abbr.set(k, i));
    each(p.pinyin, (k) => placePinyin.set(k, [...(placePinyin.get(k) ?? []), i]));
  });
  return {
    index,
    t2s: readT2S(index.t2s),
    keys: map(index.keys),
    orgs: map(index.orgs),
    provinceNames,
    cities,
    abbr,
    placePinyin,
    placeMax: Math.max(...[...provinceNames.keys(), ...cities.keys()].map((k) => k.length)),
    ask: index.words.ask.split(','),
    tail: index.words.tail.split(','),
    org: index.words.org.split(','),
    lookalike: index.words.lookalike.split(','),
  };
}

/** Provinces named in the text, in order: explicit province names win over cities (河南省郑州市 → 河南省 once). */
function placesIn(s: string, { provinceNames, cities, placeMax }: Lookup): number[] {
  const named: number[] = [];
  const viaCity: number[] = [];
  for (let i = 0; i < s.length; ) {
    let step = 1;
    for (let len = Math.min(placeMax, s.length - i); len >= 2; len--) {
      const part = s.slice(i, i + len);
      const p = provinceNames.get(part);
      const c = cities.get(part);
      if (p !== undefined || c !== undefined) {
        if (p !== undefined) named.push(p);
        else viaCity.push(c!);
        // 郑州市: the city's 市 belongs to the name just read.
        step = len + (p === undefined && s[i + len] === '市' ? 1 : 0);
        break;
      }
    }
    i += step;
  }
  return [...new Set(named.length ? named : viaCity)];
}

/** Character-bigram overlap (Dice), 0…1. */
function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = a.length + b.length - 2;
  return total > 0 ? (2 * shared) / total : 0;
}

/**
 * Look-alike words in the text, longest first, each place in the text reported once. The official names' own
 * 造血干细胞库 is masked first, so only other uses of 干细胞库 count.
 */
function lookalikeWords(s: string, words: string[]): string[] {
  let rest = s.split('造血干细胞库').join('|');
  const found: string[] = [];
  for (const w of words) {
    if (rest.includes(w)) {
      found.push(w);
      rest = rest.split(w).join('|');
    }
  }
  return found;
}

export function lookup(query: string, lk: Lookup): LookupResult {
  const { index } = lk;
  const q = stripQuestion(normalise(query, lk.t2s), lk.ask, lk.tail);
  if (!q) return { verdict: 'empty' };

  // 1. Exact keys: the only way to "licensed".
  const exact = lk.keys.get(q) ?? lk.keys.get(numberKey(q) ?? '');
  if (exact) return { verdict: 'licensed', bank: exact[0], via: exact[1] };

  const s = q.slice(0, SCAN_LIMIT);
  const latin = isLatin(s);

  // 2. A place on its own ("青岛", "我在河南", "henan", "鲁") → which bank serves it.
  const abbr = lk.abbr.get(s);
  const places = latin ? (lk.placePinyin.get(s) ?? []) : abbr !== undefined ? [abbr] : placesIn(s, lk);
  const org = lk.orgs.get(s);
  const isOrg = !latin && lk.org.some((m) => s.includes(m));
  if (places.length && !isOrg && org === undefined) return { verdict: 'area', provinces: places };

  // 3. Anything else is not a licensed bank. Find the official name it is closest to.
  let nearest: number | null = org ?? null;
  let extra: string[] = [];
  if (nearest === null) {
    // a) It contains a licensed bank's name or short name, plus other words.
    let best = '';
    for (const [key, [bank, via]] of lk.keys) {
      const usable = via === 'name' || via === 'alias' || (via === 'pinyin' && latin);
      if (usable && key.length > best.length && s.includes(key)) {
        best = key;
        nearest = bank;
      }
    }
    if (best) extra = s.split(best).filter(Boolean);
  }
  if (nearest === null) {
    // b) It names a place that has a licensed bank (青岛脐血库, 齐鲁干细胞库).
    const served = [...new Set(places.map((p) => index.provinces[p]!.bank).filter((b) => b >= 0))];
    if (served.length === 1) nearest = served[0]!;
  }
  if (nearest === null) {
    // c) It is spelled much like one name (missing or changed characters), and clearly closer to it than to others.
    const score = index.banks.map(() => 0);
    for (const [key, [bank, via]] of lk.keys) {
      if (via === 'number' || isLatin(key) !== latin) continue;
      score[bank] = Math.max(score[bank]!, similarity(s, key));
    }
    const ranked = score.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]);
    if (ranked[0]![0] >= 0.5 && ranked[0]![0] > ranked[1]![0]) nearest = ranked[0]![1];
  }
  const ownArea = nearest === null ? -1 : index.provinces.findIndex((p) => p.bank === nearest);
  return {
    verdict: 'not-licensed',
    nearest,
    extra,
    flags: latin ? [] : lookalikeWords(s, lk.lookalike),
    provinces: places.filter((p) => p !== ownArea),
    org: org ?? null,
    number: numberKey(s) !== null || /^\d+$/.test(s),
  };
}
