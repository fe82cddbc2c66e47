/**
 * The licence lookup's verdicts, against the real data. The rule under test: "licensed" only for an exact official
 * name, documented short name, their pinyin or initials, or a verified number; every look-alike is "not-licensed"
 * with a pointer to the nearest official name; a place gets the bank licensed for it, or "none".
 */
import { describe, expect, it } from 'vitest';
import { lookup } from '../../src/lib/licence/match';
import type { LookupResult } from '../../src/lib/licence/types';
import { index, lk } from './licence-data';

const run = (q: string) => lookup(q, lk);
const bankId = (i: number | null) => (i === null ? null : index.banks[i]!.id);
const provinceNames = (ps: number[]) => ps.map((p) => index.provinces[p]!.name);
/** The answer as a reader sees it: verdict, which bank, which provinces. */
function seen(r: LookupResult) {
  if (r.verdict === 'licensed') return { verdict: r.verdict, bank: bankId(r.bank), via: r.via };
  if (r.verdict === 'area') return { verdict: r.verdict, provinces: provinceNames(r.provinces) };
  if (r.verdict === 'not-licensed') return { verdict: r.verdict, nearest: bankId(r.nearest), provinces: provinceNames(r.provinces) };
  return { verdict: r.verdict };
}

describe('licensed: exact names, short names, pinyin, initials and verified numbers', () => {
  it.each([
    ['北京市脐带血造血干细胞库', 'beijing', 'name'],
    ['天津市脐带血造血干细胞库', 'tianjin', 'name'],
    ['上海市脐带血造血干细胞库', 'shanghai', 'name'],
    ['浙江省脐带血造血干细胞库', 'zhejiang', 'name'],
    ['山东省脐带血造血干细胞库', 'shandong', 'name'],
    ['广东省脐带血造血干细胞库', 'guangdong', 'name'],
    ['四川省脐带血造血干细胞库', 'sichuan', 'name'],
    ['山东省脐血库', 'shandong', 'alias'],
    ['山东脐血库', 'shandong', 'alias'],
    ['北京脐血库', 'beijing', 'alias'],
    ['上海市脐血库', 'shanghai', 'alias'],
    ['浙江省脐血库', 'zhejiang', 'alias'],
    ['山東省臍帶血造血幹細胞庫', 'shandong', 'name'],
    ['廣東省臍帶血造血幹細胞庫', 'guangdong', 'name'],
    ['四川省臍血庫', 'sichuan', 'alias'],
    ['山东省　脐带血造血干细胞库', 'shandong', 'name'],
    ['「山东省脐血库」', 'shandong', 'alias'],
    ['山东省脐血库' + ' '.repeat(10_000), 'shandong', 'alias'],
    ['shandongshengqidaixuezaoxueganxibaoku', 'shandong', 'pinyin'],
    ['shandong qixueku', 'shandong', 'pinyin'],
    ['Shandong Sheng QiXueKu', 'shandong', 'pinyin'],
    ['ＳＨＡＮＤＯＮＧ ＱＩＸＵＥＫＵ', 'shandong', 'pinyin'],
    ['beijingshiqidaixuezaoxueganxibaoku', 'beijing', 'pinyin'],
    ['sdsqxk', 'shandong', 'initials'],
    ['SDQXK', 'shandong', 'initials'],
    ['sdsqdxzxgxbk', 'shandong', 'initials'],
    ['bjsqxk', 'beijing', 'initials'],
    ['卫医发[2001]222号', 'shandong', 'number'],
    ['卫医发〔2001〕222号', 'shandong', 'number'],
    ['卫医发【2001】222号', 'shandong', 'number'],
    ['卫医发（2001）222号', 'shandong', 'number'],
    ['衛醫發(2001)222號', 'shandong', 'number'],
    ['鲁卫血站字[2009]第001号', 'shandong', 'number'],
    ['鲁卫血站字〔2009〕1号', 'shandong', 'number'],
    ['山东省脐血库正规吗', 'shandong', 'alias'],
    ['请问山东省脐带血造血干细胞库是正规的吗？', 'shandong', 'name'],
  ])('%s → licensed (%s, %s)', (q, bank, via) => {
    expect(seen(run(q))).toEqual({ verdict: 'licensed', bank, via });
  });
});

