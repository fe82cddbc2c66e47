/**
 * The data the licence lookup works on, and the answers it gives (DESIGN §6).
 * The index is built from the banks and provinces collections (index-builder.ts) and served to the browser as one
 * JSON file (/verify/lookup-index.json), so the browser needs no pinyin or traditional-Chinese converter.
 */

/** How the query matched a licensed bank exactly. */
export type Via = 'name' | 'alias' | 'pinyin' | 'initials' | 'number';

/** A licensed bank as readers may see it: verified facts only. */
export interface IndexBank {
  /** Stable id; the table row on /verify/ is #bank-<id>. */
  id: string;
  /** Name exactly as the official notice writes it. */
  name: string;
  /** The one province or municipality it is licensed for. */
  area: string;
  /** Organisations that set it up or sponsor it (verified only). */
  sponsors: string[];
  /** Who runs it, when verified. */
  operator?: string;
  /** Approval or licence numbers, verified only: [number as written, what it is]. */
  licences: [string, string][];
}

/** Lists inside the index are comma-joined strings: the index travels to every phone, so it is kept small. */
export interface IndexProvince {
  /** Full name: 河南省, 广西壮族自治区. */
  name: string;
  /** Index of the bank licensed for it in `banks`, or -1 when it has none. */
  bank: number;
  /** false for 香港、澳门、台湾: the mainland licence system does not apply there. */
  mainland: boolean;
  /** Normalised full name, short name and nicknames: "河南省,河南". */
  names: string;
  /** Normalised city names without 市: "郑州,开封,…". */
  cities: string;
  /** One-character abbreviations (鲁, 豫); only the whole query counts. */
  abbr: string;
  /** Pinyin of the short and full name ("henan,henansheng"); only the whole query counts. */
  pinyin: string;
}

export interface LicenceIndex {
  banks: IndexBank[];
  provinces: IndexProvince[];
  /** Normalised text that means exactly one licensed bank → [bank index, how]. Nothing else yields "licensed". */
  keys: Record<string, [number, Via]>;
  /** Normalised names of verified sponsors and operators → bank index (they are not banks themselves). */
  orgs: Record<string, number>;
  /** Traditional → simplified, as a string of character pairs, for the characters the lookup knows. */
  t2s: string;
  /** The word lists of words.ts, comma-joined (they travel in the index, not in the island's JavaScript). */
  words: { ask: string; tail: string; org: string; lookalike: string };
}

/** The four answers; the result element carries the verdict as data-verdict. */
export type Verdict = 'licensed' | 'not-licensed' | 'area' | 'empty';

export type LookupResult =
  | { verdict: 'empty' }
  | { verdict: 'licensed'; bank: number; via: Via }
  | { verdict: 'area'; provinces: number[] }
  | {
      verdict: 'not-licensed';
      /** The licensed bank the text is closest to, when one stands out ("您可能想找"). */
      nearest: number | null;
      /** Text added around a licensed bank's name (e.g. 济南工作站), as typed after normalisation. */
      extra: string[];
      /** Look-alike words found (工作站, 干细胞库, 生命银行 …). */
      flags: string[];
      /** Provinces mentioned other than the nearest bank's own: the reader needs to know who serves them. */
      provinces: number[];
      /** The text is a verified sponsor or operator of this bank: an organisation, not the bank. */
      org: number | null;
      /** The text looks like a document number that is not among the verified ones. */
      number: boolean;
    };
