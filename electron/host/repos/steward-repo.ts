import type { Agency, Role, Steward } from '../../../shared/contract';
import type { WorkspaceDb } from '../db/workspace-db';

interface StewardRow {
  id: string;
  name: string;
  agency: Agency;
  role: Role;
  created_at: string;
}

const toSteward = (r: StewardRow): Steward => ({
  id: r.id,
  name: r.name,
  agency: r.agency,
  role: r.role,
  createdAt: r.created_at,
});

export class StewardRepo {
  constructor(private readonly db: WorkspaceDb) {}

  list(): Steward[] {
    return this.db.all<StewardRow>('SELECT * FROM stewards ORDER BY name').map(toSteward);
  }

  byId(id: string): Steward | undefined {
    const row = this.db.get<StewardRow>('SELECT * FROM stewards WHERE id = ?', [id]);
    return row ? toSteward(row) : undefined;
  }

  insert(s: Steward): void {
    this.db.run(
      'INSERT INTO stewards (id, name, agency, role, created_at) VALUES (?, ?, ?, ?, ?)',
      [s.id, s.name, s.agency, s.role, s.createdAt],
    );
  }

  lastStewardId(): string | null {
    const row = this.db.get<{ value: string | null }>(
      "SELECT value FROM meta WHERE key = 'last_steward'",
    );
    return row?.value ?? null;
  }

  setLast(id: string | null): void {
    this.db.run(
      "INSERT INTO meta (key, value) VALUES ('last_steward', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      [id],
    );
  }
}
