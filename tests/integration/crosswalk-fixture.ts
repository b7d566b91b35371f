import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { hebrewSortKey } from '../../shared/domain/text/hebrew-collation';
import type { TestBackend } from './harness';
import { CLASSIFICATIONS_DIR, REPO_ROOT } from './harness';

/**
 * Test-only loader for the real ISCO-88 → ISCO-08 data shipped in resources/demo (derived from
 * ../shared/data/classifications), written straight into the workspace with db.bulk so that the
 * crosswalk tests do not depend on the import pipeline.
 */
const DEMO = path.join(REPO_ROOT, 'resources', 'demo');

type Csv = Record<string, string>;
const readCsv = (file: string): Csv[] =>
  Papa.parse<Csv>(fs.readFileSync(file, 'utf8'), {
    header: true,
    skipEmptyLines: true,
    dynamicTyping: false,
  }).data;

interface SchemeSpec {
  id: string;
  nameHe: string;
  nameEn: string;
  version: string;
  agency: 'ES' | 'CBS';
  prefix?: string;
  uriBase?: string;
  items: {
    code: string;
    parentCode: string | null;
    level: number;
    titleHe: string | null;
    titleEn: string | null;
    descriptionEn?: string | null;
  }[];
}

function insertScheme(t: TestBackend, s: SchemeSpec): void {
  const db = t.backend.deps.db;
  const parents = new Set(s.items.map((i) => i.parentCode).filter((c) => c !== null));
  db.bulk(() => {
    db.run(
      'INSERT INTO schemes (id, agency, name_he, name_en, version, levels, source, created_at, prefix, uri_base) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        s.id,
        s.agency,
        s.nameHe,
        s.nameEn,
        s.version,
        Math.max(...s.items.map((i) => i.level)),
        'test fixture',
        '2026-01-01T00:00:00.000Z',
        s.prefix ?? null,
        s.uriBase ?? null,
      ],
    );
    for (const i of s.items) {
      db.run(
        `INSERT INTO items (scheme_id, code, parent_code, level, title_he, title_en, description_en, is_leaf, sort_he)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          s.id,
          i.code,
          i.parentCode,
          i.level,
          i.titleHe,
          i.titleEn,
          i.descriptionEn ?? null,
          parents.has(i.code) ? 0 : 1,
          i.titleHe ? hebrewSortKey(i.titleHe) : null,
        ],
      );
    }
  });
}

function insertCrosswalk(
  t: TestBackend,
  cw: { id: string; nameHe: string; nameEn: string; source: string; target: string },
  mappings: {
    sourceCode: string;
    targetCode: string;
    relation: string;
    partialSource?: boolean;
    partialTarget?: boolean;
  }[],
): void {
  const db = t.backend.deps.db;
  db.bulk(() => {
    db.run(
      'INSERT INTO crosswalks (id, name_he, name_en, source_scheme_id, target_scheme_id, description, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [cw.id, cw.nameHe, cw.nameEn, cw.source, cw.target, null, '2026-01-01T00:00:00.000Z'],
    );
    for (const m of mappings) {
      db.run(
        `INSERT INTO mappings (crosswalk_id, source_code, target_code, relation, justification, status, partial_source, partial_target, created_at)
         VALUES (?, ?, ?, ?, 'imported', 'proposed', ?, ?, ?)`,
        [
          cw.id,
          m.sourceCode,
          m.targetCode,
          m.relation,
          m.partialSource ? 1 : 0,
          m.partialTarget ? 1 : 0,
          '2026-01-01T00:00:00.000Z',
        ],
      );
    }
  });
}

const schemeItems = (file: string) =>
  readCsv(path.join(DEMO, file)).map((r) => ({
    code: r.code!,
    parentCode: r.parent_code || null,
    level: Number(r.level),
    titleHe: r.title_he || null,
    titleEn: r.title_en || null,
    descriptionEn: r.description_en || null,
  }));

/** ISCO-88 → ISCO-08 from the official ILO correspondence (678 proposed mappings). */
export function loadIscoCrosswalk(t: TestBackend): {
  crosswalkId: string;
  sourceSchemeId: string;
  targetSchemeId: string;
} {
  insertScheme(t, {
    id: 'isco88',
    nameHe: 'ISCO-88',
    nameEn: 'ISCO-88',
    version: '1988',
    agency: 'ES',
    items: schemeItems('isco88_scheme.csv'),
  });
  insertScheme(t, {
    id: 'isco08',
    nameHe: 'ISCO-08',
    nameEn: 'ISCO-08',
    version: '2008',
    agency: 'CBS',
    prefix: 'ISCO08',
    uriBase: 'http://data.europa.eu/esco/isco/C',
    items: schemeItems('isco08_scheme.csv'),
  });
  const rows = readCsv(path.join(DEMO, 'isco88_isco08_crosswalk.csv'));
  insertCrosswalk(
    t,
    {
      id: 'isco88-isco08',
      nameHe: 'משלחי יד: ISCO-88 אל ISCO-08',
      nameEn: 'Occupations: ISCO-88 to ISCO-08',
      source: 'isco88',
      target: 'isco08',
    },
    rows.map((r) => ({
      sourceCode: r.source_code!,
      targetCode: r.target_code!,
      relation: r.relation!,
      partialSource: r.partial_source === '1',
      partialTarget: r.partial_target === '1',
    })),
  );
  return { crosswalkId: 'isco88-isco08', sourceSchemeId: 'isco88', targetSchemeId: 'isco08' };
}

/**
 * The Employment Service's Hebrew major-group titles (from its job-orders data on data.gov.il) as a
 * small scheme, so that Hebrew sorting and search run on real Hebrew text. Codes are the ISCO major groups.
 */
export function loadEsMajorGroups(t: TestBackend): { crosswalkId: string; titles: string[] } {
  const rows = readCsv(
    path.join(CLASSIFICATIONS_DIR, 'il_es_job_orders_by_major_occupation_district_2015_2020.csv'),
  );
  const titles = [...new Set(rows.map((r) => r.occupation_major_group_he!))];
  const isco = schemeItems('isco08_scheme.csv').filter((i) => i.level === 1);
  const firstWord = (s: string) => s.split(/[\s,]/)[0]!;
  const items = titles.map((title, n) => {
    const match = isco.find(
      (i) =>
        i.titleHe &&
        firstWord(i.titleHe) === firstWord(title) &&
        i.titleHe.startsWith(title.slice(0, 8)),
    );
    return {
      code: match?.code ?? `X${n}`,
      parentCode: null,
      level: 1,
      titleHe: title,
      titleEn: match?.titleEn ?? null,
    };
  });
  insertScheme(t, {
    id: 'es-major',
    nameHe: 'קבוצות ראשיות של שירות התעסוקה',
    nameEn: 'ES major groups',
    version: '2015',
    agency: 'ES',
    items,
  });
  const mapped = items.filter((i) => !i.code.startsWith('X'));
  insertCrosswalk(
    t,
    {
      id: 'es-isco08',
      nameHe: 'שירות התעסוקה אל ISCO-08',
      nameEn: 'ES to ISCO-08',
      source: 'es-major',
      target: 'isco08',
    },
    mapped.map((i) => ({ sourceCode: i.code, targetCode: i.code, relation: 'exact' })),
  );
  return { crosswalkId: 'es-isco08', titles: mapped.map((i) => i.titleHe) };
}
