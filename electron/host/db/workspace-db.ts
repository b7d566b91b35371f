import fs from 'node:fs';
import path from 'node:path';
import type { Database, SqlValue, Statement } from 'sql.js';
import { RpcError } from '../../../shared/rpc/errors';
import { Journal, type JournalStatement, type SqlParam } from './journal';
import { MIGRATIONS } from './migrations';
import { SnapshotStore } from './snapshot-store';
import { loadSqlJs } from './sqljs';

export type Row = Record<string, SqlValue>;

export interface OpenReport {
  recoveredFrom: 'snapshot' | 'previous_snapshot' | 'new';
  replayedEntries: number;
  rejected: { file: string; reason: string }[];
  tornTailBytes: number;
}

export interface WorkspaceDbOptions {
  dir: string;
  resourcesDir?: string;
}

const DB_FILE = 'workspace.gesher';
const JOURNAL_FILE = 'workspace.journal';

/**
 * The workspace database: sql.js in memory, a journal of every confirmed write, and atomic
 * snapshots. All SQL in the host goes through `all/get/run`; writes happen inside `write()`
 * (journaled) or `bulk()` (large loads, made durable by an immediate snapshot).
 */
export class WorkspaceDb {
  private readonly statements = new Map<string, Statement>();
  private capture: JournalStatement[] | null = null;
  private inBulk = false;
  private seqValue = 0;
  private snapshotSeq = 0;
  private unsnapshottedBulk = false;
  lastSnapshotAt: string | null = null;

  private constructor(
    private sql: Database,
    private readonly journal: Journal,
    private readonly store: SnapshotStore,
    readonly dir: string,
    readonly report: OpenReport,
  ) {}

  get seq(): number {
    return this.seqValue;
  }

  get pendingEntries(): number {
    return this.seqValue - this.snapshotSeq;
  }

  get file(): string {
    return this.store.current;
  }

  static async open(options: WorkspaceDbOptions): Promise<WorkspaceDb> {
    const SQL = await loadSqlJs(options.resourcesDir);
    fs.mkdirSync(options.dir, { recursive: true });
    const store = new SnapshotStore(path.join(options.dir, DB_FILE));
    const journalFile = path.join(options.dir, JOURNAL_FILE);
    const rejected: OpenReport['rejected'] = [];
    const { entries, tornTailBytes } = Journal.read(journalFile);

    let sql: Database | null = null;
    let recoveredFrom: OpenReport['recoveredFrom'] = 'new';
    let snapshotSeq = 0;
    for (const candidate of store.candidates((file, reason) => rejected.push({ file, reason }))) {
      try {
        const db = new SQL.Database(candidate.bytes);
        // A snapshot without a matching checksum file (written by hand, or its .sum lost) gets
        // SQLite's structural check instead; on a large workspace that costs seconds at start.
        if (!candidate.checksumVerified) {
          const check = db.exec('PRAGMA quick_check')[0]?.values[0]?.[0];
          if (check !== 'ok') throw new Error(`integrity check: ${String(check)}`);
        }
        const seqRow = db.exec("SELECT value FROM meta WHERE key = 'journal_seq'")[0]
          ?.values[0]?.[0];
        const seq = Number(seqRow ?? 0);
        const first = entries[0];
        if (first && first.seq > seq + 1) {
          throw new Error(
            `journal starts at entry ${first.seq}, snapshot ends at ${seq}: entries are missing`,
          );
        }
        sql = db;
        recoveredFrom = candidate.which;
        snapshotSeq = seq;
        break;
      } catch (error) {
        rejected.push({ file: candidate.file, reason: (error as Error).message });
      }
    }
    for (const r of rejected) {
      if (r.file === store.current) store.distrustCurrent();
      // The host's log says what was found; the damaged file is kept aside, never made the fallback.
      console.warn(`Gesher: ${r.file} cannot be used (${r.reason}).`);
    }
    if (!sql) {
      if (rejected.length > 0) {
        throw new RpcError(
          'corrupt_workspace',
          `No usable snapshot in ${options.dir}: ${rejected.map((r) => `${path.basename(r.file)}: ${r.reason}`).join('; ')}`,
        );
      }
      if (entries.length > 0 && entries[0]!.seq !== 1) {
        throw new RpcError('corrupt_workspace', `Journal without its snapshot in ${options.dir}`);
      }
      sql = new SQL.Database();
    }

    const journal = new Journal(journalFile);
    const report: OpenReport = { recoveredFrom, replayedEntries: 0, rejected, tornTailBytes };
    const db = new WorkspaceDb(sql, journal, store, options.dir, report);
    db.applyPragmas();
    db.snapshotSeq = snapshotSeq;
    db.seqValue = snapshotSeq;
    db.migrate();
    const toReplay = entries.filter((e) => e.seq > snapshotSeq);
    for (const entry of toReplay) db.replay(entry.stmts, entry.seq);
    report.replayedEntries = toReplay.length;
    journal.adoptExisting(entries.filter((e) => e.seq > snapshotSeq));
    if (recoveredFrom === 'new' || toReplay.length > 0 || rejected.length > 0) db.snapshot();
    return db;
  }

