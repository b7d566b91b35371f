#!/usr/bin/env node
/**
 * Builds the demo workspace's data files in resources/demo/ from the public classification
 * data in ../shared/data/classifications (see its SOURCES.md). Run it when that data changes:
 *
 *   node scripts/build-demo-data.mjs [--from <classifications dir>]
 *
 * The app reads only resources/demo/ at run time. Every code stays text; the script stops
 * with an error instead of dropping or guessing at a row.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fromArg = process.argv.indexOf('--from');
const SRC =
  fromArg > 0
    ? path.resolve(process.argv[fromArg + 1])
    : path.resolve(ROOT, '..', 'shared', 'data', 'classifications');
const OUT = path.join(ROOT, 'resources', 'demo');

const SCHEME_HEADER = ['code', 'parent_code', 'level', 'title_he', 'title_en', 'description_en'];
// The ILO table has no partial flags (SOURCES.md), so its file has none: the importer then derives
// each relation from the table's shape, and from the flags for the UN table.
const ISCO_CROSSWALK_HEADER = ['source_code', 'target_code', 'source_title', 'target_title'];
const ISIC_CROSSWALK_HEADER = [
  'source_code',
  'target_code',
  'partial_source',
  'partial_target',
  'comment',
  'source_title',
  'target_title',
];

/** Hebrew titles of the 9 major groups as the Employment Service data names them (CBS 2011 major groups). */
const MAJOR_GROUPS_HE = {
  1: 'מנהלים',
  2: 'בעלי משלח יד אקדמי',
  3: 'הנדסאים, טכנאים, סוכנים ובעלי משלח יד נלווה',
  4: 'פקידים כלליים ועובדי משרד',
  5: 'עובדי מכירות ושירותים',
  6: 'עובדים מקצועיים בחקלאות, בייעור ובדיג',
  7: 'בעלי מלאכה בתעשייה ובבינוי ובעלי משלח יד דומה',
  8: 'מפעילי מתקנים ומכונות, מרכיבי מוצרים וציוד ונהגים',
  9: 'עובדים בלתי מקצועיים',
};
const ES_JOB_ORDERS = 'il_es_job_orders_by_major_occupation_district_2015_2020.csv';

function fail(message) {
  console.error(`build-demo-data: ${message}`);
  process.exit(1);
}

