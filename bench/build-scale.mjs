// Build + search-index time as the number of articles grows. Copies content/ to a temp folder, adds copies of the
// real articles under new names until there are N, builds into a temp folder, and reports seconds per 100 pages.
// Usage: node bench/build-scale.mjs [N1 N2 …]   (default: 0 500 1000 extra articles)
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const counts = process.argv.slice(2).map(Number);
const sizes = counts.length ? counts : [0, 500, 1000];
const rows = [];
for (const extra of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'sdcbb-scale-'));
  // The build itself must live inside the project: its server bundle resolves packages from node_modules.
  mkdirSync('bench/tmp', { recursive: true });
  const out = mkdtempSync(join('bench/tmp', 'scale-'));
  const root = join(dir, 'content');
  cpSync('content', root, { recursive: true });
  const arts = readdirSync(join(root, 'articles')).filter((f) => f.endsWith('.mdx'));
  for (let i = 0; i < extra; i++) {
    const src = readFileSync(join(root, 'articles', arts[i % arts.length]), 'utf8')
      // Copies must not claim to be related to each other, and need distinct titles for search.
      .replace(/^title: (.*)$/m, (_, t) => `title: ${t.replace(/^["']|["']$/g, '').slice(0, 30)}（副本${i}）`);
    writeFileSync(join(root, 'articles', `copy-${i}.mdx`), src);
  }
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    env: { ...process.env, CONTENT_ROOT: root, OUT_DIR: out, CACHE_DIR: join(dir, 'cache') },
    encoding: 'utf8',
  });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) throw new Error(run.stderr || run.stdout);
  const pages = spawnSync('find', [join(out, 'client'), '-name', 'index.html'], { encoding: 'utf8' }).stdout.trim().split('\n').length;
  rows.push({ extraArticles: extra, pages, seconds: +seconds.toFixed(1), secondsPer100Pages: +((seconds / pages) * 100).toFixed(2) });
  console.log(`${extra} extra articles: ${pages} pages, ${seconds.toFixed(1)} s, ${((seconds / pages) * 100).toFixed(2)} s per 100 pages`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
}
writeFileSync('bench/results/build-scale.json', JSON.stringify({ measuredAt: new Date().toISOString(), cores: (await import('node:os')).cpus().length, rows }, null, 2) + '\n');