  private applyPragmas(): void {
    // The journal file is our durability; SQLite's own rollback journal can stay in memory.
    this.sql.exec('PRAGMA journal_mode = MEMORY; PRAGMA foreign_keys = ON;');
  }

  private migrate(): void {
    this.sql.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = this.all<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    applied.forEach((m, i) => {
      const known = MIGRATIONS[i];
      if (!known || known.version !== m.version) {
        throw new RpcError(
          'corrupt_workspace',
          `This workspace has migration ${m.version} (${m.name}), which this version of Gesher does not know. Use a newer Gesher.`,
        );
      }
    });
    const pending = MIGRATIONS.slice(applied.length);
    if (pending.length === 0) return;
    this.bulk(() => {
      for (const m of pending) {
        this.sql.exec(m.sql);
        this.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
      }
      this.sql.exec("INSERT OR IGNORE INTO meta (key, value) VALUES ('journal_seq', '0')");
    });
  }

  get schemaVersion(): number {
    return Number(
      this.get<{ v: number }>('SELECT MAX(version) AS v FROM schema_migrations')?.v ?? 0,
    );
  }

  private statement(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.sql.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  all<T = Row>(sql: string, params: SqlParam[] = []): T[] {
    const stmt = this.statement(sql);
    stmt.bind(params);
    const out: T[] = [];
    try {
      while (stmt.step()) out.push(stmt.getAsObject() as T);
    } finally {
      stmt.reset();
    }
    return out;
  }

  /** Rows as arrays: cheaper than objects for large pages. */
  rows(sql: string, params: SqlParam[] = []): SqlValue[][] {
    const stmt = this.statement(sql);
    stmt.bind(params);
    const out: SqlValue[][] = [];
    try {
      while (stmt.step()) out.push(stmt.get());
    } finally {
      stmt.reset();
    }
    return out;
  }

  get<T = Row>(sql: string, params: SqlParam[] = []): T | undefined {
    return this.all<T>(sql, params)[0];
  }

  /** Runs one write statement; only allowed inside write() or bulk(). Returns rows changed. */
  run(sql: string, params: SqlParam[] = []): number {
    if (!this.capture && !this.inBulk) throw new Error('WorkspaceDb.run outside write() or bulk()');
    const stmt = this.statement(sql);
    stmt.run(params);
    if (this.capture) this.capture.push([sql, params]);
    return this.sql.getRowsModified();
  }

  lastInsertRowid(): number {
    return Number(this.sql.exec('SELECT last_insert_rowid()')[0]?.values[0]?.[0] ?? 0);
  }

  /**
   * A durable transaction: statements run, then are appended to the journal and fsynced, then
   * committed. If anything fails nothing is kept. `fn` must be synchronous and deterministic
   * given its parameters (timestamps and ids are passed in, never computed in SQL).
   */
  write<T>(fn: () => T): T {
    if (this.capture || this.inBulk) return fn();
    if (this.unsnapshottedBulk) this.snapshot();
    this.sql.exec('BEGIN');
    this.capture = [];
    try {
      const result = fn();
      const stmts = this.capture;
      if (stmts.length > 0) {
        const seq = this.seqValue + 1;
        try {
          this.journal.append({ seq, stmts });
        } catch (error) {
          throw new RpcError(
            'io_failed',
            `Could not save the decision to the journal: ${(error as Error).message}`,
          );
        }
        this.seqValue = seq;
      }
      this.capture = null;
      this.sql.exec('COMMIT');
      return result;
    } catch (error) {
      this.capture = null;
      this.sql.exec('ROLLBACK');
      throw error;
    }
  }

  /**
   * A large load (import, demo workspace) in one transaction without journaling each row.
   * It is made durable by a snapshot right after commit, before the caller can report success.
   */
  bulk<T>(fn: () => T, options: { snapshot?: boolean } = {}): T {
    this.beginBulk();
    let result: T;
    try {
      result = fn();
    } catch (error) {
      this.endBulk(false);
      throw error;
    }
    this.endBulk(true, options.snapshot !== false);
    return result;
  }

  /**
   * bulk() for work that yields between chunks (progress, cancel). The caller must hold the
   * backend's exclusive lock so that no other request touches the database meanwhile.
   */
  async bulkAsync<T>(fn: () => Promise<T>): Promise<T> {
    this.beginBulk();
    let result: T;
    try {
      result = await fn();
    } catch (error) {
      this.endBulk(false);
      throw error;
    }
    this.endBulk(true, true);
    return result;
  }

  private beginBulk(): void {
    if (this.capture || this.inBulk) throw new Error('bulk() cannot nest inside another write');
    this.sql.exec('BEGIN');
    this.inBulk = true;
  }

  private endBulk(commit: boolean, snapshot = false): void {
    this.inBulk = false;
    if (!commit) {
      this.sql.exec('ROLLBACK');
      return;
    }
    this.sql.exec('COMMIT');
    this.unsnapshottedBulk = true;
    if (snapshot) this.snapshot();
  }

  /** Raw DDL/DML for the inside of bulk() only (e.g. CREATE INDEX after a load). */
  execInBulk(sql: string): void {
    if (!this.inBulk) throw new Error('execInBulk outside bulk()');
    this.sql.exec(sql);
  }

  private replay(stmts: JournalStatement[], seq: number): void {
    this.sql.exec('BEGIN');
    try {
      for (const [sql, params] of stmts) this.statement(sql).run(params);
      this.sql.exec('COMMIT');
      this.seqValue = seq;
    } catch (error) {
      this.sql.exec('ROLLBACK');
      throw new RpcError(
        'corrupt_workspace',
        `Journal entry ${seq} does not apply: ${(error as Error).message}`,
      );
    }
  }

  /** Atomic snapshot of the whole database; the journal keeps what the previous snapshot lacks. */
  snapshot(): { bytes: number; ms: number } {
    const started = performance.now();
    this.statement("UPDATE meta SET value = ? WHERE key = 'journal_seq'").run([
      String(this.seqValue),
    ]);
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
    const bytes = this.sql.export();
    // export() closes and reopens the connection: pragmas are per connection.
    this.applyPragmas();
    try {
      this.store.write(bytes, this.seqValue);
    } catch (error) {
      throw new RpcError(
        'io_failed',
        `Could not write the workspace snapshot: ${(error as Error).message}`,
      );
    }
    // The file just displaced became the previous snapshot; keep every entry it lacks.
    this.journal.compact(this.snapshotSeq);
    this.snapshotSeq = this.seqValue;
    this.unsnapshottedBulk = false;
    this.lastSnapshotAt = new Date().toISOString();
    return { bytes: bytes.byteLength, ms: performance.now() - started };
  }

  close(options: { snapshot: boolean } = { snapshot: true }): void {
    if (options.snapshot && (this.pendingEntries > 0 || this.unsnapshottedBulk)) this.snapshot();
    for (const stmt of this.statements.values()) stmt.free();
    this.statements.clear();
    this.journal.close();
    this.sql.close();
  }
}
