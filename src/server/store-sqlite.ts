/**
 * The SQLite store (src/server/store.ts) over one `node:sqlite` connection per process (db.ts: WAL, busy timeout,
 * migrations). node:sqlite is synchronous, so every call runs at once; a queue makes the calls of one process take
 * turns, so that one request's transaction never interleaves with another's statements on the shared connection.
 * Across processes, BEGIN IMMEDIATE takes SQLite's write lock before the first read.
 */
import type { StatementSync } from 'node:sqlite';
import { openDb, type Db } from './db.ts';
import type { Param, Sql, Store } from './store.ts';

/** Sql over a connection, with its prepared statements kept (preparing costs more than running these queries). */
function sqlOf(db: Db): Sql {
  const prepared = new Map<string, StatementSync>();
  const st = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    get: async <T>(sql: string, params: readonly Param[] = []) => st(sql).get(...params) as T | undefined,
    all: async <T>(sql: string, params: readonly Param[] = []) => st(sql).all(...params) as T[],
    run: async (sql: string, params: readonly Param[] = []) => ({ changes: Number(st(sql).run(...params).changes) }),
  };
}

/** Wraps an open connection (tests pass `openDb(':memory:')`). */
export function sqliteStore(db: Db, label = 'SQLite'): Store {
  const sql = sqlOf(db);
  let queue: Promise<unknown> = Promise.resolve();
  /** Runs `fn` when every earlier call of this process has finished. */
  const turn = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = queue.then(fn);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    kind: 'sqlite',
    label,
    get: (s, p) => turn(() => sql.get(s, p)),
    all: (s, p) => turn(() => sql.all(s, p)),
    run: (s, p) => turn(() => sql.run(s, p)),
    // One lock for the whole file: the scope changes nothing here.
    write: (_scope, fn) =>
      turn(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(sql);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.isTransaction) db.exec('ROLLBACK');
          throw e;
        }
      }),
    // secure_delete (db.ts) overwrote deleted rows in the file; folding the WAL back removes them from the -wal file.
    compact: () => turn(async () => void db.exec('PRAGMA wal_checkpoint(TRUNCATE)')),
    close: () => turn(async () => db.close()),
  };
}

export function openSqliteStore(path: string): Store {
  return sqliteStore(openDb(path), `SQLite ${path}`);
}
