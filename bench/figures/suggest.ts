import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { createRanker } from '../../shared/domain/suggest/rank';
import { CLASSIFICATIONS_DIR } from '../../tests/integration/harness';
import type { SuggestItem } from '../../shared/domain/suggest/types';
import { atMost, info, notMeasured, type Entry, type Line } from '../print';

/**
 * Suggestions against published correspondences: each table is the truth, hidden from the ranker
 * (no mappings, no inherited crosswalk); a source leaf with at least one true target scores a hit
 * at k when any true target is among its top k. Then the time to rank a 5,000-leaf scheme against
 * another, built from real titles.
 */
const DATA = CLASSIFICATIONS_DIR;

type Row = Record<string, string>;
const read = (file: string): Row[] => {
  const parsed = Papa.parse<Row>(fs.readFileSync(path.join(DATA, file), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  if (parsed.errors.length > 0) throw new Error(`${file}: ${parsed.errors[0]!.message}`);
  return parsed.data;
};

/** Leaves are the items nobody names as parent. */
function withLeaves(items: Omit<SuggestItem, 'isLeaf'>[]): SuggestItem[] {
  const parents = new Set(items.map((i) => i.parentCode));
  return items.map((i) => ({ ...i, isLeaf: !parents.has(i.code) }));
}

const ISIC_LEVEL: Record<string, number> = { section: 1, division: 2, group: 3, class: 4 };
const isic = (file: string) =>
  withLeaves(
    read(file).map((r) => ({
      code: r.code!,
      parentCode: r.parent_code || null,
      level: ISIC_LEVEL[r.level!] ?? 0,
      titleEn: r.title_en!,
    })),
  );

/** SOC: major XX-0000, minor XX-X000, broad XX-XXX0, detailed XX-XXXX. */
function socParent(code: string): string | null {
  const [major, rest] = code.split('-') as [string, string];
  if (rest === '0000') return null;
  if (rest.endsWith('000')) return `${major}-0000`;
  if (rest.endsWith('0')) return `${major}-${rest[0]}000`;
  return `${major}-${rest.slice(0, 3)}0`;
}
const soc = (file: string, column: string) => {
  const rows = read(file);
  const codes = new Set(rows.map((r) => r[column]!));
  return withLeaves(
    rows.map((r) => {
      const code = r[column]!;
      let parent = socParent(code);
      // A broad group missing from the file: hang the item on the next level up.
      while (parent && !codes.has(parent)) parent = socParent(parent);
      return {
        code,
        parentCode: parent,
        level: code.endsWith('0000') ? 1 : 2,
        titleEn: r.title_en!,
      };
    }),
  );
};

function truthOf(pairs: [string, string][]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [s, t] of pairs) out.set(s, (out.get(s) ?? new Set()).add(t));
  return out;
}

interface TableFigures {
  name: string;
  sources: number;
  hit1: number;
  hit5: number;
  ms: number;
}

function measureTable(
  name: string,
  source: SuggestItem[],
  target: SuggestItem[],
  truth: Map<string, Set<string>>,
): TableFigures {
  const started = performance.now();
  const ranker = createRanker(source, target);
  const codes = source
    .filter((s) => s.isLeaf && (truth.get(s.code)?.size ?? 0) > 0)
    .map((s) => s.code);
  const ranked = ranker.rankAll(5, {}, codes);
  const ms = performance.now() - started;
  let hit1 = 0;
  let hit5 = 0;
  for (const code of codes) {
    const top = ranked.get(code) ?? [];
    const truths = truth.get(code)!;
    if (top[0] && truths.has(top[0].code)) hit1++;
    if (top.some((s) => truths.has(s.code))) hit5++;
  }
  return { name, sources: codes.length, hit1: hit1 / codes.length, hit5: hit5 / codes.length, ms };
}

export function suggestionTables(): TableFigures[] {
  const isic31 = isic('isic31_structure_en.csv');
  const isic4 = isic('isic4_structure_en.csv');
  const nace = withLeaves(
    read('nace2_structure_en_with_isic4_ref.csv').map((r) => ({
      code: r.nace2_code!,
      parentCode: r.parent_code || null,
      level: Number(r.level),
      titleEn: r.title_en!,
    })),
  );
  const naceTruth = truthOf(
    read('nace2_structure_en_with_isic4_ref.csv')
      .filter((r) => r.isic4_reference)
      .map((r) => [r.nace2_code!, r.isic4_reference!]),
  );
  return [
    measureTable(
      'ISIC Rev.3.1 → Rev.4',
      isic31,
      isic4,
      truthOf(read('isic4_isic31_correspondence.csv').map((r) => [r.isic31!, r.isic4!])),
    ),
    measureTable('NACE Rev.2 → ISIC Rev.4', nace, isic4, naceTruth),
    measureTable(
      'SOC 2010 → 2018',
      soc('soc2010_structure_en.csv', 'soc2010'),
      soc('soc2018_structure_en.csv', 'soc2018'),
      truthOf(read('soc2010_soc2018_bls_crosswalk.csv').map((r) => [r.soc2010!, r.soc2018!])),
    ),
  ];
}

/** A deterministic stand-in for chance (the bench must print the same figures each run). */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** 5,000 leaves under 100 groups from the real English titles of the files above, words perturbed. */
function syntheticScheme(titles: string[], seed: number, leaves: number): SuggestItem[] {
  const random = lcg(seed);
  const items: SuggestItem[] = [];
  const groups = 100;
  for (let g = 0; g < groups; g++)
    items.push({
      code: String(10 + g),
      parentCode: null,
      level: 1,
      isLeaf: false,
      titleEn: titles[(g * 37) % titles.length]!,
    });
  for (let i = 0; i < leaves; i++) {
    const words = titles[i % titles.length]!.split(' ');
    // Drop one word now and then, and add a distinguishing word from another title.
    if (words.length > 3 && random() < 0.4) words.splice(Math.floor(random() * words.length), 1);
    const extra = titles[Math.floor(random() * titles.length)]!.split(' ');
    words.push(extra[Math.floor(random() * extra.length)]!);
    const group = 10 + Math.floor(i / (leaves / groups));
    items.push({
      code: `${group}${String(i).padStart(4, '0')}`,
      parentCode: String(group),
      level: 2,
      isLeaf: true,
      titleEn: words.join(' '),
    });
  }
  return items;
}

export interface SuggestionTiming {
  ms: number;
  /** Of which: indexing the target and estimating the code alignment. */
  indexMs: number;
  sources: number;
  targets: number;
}

export function suggestionTiming(leaves = 5000): SuggestionTiming {
  const titles = [
    ...read('soc2018_structure_en.csv').map((r) => r.title_en!),
    ...read('soc2010_structure_en.csv').map((r) => r.title_en!),
    ...read('isic4_structure_en.csv').map((r) => r.title_en!),
    ...read('isic31_structure_en.csv').map((r) => r.title_en!),
    ...read('nace2_structure_en_with_isic4_ref.csv').map((r) => r.title_en!),
    ...read('isco08_structure_en.csv').map((r) => r.title_en!),
  ].filter((t) => t && t.trim() !== '');
  const source = syntheticScheme(titles, 1, leaves);
  const target = syntheticScheme(titles, 2, leaves);
  const started = performance.now();
  const ranker = createRanker(source, target);
  const indexMs = performance.now() - started;
  const ranked = ranker.rankAll(
    5,
    {},
    source.filter((s) => s.isLeaf).map((s) => s.code),
  );
  return { ms: performance.now() - started, indexMs, sources: ranked.size, targets: leaves };
}

const share = (figure: string, value: number, goal: number): Line => ({
  figure,
  value: value.toFixed(3),
  goal: `≥ ${goal}`,
  verdict: value >= goal ? 'PASS' : 'FAIL',
});

/** The suggestion figures, for bench/main.ts; a failure is printed as "not measured". */
export function measureSuggestions(): Entry[] {
  const out: Entry[] = [
    { section: 'suggestions vs published correspondences (truth hidden from the ranker)' },
  ];
  const reason = (error: unknown) =>
    (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 160);
  try {
    for (const t of suggestionTables()) {
      out.push(
        info(
          `${t.name}: source leaves with a truth`,
          String(t.sources),
          `ranked in ${t.ms.toFixed(0)} ms`,
        ),
      );
      out.push(info(`${t.name}: hit@1`, t.hit1.toFixed(3)));
      out.push(share(`${t.name}: hit@5`, t.hit5, 0.9));
    }
  } catch (error) {
    out.push(notMeasured('suggestions hit@5', '≥ 0.9', reason(error)));
  }
  try {
    const timing = suggestionTiming();
    out.push(
      atMost(
        `rank ${timing.sources.toLocaleString('en-US')} × ${timing.targets.toLocaleString('en-US')} leaves (index + top 5 each)`,
        timing.ms / 1000,
        2,
        's',
      ),
    );
    out.push(
      info(
        '  index the target + code alignment | rank',
        `${timing.indexMs.toFixed(0)} ms | ${(timing.ms - timing.indexMs).toFixed(0)} ms`,
        'synthetic schemes from real titles',
      ),
    );
  } catch (error) {
    out.push(notMeasured('rank 5,000 × 5,000 leaves', '≤ 2 s', reason(error)));
  }
  return out;
}
