/**
 * Wording the compliance review found wrong must not come back on any built page (issue 11, FACTS §1, §3, §5, §8):
 * read from the built HTML of the real site, so copy in content files, data files and components is all covered.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { clientDir, htmlFiles } from '../sitemap-urls';

/** Every built HTML page's visible text (tags and scripts stripped), by path. */
function pages(): [string, string][] {
  return htmlFiles().map((file) => {
    const html = readFileSync(file, 'utf8');
    const text = html.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, '');
    return [file.slice(clientDir.length), text];
  });
}

const CRIME = '非法采集、供应血液、制作、供应血液制品罪';

test('no page names a venue no source gives, misnames the crime, or repeats a corrected overstatement', () => {
  const found: string[] = [];
  for (const [path, text] of pages()) {
    if (text.includes('生命科普馆')) found.push(`${path}: 生命科普馆`);
    // Wherever the crime is named, it is named in full (刑法 art. 334 para. 1).
    for (const m of text.matchAll(/非法采(集|供)[^，。；：」』）]{0,24}罪/g)) if (m[0] !== CRIME) found.push(`${path}: ${m[0]}`);
    for (const wrong of ['30余年', '三十余年', '大量干细胞', '高分辨配型']) if (text.includes(wrong)) found.push(`${path}: ${wrong}`);
  }
  expect(found).toEqual([]);
});
