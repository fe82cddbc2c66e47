/**
 * Values no source gives yet (FACTS §5): the one way content marks them, and how readers are told.
 *
 * Any content entry (an MDX file's frontmatter, an entry of a data file, site.json) may carry
 *
 *   unconfirmed:
 *     startsAt: 本库尚未公布活动日期
 *     venue: 地点待本库确认
 *
 * a map from a field's path (dot-separated, e.g. `rsvp.capacity`) to what the bank must confirm. Pages show such
 * values as 「示例」 (events) or 「待确认」 (everything else); `npm run confirm-list` lists them all and
 * `LAUNCH=1 npm run build` refuses to build while any remain (src/integrations/launch-gate.ts). Pure: runs in the
 * build, the server and the browser.
 */

/** Field path → what the bank must confirm about it. */
export type UnconfirmedMap = Record<string, string>;

export interface MaybeUnconfirmed {
  unconfirmed?: UnconfirmedMap | undefined;
}

/** The tag on an event whose date, place or capacity is not yet confirmed. */
export const EXAMPLE = '示例';
/** The tag on any other value not yet confirmed. */
export const PENDING = '待确认';

/** Whether `path` (or a field inside it, or the object holding it) is marked unconfirmed. */
export function isUnconfirmed(e: MaybeUnconfirmed, path: string): boolean {
  return Object.keys(e.unconfirmed ?? {}).some((k) => k === path || k.startsWith(`${path}.`) || path.startsWith(`${k}.`));
}

/** Whether anything of the entry is still to be confirmed. */
export function hasUnconfirmed(e: MaybeUnconfirmed): boolean {
  return Object.keys(e.unconfirmed ?? {}).length > 0;
}

/** An event with anything unconfirmed is an example: readers see 「示例」 wherever they meet it. */
export const isExample = hasUnconfirmed;

/** Reader words for the parts of an event, by field path; the first pattern that matches names the part. */
const eventParts: readonly [RegExp, string][] = [
  [/^(startsAt|endsAt)$/, '日期和时间'],
  [/^sessions(\.|$)/, '场次（日期、时间和名额）'],
  [/^venue(\.|$)/, '地点'],
  [/^online(\.|$)/, '线上平台'],
  [/^rsvp\.capacity$/, '名额'],
  [/^rsvp\.(opensAt|closesAt)$/, '报名时间'],
  [/^rsvp(\.|$)/, '报名安排'],
];

/** What of an event is not yet confirmed, in reader words, each once, in a fixed order: 「日期和时间、地点、名额」. */
export function unconfirmedEventParts(e: MaybeUnconfirmed): string[] {
  const found = new Set(
    Object.keys(e.unconfirmed ?? {}).map((path) => eventParts.find(([re]) => re.test(path))?.[1] ?? '部分安排'),
  );
  return [...eventParts.map(([, name]) => name), '部分安排'].filter((name) => found.has(name));
}

/** The sentence readers see on an example event, or undefined for a confirmed one. */
export function exampleNotice(e: MaybeUnconfirmed): string | undefined {
  if (!isExample(e)) return undefined;
  return `这是示例活动：${unconfirmedEventParts(e).join('、')}尚未经本库确认，仅用于展示报名流程，请勿据此安排行程。`;
}

/** A title as calendar files, feeds and page titles show it: 【示例】… for an example. */
export function exampleTitle(e: MaybeUnconfirmed & { title: string }): string {
  return isExample(e) ? `【${EXAMPLE}】${e.title}` : e.title;
}

/** The value at a dot-separated path of an entry, or undefined. */
export function valueAt(entry: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), entry);
}

/** The paths of an `unconfirmed` map that name no value in the entry (a typo, or a value since removed). */
export function danglingPaths(entry: MaybeUnconfirmed): string[] {
  return Object.keys(entry.unconfirmed ?? {}).filter((p) => valueAt(entry, p) === undefined);
}
