import type { WorkspaceDb } from '../db/workspace-db';

const SEED_KEY = 'demo_seed';
export type DemoSeedState = 'started' | 'done';

const marks = (ids: readonly string[]) => ids.map(() => '?').join(', ');

/** The demo workspace's bookkeeping: seed state in meta, scheme prefixes, and removal of a half-built demo. */
export class DemoRepo {
  constructor(private readonly db: WorkspaceDb) {}

  seedState(): DemoSeedState | null {
    const value = this.db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [
      SEED_KEY,
    ])?.value;
    return value === 'started' || value === 'done' ? value : null;
  }

  /** Call inside db.write(). */
  setSeedState(state: DemoSeedState): void {
    this.db.run('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)', [SEED_KEY, state]);
  }

  private hasColumn(table: 'schemes', column: string): boolean {
    return this.db
      .all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .some((c) => c.name === column);
  }

  /** SSSOM CURIE prefix and URI base, when this workspace's schema has the columns. Call inside db.write(). */
  setSchemePrefixes(schemes: readonly { id: string; prefix: string; uriBase?: string }[]): void {
    if (!this.hasColumn('schemes', 'prefix')) return;
    const uriBase = this.hasColumn('schemes', 'uri_base');
    for (const s of schemes) {
      this.db.run('UPDATE schemes SET prefix = ? WHERE id = ?', [s.prefix, s.id]);
      if (uriBase && s.uriBase)
        this.db.run('UPDATE schemes SET uri_base = ? WHERE id = ?', [s.uriBase, s.id]);
    }
  }

  countPresent(schemeIds: readonly string[], crosswalkIds: readonly string[]): number {
    return (
      this.db.get<{ n: number }>(
        `SELECT (SELECT COUNT(*) FROM crosswalks WHERE id IN (${marks(crosswalkIds)}))
              + (SELECT COUNT(*) FROM schemes WHERE id IN (${marks(schemeIds)})) AS n`,
        [...crosswalkIds, ...schemeIds],
      )?.n ?? 0
    );
  }

  /** Deletes the given demo schemes and crosswalks with their items and mappings. Call inside db.write(). */
  remove(schemeIds: readonly string[], crosswalkIds: readonly string[]): void {
    this.db.run(`DELETE FROM mappings WHERE crosswalk_id IN (${marks(crosswalkIds)})`, [
      ...crosswalkIds,
    ]);
    this.db.run(`DELETE FROM crosswalks WHERE id IN (${marks(crosswalkIds)})`, [...crosswalkIds]);
    this.db.run(`DELETE FROM items WHERE scheme_id IN (${marks(schemeIds)})`, [...schemeIds]);
    this.db.run(`DELETE FROM schemes WHERE id IN (${marks(schemeIds)})`, [...schemeIds]);
    this.db.run('DELETE FROM meta WHERE key = ?', [SEED_KEY]);
  }
}
