/**
 * node scripts/with-postgres.ts <command> [args…] — runs a command with DATABASE_URL pointing at a throw-away
 * PostgreSQL cluster (scripts/lib/pg-temp.ts), then stops and removes the cluster, and exits with the command's code.
 * `npm run test:e2e:postgres` uses it to run the registration and staff-console browser tests with the server on
 * PostgreSQL. Without PostgreSQL's binaries it says so and exits 0, except in CI (CI=1), where that is a failure.
 */
import { spawn } from 'node:child_process';
import { inCI, postgresMissing, startPostgres } from './lib/pg-temp.ts';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: node scripts/with-postgres.ts <command> [args…]');
  process.exit(2);
}
const missing = postgresMissing();
if (missing) {
  if (inCI()) {
    console.error(`${missing}: CI runs these tests on it.`);
    process.exit(1);
  }
  console.warn(`${missing}: skipped \`${[command, ...args].join(' ')}\` on PostgreSQL.`);
  process.exit(0);
}

const pg = await startPostgres();
console.log(`PostgreSQL for this run: ${pg.url}`);
const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: pg.url } });
const stopOn = (signal: NodeJS.Signals) => process.on(signal, () => child.kill(signal));
stopOn('SIGINT');
stopOn('SIGTERM');
const code = await new Promise<number>((resolve) => child.on('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
await pg.stop();
process.exit(code);
