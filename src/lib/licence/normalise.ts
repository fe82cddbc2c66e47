/**
 * Turns what a parent typed into the form the lookup compares. Pure; runs at build time (to normalise the keys)
 * and in the browser (to normalise the query), with the same table, so both sides always agree.
 */
export type T2S = ReadonlyMap<string, string>;

/** Reads the index's "臍脐幹干…" pair string. Iterates by code point: some traditional characters are astral. */
export function readT2S(pairs: string): Map<string, string> {
  const chars = Array.from(pairs);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

const KEEP = /[\p{L}\p{N}]/u;

/**
 * Full-width → half-width (NFKC), lower case, traditional → simplified, and every space, bracket and punctuation
 * mark removed: 「山東省　臍帶血（造血）幹細胞庫」 → 山东省脐带血造血干细胞库, "Shandong Qixueku" → shandongqixueku.
 * Suffixes such as 有限公司 are deliberately NOT removed: a name with them added is a different name.
 */
export function normalise(text: string, t2s: T2S): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    if (KEEP.test(ch)) out += t2s.get(ch) ?? ch;
  }
  return out;
}

/** Removes question words around a name ("请问…正规吗"), repeatedly, so only the name is compared. */
export function stripQuestion(norm: string, prefixes: readonly string[], suffixes: readonly string[]): string {
  let s = norm;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of prefixes) {
      if (s.startsWith(p) && s.length > p.length) {
        s = s.slice(p.length);
        changed = true;
      }
    }
    for (const p of suffixes) {
      if (s.endsWith(p) && s.length > p.length) {
        s = s.slice(0, -p.length);
        changed = true;
      }
    }
  }
  return s;
}

/**
 * A document number in one canonical form, whatever brackets, 第 or leading zeros were used:
 * 卫医发[2001]222号, 卫医发〔2001〕222号, 卫医发【2001】222号 and 卫医发2001222 all give 卫医发2001-222.
 * Takes normalised text (brackets already gone); null when the text is not shaped like a number.
 */
export function numberKey(norm: string): string | null {
  const m = /^(\p{Script=Han}{2,12}?)(\d{4})年?第?0*(\d{1,4})号?$/u.exec(norm);
  return m ? `${m[1]}${m[2]}-${m[3]}` : null;
}

/** Latin letters only: pinyin or its initials. */
export const isLatin = (norm: string): boolean => /^[a-z]+$/.test(norm);
