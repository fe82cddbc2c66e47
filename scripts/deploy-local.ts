/**
 * npm run deploy:local: the production shape of deploy/ on loopback, from a built tree, in the foreground.
 *
 *   nginx (deploy/nginx/sdcbb.conf)  →  INSTANCES Node instances (dist/server/entry.mjs)  →  PostgreSQL
 *
 * A throw-away PostgreSQL cluster (scripts/lib/pg-temp.ts), the instances on 127.0.0.1 with DATABASE_URL of that
 * cluster and RSVP_TRUSTED_PROXIES=127.0.0.1 (nginx's X-Real-IP names the reader), and nginx with the deploy/
 * configuration rendered into a temp prefix. Everything else in the environment reaches the instances as it is
 * (RSVP_ADMIN_TOKEN, RSVP_RATE_LIMIT, RSVP_RETENTION_DAYS, RSVP_AUDIT_DAYS, NODE_OPTIONS …).
 *
 * Settings (environment):
 *   DIST_DIR   the built tree (default dist: `npm run build` first)
 *   PORT       nginx's port on 127.0.0.1 (default 8080); the instances take PORT+1 … PORT+INSTANCES and PostgreSQL
 *              PORT+INSTANCES+1
 *   INSTANCES  how many Node instances (default 2)
 *   STORE      postgres (default) or sqlite: the instances share one SQLite file in the temp folder instead
 *   NGINX      the nginx binary (default /usr/sbin/nginx); NGINX_BROTLI=0 leaves the brotli modules out
 *   RESTART_DELAY_MS  how long after an instance dies it is started again (default 1000)
 *
 * Standard output, one line each, for people and for the tests (tests/deploy/):
 *   instance <n>: http://127.0.0.1:<port> pid <pid>      (again after every restart)
 *   database: postgres://…  or  database: sqlite:<file>
 *   ready: http://127.0.0.1:<PORT>                         once nginx and every instance answer
 * Diagnostics (an instance that died, its log lines prefixed with its port) go to standard error.
 *
 * Like a process manager, it starts an instance that died again after RESTART_DELAY_MS (the crash test kills one
 * with SIGKILL). SIGTERM or Ctrl-C stops nginx, the instances and PostgreSQL and removes every temp folder.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPostgres, type TempPostgres } from './lib/pg-temp.ts';

const root = resolve(import.meta.dirname, '..');
const deployDir = join(root, 'deploy', 'nginx');
const dist = resolve(process.env.DIST_DIR ?? 'dist');
const port = Number(process.env.PORT ?? 8080);
const count = Number(process.env.INSTANCES ?? 2);
const store = (process.env.STORE ?? 'postgres').toLowerCase();
const nginxBin = process.env.NGINX ?? '/usr/sbin/nginx';
const restartDelay = Number(process.env.RESTART_DELAY_MS ?? 1000);
const BROTLI_MODULES = ['ngx_http_brotli_filter_module.so', 'ngx_http_brotli_static_module.so'].map((m) =>
  join('/usr/lib/nginx/modules', m),
);

const say = (line: string) => process.stderr.write(`deploy-local: ${line}\n`);

function fail(message: string): never {
  say(message);
  process.exit(1);
}

/**
 * Replaces every @NAME@ of a template outside its comment lines (which name the placeholders); a placeholder left
 * without a value is an error, not a broken config.
 */
function render(template: string, values: Record<string, string>): string {
  return template
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('#')
        ? line
        : line.replace(/@([A-Z_]+)@/g, (whole, name: string) => {
            const value = values[name];
            if (value === undefined) throw new Error(`no value for ${whole}`);
            return value;
          }),
    )
    .join('\n');
}

function portFree(p: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(p, '127.0.0.1', () => server.close(() => done(true)));
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

async function waitFor(url: string, seconds: number, alive: () => boolean): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (!alive()) throw new Error(`${url}: the process exited before it answered`);
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** Prefixes a child's output lines and copies them to our standard error. */
function relay(child: ChildProcess, label: string): void {
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) process.stderr.write(`[${label}] ${line}\n`);
    });
  }
}

