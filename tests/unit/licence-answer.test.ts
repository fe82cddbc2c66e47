/**
 * The licence answer's words, per verdict, as the island and the server both render them (one component,
 * src/islands/LicenceAnswer.tsx), against the real data: a plain first line, and next steps that fit the verdict.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import LicenceAnswer, { headline } from '../../src/islands/LicenceAnswer';
import { lookup } from '../../src/lib/licence/match';
import { index, lk } from './licence-data';

const help = {
  hotlines: [
    { number: '12320', label: '全国卫生健康热线' },
    { number: '12345', label: '政务服务便民热线' },
  ],
  reportTo: '当地卫生健康委员会',
};
const answer = (text: string) => renderToString(h(LicenceAnswer, { text, r: lookup(text, lk), data: index, ...help }));
const line = (text: string) => headline(text, lookup(text, lk), index);

describe('the first line says the verdict plainly, with its own icon', () => {
  it.each([
    ['山东省脐带血造血干细胞库', 'yes', '是持证脐血库'],
    ['山东脐血库', 'yes', '是持证脐血库'],
    ['卫医发[2001]222号', 'yes', '是持证脐血库的文号'],
    ['山东省脐带血造血干细胞库济南工作站', 'no', '不是持证脐血库'],
    ['齐鲁干细胞库', 'no', '不是持证脐血库'],
    ['山东省齐鲁干细胞工程有限公司', 'no', '不是持证脐血库'],
    ['卫医发[2001]999号', 'unknown', '本站查不到这个编号'],
    ['我在河南', 'area', '河南省：谁可以采集脐带血'],
    ['', 'empty', '请输入要查的内容'],
  ])('%s → %s 「%s」', (text, icon, first) => {
    expect(line(text)).toMatchObject({ icon, line: first });
  });

  it('echoes the query under it, cut short when it is long', () => {
    expect(line('齐鲁干细胞库').sub).toBe('「齐鲁干细胞库」');
    expect(line('齐'.repeat(60) + '干细胞库').sub).toBe(`「${'齐'.repeat(40)}…」`);
    expect(line('').sub).toBeUndefined();
  });
});

describe('next steps fit the verdict', () => {
  it('a licensed bank: what to check on the licence and on the contract; nothing about not paying', () => {
    const html = answer('山东省脐血库');
    expect(html).toContain('data-verdict="licensed"');
    expect(html).toContain('签约前，请核对许可证和合同');
    expect(html).toContain('许可证上的机构名称必须是正式名称「山东省脐带血造血干细胞库」，一字不差');
    expect(html).toContain('合同上写明「山东省脐带血造血干细胞库」，写清楚脐带血由它采集和保存');
    expect(html).toContain('采集和储存都在山东省内');
    expect(html).not.toContain('不要签约');
  });

  it('a look-alike: do not sign or pay, how to report (12320, 12345, the health commission), the list a tap away', () => {
    const html = answer('山东省脐带血造血干细胞库济南工作站');
    expect(html).toContain('data-verdict="not-licensed"');
    expect(html).toContain('<p class="verdict-stop">不要签约、不要付款。</p>');
    expect(html).toContain('<span class="verdict-line" elementtiming="verdict">不是持证脐血库</span>');
    expect(html).toContain('怎样举报');
    expect(html).toContain('href="tel:12320"');
    expect(html).toContain('href="tel:12345"');
    expect(html).toContain('向当地卫生健康委员会反映');
    expect(html).toContain('<a href="#banks">7家持证脐血库名单</a>');
  });

  it('the company that set up a licensed bank: check before signing, not a report', () => {
    const html = answer('山东省齐鲁干细胞工程有限公司');
    expect(html).toContain('签约、付款之前，先核对下面三点。');
    expect(html).toContain('它是<a href="#bank-shandong">山东省脐带血造血干细胞库</a>的设置或组建单位');
    expect(html).not.toContain('怎样举报');
  });

  it('a number the site has not verified: no verdict on the bank, and no signing until it is checked', () => {
    const html = answer('卫医发[2001]999号');
    expect(html).toContain('核实之前，不要签约、不要付款。');
    expect(html).toContain('本站只列出已核实的编号');
  });

  it('every answer can be read aloud, and its heading can take focus', () => {
    for (const text of ['山东省脐血库', '齐鲁干细胞库', '青岛', '']) {
      const html = answer(text);
      expect(html).toContain('<h3 class="verdict-h" tabindex="-1">');
      expect(html).toContain('<button type="button" data-ra="play">朗读</button>');
    }
  });
});