/** Reads a derived CSV (UTF-8, RFC 4180) into objects keyed by header; every value a string. */
function readCsv(file) {
  const text = fs.readFileSync(path.join(SRC, file), 'utf8');
  const parsed = Papa.parse(text, { header: true, skipEmptyLines: true, dynamicTyping: false });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0];
    fail(`${file}, row ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  return parsed.data;
}

function writeCsv(file, header, rows) {
  const body = Papa.unparse(
    { fields: header, data: rows.map((r) => header.map((h) => r[h] ?? '')) },
    { newline: '\n' },
  );
  fs.writeFileSync(path.join(OUT, file), body + '\n');
  return rows.length;
}

function need(cond, message) {
  if (!cond) fail(message);
}

/** Hebrew major-group titles, checked against the Employment Service file so that a typo cannot slip in. */
function majorGroupTitlesHe() {
  const seen = new Set(readCsv(ES_JOB_ORDERS).map((r) => r.occupation_major_group_he));
  for (const title of Object.values(MAJOR_GROUPS_HE)) {
    need(seen.has(title), `${ES_JOB_ORDERS} has no major group named "${title}"`);
  }
  return MAJOR_GROUPS_HE;
}

function isco08Scheme(titlesHe) {
  const rows = readCsv('isco08_structure_en.csv');
  return rows.map((r) => ({
    code: r.code,
    parent_code: r.parent_code,
    level: r.level,
    title_he: r.level === '1' ? (titlesHe[r.code] ?? '') : '',
    title_en: r.title_en,
    description_en: r.description_en,
  }));
}

/**
 * The ILO label files pad every level to 4 digits (1000 = major 1, 1100 = sub-major 11,
 * 1110 = minor 111). A padded code XYZ0 is a minor group and, when that minor group has no other
 * unit, also its only unit group XYZ0: one row stands for both. This rebuilds the 4-level tree.
 */
function treeFromPaddedLabels(file, codeColumn) {
  const rows = readCsv(file);
  const byCode = new Map();
  for (const [i, r] of rows.entries()) {
    const c = r[codeColumn];
    need(
      /^\d{4}$/.test(c),
      `${file}, row ${i + 2}, column ${codeColumn}: expected 4 digits, found "${c}"`,
    );
    need(!byCode.has(c), `${file}, row ${i + 2}: code ${c} appears twice`);
    byCode.set(c, r.title_en);
  }
  const items = [];
  const add = (code, level, title) =>
    items.push({ code, parent_code: level === 1 ? '' : code.slice(0, -1), level, title_en: title });
  const minorsWithUnits = new Set(
    [...byCode.keys()].filter((c) => c[3] !== '0').map((c) => c.slice(0, 3)),
  );
  for (const [c, title] of byCode) {
    if (c.slice(1) === '000') add(c[0], 1, title);
    else if (c.slice(2) === '00') add(c.slice(0, 2), 2, title);
    else if (c[3] === '0') {
      add(c.slice(0, 3), 3, title);
      if (!minorsWithUnits.has(c.slice(0, 3))) add(c, 4, title);
    } else add(c, 4, title);
  }
  const codes = new Set(items.map((i) => i.code));
  for (const i of items)
    need(
      !i.parent_code || codes.has(i.parent_code),
      `${file}: ${i.code} has no parent ${i.parent_code}`,
    );
  items.sort((a, b) => (a.code.padEnd(4, ' ') < b.code.padEnd(4, ' ') ? -1 : 1));
  return items;
}

/** The reconstruction must give back the published ISCO-08 tree from its own padded label file. */
function checkReconstructionOnIsco08() {
  const rebuilt = treeFromPaddedLabels('isco08_labels_4digitvariant_en.csv', 'isco08_code4');
  const published = readCsv('isco08_structure_en.csv');
  const key = (r) => `${r.code}|${r.parent_code}|${r.level}`;
  const a = new Set(rebuilt.map(key));
  const b = new Set(published.map(key));
  const missing = [...b].filter((k) => !a.has(k));
  const extra = [...a].filter((k) => !b.has(k));
  need(
    missing.length === 0 && extra.length === 0,
    `padded-label reconstruction does not match isco08_structure_en.csv: missing ${missing.slice(0, 5)}, extra ${extra.slice(0, 5)}`,
  );
  return rebuilt.length;
}

function isco88Scheme(titlesHe) {
  return treeFromPaddedLabels('isco88_labels_4digitvariant_en.csv', 'isco88_code4').map((i) => ({
    ...i,
    level: String(i.level),
    title_he: i.level === 1 ? (titlesHe[i.code] ?? '') : '',
    description_en: '',
  }));
}

const ISIC_LEVELS = { section: '1', division: '2', group: '3', class: '4' };

function isicScheme(file) {
  return readCsv(file).map((r, i) => {
    const level = ISIC_LEVELS[r.level];
    need(
      level,
      `${file}, row ${i + 2}, column level: expected section, division, group or class, found "${r.level}"`,
    );
    return {
      code: r.code,
      parent_code: r.parent_code,
      level,
      title_he: '',
      title_en: r.title_en,
      description_en: '',
    };
  });
}

function leafCodes(items) {
  const parents = new Set(items.map((i) => i.parent_code));
  return new Set(items.filter((i) => !parents.has(i.code)).map((i) => i.code));
}

function iscoCrosswalk() {
  const file = 'isco08_isco88_ilo_correspondence.csv';
  const rows = readCsv(file);
  return rows.map((r) => ({
    source_code: r.isco88,
    target_code: r.isco08,
    source_title: r.isco88_title,
    target_title: r.isco08_title,
  }));
}

function isicCrosswalk() {
  const file = 'isic4_isic31_correspondence.csv';
  return readCsv(file).map((r, i) => {
    for (const col of ['partial_isic4', 'partial_isic31']) {
      need(
        r[col] === '0' || r[col] === '1',
        `${file}, row ${i + 2}, column ${col}: expected 0 or 1, found "${r[col]}"`,
      );
    }
    return {
      source_code: r.isic31,
      target_code: r.isic4,
      partial_source: r.partial_isic31,
      partial_target: r.partial_isic4,
      comment: r.detail,
      source_title: r.isic31_title,
      target_title: r.isic4_title,
    };
  });
}

/** Every code of a crosswalk must be a leaf of its scheme; returns what is not, for the report. */
function checkCodes(name, pairs, side, items) {
  const all = new Set(items.map((i) => i.code));
  const leaves = leafCodes(items);
  const codes = [...new Set(pairs.map((p) => p[side]))];
  const missing = codes.filter((c) => !all.has(c));
  const notLeaf = codes.filter((c) => all.has(c) && !leaves.has(c));
  need(
    missing.length === 0,
    `${name}: ${side} codes missing from the scheme: ${missing.join(', ')}`,
  );
  need(notLeaf.length === 0, `${name}: ${side} codes that are not leaves: ${notLeaf.join(', ')}`);
  return codes.length;
}

function levelCounts(items) {
  const out = {};
  for (const i of items) out[i.level] = (out[i.level] ?? 0) + 1;
  return out;
}

const SCHEME_COLUMNS = {
  code: 'code',
  parentCode: 'parent_code',
  level: 'level',
  titleHe: 'title_he',
  titleEn: 'title_en',
  descriptionEn: 'description_en',
};
const ISCO_CROSSWALK_COLUMNS = {
  sourceCode: 'source_code',
  targetCode: 'target_code',
  sourceTitle: 'source_title',
  targetTitle: 'target_title',
};
const ISIC_CROSSWALK_COLUMNS = {
  ...ISCO_CROSSWALK_COLUMNS,
  partialSource: 'partial_source',
  partialTarget: 'partial_target',
  comment: 'comment',
};

function main() {
  need(fs.existsSync(path.join(SRC, 'SOURCES.md')), `no classification data in ${SRC}`);
  fs.mkdirSync(OUT, { recursive: true });
  const titlesHe = majorGroupTitlesHe();
  const isco08Checked = checkReconstructionOnIsco08();

  const schemes = [
    {
      id: 'isco88',
      prefix: 'ISCO88',
      nameHe: 'סיווג משלחי יד ISCO-88 (קודי שירות התעסוקה)',
      nameEn: 'Occupations ISCO-88 (Employment Service codes)',
      version: 'ISCO-88',
      agency: 'ES',
      source: 'ILO ISCO-88 labels, via benjann/crosswalk (_cwfcn_labels_isco88.sthlp)',
      file: 'isco88_scheme.csv',
      items: isco88Scheme(titlesHe),
    },
    {
      id: 'isco08',
      prefix: 'ISCO08',
      nameHe: 'סיווג משלחי יד ISCO-08 (בסיס סיווג הלמ״ס 2011)',
      nameEn: 'Occupations ISCO-08 (basis of CBS 2011)',
      version: 'ISCO-08',
      agency: 'CBS',
      // ESCO's concept URIs for ISCO-08 groups: C + code.
      uriBase: 'http://data.europa.eu/esco/isco/C',
      source: 'ESCO ISCOGroups_en.csv (ISCO-08), via MohamedGouaouri/esco; © European Union',
      file: 'isco08_scheme.csv',
      items: isco08Scheme(titlesHe),
    },
    {
      id: 'isic31',
      prefix: 'ISIC31',
      nameHe: 'סיווג ענפי כלכלה ISIC Rev.3.1 (קודי שירות התעסוקה)',
      nameEn: 'Industries ISIC Rev.3.1 (Employment Service codes)',
      version: 'ISIC Rev.3.1',
      agency: 'ES',
      source: 'UNSD ISIC_Rev_3_1_english_structure.txt, via insongkim/concordance',
      file: 'isic31_scheme.csv',
      items: isicScheme('isic31_structure_en.csv'),
    },
    {
      id: 'isic4',
      prefix: 'ISIC4',
      nameHe: 'סיווג ענפי כלכלה ISIC Rev.4 (בסיס סיווג הלמ״ס 2011)',
      nameEn: 'Industries ISIC Rev.4 (basis of CBS 2011)',
      version: 'ISIC Rev.4',
      agency: 'CBS',
      source: 'UNSD ISIC_Rev_4_english_structure.txt, via insongkim/concordance',
      file: 'isic4_scheme.csv',
      items: isicScheme('isic4_structure_en.csv'),
    },
  ];
  const byId = Object.fromEntries(schemes.map((s) => [s.id, s]));

  const crosswalks = [
    {
      id: 'isco88-isco08',
      nameHe: 'משלחי יד: ISCO-88 אל ISCO-08 (טבלת ההתאמה של ILO)',
      nameEn: 'Occupations: ISCO-88 to ISCO-08 (ILO correspondence)',
      description:
        'Official ILO correspondence ISCO-08 ↔ ISCO-88, read from ISCO-88 (standing in for the Employment Service codes) to ISCO-08 (basis of CBS 2011). All pairs proposed, for review.',
      sourceSchemeId: 'isco88',
      targetSchemeId: 'isco08',
      source: 'ILO Correspondence_EN_ISCO_08_to_ISCO_88.xlsx, via benjann/crosswalk',
      file: 'isco88_isco08_crosswalk.csv',
      header: ISCO_CROSSWALK_HEADER,
      columns: ISCO_CROSSWALK_COLUMNS,
      pairs: iscoCrosswalk(),
    },
    {
      id: 'isic31-isic4',
      nameHe: 'ענפי כלכלה: ISIC Rev.3.1 אל ISIC Rev.4 (טבלת ההתאמה של האו״ם)',
      nameEn: 'Industries: ISIC Rev.3.1 to ISIC Rev.4 (UN correspondence)',
      description:
        'UNSD correspondence ISIC Rev.4 ↔ ISIC Rev.3.1 with its partial-link flags, read from Rev.3.1 to Rev.4. All pairs proposed, for review.',
      sourceSchemeId: 'isic31',
      targetSchemeId: 'isic4',
      source: 'UNSD ISIC4_ISIC31.txt, via insongkim/concordance',
      file: 'isic31_isic4_crosswalk.csv',
      header: ISIC_CROSSWALK_HEADER,
      columns: ISIC_CROSSWALK_COLUMNS,
      pairs: isicCrosswalk(),
    },
  ];

  const manifest = {
    format: 1,
    generatedBy: 'scripts/build-demo-data.mjs',
    schemes: [],
    crosswalks: [],
  };
  for (const s of schemes) {
    const rows = writeCsv(s.file, SCHEME_HEADER, s.items);
    const { items, ...meta } = s;
    manifest.schemes.push({ ...meta, rows, levels: levelCounts(items), columns: SCHEME_COLUMNS });
  }
  for (const c of crosswalks) {
    const sourceCodes = checkCodes(c.id, c.pairs, 'source_code', byId[c.sourceSchemeId].items);
    const targetCodes = checkCodes(c.id, c.pairs, 'target_code', byId[c.targetSchemeId].items);
    const rows = writeCsv(c.file, c.header, c.pairs);
    const { pairs, header: _header, ...meta } = c;
    const partial = c.header.includes('partial_source')
      ? {
          source: pairs.filter((p) => p.partial_source === '1').length,
          target: pairs.filter((p) => p.partial_target === '1').length,
        }
      : null;
    manifest.crosswalks.push({
      ...meta,
      rows,
      sourceCodes,
      targetCodes,
      partial,
      defaults: { status: 'proposed', justification: 'imported' },
    });
  }
  fs.writeFileSync(path.join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

  console.log(
    `ISCO-08 padded-label reconstruction check: ${isco08Checked} items match isco08_structure_en.csv`,
  );
  for (const s of manifest.schemes)
    console.log(`${s.file}: ${s.rows} items, levels ${JSON.stringify(s.levels)}`);
  for (const c of manifest.crosswalks) {
    console.log(
      `${c.file}: ${c.rows} pairs, ${c.sourceCodes} source codes, ${c.targetCodes} target codes, partial ${JSON.stringify(c.partial)}`,
    );
  }
}

main();
