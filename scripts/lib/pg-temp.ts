/**
 * A throw-away PostgreSQL cluster for tests, benchmarks and `npm run deploy:local`: Debian's PostgreSQL 15 binaries,
 * a fresh data folder under the system's temp folder, listening on 127.0.0.1 only (and a unix socket inside that
 * folder, so it never touches /var/run/postgresql), with fsync on because the crash test kills processes against it.
 *
 * Plain Node 22 loads this file (type stripping): only erasable TypeScript, only node: imports.
 *
 *   const pg = await startPostgres();          // pg.url = postgres://postgres@127.0.0.1:<port>/sdcbb
 *   …
 *   await pg.stop();                           // pg_ctl stop -m fast, then the folder is removed
 *
 * As root, initdb and the server run as the `postgres` user (runuser -u postgres), which owns the temp folder;
 * as any other user they run directly as that user.
 *
 * CLI: `node scripts/lib/pg-temp.ts [--port N]` starts a cluster, prints its URL on stdout and keeps it until
 * SIGINT/SIGTERM, then stops it and removes its folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TempPostgres {
  /** postgres://postgres@127.0.0.1:<port>/sdcbb (trust authentication: loopback only, no password). */
  url: string;
  port: number;
  /** The temp folder holding the data folder, the socket and the server log (removed by stop()). */
  dir: string;
  /** Stops the server (fast shutdown) and removes the folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartPostgresOptions {
  /** TCP port on 127.0.0.1; default a free port the system hands out. */
  port?: number;
  /** Progress lines (and the server log when start-up fails). */
  log?: (line: string) => void;
  /** Database created for the caller (default `sdcbb`). */
  database?: string;
}

const DEBIAN_BIN = '/usr/lib/postgresql/15/bin';

/**
 * The folder holding initdb, pg_ctl and postgres: `PG_BIN_DIR` when set, else Debian's PostgreSQL 15 folder,
 * else undefined (PostgreSQL absent: callers skip, or fail in CI).
 */
export function postgresBinDir(): string | undefined {
  const candidates = [process.env.PG_BIN_DIR, DEBIAN_BIN].filter((d): d is string => Boolean(d));
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
}

/** Why PostgreSQL cannot run on this machine, or undefined when it can. */
export function postgresMissing(): string | undefined {
  return postgresBinDir() ? undefined : 'PostgreSQL 15 is not installed (apt-get install postgresql)';
}

/**
 * In CI (CI set, as .ci/run does) PostgreSQL and nginx are installed, so a test that finds one missing fails the run
 * instead of skipping: CI never passes without having run them.
 */
export const inCI = (): boolean => Boolean(process.env.CI);

/** A TCP port nothing listens on at 127.0.0.1 right now (the system's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function run(file: string, args: readonly string[], asUser: string | undefined): Promise<string> {
  const [cmd, argv] = asUser ? ['runuser', ['-u', asUser, '--', file, ...args]] : [file, [...args]];
  return new Promise((resolveRun, reject) => {
    execFile(cmd, argv, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolveRun(`${stdout}${stderr}`);
    });
  });
}

export async function startPostgres(opts: StartPostgresOptions = {}): Promise<TempPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`PostgreSQL binaries not found (looked in ${DEBIAN_BIN}; set PG_BIN_DIR)`);
  const log = opts.log ?? (() => {});
  const database = opts.database ?? 'sdcbb';
  const port = opts.port ?? (await freePort());
  // Root may not run the server; the postgres user (Debian's package creates it) does, and owns the folder.
  const asUser = process.getuid?.() === 0 ? 'postgres' : undefined;

  const dir = await mkdtemp(join(tmpdir(), 'sdcbb-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'server.log');
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(data, 'postmaster.pid'))) {
      await run(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'fast', '-w', '-t', '60'], asUser).catch((error) =>
        log(String(error)),
      );
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    if (asUser) {
      const { uid, gid } = await postgresIds();
      await chown(dir, uid, gid);
    }
    log(`initdb ${data}`);
    await run(
      join(bin, 'initdb'),
      ['-D', data, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C', '--no-instructions'],
      asUser,
    );
    // listen_addresses: loopback only; unix_socket_directories: inside the temp folder; fsync stays on (the
    // default, stated so no one turns it off "for speed": the crash test relies on it).
    const serverOptions = [
      `-p ${port}`,
      `-c listen_addresses=127.0.0.1`,
      `-c unix_socket_directories=${dir}`,
      '-c fsync=on',
      '-c max_connections=200',
    ].join(' ');
    log(`pg_ctl start on 127.0.0.1:${port}`);
    await run(
      join(bin, 'pg_ctl'),
      ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-o', serverOptions],
      asUser,
    ).catch(async (error) => {
      const serverLog = await readText(logFile);
      throw new Error(`${String(error)}\n--- server log ---\n${serverLog}`);
    });
    await run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database], asUser);
    log(`database ${database} ready`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, port, dir, stop };
}

function readText(file: string): Promise<string> {
  return readFile(file, 'utf8').catch(() => '');
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const passwd = await readText('/etc/passwd');
  const entry = passwd.split('\n').find((line) => line.startsWith('postgres:'));
  const [, , uid, gid] = entry?.split(':') ?? [];
  if (uid === undefined || gid === undefined) {
    throw new Error('running as root but there is no `postgres` user (install Debian\'s postgresql package)');
  }
  return { uid: Number(uid), gid: Number(gid) };
}

/** Leftover clusters of killed runs (for diagnostics: the folders under the temp folder this module creates). */
export function leftoverClusters(): string[] {
  return readdirSync(tmpdir()).filter((name) => name.startsWith('sdcbb-pg-')).map((name) => join(tmpdir(), name));
}

// CLI mode.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : undefined;
  const pg = await startPostgres({ port, log: (line) => process.stderr.write(`pg-temp: ${line}\n`) });
  process.stdout.write(`${pg.url}\n`);
  const shutdown = (): void => {
    void pg.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  setInterval(() => {}, 1 << 30);
}
