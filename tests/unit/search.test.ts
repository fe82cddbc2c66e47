import { describe, expect, it } from 'vitest';
import {
  MAX_QUERY_LENGTH,
  orderSections,
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
