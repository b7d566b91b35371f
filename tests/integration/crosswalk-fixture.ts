import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { toCsv } from '../../shared/domain/tabular/csv-write';
import { importCrosswalk, importScheme } from '../../electron/host/import/run-import';
import type { TestBackend } from './harness';
import { CLASSIFICATIONS_DIR, REPO_ROOT } from './harness';

/**
 * Real data into a test workspace through the import pipeline a steward uses: the ISCO-88 and
 * ISCO-08 schemes (normalised in resources/demo from ../shared/data/classifications) and the
 * official ILO correspondence file itself; relations come from the pairs' cardinality.
 */
const DEMO = path.join(REPO_ROOT, 'resources', 'demo');
const CSV = { encoding: 'utf-8', delimiter: ',' } as const;
const SCHEME_COLUMNS = {
  code: 'code',
  parentCode: 'parent_code',
  level: 'level',
  titleHe: 'title_he',
  titleEn: 'title_en',
  descriptionEn: 'description_en',
} as const;

type Csv = Record<string, string>;
const readCsv = (file: string): Csv[] =>
  Papa.parse<Csv>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;

export async function loadIscoCrosswalk(
  t: TestBackend,
): Promise<{ crosswalkId: string; sourceSchemeId: string; targetSchemeId: string }> {
  const deps = t.backend.deps;
  for (const [id, file, nameEn, version, agency] of [
    ['isco88', 'isco88_scheme.csv', 'ISCO-88', '1988', 'ES'],
    ['isco08', 'isco08_scheme.csv', 'ISCO-08', '2008', 'CBS'],
  ] as const) {
    await importScheme(deps, {
      fileName: file,
      bytes: fs.readFileSync(path.join(DEMO, file)),
      options: CSV,
      columns: SCHEME_COLUMNS,
      scheme: { id, nameHe: nameEn, nameEn, version, agency },
    });
  }
  // ISCO-08 has a published URI base (ESCO); ISCO-88 keeps the derived prefix and a gesher URN.
  deps.db.write(() =>
    deps.db.run(
      "UPDATE schemes SET prefix = 'ISCO08', uri_base = 'http://data.europa.eu/esco/isco/C' WHERE id = 'isco08'",
    ),
  );
  const file = 'isco08_isco88_ilo_correspondence.csv';
  await importCrosswalk(deps, {
    fileName: file,
    bytes: fs.readFileSync(path.join(CLASSIFICATIONS_DIR, file)),
    options: CSV,
    columns: {
      sourceCode: 'isco88',
      targetCode: 'isco08',
      sourceTitle: 'isco88_title',
      targetTitle: 'isco08_title',
    },
    crosswalk: {
      id: 'isco88-isco08',
      nameHe: 'משלחי יד: ISCO-88 אל ISCO-08',
      nameEn: 'Occupations: ISCO-88 to ISCO-08',
      sourceSchemeId: 'isco88',
      targetSchemeId: 'isco08',
    },
    defaults: { status: 'proposed', justification: 'imported' },
  });
  return { crosswalkId: 'isco88-isco08', sourceSchemeId: 'isco88', targetSchemeId: 'isco08' };
}

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

/**
 * The Employment Service's Hebrew major-group titles as they appear in its job-orders data
 * (data.gov.il) as a small scheme, mapped to the ISCO-08 major groups, so that Hebrew sorting and
 * search run on real Hebrew text. Needs loadIscoCrosswalk first (for ISCO-08).
 */
export async function loadEsMajorGroups(
  t: TestBackend,
): Promise<{ crosswalkId: string; titles: string[] }> {
  const rows = readCsv(
    path.join(CLASSIFICATIONS_DIR, 'il_es_job_orders_by_major_occupation_district_2015_2020.csv'),
  );
  const titles = [...new Set(rows.map((r) => r.occupation_major_group_he!))];
  const twoWords = (text: string) =>
    text
      .split(/[\s,]+/)
      .slice(0, 2)
      .join(' ');
  const items = titles.flatMap((title) => {
    const code = Object.entries(ISCO08_MAJOR_HE).find(
      ([, he]) => twoWords(he) === twoWords(title),
    )?.[0];
    return code ? [{ code, title }] : [];
  });
  const deps = t.backend.deps;
  await importScheme(deps, {
    fileName: 'es-major-groups.csv',
    bytes: Buffer.from(
      toCsv(
        ['code', 'title_he'],
        items.map((i) => [i.code, i.title]),
      ),
    ),
    options: CSV,
    columns: { code: 'code', titleHe: 'title_he' },
    scheme: {
      id: 'es-major',
      nameHe: 'קבוצות ראשיות של שירות התעסוקה',
      nameEn: 'ES major groups',
      version: '2015',
      agency: 'ES',
    },
  });
  await importCrosswalk(deps, {
    fileName: 'es-isco08.csv',
    bytes: Buffer.from(
      toCsv(
        ['es', 'isco08', 'relation'],
        items.map((i) => [i.code, i.code, 'exact']),
      ),
    ),
    options: CSV,
    columns: { sourceCode: 'es', targetCode: 'isco08', relation: 'relation' },
    crosswalk: {
      id: 'es-isco08',
      nameHe: 'שירות התעסוקה אל ISCO-08',
      nameEn: 'ES to ISCO-08',
      sourceSchemeId: 'es-major',
      targetSchemeId: 'isco08',
    },
    defaults: { status: 'proposed', justification: 'imported' },
  });
  return { crosswalkId: 'es-isco08', titles: items.map((i) => i.title) };
}
