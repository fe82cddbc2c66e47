/**
 * Rules for the glossary page: which letter a term files under, the A–Z order, and its DefinedTermSet JSON-LD.
 * Pure TypeScript over plain data, so unit tests reach it without astro:content.
 */

/** The fields of a glossary entry these rules need; the `glossary` collection's data fits it. */
export interface GlossaryTermLike {
  id: string;
  term: string;
  pinyin: string;
  english?: string | undefined;
  definition: string;
}

/** Pinyin without tone marks, lower case: 「zàoxuè」 → 「zaoxue」, 「lǜ」 → 「lu」. */
export function toneless(pinyin: string): string {
  return pinyin.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The A–Z letter a term is filed under: the first Latin letter of its pinyin; '#' when there is none. */
export function initialOf(pinyin: string): string {
  const m = toneless(pinyin).match(/[a-z]/);
  return m ? m[0].toUpperCase() : '#';
}

export const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Terms grouped by initial letter, letters in A–Z order, terms by toneless pinyin (then by term). */
export function groupByInitial<T extends Pick<GlossaryTermLike, 'pinyin' | 'term'>>(terms: T[]): { letter: string; terms: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const t of terms) {
    const letter = initialOf(t.pinyin);
    groups.set(letter, [...(groups.get(letter) ?? []), t]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, list]) => ({
      letter,
      terms: [...list].sort(
        (a, b) => toneless(a.pinyin).localeCompare(toneless(b.pinyin)) || a.term.localeCompare(b.term, 'zh-CN'),
      ),
    }));
}

/** schema.org DefinedTermSet for the glossary page; each term's URL is its anchor on the page. */
export function definedTermSet(o: { name: string; description: string; url: string; terms: GlossaryTermLike[] }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DefinedTermSet',
    '@id': o.url,
    name: o.name,
    description: o.description,
    url: o.url,
    inLanguage: 'zh-CN',
    hasDefinedTerm: o.terms.map((t) => ({
      '@type': 'DefinedTerm',
      '@id': `${o.url}#${t.id}`,
      url: `${o.url}#${t.id}`,
      name: t.term,
      ...(t.english ? { alternateName: t.english } : {}),
      description: t.definition,
      inDefinedTermSet: o.url,
    })),
  };
}
