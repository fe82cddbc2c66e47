/**
 * Normalisation and the build-time index: what a parent types is reduced to one comparable form, and the index
 * built from content/data/{banks,provinces}.yaml holds only verified facts and refuses ambiguous keys.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLicenceIndex } from '../../src/lib/licence/index-builder';
import { normalise, numberKey, readT2S, stripQuestion } from '../../src/lib/licence/normalise';
import { QUESTION_PREFIXES, QUESTION_SUFFIXES } from '../../src/lib/licence/words';
import { readData } from '../fixtures/content';
import { bankData, index, lk, provinceData } from './licence-data';

const norm = (s: string) => normalise(s, lk.t2s);

describe('normalise', () => {
  it.each([
    ['full-width letters and digits', 'ＳＨＡＮＤＯＮＧ　２００１', 'shandong2001'],
    ['spaces, brackets and punctuation', ' 「山东省」 脐血库！（官方） ', '山东省脐血库官方'],
    ['traditional characters', '山東省臍帶血造血幹細胞庫', '山东省脐带血造血干细胞库'],
    ['Hong Kong and Taiwan variants', '衞醫發　臺灣　廣東', '卫医发台湾广东'],
    ['乾 as a traditional 干', '乾細胞銀行', '干细胞银行'],
    ['upper-case pinyin with spaces', 'Shandong  QiXueKu', 'shandongqixueku'],
  ])('%s', (_, input, expected) => {
    expect(norm(input)).toBe(expected);
  });

  it('leaves every official name and alias unchanged (the table never rewrites a simplified name)', () => {
    for (const b of bankData) for (const name of [b.officialName, ...b.aliases]) expect(norm(name)).toBe(name);
  });

  it('reads the traditional table by code point, so astral characters do not split pairs', () => {
    const t = readT2S('𠵾X臍脐');
    expect(t.get('𠵾')).toBe('X');
    expect(t.get('臍')).toBe('脐');
  });

  it('removes question words around a name, but not the name', () => {
    const strip = (s: string) => stripQuestion(norm(s), QUESTION_PREFIXES, QUESTION_SUFFIXES);
    expect(strip('请问：山东省脐血库是正规的吗？')).toBe('山东省脐血库');
    expect(strip('山东省脐血库正规吗')).toBe('山东省脐血库');
    expect(strip('吗')).toBe('吗');
  });
});

describe('numberKey', () => {
  it.each([
    '卫医发[2001]222号',
    '卫医发〔2001〕222号',
    '卫医发【2001】222号',
    '卫医发(2001)222号',
    '卫医发（2001）222号',
    '卫医发 2001 222',
    '卫医发2001年第0222号',
  ])('%s → 卫医发2001-222 whatever the brackets', (input) => {
    expect(numberKey(norm(input))).toBe('卫医发2001-222');
  });

  it('treats 第001号 and 1号 alike', () => {
    expect(numberKey(norm('鲁卫血站字[2009]第001号'))).toBe(numberKey(norm('鲁卫血站字〔2009〕1号')));
  });

  it('is null for a name', () => {
    expect(numberKey(norm('山东省脐带血造血干细胞库'))).toBeNull();
  });
});

describe('the build-time index', () => {
  it('has every bank of banks.yaml, as many as the licensed-banks figure the site shows, and every province', () => {
    expect(index.banks).toHaveLength(bankData.length);
    const shown = readData<{ id: string; value: number }>('figures.yaml').find((f) => f.id === 'licensed-banks');
    expect(index.banks).toHaveLength(shown?.value ?? -1);
    expect(index.provinces).toHaveLength(provinceData.length);
    for (const [i, b] of index.banks.entries()) {
      expect(index.provinces.filter((p) => p.bank === i).map((p) => p.name)).toEqual([b.area]);
    }
  });

  it('carries only verified facts: unverified numbers and operators are left out', () => {
    const json = JSON.stringify(index);
    for (const b of bankData) {
      for (const l of b.licences.filter((x) => !x.verified)) expect(json.includes(l.value), l.value).toBe(false);
      const shown = index.banks.find((x) => x.id === b.id)!;
      expect(shown.operator, b.id).toBe(b.operator?.verified ? b.operator.value : undefined);
      expect(shown.sponsors.length > 0, b.id).toBe(Boolean(b.sponsor?.verified));
    }
    expect(index.banks.find((b) => b.id === 'shandong')?.licences.map(([v]) => v)).toEqual([
      '卫医发[2001]222号',
      '鲁卫血站字[2009]第001号',
    ]);
  });

  it('holds the traditional forms of the dataset characters (臍, 幹, 乾, 庫, 東, 衛)', () => {
    for (const [t, s] of [['臍', '脐'], ['幹', '干'], ['乾', '干'], ['庫', '库'], ['東', '东'], ['衛', '卫']]) {
      expect(lk.t2s.get(t!)).toBe(s);
    }
  });

  it('refuses a short name that would mean two banks', () => {
    const clash = bankData.map((b) => (b.id === 'tianjin' ? { ...b, aliases: [...b.aliases, '北京脐血库'] } : b));
    expect(() => buildLicenceIndex(clash, provinceData)).toThrow(/北京脐血库/);
  });

  it('refuses a bank whose area is not a known province', () => {
    const typo = bankData.map((b) => (b.id === 'shandong' ? { ...b, area: '山东' } : b));
    expect(() => buildLicenceIndex(typo, provinceData)).toThrow(/not in provinces/);
  });

  it('refuses a city listed under two provinces', () => {
    const dup = provinceData.map((p) => (p.id === 'henan' ? { ...p, cities: [...p.cities, '青岛'] } : p));
    expect(() => buildLicenceIndex(bankData, dup)).toThrow(/青岛/);
  });

  it('never ships a converter: the island and the matcher import no pinyin or OpenCC code', () => {
    for (const file of ['src/islands/LicenceLookup.tsx', 'src/lib/licence/match.ts', 'src/lib/licence/normalise.ts']) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/from '[^']*(pinyin-pro|opencc|index-builder)/);
    }
  });
});
