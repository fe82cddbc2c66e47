/**
 * The launch gate (src/integrations/launch-gate.ts): what `npm run confirm-list` lists and what `LAUNCH=1 npm run
 * build` refuses. The shipped content still holds examples and misses its filing numbers, so a launch build of it
 * must fail naming them; the fixture site without its example event is fully confirmed, so its launch build passes.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectUnconfirmed, formatConfirmList } from '../../src/integrations/launch-gate';
import { readCollection } from '../fixtures/content';

const NAME = 'launch-test';
afterAll(() => {
  for (const d of [`dist-${NAME}`, `dist-${NAME}-content`, `node_modules/.astro-${NAME}`]) rmSync(d, { recursive: true, force: true });
});

/** Runs a command on the project's Node with these extra variables; returns status and all output. */
function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, args, { env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env }, encoding: 'utf8', timeout: 180_000 });
  return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
}

describe('what the bank must confirm in the shipped content', () => {
  const items = collectUnconfirmed(resolve('content'), '');

  it('lists every marked value of every event, with the event page, file and field', () => {
    for (const e of readCollection<{ unconfirmed?: Record<string, string> }>('events')) {
      for (const field of Object.keys(e.data.unconfirmed ?? {})) {
        expect(items).toContainEqual(expect.objectContaining({ page: `/events/${e.id}/`, file: `events/${e.file}`, field }));
      }
    }
  });

  it('asks for the filing numbers, a privacy contact channel and the public address while they are missing', () => {
    const fields = items.filter((i) => i.file === 'data/site.json' || i.file.includes('SITE_URL')).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['filing.icp', 'filing.publicSecurity', 'SITE_URL']));
  });

  it('prints the list grouped by page, with file and field on each line', () => {
    const text = formatConfirmList(items);
    expect(text).toMatch(/^需要本库确认的内容：共 \d+ 项/);
    expect(text).toContain('全站页脚\n  data/site.json · filing.icp · ');
    expect(formatConfirmList([])).toContain('没有待确认的内容');
  });

  it('npm run confirm-list prints it', () => {
    const r = run(['scripts/confirm-list.ts'], {});
    expect(r.status).toBe(0);
    expect(r.output).toContain(`共 ${items.length} 项`);
  });
});

// Each case runs a real build (the last a whole one): give them the time a busy machine needs.
describe('LAUNCH=1 npm run build', { timeout: 240_000 }, () => {
  it('refuses the shipped content before building anything, naming each item', () => {
    const r = run(['node_modules/astro/bin/astro.mjs', 'build'], { LAUNCH: '1', OUT_DIR: `dist-${NAME}`, CACHE_DIR: `node_modules/.astro-${NAME}` });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('上线构建（LAUNCH=1）被拒绝');
    expect(r.output).toContain('filing.icp');
    expect(r.output).toContain('filing.publicSecurity');
    expect(r.output).not.toContain('[build] Complete!');
  });

  it('refuses the fixture site while it holds an example event, naming it', () => {
    const r = run(['tests/fixtures/build-site.ts'], { LAUNCH: '1', FIXTURE_NAME: NAME, SITE_URL: 'https://fixture.test' });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/\/events\/fx-example\/\n {2}events\/fx-example\.mdx · startsAt · /);
  });

  it('builds the fixture site once everything is confirmed', () => {
    const r = run(['tests/fixtures/build-site.ts'], { LAUNCH: '1', FIXTURE_NAME: NAME, FIXTURE_EXAMPLES: '0', SITE_URL: 'https://fixture.test' });
    expect(r.output).toContain('LAUNCH=1: every value is confirmed');
    expect(r.status).toBe(0);
  });
});
