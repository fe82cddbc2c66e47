/**
 * Rules for the FAQ page: grouping questions, splitting answers into paragraphs, putting figures from
 * figures.yaml into answers (written there as {fig:<id>}, so no number is typed twice), and FAQPage JSON-LD.
 * Pure TypeScript over plain data.
 */

/** The fields of a FAQ entry these rules need; the `faq` collection's data fits it. */
export interface FaqLike {
  id: string;
  group: string;
  question: string;
  answer: string;
}

/**
 * Questions under their group headings, groups in the given order and questions by `order` (then id), so the page
 * never depends on the order the content store returns. Empty groups are left out.
 */
export function groupFaq<T extends Pick<FaqLike, 'group' | 'id'> & { order?: number }>(
  items: T[],
  groups: readonly string[],
): { group: string; id: string; items: T[] }[] {
  return groups
    .map((group, i) => ({
      group,
      id: `group-${i + 1}`,
      items: items
        .filter((it) => it.group === group)
        .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id)),
    }))
    .filter((g) => g.items.length > 0);
}

/** Paragraphs of a plain-text answer (separated by blank lines). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, '').trim())
    .filter(Boolean);
}

/** A piece of an answer paragraph: plain text, or a figure read from figures.yaml by id. */
export type Segment = { kind: 'text'; value: string } | { kind: 'figure'; id: string };

const TOKEN = /\{fig:([a-z0-9-]+)\}/g;

/** Splits a paragraph at its {fig:<id>} tokens. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > last) out.push({ kind: 'text', value: text.slice(last, m.index) });
    out.push({ kind: 'figure', id: m[1] as string });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', value: text.slice(last) });
  return out;
}

/** Ids of the figures an answer uses. */
export function figureIds(text: string): string[] {
  return [...text.matchAll(TOKEN)].map((m) => m[1] as string);
}

/** The answer as plain text with each figure written out; an unknown id throws, so the build stops. */
export function fillFigures(text: string, write: (id: string) => string | undefined): string {
  return text.replace(TOKEN, (_, id: string) => {
    const s = write(id);
    if (s === undefined) throw new Error(`faq.yaml 引用了 figures.yaml 中不存在的数字 id「${id}」`);
    return s;
  });
}

/** schema.org FAQPage; answers as plain text with figures written out. */
export function faqPage(items: { question: string; answer: string; url: string }[]) {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: items.map((q) => ({
      '@type': 'Question',
      name: q.question,
      url: q.url,
      acceptedAnswer: { '@type': 'Answer', text: q.answer },
    })),
  };
}
