import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceDb } from '../../electron/host/db/workspace-db';
import {
  CLASSIFICATIONS_DIR,
  openTestBackend,
  REPO_ROOT,
  tempDir,
  type TestBackend,
} from './harness';

/** A published file from ../shared/data/classifications, every value as text. */
function published(file: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(CLASSIFICATIONS_DIR, file), 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

function levelCounts(db: WorkspaceDb, schemeId: string): Record<number, number> {
  const rows = db.all<{ level: number; n: number }>(
    'SELECT level, COUNT(*) AS n FROM items WHERE scheme_id = ? GROUP BY level ORDER BY level',
    [schemeId],
  );
  return Object.fromEntries(rows.map((r) => [r.level, r.n]));
}

interface ItemRow {
  code: string;
  parent_code: string | null;
  level: number;
  title_he: string | null;
  title_en: string | null;
  description_en: string | null;
  is_leaf: number;
}
const item = (db: WorkspaceDb, schemeId: string, code: string) =>
  db.get<ItemRow>('SELECT * FROM items WHERE scheme_id = ? AND code = ?', [schemeId, code]);

const ISIC_LEVEL = { section: 1, division: 2, group: 3, class: 4 } as const;
function isicLevels(file: string): Record<number, number> {
  const out: Record<number, number> = {};
  for (const r of published(file)) {
    const level = ISIC_LEVEL[r.level as keyof typeof ISIC_LEVEL];
    out[level] = (out[level] ?? 0) + 1;
  }
  return out;
}

describe('demo workspace built from real data on first start', () => {
  let t: TestBackend;
  let db: WorkspaceDb;

  beforeAll(async () => {
    t = await openTestBackend({ seedDemo: true });
    db = t.backend.deps.db;
  });
  afterAll(async () => {
    await t.close();
  });

  it('has the four schemes with their full hierarchy', () => {
    const schemes = db.all<{ id: string; agency: string; levels: number; name_he: string }>(
      'SELECT id, agency, levels, name_he FROM schemes ORDER BY id',
    );
    expect(schemes.map((s) => [s.id, s.agency, s.levels])).toEqual([
      ['isco08', 'CBS', 4],
      ['isco88', 'ES', 4],
      ['isic31', 'ES', 4],
      ['isic4', 'CBS', 4],
    ]);
    expect(schemes.find((s) => s.id === 'isco88')?.name_he).toContain('שירות התעסוקה');

    expect(levelCounts(db, 'isco08')).toEqual({ 1: 10, 2: 43, 3: 130, 4: 436 });
    expect(published('isco08_structure_en.csv')).toHaveLength(619);
    // ISCO-88 as the ILO defines it: 10 major, 28 sub-major, 116 minor, 390 unit groups.
    expect(levelCounts(db, 'isco88')).toEqual({ 1: 10, 2: 28, 3: 116, 4: 390 });
    expect(levelCounts(db, 'isic31')).toEqual(isicLevels('isic31_structure_en.csv'));
    expect(levelCounts(db, 'isic4')).toEqual(isicLevels('isic4_structure_en.csv'));
  });

  it('keeps codes as text, titles in Hebrew and English, and descriptions', () => {
    const professionals = item(db, 'isco08', '2');
    expect(professionals?.title_he).toBe('בעלי משלח יד אקדמי');
    expect(professionals?.title_en).toBe('Professionals');
    expect(professionals?.description_en).toMatch(/\n/);
    expect(item(db, 'isco08', '9')?.title_he).toBe('עובדים בלתי מקצועיים');
    expect(item(db, 'isco08', '0')?.title_he ?? null).toBeNull();
    expect(item(db, 'isco08', '0110')).toMatchObject({ parent_code: '011', level: 4, is_leaf: 1 });
    expect(item(db, 'isco08', '011')).toMatchObject({ parent_code: '01', level: 3, is_leaf: 0 });

    expect(item(db, 'isco88', '1')?.title_he).toBe('מנהלים');
    expect(item(db, 'isco88', '0110')).toMatchObject({
      parent_code: '011',
      level: 4,
      title_en: 'Armed forces',
    });
    // A padded row that stands for both a minor group and its only unit group gives two items.
    expect(item(db, 'isco88', '111')).toMatchObject({
      parent_code: '11',
      level: 3,
      title_en: 'Legislators',
    });
    expect(item(db, 'isco88', '1110')).toMatchObject({ parent_code: '111', level: 4, is_leaf: 1 });
    // 1140 stands only for minor group 114, whose units are 1141-1143.
    expect(item(db, 'isco88', '114')?.level).toBe(3);
    expect(item(db, 'isco88', '1140')).toBeUndefined();
    expect(item(db, 'isco88', '1141')?.parent_code).toBe('114');

    expect(item(db, 'isic4', '0111')).toMatchObject({ parent_code: '011', level: 4 });
    expect(item(db, 'isic4', '01')).toMatchObject({ parent_code: 'A', level: 2 });
    expect(item(db, 'isic31', 'A')).toMatchObject({ parent_code: null, level: 1 });
  });

  it('loads the ILO occupations correspondence as 678 proposed ISCO-88 → ISCO-08 mappings', () => {
    const cw = db.get<{ source_scheme_id: string; target_scheme_id: string }>(
      "SELECT * FROM crosswalks WHERE id = 'isco88-isco08'",
    );
    expect(cw).toMatchObject({ source_scheme_id: 'isco88', target_scheme_id: 'isco08' });
    const mappings = db.all<{
      source_code: string;
      target_code: string;
      status: string;
      justification: string;
    }>(
      "SELECT source_code, target_code, status, justification FROM mappings WHERE crosswalk_id = 'isco88-isco08'",
    );
    expect(mappings).toHaveLength(678);
    expect(new Set(mappings.map((m) => `${m.status}/${m.justification}`))).toEqual(
      new Set(['proposed/imported']),
    );
    const pairs = (rows: { a: string; b: string }[]) => rows.map((r) => `${r.a}>${r.b}`).sort();
    expect(pairs(mappings.map((m) => ({ a: m.source_code, b: m.target_code })))).toEqual(
      pairs(
        published('isco08_isco88_ilo_correspondence.csv').map((r) => ({
          a: r.isco88!,
          b: r.isco08!,
        })),
      ),
    );

    const orphans = db.get<{ sources: number; targets: number; notLeaf: number }>(
      `SELECT
         SUM(s.code IS NULL) AS sources, SUM(t.code IS NULL) AS targets, SUM(t.is_leaf = 0 OR s.is_leaf = 0) AS notLeaf
       FROM mappings m
       LEFT JOIN items s ON s.scheme_id = 'isco88' AND s.code = m.source_code
       LEFT JOIN items t ON t.scheme_id = 'isco08' AND t.code = m.target_code
       WHERE m.crosswalk_id = 'isco88-isco08'`,
    );
    expect(orphans).toEqual({ sources: 0, targets: 0, notLeaf: 0 });
  });

  it('loads the UN industries correspondence ISIC Rev.3.1 → Rev.4 with its partial-link flags', () => {
    const source = published('isic4_isic31_correspondence.csv');
    const mappings = db.all<{
      source_code: string;
      target_code: string;
      partial_source: number;
      partial_target: number;
      status: string;
    }>(
      "SELECT source_code, target_code, partial_source, partial_target, status FROM mappings WHERE crosswalk_id = 'isic31-isic4'",
    );
    expect(mappings).toHaveLength(source.length);
    const flags = new Map(
      mappings.map((m) => [
        `${m.source_code}>${m.target_code}`,
        `${m.partial_source}${m.partial_target}`,
      ]),
    );
    for (const r of source)
      expect(flags.get(`${r.isic31}>${r.isic4}`)).toBe(`${r.partial_isic31}${r.partial_isic4}`);
    expect(mappings.filter((m) => m.partial_source === 1).length).toBe(
      source.filter((r) => r.partial_isic31 === '1').length,
    );
    expect(new Set(mappings.map((m) => m.status))).toEqual(new Set(['proposed']));

    const orphans = db.get<{ n: number }>(
      `SELECT COUNT(*) AS n FROM mappings m
       LEFT JOIN items s ON s.scheme_id = 'isic31' AND s.code = m.source_code
       LEFT JOIN items t ON t.scheme_id = 'isic4' AND t.code = m.target_code
       WHERE m.crosswalk_id = 'isic31-isic4' AND (s.code IS NULL OR t.code IS NULL)`,
    );
    expect(orphans?.n).toBe(0);
  });

  it('gives the schemes their SSSOM prefixes', () => {
    const hasPrefix = db
      .all<{ name: string }>("SELECT name FROM pragma_table_info('schemes')")
      .some((c) => c.name === 'prefix');
    if (!hasPrefix) return;
    const prefixes = db.all<{ id: string; prefix: string }>(
      'SELECT id, prefix FROM schemes ORDER BY id',
    );
    expect(prefixes.map((p) => p.prefix)).toEqual(['ISCO08', 'ISCO88', 'ISIC31', 'ISIC4']);
  });
});

describe('demo workspace on later starts', () => {
  const counts = (db: WorkspaceDb) =>
    db.all<{ id: string; n: number }>(
      'SELECT c.id, (SELECT COUNT(*) FROM mappings m WHERE m.crosswalk_id = c.id) AS n FROM crosswalks c ORDER BY c.id',
    );

  it('is not seeded a second time when the workspace is reopened', async () => {
    const first = await openTestBackend({ seedDemo: true });
    const before = counts(first.backend.deps.db);
    expect(before).toEqual([
      { id: 'isco88-isco08', n: 678 },
      { id: 'isic31-isic4', n: 737 },
    ]);
    await first.close();

    const again = await openTestBackend({ seedDemo: true, workspaceDir: first.dir });
    expect(again.backend.deps.db.report.recoveredFrom).toBe('snapshot');
    expect(counts(again.backend.deps.db)).toEqual(before);
    expect(again.backend.deps.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM schemes')?.n).toBe(
      4,
    );
    await again.close();
  });

  it('rebuilds a demo that a crash left half built', async () => {
    const first = await openTestBackend({ seedDemo: true });
    const db = first.backend.deps.db;
    // What a host killed between two imports leaves behind: the seed started, one crosswalk missing.
    db.write(() => {
      db.run("UPDATE meta SET value = 'started' WHERE key = 'demo_seed'");
      db.run("DELETE FROM mappings WHERE crosswalk_id = 'isic31-isic4'");
      db.run("DELETE FROM crosswalks WHERE id = 'isic31-isic4'");
    });
    await first.close();

    const again = await openTestBackend({ seedDemo: true, workspaceDir: first.dir });
    expect(counts(again.backend.deps.db)).toEqual([
      { id: 'isco88-isco08', n: 678 },
      { id: 'isic31-isic4', n: 737 },
    ]);
    expect(
      again.backend.deps.db.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM items WHERE scheme_id = 'isco08'",
      )?.n,
    ).toBe(619);
    await again.close();
  });
});

describe('demo workspace, all or nothing', () => {
  it('leaves no part of the demo behind when one of its files is broken', async () => {
    const resourcesDir = tempDir('gesher-resources-');
    fs.cpSync(path.join(REPO_ROOT, 'resources'), resourcesDir, { recursive: true });
    const file = path.join(resourcesDir, 'demo', 'isic31_isic4_crosswalk.csv');
    // The last file to load: the schemes and the other crosswalk are already in when it fails.
    fs.appendFileSync(file, '0111,0111,2,0,,broken,broken\n');
    const workspaceDir = tempDir();
    await expect(openTestBackend({ seedDemo: true, workspaceDir, resourcesDir })).rejects.toThrow(
      /demo workspace could not be built.*isic31_isic4_crosswalk\.csv/s,
    );

    const after = await openTestBackend({ workspaceDir, resourcesDir });
    const db = after.backend.deps.db;
    expect(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM schemes')?.n).toBe(0);
    expect(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM items')?.n).toBe(0);
    expect(db.get<{ n: number }>('SELECT COUNT(*) AS n FROM mappings')?.n).toBe(0);
    await after.close();
  });
});
