/**
 * The real content files, read the way the content collections read them (same defaults), so unit tests check the
 * lookup against the data readers will get, not a hand-made copy.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildLicenceIndex, type BankData, type ProvinceData } from '../../src/lib/licence/index-builder';
import { prepare } from '../../src/lib/licence/match';

const read = (file: string): Record<string, unknown>[] => parse(readFileSync(new URL(`../../content/data/${file}`, import.meta.url), 'utf8'));

export const bankData: BankData[] = read('banks.yaml').map((b) => ({
  aliases: [],
  cities: [],
  licences: [],
  ...(b as unknown as BankData),
}));

export const provinceData: ProvinceData[] = read('provinces.yaml').map((p) => ({
  abbr: [],
  nicknames: [],
  cities: [],
  mainland: true,
  ...(p as unknown as ProvinceData),
}));

export const index = buildLicenceIndex(bankData, provinceData);
export const lk = prepare(index);
