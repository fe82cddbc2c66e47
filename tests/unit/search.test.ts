import { describe, expect, it } from 'vitest';
import { QUESTION_WORDS_ANYWHERE } from '../../src/lib/licence/words';
import {
  entryLinks,
  MAX_QUERY_LENGTH,
  orderSections,
  queryWords,
  readSearchState,
  safeExcerpt,
  sameState,
  searchHref,
  statusText,
} from '../../src/lib/search';

describe('readSearchState', () => {
  it('reads the query and the ticked sections from a search URL', () => {
    expect(readSearchState('?q=%E8%84%90%E5%B8%A6%E8%A1%80&section=科普&section=活动')).toEqual({
      q: '脐带血',
      sections: ['科普', '活动'],
    });
  });

  it('trims the query, drops empty and repeated sections, and caps very long queries', () => {
    expect(readSearchState('q=++液氮++&section=&section=科普&section=科普')).toEqual({ q: '液氮', sections: ['科普'] });
    expect(readSearchState(`?q=${'脐'.repeat(500)}`).q).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('gives an empty state for a bare /search/', () => {
    expect(readSearchState('')).toEqual({ q: '', sections: [] });
  });
});

describe('searchHref', () => {
  it('round-trips through readSearchState, Chinese and spaces included', () => {
    const state = { q: '范可尼 贫血', sections: ['科普', '新闻'] };
    const href = searchHref(state);
    expect(href.startsWith('/search/?q=')).toBe(true);
    expect(readSearchState(href.slice(href.indexOf('?')))).toEqual(state);
  });

  it('is the bare page when nothing is asked', () => {
    expect(searchHref({ q: '', sections: [] })).toBe('/search/');
  });
});

describe('sameState', () => {
  it('ignores the order of sections but not the query', () => {
    expect(sameState({ q: 'a', sections: ['科普', '活动'] }, { q: 'a', sections: ['活动', '科普'] })).toBe(true);
    expect(sameState({ q: 'a', sections: [] }, { q: 'b', sections: [] })).toBe(false);
    expect(sameState({ q: 'a', sections: ['科普'] }, { q: 'a', sections: [] })).toBe(false);
  });
});

describe('safeExcerpt', () => {
  it('keeps the <mark> highlights Pagefind adds', () => {
    expect(safeExcerpt('储存<mark>脐带血</mark>的条件')).toBe('储存<mark>脐带血</mark>的条件');
    expect(safeExcerpt('<mark>脐带</mark><mark>血</mark>和<mark>造血</mark>')).toBe('<mark>脐带血</mark>和<mark>造血</mark>');
  });

  it('drops any other tag, so only <mark> reaches the page as HTML', () => {
    expect(safeExcerpt('a<img src=x onerror=alert(1)>b<script>c</script><mark onclick="x">d</mark>')).toBe(
      'abcd</mark>',
    );
    expect(safeExcerpt('e&lt;f&gt; <b')).toBe('e&lt;f&gt; ');
  });
});

describe('orderSections', () => {
  const preferred = ['科普', '资质', '公益', '活动'];

  it('follows the navigation order and shows 0 for a section with no pages yet', () => {
    expect(orderSections({ 活动: 2, 科普: 7, 公益: 1 }, preferred)).toEqual([
      { name: '科普', count: 7 },
      { name: '资质', count: 0 },
      { name: '公益', count: 1 },
      { name: '活动', count: 2 },
    ]);
  });

  it('puts sections outside the navigation last', () => {
    expect(orderSections({ 新闻: 3, 科普: 1 }, ['科普']).map((s) => s.name)).toEqual(['科普', '新闻']);
  });
});

describe('statusText', () => {
  it('says how many results a query found', () => {
    expect(statusText({ q: '脐带血', sections: [] }, 12)).toBe('找到12条与「脐带血」有关的结果。');
  });

  it('says plainly when nothing was found, naming the sections searched', () => {
    expect(statusText({ q: 'xyzzy', sections: [] }, 0)).toBe('没有找到与「xyzzy」有关的内容。');
    expect(statusText({ q: '液氮', sections: ['活动', '新闻'] }, 0)).toBe('在「活动、新闻」栏目中没有找到与「液氮」有关的内容。');
  });

  it('counts pages when only sections are chosen', () => {
    expect(statusText({ q: '', sections: ['公益'] }, 3)).toBe('在「公益」栏目中共有3个页面。');
  });
});

describe('queryWords', () => {
  it('keeps the subject of a question typed without spaces, dropping the question words', () => {
    expect(queryWords('火种工程怎么申请')).toBe('火种工程 申请');
    expect(queryWords('怎样查验脐血库的资质')).toBe('查验脐血库的资质');
    expect(queryWords('为什么要查许可证')).toBe('要查许可证');
    expect(queryWords('HLA是什么意思')).toBe('HLA');
    expect(queryWords('脐带血能治哪些病')).toBe('脐带血能治 病');
  });

  it('strips the words a question wraps around its subject, the licence lookup’s list, at either end', () => {
    expect(queryWords('请问捐献脐带血要花钱吗')).toBe('捐献脐带血要花钱');
    expect(queryWords('山东省脐血库是不是正规的')).toBe('山东省脐血库');
    expect(queryWords('帮我查一下火种工程呢')).toBe('火种工程');
    // Only at the ends: 吗 inside a word is the word's own.
    expect(queryWords('吗啡')).toBe('吗啡');
  });

  it('keeps the words that carry what is asked: how long, how much', () => {
    expect(queryWords('脐带血能储存多久？')).toBe('脐带血能储存多久');
    expect(queryWords('自己储存脐带血要多少钱？')).toBe('自己储存脐带血要多少钱');
  });

  it('turns punctuation into spaces, full-width or half-width, and full-width letters into half-width', () => {
    expect(queryWords('脐带血，储存；多久？！')).toBe('脐带血 储存 多久');
    expect(queryWords('「火种工程」怎么申请?')).toBe('火种工程 申请');
    expect(queryWords('ＨＬＡ　配型')).toBe('HLA 配型');
  });

  it('keeps the punctuation inside a standard number or a code', () => {
    expect(queryWords('ISO 9001:2015是什么')).toBe('ISO 9001:2015');
    expect(queryWords('卫医发[2001]222号')).toBe('卫医发 2001 222号');
  });

  it('leaves plain words alone and keeps a query that is nothing but question words', () => {
    expect(queryWords('液氮 冻存')).toBe('液氮 冻存');
    expect(queryWords('  脐带血  ')).toBe('脐带血');
    expect(queryWords('怎么办？')).toBe('怎么办');
    expect(queryWords('')).toBe('');
  });

  it('lists longer question words first, so 为什么 is removed whole rather than leaving 为', () => {
    const i = (w: string) => QUESTION_WORDS_ANYWHERE.indexOf(w);
    expect(i('为什么')).toBeLessThan(i('什么'));
    expect(i('什么意思')).toBeLessThan(i('什么'));
  });
});

describe('entryLinks', () => {
  const faqAnchors = [
    { element: 'h2', id: 'group-1', text: '脐带血基础', location: 30 },
    { element: 'details', id: 'what-is-cord-blood', text: '', location: 34 },
    { element: 'h3', id: 'what-is-cord-blood-q', text: '什么是脐带血？', location: 34 },
    { element: 'details', id: 'donation-cost', text: '', location: 90 },
    { element: 'h3', id: 'donation-cost-q', text: '捐献脐带血要花钱吗？', location: 90 },
  ];
  const sub = (id: string, title: string, scores: number[]) => ({
    title,
    url: `/faq/#${id}`,
    excerpt: `<mark>${title}</mark>`,
    anchor: faqAnchors.find((a) => a.id === id),
    weighted_locations: scores.map((balanced_score) => ({ balanced_score })),
  });

  it('links a FAQ question to its entry’s own anchor, best match first', () => {
    const links = entryLinks(
      [sub('what-is-cord-blood-q', '什么是脐带血？', [1]), sub('donation-cost-q', '捐献脐带血要花钱吗？', [2, 3])],
      faqAnchors,
    );
    expect(links).toEqual([
      { title: '捐献脐带血要花钱吗？', href: '/faq/#donation-cost', excerpt: '<mark>捐献脐带血要花钱吗？</mark>' },
      { title: '什么是脐带血？', href: '/faq/#what-is-cord-blood', excerpt: '<mark>什么是脐带血？</mark>' },
    ]);
  });

  it('links a glossary term to its entry, not to the heading inside it', () => {
    const anchors = [
      { element: 'div', id: 'hla', text: '', location: 12 },
      { element: 'h3', id: 'hla-term', text: '人类白细胞抗原（HLA）', location: 12 },
    ];
    const links = entryLinks(
      [{ title: '人类白细胞抗原（HLA）', url: '/glossary/#hla-term', excerpt: 'HLA', anchor: anchors[1] }],
      anchors,
    );
    expect(links.map((l) => l.href)).toEqual(['/glossary/#hla']);
  });

  it('gives nothing for a page whose headings open no entry (an article) or for text before any heading', () => {
    const anchors = [{ element: 'h2', id: '先说答案', text: '先说答案', location: 5 }];
    expect(
      entryLinks(
        [
          { title: '脐带血能储存多久', url: '/learn/how-long/', excerpt: '…' },
          { title: '先说答案', url: '/learn/how-long/#先说答案', excerpt: '…', anchor: anchors[0] },
        ],
        anchors,
      ),
    ).toEqual([]);
    // A group heading is not an entry either: nothing with an id starts where it starts.
    expect(entryLinks([sub('group-1', '脐带血基础', [1])], faqAnchors)).toEqual([]);
    // Nor is any element that merely starts where a heading starts: the heading's id must extend the entry's.
    const widget = [
      { element: 'div', id: 'lookup', text: '', location: 40 },
      { element: 'h2', id: 'why-licence', text: '为什么要看许可证', location: 40 },
    ];
    expect(entryLinks([{ title: '为什么要看许可证', url: '/verify/#why-licence', excerpt: '…', anchor: widget[1] }], widget)).toEqual([]);
    // And a page section with its heading (<section id="why"><h2 id="why-h">) is a part of the page, not an entry.
    const part = [
      { element: 'section', id: 'why', text: '', location: 40 },
      { element: 'h2', id: 'why-h', text: '为什么要看许可证', location: 40 },
    ];
    expect(entryLinks([{ title: '为什么要看许可证', url: '/verify/#why-h', excerpt: '…', anchor: part[1] }], part)).toEqual([]);
  });
});
