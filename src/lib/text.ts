/** Small text helpers for Chinese copy. Pure: build, server and browser. */

/** Reading time in minutes for Chinese text: about 400 characters a minute, at least 1. */
export function readingMinutes(text: string): number {
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (text.replace(/\p{Script=Han}/gu, ' ').match(/[A-Za-z0-9]+/g) ?? []).length;
  return Math.max(1, Math.round((han + words * 2) / 400));
}
