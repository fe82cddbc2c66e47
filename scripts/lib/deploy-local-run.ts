/**
 * Runs `npm run deploy:local` (scripts/deploy-local.ts) as a child and follows its standard output: the ready line,
 * the database and each instance's pid (again after every restart). For the deployment and crash tests
 * (tests/deploy/) and the deployment benchmark (bench/deploy-load.mjs). Plain Node loads this file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { postgresMissing } from './pg-temp.ts';

export interface DeployLocal {
  /** http://127.0.0.1:<PORT>: nginx. */
  base: string;
  /** postgres://… or sqlite:<file>. */
  database: string;
  /** Instance n (1-based) → its address and current pid (updated when the runner restarts it). */
  instances: Map<number, { url: string; pid: number }>;
  /** Everything the runner wrote to standard error so far (its diagnostics and the instances' logs). */
  stderr(): string;
  /** Resolves once instance n is running with a pid other than `notPid` (after a restart). */
  restarted(n: number, notPid: number, seconds?: number): Promise<{ url: string; pid: number }>;
  /**
   * SIGTERM to the runner, as Ctrl-C would; resolves when it has exited, true when it said it removed everything
   * (nginx, instances and PostgreSQL stopped, temp folders gone).
   */
  stop(): Promise<boolean>;
}

export const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';

/** What the production shape needs on this machine, or why it cannot run here. */
export function deployPrerequisites(store: 'postgres' | 'sqlite' = 'postgres'): string | undefined {
  if (!existsSync(NGINX)) return `nginx is not installed (${NGINX}; apt-get install nginx)`;
  return store === 'postgres' ? postgresMissing() : undefined;
}

export function startDeployLocal(env: Record<string, string>, seconds = 120): Promise<DeployLocal> {
  const root = resolve(import.meta.dirname, '../..');
  // Its own process group: stop() signals the group, so npm, its shell and the runner all get SIGTERM (npm does not
  // pass a signal on to its script); the runner puts nginx and the instances in groups of their own and stops them.
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'deploy:local'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const closed = new Promise<number | null>((done) => child.once('close', (code) => done(code)));
  let errors = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
    if (process.env.DEPLOY_LOCAL_VERBOSE) process.stderr.write(chunk);
  });
  const instances = new Map<number, { url: string; pid: number }>();
  const waiters = new Set<() => void>();
  let database = '';
  let stopped: Promise<boolean> | undefined;
  const stop = (): Promise<boolean> => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* already gone */
        }
      }
      await closed;
      return /stopped, temp folders removed/.test(errors);
    })();
    return stopped;
  };
  return new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`deploy:local was not ready within ${seconds} s\n${errors}`));
    }, seconds * 1000);
    void closed.then((code) => {
      clearTimeout(timer);
      reject(new Error(`deploy:local exited (${code}) before it was ready\n${errors}`));
    });
    let rest = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const instance = /^instance (\d+): (\S+) pid (\d+)$/.exec(line);
        if (instance) instances.set(Number(instance[1]), { url: instance[2]!, pid: Number(instance[3]) });
        const db = /^database: (.+)$/.exec(line);
        if (db) database = db[1]!;
        for (const wake of waiters) wake();
        const ready = /^ready: (\S+)$/.exec(line);
        if (ready) {
          clearTimeout(timer);
          resolveReady({
            base: ready[1]!,
            database,
            instances,
            stderr: () => errors,
            stop,
            restarted: (n, notPid, wait = 60) =>
              new Promise((done, fail) => {
                const give = setTimeout(() => fail(new Error(`instance ${n} was not restarted within ${wait} s`)), wait * 1000);
                const check = () => {
                  const now = instances.get(n);
                  if (now && now.pid !== notPid) {
                    clearTimeout(give);
                    waiters.delete(check);
                    done(now);
                  }
                };
                waiters.add(check);
                check();
              }),
          });
        }
      }
    });
  });
}
