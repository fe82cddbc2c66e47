// Shared helpers for the benchmark scripts: start the built server, launch Chromium, gzip sizes.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

export const gz = (buf) => gzipSync(buf, { level: 9 }).length;

/** Starts dist/server/entry.mjs on a free-ish port with a throwaway database; resolves when it answers. */
export async function startServer({ outDir = process.env.OUT_DIR ?? 'dist', port = 4499, env = {}, timeoutMs = 10_000 } = {}) {
  const db = join(mkdtempSync(join(tmpdir(), 'sdcbb-bench-')), 'rsvp.sqlite');
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', join(outDir, 'server/entry.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), RSVP_DB_PATH: db, RSVP_RATE_LIMIT: '1000000', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < timeoutMs / 100; i++) {
    try {
      if ((await fetch(base + '/')).ok) return { base, db, stop: () => child.kill() };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('server did not start');
}

export async function launch() {
  const exe = '/usr/bin/chromium';
  return chromium.launch(
    existsSync(exe)
      ? {
          executablePath: exe,
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
        }
      : {},
  );
}
