/**
 * A content file with a missing or wrong field must fail the build with a message naming the file and the field.
 * Each case copies the real content/ folder, breaks one file, and runs `astro sync` over the copy.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function syncWith(mutate: (root: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'sdcbb-schema-'));
  dirs.push(dir);
  const root = join(dir, 'content');
  cpSync('content', root, { recursive: true });
  mutate(root);
  const run = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'sync'], {
    env: { ...process.env, CONTENT_ROOT: root, CACHE_DIR: join(dir, 'cache'), NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe('content schema', () => {
  it('accepts the real content', () => {
    const r = syncWith(() => {});
    expect(r.output).not.toMatch(/InvalidContentEntryDataError|does not match collection schema/);
    expect(r.status).toBe(0);
  });

  it('refuses an article without sources, naming the file and the field', () => {
    const r = syncWith((root) => cpSync('tests/fixtures/bad-article.mdx', join(root, 'articles', 'no-sources.mdx')));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-sources');
    expect(r.output).toContain('sources');
  });

  it('refuses an article without a reviewer or a review date, naming the fields', () => {
    const r = syncWith((root) => {
      const good = readFileSync('tests/fixtures/bad-article.mdx', 'utf8')
        .replace('sources: []', 'sources:\n  - { title: 某来源, publisher: 某出版者, year: 2017 }')
        .replace(/^reviewedBy: .*\n/m, '')
        .replace(/^reviewedAt: .*\n/m, '');
      writeFileSync(join(root, 'articles', 'no-reviewer.mdx'), good);
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('no-reviewer');
    expect(r.output).toContain('reviewedBy');
    expect(r.output).toContain('reviewedAt');
  });

  it('refuses an event whose time lacks the +08:00 offset', () => {
    const r = syncWith((root) => cpSync('tests/fixtures/bad-event.mdx', join(root, 'events', 'bad-time.mdx')));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('bad-time');
    expect(r.output).toContain('startsAt');
  });

  it('refuses an event whose sessions overlap, naming the file and the session', () => {
    const r = syncWith((root) =>
      writeFileSync(
        join(root, 'events', 'overlap.mdx'),
        `---
title: 场次重叠的活动
summary: 用来证明两场时间重叠的活动会让构建失败的测试样本。
sessions:
  - { id: am, startsAt: '2031-06-01T09:00:00+08:00', endsAt: '2031-06-01T11:00:00+08:00', capacity: 20 }
  - { id: am2, startsAt: '2031-06-01T10:30:00+08:00', endsAt: '2031-06-01T12:00:00+08:00', capacity: 20 }
venue: { name: 测试场馆, city: 济南市 }
audience: [家庭]
rsvp: { opensAt: '2031-05-01T09:00:00+08:00', closesAt: '2031-05-30T17:00:00+08:00' }
---
正文。
`,
      ),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('overlap');
    expect(r.output).toContain('第2场和第1场时间重叠');
  });

  it('refuses a figure without its as-of date', () => {
    const r = syncWith((root) => {
      const file = join(root, 'data', 'figures.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s+)asOf: .*\n/m, ''));
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('figures');
    expect(r.output).toContain('asOf');
  });
});
