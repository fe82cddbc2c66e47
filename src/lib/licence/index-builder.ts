/**
 * SERVER AND BUILD ONLY: derives the lookup index from the banks and provinces collections. It uses pinyin-pro and
 * opencc-js, so only the /verify/ routes (src/pages/verify/_licence.ts: the static index file, the service worker's
 * version, the server-rendered answer) and unit tests may import it; the island imports match.ts and fetches the
 * result as /verify/lookup-index.json (the browser downloads no converter).
 */
import { Converter, Locale } from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { normalise, numberKey, readT2S } from './normalise';
import type { IndexBank, IndexProvince, LicenceIndex, Via } from './types';
import { LOOKALIKE_WORDS, ORG_MARKERS, QUESTION_PREFIXES, QUESTION_SUFFIXES } from './words';

/** A fact with its provenance, as in banks.yaml. */
interface VerifiedText {
  value: string;
  verified: boolean;
  source?: string | undefined;
}

/** The fields of a banks collection entry the index uses. */
export interface BankData {
  id: string;
  officialName: string;
  aliases: string[];
  operator?: VerifiedText | undefined;
  sponsor?: VerifiedText | undefined;
  area: string;
  cities: string[];
  licences: VerifiedText[];
}

/** The fields of a provinces collection entry the index uses. */
export interface ProvinceData {
  id: string;
  name: string;
  short: string;
  abbr: string[];
  nicknames: string[];
  cities: string[];
  mainland: boolean;
}

/** Extra words readers type in traditional characters that are not in the data itself. */
const EXTRA_WORDS = ['脐带血', '干细胞', '造血', '银行', '血站', '执业', '许可证', '卫生', '医发', '号'];

/**
 * Traditional → simplified for the characters the lookup knows, from OpenCC's dictionaries (traditional, Taiwan
 * and Hong Kong forms): 臍→脐, 幹/乾→干, 衞/衛→卫, 臺→台. Characters the data never uses cannot matter to a match.
 */
function t2sPairs(known: Set<string>): string {
  const converters = (['t', 'tw', 'hk'] as const).map((from) => Converter({ from, to: 'cn' }));
  const candidates = new Set<string>();
  for (const group of [...(Locale.to['cn'] ?? []), ...(Locale.from['tw'] ?? []), ...(Locale.from['hk'] ?? [])]) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict;
      for (const [from] of entries) if (from && Array.from(from).length === 1) candidates.add(from);
    }
  }
  const pairs = new Map<string, string>();
  for (const c of candidates) {
    for (const convert of converters) {
      const to = convert(c);
      if (to !== c && Array.from(to).length === 1 && known.has(to)) pairs.set(c, to);
    }
  }
  return [...pairs].map(([t, s]) => t + s).join('');
}

const spell = (text: string, pattern: 'pinyin' | 'first') =>
  pinyin(text, { toneType: 'none', type: 'array', pattern }).join('').toLowerCase();

/** Sets `map[key] = value`, refusing a key that already means something else (two banks, two provinces). */
function claim<T>(map: Record<string, T>, key: string, value: T, what: string): void {
  const had = map[key];
  if (!key) throw new Error(`licence index: empty key for ${what}`);
  if (had !== undefined && JSON.stringify(had) !== JSON.stringify(value)) {
    throw new Error(`licence index: "${key}" (${what}) already means ${JSON.stringify(had)}`);
  }
  map[key] = value;
}

export function buildLicenceIndex(bankData: BankData[], provinceData: ProvinceData[]): LicenceIndex {
  // Every character the lookup may need to recognise, so the traditional table stays small.
  const texts = [
    ...bankData.flatMap((b) => [b.officialName, ...b.aliases, b.operator?.value ?? '', b.sponsor?.value ?? '', b.area,
      ...b.cities, ...b.licences.map((l) => l.value)]),
    ...provinceData.flatMap((p) => [p.name, p.short, ...p.abbr, ...p.nicknames, ...p.cities]),
    ...LOOKALIKE_WORDS, ...ORG_MARKERS, ...QUESTION_PREFIXES, ...QUESTION_SUFFIXES, ...EXTRA_WORDS,
  ];
  const known = new Set(texts.join('').match(/\p{Script=Han}/gu) ?? []);
  const t2s = t2sPairs(known);
  // Keys are normalised with the very table the browser gets, so both sides always agree.
  const table = readT2S(t2s);
  const norm = (s: string) => normalise(s, table);

  const keys: Record<string, [number, Via]> = {};
  const orgs: Record<string, number> = {};
  const banks: IndexBank[] = bankData.map((b, i) => {
    const add = (text: string, via: Via) => claim(keys, text, [i, via], `${b.id} ${via}`);
    for (const [name, via] of [[b.officialName, 'name'], ...b.aliases.map((a) => [a, 'alias'])] as [string, Via][]) {
      add(norm(name), via);
      add(spell(name, 'pinyin'), 'pinyin');
      add(spell(name, 'first'), 'initials');
    }
    const licences = b.licences.filter((l) => l.verified);
    for (const l of licences) {
      const key = numberKey(norm(l.value));
      if (!key) throw new Error(`licence index: ${b.id} number "${l.value}" is not shaped like a document number`);
      add(key, 'number');
    }
    const sponsors = b.sponsor?.verified ? b.sponsor.value.split('、') : [];
    const operator = b.operator?.verified ? b.operator.value : undefined;
    for (const org of [...sponsors, ...(operator ? [operator] : [])]) claim(orgs, norm(org), i, `${b.id} sponsor/operator`);
    return {
      id: b.id,
      name: b.officialName,
      area: b.area,
      sponsors,
      ...(operator ? { operator } : {}),
      licences: licences.map((l) => [l.value, l.source ?? ''] as [string, string]),
    };
  });

  for (const b of bankData) {
    if (!provinceData.some((p) => p.name === b.area)) throw new Error(`licence index: ${b.id} area "${b.area}" is not in provinces.yaml`);
  }
  // Conflicts are refused at build time: one place name must mean one province.
  const places: Record<string, number> = {};
  const provinces: IndexProvince[] = provinceData.map((p, i) => {
    const bank = bankData.findIndex((b) => b.area === p.name);
    const names = [p.name, p.short, ...p.nicknames].map(norm);
    const cities = [...new Set([...p.cities, ...(bank >= 0 ? bankData[bank]!.cities : [])].map(norm))]
      .filter((c) => !names.includes(c));
    for (const key of [...names, ...cities, ...p.abbr.map(norm)]) claim(places, key, i, `${p.id} place`);
    return {
      name: p.name,
      bank,
      mainland: p.mainland,
      names: names.join(','),
      cities: cities.join(','),
      abbr: p.abbr.map(norm).join(','),
      pinyin: [...new Set([spell(p.short, 'pinyin'), spell(p.name, 'pinyin')])].join(','),
    };
  });

  const words = {
    ask: QUESTION_PREFIXES.join(','),
    tail: QUESTION_SUFFIXES.join(','),
    org: ORG_MARKERS.join(','),
    lookalike: LOOKALIKE_WORDS.join(','),
  };
  return { banks, provinces, keys, orgs, t2s, words };
}