describe('not-licensed: look-alikes get a pointer, never "licensed"', () => {
  it.each([
    ['山东省脐带血造血干细胞库济南工作站', 'shandong', []],
    ['山东省脐带血造血干细胞库有限公司', 'shandong', []],
    ['山东脐血库生物科技', 'shandong', []],
    ['齐鲁干细胞库', 'shandong', []],
    ['山东省脐带血干细胞库', 'shandong', []],
    ['北京脐血库（山东分部）', 'beijing', ['山东省']],
    ['北京市脐带血造血干细胞库河北合作中心', 'beijing', ['河北省']],
    ['山东省脐血库青岛采集点', 'shandong', []],
    ['山东省脐带血造血干细胞库合作医院', 'shandong', []],
    ['山东省脐带血造血干细胞库筹建处', 'shandong', []],
    ['山东生命银行', 'shandong', []],
    ['青岛脐血库', 'shandong', []],
    ['山东省脐带血造血千细胞库', 'shandong', []],
    ['山东省脐血库库', 'shandong', []],
    ['山東省臍帶血造血幹細胞庫濟南工作站', 'shandong', []],
    ['shandongqixuekufenku', 'shandong', []],
    ['广东脐血库', 'guangdong', []],
    ['上海市脐带血造血干细胞库江苏分库', 'shanghai', ['江苏省']],
    ['河南省脐带血造血干细胞库', null, ['河南省']],
    ['河南脐血库', null, ['河南省']],
    ['北京佳宸弘生物技术有限公司', 'beijing', []],
  ])('%s → not-licensed, nearest %s', (q, nearest, provinces) => {
    expect(seen(run(q))).toEqual({ verdict: 'not-licensed', nearest, provinces });
  });

  it('names the words added to a licensed name, and the look-alike words', () => {
    const r = run('山东省脐带血造血干细胞库济南工作站');
    expect(r).toMatchObject({ verdict: 'not-licensed', extra: ['济南工作站'], flags: ['工作站'] });
    expect(run('齐鲁干细胞库')).toMatchObject({ flags: ['干细胞库'] });
    expect(run('某某生命银行有限公司')).toMatchObject({ verdict: 'not-licensed', flags: ['生命银行', '有限公司'] });
  });

  it('a verified founder is an organisation, not the bank', () => {
    expect(run('山东大学齐鲁医院')).toMatchObject({ verdict: 'not-licensed', org: 4, nearest: 4 });
    expect(index.banks[4]!.id).toBe('shandong');
  });

  it('the company among the founders, as a contract may name it, is the founder of the Shandong bank, not a licensed bank', () => {
    const r = run('山东省齐鲁干细胞工程有限公司');
    expect(r).toMatchObject({ verdict: 'not-licensed' });
    expect(r.verdict === 'not-licensed' && bankId(r.org)).toBe('shandong');
  });

  it.each(['卫医发〔2001〕225号', '卫医发[2001]223号', '鲁卫医发[2001]222号', '卫脐血干细胞库字[2002]第001号', '2001222'])(
    'an unverified or altered number %s is not-licensed and said to be unverified',
    (q) => {
      expect(run(q)).toMatchObject({ verdict: 'not-licensed', number: true });
    },
  );

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'the name of an object property (%s) is not a key',
    (q) => {
      expect(run(q).verdict).toBe('not-licensed');
    },
  );

  it('no one-character change to any licensed name or short name is "licensed" unless it is itself a listed name', () => {
    const names = Object.entries(index.keys)
      .filter(([, [, via]]) => via === 'name' || via === 'alias')
      .map(([k]) => k);
    const extra = ['省', '市', '脐', '血', '库', '有', '分', '站', '的', '一', '干', '细'];
    let checked = 0;
    for (const name of names) {
      const chars = Array.from(name);
      const variants = new Set<string>();
      for (let i = 0; i <= chars.length; i++) {
        if (i < chars.length) {
          variants.add([...chars.slice(0, i), ...chars.slice(i + 1)].join('')); // deletion
          variants.add([...chars.slice(0, i), 'x', ...chars.slice(i + 1)].join('')); // substitution
          variants.add([...chars.slice(0, i + 1), chars[i], ...chars.slice(i + 1)].join('')); // doubling
        }
        for (const c of extra) variants.add([...chars.slice(0, i), c, ...chars.slice(i)].join('')); // insertion
      }
      for (const v of variants) {
        if (names.includes(v)) continue;
        checked++;
        // A truncated name with no organisation word left may read as a place ("area"); never as "licensed".
        expect(run(v).verdict, v).not.toBe('licensed');
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe('area: a place gets the bank licensed for it, or none', () => {
  it.each([
    ['青岛', ['山东省']],
    ['济南市', ['山东省']],
    ['我在河南', ['河南省']],
    ['河南省郑州市', ['河南省']],
    ['郑州', ['河南省']],
    ['鄭州', ['河南省']],
    ['我在河南，想存脐带血', ['河南省']],
    ['杭州', ['浙江省']],
    ['廣州', ['广东省']],
    ['深圳市', ['广东省']],
    ['成都', ['四川省']],
    ['北京', ['北京市']],
    ['我在北京朝阳', ['北京市']],
    ['鲁', ['山东省']],
    ['henan', ['河南省']],
    ['shanxi', ['山西省', '陕西省']],
    ['香港', ['香港特别行政区']],
    // Prefectures and leagues that are not cities: the matcher reads the short name (凉山 in 凉山州, 兴安 in 兴安盟).
    ['我在凉山', ['四川省']],
    ['凉山彝族自治州', ['四川省']],
    ['阿坝州', ['四川省']],
    ['甘孜', ['四川省']],
    ['兴安盟', ['内蒙古自治区']],
    ['我在兴安盟', ['内蒙古自治区']],
    ['大兴安岭', ['黑龙江省']],
    ['神农架', ['湖北省']],
  ])('%s → %s', (q, provinces) => {
    expect(seen(run(q))).toEqual({ verdict: 'area', provinces });
  });

  it('says which provinces have a bank and which have none', () => {
    const province = (q: string) => {
      const r = run(q);
      return r.verdict === 'area' ? index.provinces[r.provinces[0]!]! : undefined;
    };
    expect(bankId(province('青岛')!.bank)).toBe('shandong');
    expect(province('我在河南')!.bank).toBe(-1);
    expect(province('香港')!.mainland).toBe(false);
    for (const q of ['我在凉山', '阿坝州', '甘孜']) expect(bankId(province(q)!.bank), q).toBe('sichuan');
    // 内蒙古 has no licensed bank, whatever a place inside it is called.
    expect(province('兴安盟')!.bank).toBe(-1);
    expect(province('兴安盟')!.name).toBe('内蒙古自治区');
  });

  it('reads every official name as its own province only (no city hides inside a bank name)', () => {
    for (const b of index.banks) {
      const r = run(`${b.name}${'工作站'}`);
      expect(r).toMatchObject({ verdict: 'not-licensed', provinces: [] });
    }
  });
});

describe('empty, garbage and very long input', () => {
  it.each(['', '   ', '！？。……', '\n\t', '👶🍼'])('%j → empty', (q) => {
    expect(run(q).verdict).toBe('empty');
  });

  it.each(['asdfghjkl', '<script>alert(1)</script>', '𠀀𠀁𠀂', '脐血库', '干细胞'])('%s → not-licensed, no pointer', (q) => {
    expect(seen(run(q))).toEqual({ verdict: 'not-licensed', nearest: null, provinces: [] });
  });

  it.each([
    ['10,000 letters', 'a'.repeat(10_000), 'not-licensed'],
    ['a licensed name followed by 10,000 characters', '山东省脐带血造血干细胞库' + '工作站'.repeat(3_334), 'not-licensed'],
    ['10,000 characters of place names', '青岛'.repeat(5_000), 'area'],
    ['10,000 random CJK characters', Array.from({ length: 10_000 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join(''), 'not-licensed'],
  ])('%s: answers quickly without crashing', (_, q, verdict) => {
    const start = performance.now();
    expect(run(q).verdict).toBe(verdict);
    expect(performance.now() - start).toBeLessThan(500);
  });
});
