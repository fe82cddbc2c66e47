/**
 * Property-based tests (fast-check) of the licence matcher against the real data: it never throws, whatever is
 * typed or pasted; a look-alike of a licensed bank (its name with company or product words and random Chinese
 * around it, or another region put in) is never "licensed" unless the text, normalised and with the question words
 * stripped as the matcher strips them, is exactly an official name, short name or verified number from
 * content/data/banks.yaml; random text never is; and the normalisation invariants hold (full-width, case, spaces
 * and punctuation, invisible marks, traditional characters).
 */
import fc from 'fast-check';
import { Converter } from 'opencc-js';
import { afterAll, describe, expect, it } from 'vitest';
import { lookup } from '../../src/lib/licence/match';
import { normalise, numberKey, stripQuestion } from '../../src/lib/licence/normalise';
import { QUESTION_PREFIXES, QUESTION_SUFFIXES } from '../../src/lib/licence/words';
import { cjk, hostileText, INVISIBLE } from '../fixtures/hostile';
import { bankData, index, lk, provinceData } from './licence-data';

const norm = (s: string) => normalise(s, lk.t2s);
const asked = (s: string) => stripQuestion(norm(s), QUESTION_PREFIXES, QUESTION_SUFFIXES);

/**
 * What may be "licensed", read from the content rather than from the index: each bank's official name and short
 * names, normalised, and its verified numbers; the Latin spellings (pinyin, initials) come from the index, since
 * only the build spells them. The value is the bank's id.
 */
const official = new Map<string, string>();
for (const b of bankData) {
  for (const name of [b.officialName, ...b.aliases]) official.set(norm(name), b.id);
  for (const l of b.licences) if (l.verified) official.set(numberKey(norm(l.value)) ?? '', b.id);
}
for (const [key, [bank, via]] of Object.entries(index.keys)) if (via === 'pinyin' || via === 'initials') official.set(key, index.banks[bank]!.id);

/** The bank a text must be "licensed" as, or undefined when it must not be. */
function expectedBank(q: string): string | undefined {
  const s = asked(q);
  return official.get(s) ?? official.get(numberKey(s) ?? '\u0000');
}

/** The verdict and, when licensed, the bank's id. */
function answer(q: string): { verdict: string; bank?: string } {
  const r = lookup(q, lk);
  return r.verdict === 'licensed' ? { verdict: r.verdict, bank: index.banks[r.bank]!.id } : { verdict: r.verdict };
}
const licensedAs = (bank: string | undefined) => (bank === undefined ? expect.not.objectContaining({ verdict: 'licensed' }) : { verdict: 'licensed', bank });

let cases = 0;
/** fc.assert with a count of the cases run, for the closing note. */
function check<T>(property: fc.IProperty<T>, numRuns: number) {
  fc.assert(property, { numRuns });
  cases += numRuns;
}
afterAll(() => console.log(`licence matcher fuzz: ${cases} cases`));

/** Words a look-alike adds to a licensed bank's name (FACTS §2 and the news reports behind words.ts). */
const COMPANY = ['公司', '有限公司', '干细胞', '生物科技', '集团', '分公司', '科技', '工作站', '分库', '合作医院', '细胞银行', '股份', '中心', '（筹）', '官网', '济南分部'];
const names = bankData.flatMap((b) => [b.officialName, ...b.aliases]);
/** Every province and municipality's full and short names, to put in place of a bank's own. */
const regions = provinceData.flatMap((p) => [p.name, p.name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '')]);
const ownRegion = /^(北京市|天津市|上海市|浙江省|山东省|广东省|四川省|北京|天津|上海|浙江|山东|广东|四川)/;

describe('the licence matcher under random and hostile input', () => {
  it('never throws and always gives one of its four verdicts (markup, SQL, emoji, RTL marks, lone surrogates, 10 kB)', () => {
    check(
      fc.property(hostileText, (q) => {
        expect(['licensed', 'not-licensed', 'area', 'empty']).toContain(lookup(q, lk).verdict);
      }),
      1_000,
    );
  });

  it('random text is "licensed" only when it is exactly a key the content defines', () => {
    check(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), cjk(14), hostileText), (q) => {
        expect(answer(q)).toEqual(licensedAs(expectedBank(q)));
      }),
      1_000,
    );
  });

  it('a licensed name with company or product words and random Chinese around it is never "licensed" (unless what is added is only question words)', () => {
    const added = fc.array(fc.oneof(fc.constantFrom(...COMPANY), cjk(4), fc.constantFrom(...QUESTION_PREFIXES, ...QUESTION_SUFFIXES)), { maxLength: 3 }).map((a) => a.join(''));
    check(
      fc.property(fc.constantFrom(...names), added, added, (name, before, after) => {
        fc.pre(before + after !== '');
        const q = before + name + after;
        const bank = expectedBank(q);
        expect(answer(q)).toEqual(licensedAs(bank));
        // Only question words may have been added when it is licensed.
        if (bank) expect(asked(q)).toBe(norm(name));
      }),
      1_000,
    );
  });

  it('a licensed name with another region put in is "licensed" only when that is another bank\'s own name', () => {
    check(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...regions), (name, region) => {
        const q = name.replace(ownRegion, region);
        expect(answer(q)).toEqual(licensedAs(official.get(norm(q))));
      }),
      500,
    );
  });
});

describe('normalisation invariants', () => {
  const ascii = fc.string({ unit: 'binary-ascii' });
  const textish = fc.array(fc.oneof(fc.constantFrom(...names), cjk(3), fc.string({ unit: 'binary-ascii' }).map((s) => s.replace(/[^a-z0-9]/gi, ''))), { maxLength: 4 }).map((a) => a.join(''));

  it('full-width forms read as their ASCII (letters, digits, punctuation, the ideographic space)', () => {
    const wide = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
    check(fc.property(ascii, (s) => {
      expect(norm(wide(s))).toBe(norm(s));
    }), 300);
  });

  it('case does not matter', () => {
    check(fc.property(ascii, (s) => {
      expect(norm(s.toUpperCase())).toBe(norm(s));
    }), 300);
  });

  it('spaces, punctuation, RTL marks and zero-width characters anywhere change nothing', () => {
    const junk = fc.array(fc.constantFrom(' ', '\u3000', '\t', '，', '。', '「', '」', '（', '）', '·', '-', '!', '?', ...INVISIBLE), { maxLength: 2 }).map((a) => a.join(''));
    check(
      fc.property(textish, fc.infiniteStream(junk), (s, fill) => {
        const spread = Array.from(s).map((ch) => fill.next().value + ch).join('') + fill.next().value;
        expect(norm(spread)).toBe(norm(s));
        // And so a licensed name stays licensed, as the same bank.
        if (official.has(norm(s))) expect(answer(spread)).toEqual(licensedAs(official.get(norm(s))));
      }),
      500,
    );
  });

  it('normalising twice changes nothing', () => {
    check(fc.property(hostileText, (s) => {
      expect(norm(norm(s))).toBe(norm(s));
    }), 500);
  });

  it('a name written in traditional characters (mainland, Taiwan or Hong Kong forms) reads as the simplified one', () => {
    const converters = (['t', 'tw', 'hk'] as const).map((to) => Converter({ from: 'cn', to }));
    check(
      fc.property(fc.constantFrom(...names), fc.constantFrom(...converters), (name, toTraditional) => {
        const q = toTraditional(name);
        expect(norm(q)).toBe(norm(name));
        expect(answer(q)).toEqual(licensedAs(official.get(norm(name))));
      }),
      100,
    );
  });
});