// ---- checks before anything starts
const entry = join(dist, 'server', 'entry.mjs');
const client = join(dist, 'client');
if (!existsSync(entry) || !existsSync(join(client, 'index.html'))) {
  fail(`no built site in ${dist} (run npm run build, or set DIST_DIR)`);
}
if (!existsSync(nginxBin)) fail(`nginx not found at ${nginxBin} (apt-get install nginx, or set NGINX)`);
if (store !== 'postgres' && store !== 'sqlite') fail(`STORE must be postgres or sqlite, not ${store}`);
if (!(count >= 1 && Number.isInteger(count))) fail(`INSTANCES must be a whole number ≥ 1`);
const instancePorts = Array.from({ length: count }, (_, i) => port + 1 + i);
const pgPort = port + count + 1;
for (const p of [port, ...instancePorts, ...(store === 'postgres' ? [pgPort] : [])]) {
  if (!(await portFree(p))) fail(`port ${p} on 127.0.0.1 is taken (PORT=${port} uses ${port}–${pgPort})`);
}
const asRoot = process.getuid?.() === 0;
/** nginx's workers' user when we are root (Debian's nginx runs them as www-data). */
const workerIds = (): { uid: number; gid: number } => {
  const [uid, gid] = ['-u', '-g'].map((flag) => Number(spawnSync('id', [flag, 'www-data'], { encoding: 'utf8' }).stdout));
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) fail('running as root but there is no www-data user for nginx');
  return { uid: uid!, gid: gid! };
};
if (asRoot && spawnSync('runuser', ['-u', 'www-data', '--', 'test', '-r', join(client, 'index.html')]).status !== 0) {
  fail(`nginx's workers run as www-data and cannot read ${client}: make the folder and its parents readable`);
}

// ---- state, and one way out
const temp = mkdtempSync(join(tmpdir(), 'sdcbb-deploy-'));
say(`temp folder ${temp}`);
let pg: TempPostgres | undefined;
let pgStarting: Promise<TempPostgres> | undefined;
let nginx: ChildProcess | undefined;
const instances: { port: number; child?: ChildProcess; timer?: NodeJS.Timeout }[] = instancePorts.map((p) => ({ port: p }));
let stopping = false;

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()));
}

async function stopChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child) return;
  const gone = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await gone;
  clearTimeout(timer);
}

