import type { AstroIntegration } from 'astro';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Writes `<file>.gz` (zlib level 9) and `<file>.br` (brotli quality 11) beside every compressible file of the client
 * folder, so that nginx serves them as they are (`gzip_static on`, `brotli_static on`: deploy/) and never compresses
 * on the fly. The Node server ignores these files (it sends the originals, uncompressed, as before).
 *
 * It must run after Pagefind (astro.config.mjs lists it after pagefind()): build:done hooks run one after another in
 * the order of the integrations, so Pagefind's own JS and JSON exist by then and get their copies too. Pagefind's
 * index files (.pf_meta, .pf_index, .pf_fragment, .pf_filter) and its wasm are gzip streams already: not listed here.
 *
 * PRECOMPRESS=0 skips it (a quick local build that nobody serves through nginx).
 */
export const COMPRESSIBLE = new Set([
  '.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.ics', '.webmanifest', '.map', '.ico',
]);
/** Below this size the headers and a round trip cost more than compression saves. */
export const MIN_BYTES = 1024;

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface PrecompressStats {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  seconds: number;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** Compresses every eligible file under `dir`; zlib's async calls run on libuv's thread pool, a few at a time. */
export async function precompressDir(dir: string): Promise<PrecompressStats> {
  const started = performance.now();
  const files: string[] = [];
  for await (const path of walk(dir)) {
    if (COMPRESSIBLE.has(extname(path).toLowerCase()) && (await stat(path)).size >= MIN_BYTES) files.push(path);
  }
  const stats: PrecompressStats = { files: files.length, bytes: 0, gzipBytes: 0, brotliBytes: 0, seconds: 0 };
  const one = async (path: string): Promise<void> => {
    const content = await readFile(path);
    const [gz, br] = await Promise.all([
      gzipAsync(content, { level: 9 }),
      brotliAsync(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
        },
      }),
    ]);
    await Promise.all([writeFile(`${path}.gz`, gz), writeFile(`${path}.br`, br)]);
    stats.bytes += content.byteLength;
    stats.gzipBytes += gz.byteLength;
    stats.brotliBytes += br.byteLength;
  };
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) await one(files[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(2, availableParallelism()) }, worker));
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

export default function precompressIntegration(): AstroIntegration {
  return {
    name: 'sdcbb:precompress',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.PRECOMPRESS === '0') {
          logger.info('skipped (PRECOMPRESS=0)');
          return;
        }
        const s = await precompressDir(fileURLToPath(dir));
        const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
        logger.info(
          `${s.files} files → .gz and .br: ${kb(s.bytes)} → gzip ${kb(s.gzipBytes)}, brotli ${kb(s.brotliBytes)} · ` +
            `${s.seconds.toFixed(2)}s`,
        );
      },
    },
  };
}
