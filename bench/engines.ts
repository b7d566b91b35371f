import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SqlParam } from '../electron/host/db/journal';
import { loadSqlJs } from '../electron/host/db/sqljs';

/** The same SQL on two engines: sql.js (what Gesher ships) and native SQLite (better-sqlite3 12). */
export interface Engine {
  name: 'sql.js' | 'native';
  exec(sql: string): void;
  /** One transaction, one prepared statement, row i's parameters from rowAt(i). */
  insertMany(sql: string, count: number, rowAt: (i: number) => SqlParam[]): void;
  rows(sql: string, params: SqlParam[]): unknown[][];
  close(): void;
}

export async function openSqlJs(): Promise<Engine> {
  const SQL = await loadSqlJs(path.resolve('resources'));
  const db = new SQL.Database();
  // As the workspace does: the journal file is the durability, SQLite's own journal stays in memory.
  db.exec('PRAGMA journal_mode = MEMORY; PRAGMA foreign_keys = ON;');
  return {
    name: 'sql.js',
    exec: (sql) => db.exec(sql),
    insertMany(sql, count, rowAt) {
      const stmt = db.prepare(sql);
      db.exec('BEGIN');
      for (let i = 0; i < count; i++) stmt.run(rowAt(i));
      db.exec('COMMIT');
      stmt.free();
    },
    rows(sql, params) {
      const stmt = db.prepare(sql);
      stmt.bind(params);
      const out: unknown[][] = [];
      while (stmt.step()) out.push(stmt.get());
      stmt.free();
      return out;
    },
    close: () => db.close(),
  };
}

/** Native SQLite on a file in WAL mode, as a native desktop build would run it. */
export function openNative(dir: string): Engine {
  const file = path.join(dir, 'native.sqlite');
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const cache = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    name: 'native',
    exec: (sql) => db.exec(sql),
    insertMany(sql, count, rowAt) {
      const stmt = db.prepare(sql);
      db.transaction(() => {
        for (let i = 0; i < count; i++) stmt.run(...rowAt(i));
      })();
    },
    rows: (sql, params) =>
      prepared(sql)
        .raw()
        .all(...params) as unknown[][],
    close: () => db.close(),
  };
}