async function shutdown(code: number): Promise<never> {
  if (stopping) return new Promise(() => {});
  stopping = true;
  say('stopping');
  await stopChild(nginx, 'SIGTERM');
  for (const i of instances) clearTimeout(i.timer);
  await Promise.all(instances.map((i) => stopChild(i.child, 'SIGTERM')));
  pg ??= await pgStarting?.catch(() => undefined);
  await pg?.stop().catch((e: unknown) => say(`PostgreSQL: ${String(e)}`));
  rmSync(temp, { recursive: true, force: true });
  say('stopped, temp folders removed');
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

// ---- the database
const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', RSVP_TRUSTED_PROXIES: '127.0.0.1' };
let database: string;
try {
  if (store === 'postgres') {
    pgStarting = startPostgres({ port: pgPort, log: (line) => say(`PostgreSQL: ${line}`) });
    pg = await pgStarting;
    env.DATABASE_URL = pg.url;
    database = pg.url;
  } else {
    const file = join(temp, 'rsvp.sqlite');
    delete env.DATABASE_URL;
    env.RSVP_DB_PATH = file;
    database = `sqlite:${file}`;
  }
} catch (e) {
  say(String(e));
  await shutdown(1);
}

/** Once shutdown has begun, the start-up sequence goes no further (shutdown ends the process). */
const halted = (): Promise<void> => (stopping ? new Promise(() => {}) : Promise.resolve());
await halted();

// ---- the instances
function startInstance(n: number): ChildProcess {
  const instance = instances[n]!;
  const child = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', entry], {
    env: { ...env, PORT: String(instance.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: a signal to ours (Ctrl-C, the tests' kill of the group) reaches this script, which stops
    // the instance itself, instead of the instance dying first and being restarted.
    detached: true,
  });
  instance.child = child;
  relay(child, `node:${instance.port}`);
  process.stdout.write(`instance ${n + 1}: http://127.0.0.1:${instance.port} pid ${child.pid}\n`);
  child.once('exit', (codeOrNull, signal) => {
    if (stopping) return;
    say(
      `instance ${n + 1} (127.0.0.1:${instance.port}, pid ${child.pid}) died (${signal ?? `exit ${codeOrNull}`}); ` +
        `restarting in ${restartDelay} ms`,
    );
    instance.timer = setTimeout(() => {
      if (stopping) return;
      const again = startInstance(n);
      // /admin/ opens the store, so an answer means the instance can take registrations again.
      waitFor(`http://127.0.0.1:${instance.port}/admin/`, 60, () => again.exitCode === null)
        .then(() => say(`instance ${n + 1} answers again (pid ${again.pid})`))
        .catch((e: unknown) => say(String(e)));
    }, restartDelay);
  });
  return child;
}

const alive = (n: number) => () => instances[n]!.child?.exitCode === null && instances[n]!.child?.signalCode === null;
try {
  // The first instance alone: its first /admin/ answer opened the store and ran the migrations, so the others
  // start on a ready schema rather than racing to create it.
  startInstance(0);
  await waitFor(`http://127.0.0.1:${instancePorts[0]}/admin/`, 60, alive(0));
  await halted();
  for (let n = 1; n < count; n++) startInstance(n);
  await Promise.all(instancePorts.slice(1).map((p, i) => waitFor(`http://127.0.0.1:${p}/admin/`, 60, alive(i + 1))));
} catch (e) {
  say(String(e));
  await shutdown(1);
}
await halted();

// ---- nginx
const prefix = join(temp, 'nginx');
const confDir = join(prefix, 'conf');
mkdirSync(confDir, { recursive: true });
for (const f of ['security-headers.conf', 'proxy.conf', 'brotli.conf']) cpSync(join(deployDir, f), join(confDir, f));
const brotli = process.env.NGINX_BROTLI !== '0' && BROTLI_MODULES.every((m) => existsSync(m));
let site = render(readFileSync(join(deployDir, 'sdcbb.conf'), 'utf8'), {
  LISTEN: `127.0.0.1:${port}`,
  SERVER_NAME: '_',
  CLIENT_DIR: client,
  CONF_DIR: confDir,
  UPSTREAM: instancePorts.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n    '),
});
// Without Debian's brotli modules, brotli_static is an unknown directive: the include goes, as deploy/ documents.
if (!brotli) site = site.replace(/^\s*include \S+\/brotli\.conf;\n/m, '');
writeFileSync(join(confDir, 'sdcbb.conf'), site);
writeFileSync(
  join(prefix, 'nginx.conf'),
  render(readFileSync(join(deployDir, 'local-main.conf'), 'utf8'), {
    USER: asRoot ? 'user www-data;' : '',
    LOAD_MODULES: brotli ? BROTLI_MODULES.map((m) => `load_module ${m};`).join('\n') : '',
    PREFIX: prefix,
    SITE: join(confDir, 'sdcbb.conf'),
  }),
);
const worker = asRoot ? workerIds() : undefined;
for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
  mkdirSync(join(prefix, d));
  if (worker) chownSync(join(prefix, d), worker.uid, worker.gid);
}
// The workers (www-data) reach their temp paths through these folders.
if (worker) for (const d of [temp, prefix]) chownSync(d, worker.uid, worker.gid);
try {
  nginx = spawn(nginxBin, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  relay(nginx, 'nginx');
  nginx.once('exit', (code, signal) => {
    if (stopping) return;
    say(`nginx exited (${signal ?? `exit ${code}`}); see ${join(prefix, 'error.log')}`);
    process.stderr.write(readFileSync(join(prefix, 'error.log'), 'utf8'));
    void shutdown(1);
  });
  await waitFor(`http://127.0.0.1:${port}/`, 30, () => nginx?.exitCode === null);
} catch (e) {
  say(String(e));
  await shutdown(1);
}

await halted();
process.stdout.write(`database: ${database!}\n`);
say(`nginx on 127.0.0.1:${port}${brotli ? ' with brotli' : ' (gzip only: brotli modules absent)'}, ${count} instance(s) on ${store}`);
process.stdout.write(`ready: http://127.0.0.1:${port}\n`);
