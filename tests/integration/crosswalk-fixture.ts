import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { hebrewSortKey } from '../../shared/domain/text/hebrew-collation';
import type { TestBackend } from './harness';
import { CLASSIFICATIONS_DIR } from './harness';

/**
 * Test-only loader for the real ISCO-88 → ISCO-08 data in ../shared/data/classifications, written
 * straight into the workspace with db.bulk so that the crosswalk tests do not depend on the import pipeline.
 */
/** The Employment Service's Hebrew name of each ISCO-08 major group (matched on the first two words). */
const ISCO08_MAJOR_HE: Record<string, string> = {
  '1': 'מנהלים',
  '2': 'בעלי משלח יד אקדמי',
  '3': 'הנדסאים, טכנאים, סוכנים ובעלי משלח יד נלווה',
  '4': 'פקידים כלליים ועובדי משרד',
  '5': 'עובדי מכירות ושירותים',
  '6': 'עובדים מקצועיים בחקלאות, בייעור ובדיג',
  '7': 'בעלי מלאכה בתעשייה ובבינוי ובעלי משלח יד דומה',
  '8': 'מפעילי מתקנים ומכונות, מרכיבים ונהגים',
  '9': 'עובדים בלתי מקצועיים',
};

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

/** ISCO-08 from the ESCO structure file: real codes at all four levels. */
const isco08Items = () =>
  readCsv(path.join(CLASSIFICATIONS_DIR, 'isco08_structure_en.csv')).map((r) => ({
    code: r.code!,
    parentCode: r.parent_code || null,
    level: Number(r.level),
    titleHe: null,
    titleEn: r.title_en || null,
    descriptionEn: r.description_en || null,
  }));

/**
 * ISCO-88 from the ILO labels, whose higher levels are padded to four digits (1000 = group 1,
 * 1100 = group 11): the level is four minus the trailing zeros, the parent the code with its last
 * non-zero digit zeroed, when that code exists.
 */
function isco88Items() {
  const rows = readCsv(path.join(CLASSIFICATIONS_DIR, 'isco88_labels_4digitvariant_en.csv'));
  const codes = new Set(rows.map((r) => r.isco88_code4!));
  return rows.map((r) => {
    const code = r.isco88_code4!;
    const zeros = /0*$/.exec(code)![0].length;
    const level = Math.max(1, 4 - zeros);
    const parent = level === 1 ? null : code.slice(0, level - 1).padEnd(4, '0');
    return {
      code,
      parentCode: parent && codes.has(parent) && parent !== code ? parent : null,
      level,
      titleHe: null,
      titleEn: r.title_en || null,
    };
  });
}

/**
 * ISCO-88 → ISCO-08 from the official ILO correspondence (678 proposed mappings). The relation
 * follows the pair's cardinality: a split is narrower, a merge broader, many-to-many related, else close.
 */
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
    items: isco88Items(),
  });
  insertScheme(t, {
    id: 'isco08',
    nameHe: 'ISCO-08',
    nameEn: 'ISCO-08',
    version: '2008',
    agency: 'CBS',
    prefix: 'ISCO08',
    uriBase: 'http://data.europa.eu/esco/isco/C',
    items: isco08Items(),
  });
  const pairs = readCsv(path.join(CLASSIFICATIONS_DIR, 'isco08_isco88_ilo_correspondence.csv')).map(
    (r) => ({ source: r.isco88!, target: r.isco08! }),
  );
  const tally = (key: 'source' | 'target') => {
    const n = new Map<string, number>();
    for (const p of pairs) n.set(p[key], (n.get(p[key]) ?? 0) + 1);
    return n;
  };
  const targetsOf = tally('source');
  const sourcesOf = tally('target');
  insertCrosswalk(
    t,
    {
      id: 'isco88-isco08',
      nameHe: 'משלחי יד: ISCO-88 אל ISCO-08',
      nameEn: 'Occupations: ISCO-88 to ISCO-08',
      source: 'isco88',
      target: 'isco08',
    },
    pairs.map((p) => {
      const split = targetsOf.get(p.source)! > 1;
      const merge = sourcesOf.get(p.target)! > 1;
      return {
        sourceCode: p.source,
        targetCode: p.target,
        relation: split && merge ? 'related' : split ? 'narrower' : merge ? 'broader' : 'close',
        partialSource: split,
        partialTarget: merge,
      };
    }),
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
  const twoWords = (text: string) =>
    text
      .split(/[\s,]+/)
      .slice(0, 2)
      .join(' ');
  const isco = isco08Items();
  const items = titles.map((title, n) => {
    const code = Object.entries(ISCO08_MAJOR_HE).find(
      ([, he]) => twoWords(he) === twoWords(title),
    )?.[0];
    const titleEn = isco.find((i) => i.code === code)?.titleEn ?? null;
    return { code: code ?? `X${n}`, parentCode: null, level: 1, titleHe: title, titleEn };
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
