/**
 * npm run staff -- add|disable|reset <name> — manages the staff console's accounts (src/server/staff.ts) in the
 * store the running site uses: DATABASE_URL=postgres://… (PostgreSQL), else the SQLite file RSVP_DB_PATH names
 * (DATABASE_URL=file:<path> also works; default data/rsvp.sqlite). `add` and `reset`
 * ask for the password twice on a terminal, without echo; otherwise they read one line from standard input.
 * There is no default account and no password anywhere in the repository.
 */
import { createInterface } from 'node:readline';
import { addStaff, disableStaff, MIN_PASSWORD_LENGTH, resetStaff } from '../src/server/staff.ts';
import { openStore } from '../src/server/store.ts';

const [command, name] = process.argv.slice(2);

function usage(): never {
  console.error('usage: npm run staff -- add|disable|reset <name>');
  process.exit(2);
}

/** One line from a pipe, or a password typed twice on a terminal without echo. */
async function password(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(prompt);
      const stdin = process.stdin;
      stdin.setRawMode(true);
      stdin.resume();
      let s = '';
      const onData = (b: Buffer) => {
        for (const ch of b.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.setRawMode(false);
            stdin.pause();
            stdin.off('data', onData);
            process.stdout.write('\n');
            resolve(s);
            return;
          }
          if (ch === '\u0003') process.exit(130);
          if (ch === '\u007f') s = s.slice(0, -1);
          else s += ch;
        }
      };
      stdin.on('data', onData);
    });
  const first = await ask(`Password for ${name} (at least ${MIN_PASSWORD_LENGTH} characters): `);
  if ((await ask('Again: ')) !== first) {
    console.error('The two passwords differ: nothing changed.');
    process.exit(1);
  }
  return first;
}

if (!name || !['add', 'disable', 'reset'].includes(command ?? '')) usage();
const store = await openStore();
try {
  if (command === 'add') await addStaff(store, name, await password());
  else if (command === 'reset') await resetStaff(store, name, await password());
  else await disableStaff(store, name);
  console.log(`${command}: ${name} (${store.label})`);
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 1;
} finally {
  await store.close();
}
