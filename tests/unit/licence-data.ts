/**
 * The real content files, read the way the content collections read them (same defaults), so unit tests check the
 * lookup against the data readers will get, not a hand-made copy.
 */
import { buildLicenceIndex, type BankData, type ProvinceData } from '../../src/lib/licence/index-builder';
import { prepare } from '../../src/lib/licence/match';
import { readData } from '../fixtures/content';

const read = (file: string) => readData<Record<string, unknown>>(file);

/** A YAML entry with the schema's defaults filled in where the file leaves a field out. */
const withDefaults = <T>(defaults: Partial<T>, raw: Record<string, unknown>): T => ({ ...defaults, ...raw }) as T;

export const bankData = read('banks.yaml').map((b) =>
  withDefaults<BankData>({ aliases: [], cities: [], licences: [] }, b),
);

export const provinceData = read('provinces.yaml').map((p) =>
  withDefaults<ProvinceData>({ abbr: [], nicknames: [], cities: [], mainland: true }, p),
);

export const index = buildLicenceIndex(bankData, provinceData);
export const lk = prepare(index);
