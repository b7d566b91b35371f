import { hebrewSortKey } from '../shared/domain/text/hebrew-collation';
import {
  RELATIONS,
  MAPPING_STATUSES,
  type MappingStatus,
  type Relation,
} from '../shared/contract/common';

/**
 * A synthetic crosswalk shaped like the real ones: two four-level schemes of 4-digit text codes
 * (leading zeros: 0000–9999), Hebrew and English titles (some with quotes and commas that need CSV
 * quoting), and N mappings between their leaves with weighted relations, statuses and shares.
 * Deterministic: the same seed gives the same bytes.
 */
export interface GeneratedItem {
  code: string;
  parentCode: string | null;
  level: number;
  titleHe: string;
  titleEn: string;
  sortHe: string;
  isLeaf: boolean;
}

export interface GeneratedMapping {
  sourceCode: string;
  targetCode: string;
  relation: Relation;
  share: number | null;
  status: MappingStatus;
  partialSource: boolean;
  partialTarget: boolean;
  comment: string | null;
}

export interface GeneratedCrosswalk {
  source: GeneratedItem[];
  target: GeneratedItem[];
  mappings: GeneratedMapping[];
}

/** mulberry32: small, fast, seedable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HE_ROLES = [
  'עובדי',
  'מנהלי',
  'טכנאי',
  'מפעילי',
  'פקידי',
  'מורי',
  'אחראי',
  'סוכני',
  'מתקיני',
  'בודקי',
  'יועצי',
  'עוזרי',
];
const EN_ROLES = [
  'Workers in',
  'Managers of',
  'Technicians in',
  'Operators in',
  'Clerks in',
  'Teachers of',
  'Supervisors of',
  'Agents in',
  'Installers in',
  'Inspectors of',
  'Advisers in',
  'Assistants in',
];
const HE_FIELDS = [
  'ייצור מזון',
  'בניין ותשתיות',
  'חשמל ואלקטרוניקה',
  'תוכנה ומחשבים',
  'חינוך',
  'בריאות וסיעוד',
  'חקלאות ודיג',
  'תחבורה ולוגיסטיקה',
  'כספים וביטוח',
  'מכירות ושיווק',
  'שירותי ניקיון',
  'עיבוד מתכת',
  'טקסטיל והלבשה',
  'דפוס',
  'מלונאות והסעדה',
  'משפט',
  'הנדסה אזרחית',
  'כימיה ופלסטיק',
  'אומנות ובידור',
  'ביטחון ושמירה',
];
const EN_FIELDS = [
  'food production',
  'construction and infrastructure',
  'electrical and electronics',
  'software and computing',
  'education',
  'health and nursing',
  'agriculture and fishing',
  'transport and logistics',
  'finance and insurance',
  'sales and marketing',
  'cleaning services',
  'metal working',
  'textiles and clothing',
  'printing',
  'hotels and catering',
  'law',
  'civil engineering',
  'chemicals and plastics',
  'arts and entertainment',
  'security and guarding',
];
// Some need CSV quoting (commas, Hebrew gershayim written as a double quote).
const HE_QUALIFIERS = [
  '',
  ' בכירים',
  ' מוסמכים',
  ' ומקצועות קשורים',
  ', למעט עבודה חקלאית',
  ' (ראה גם סמנכ"ל)',
  ' במפעלים',
  ' זוטרים',
];
const EN_QUALIFIERS = [
  '',
  ', senior',
  ', certified',
  ' and related occupations',
  ', except farm work',
  ' (see also "VP")',
  ' in plants',
  ', junior',
];

function titles(code: string, rand: () => number): { he: string; en: string } {
  const r = Math.floor(rand() * HE_ROLES.length);
  const f = Math.floor(rand() * HE_FIELDS.length);
  const q = Math.floor(rand() * HE_QUALIFIERS.length);
  return {
    he: `${HE_ROLES[r]} ${HE_FIELDS[f]}${HE_QUALIFIERS[q]} ${code}`,
    en: `${EN_ROLES[r]} ${EN_FIELDS[f]}${EN_QUALIFIERS[q]} ${code}`,
  };
}

/** Levels 1–4: codes of 1, 2, 3 and 4 digits; the 10,000 4-digit codes are the leaves. */
export function generateScheme(seed: number): GeneratedItem[] {
  const rand = prng(seed);
  const items: GeneratedItem[] = [];
  for (let level = 1; level <= 4; level++) {
    const count = 10 ** level;
    for (let n = 0; n < count; n++) {
      const code = String(n).padStart(level, '0');
      const t = titles(code, rand);
      items.push({
        code,
        parentCode: level === 1 ? null : code.slice(0, -1),
        level,
        titleHe: t.he,
        titleEn: t.en,
        sortHe: hebrewSortKey(t.he),
        isLeaf: level === 4,
      });
    }
  }
  return items;
}

function weighted<T>(values: readonly T[], weights: readonly number[], rand: () => number): T {
  let x = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i++) {
    x -= weights[i]!;
    if (x < 0) return values[i]!;
  }
  return values[values.length - 1]!;
}

const RELATION_WEIGHTS = [5, 40, 20, 20, 15]; // exact, close, broader, narrower, related
const STATUS_WEIGHTS = [80, 12, 5, 3]; // proposed, approved, rejected, needs_discussion

/**
 * `rows` mappings over the 10,000 source leaves: every source gets rows/10,000 distinct targets
 * (base + j·step, step ≤ 100 so they never collide); shares split 1 among them (20% of sources have none).
 */
export function generateCrosswalk(rows: number, seed = 20_26): GeneratedCrosswalk {
  const source = generateScheme(seed);
  const target = generateScheme(seed + 1);
  const leaves = 10_000;
  const perSource = Math.ceil(rows / leaves);
  if (perSource > 100)
    throw new Error('at most 1,000,000 rows: each source has at most 100 distinct targets');
  const rand = prng(seed + 2);
  const mappings: GeneratedMapping[] = [];
  for (let s = 0; s < leaves && mappings.length < rows; s++) {
    const sourceCode = String(s).padStart(4, '0');
    const n = Math.min(perSource, rows - mappings.length);
    const base = Math.floor(rand() * leaves);
    const step = 1 + Math.floor(rand() * 100);
    const withShares = rand() >= 0.2;
    const weights = Array.from({ length: n }, () => 0.2 + rand());
    const sum = weights.reduce((a, b) => a + b, 0);
    let left = 1;
    for (let j = 0; j < n; j++) {
      let share: number | null = null;
      if (withShares) {
        share =
          j === n - 1
            ? Math.round(left * 10_000) / 10_000
            : Math.round((weights[j]! / sum) * 10_000) / 10_000;
        left -= share;
      }
      mappings.push({
        sourceCode,
        targetCode: String((base + j * step) % leaves).padStart(4, '0'),
        relation: weighted(RELATIONS, RELATION_WEIGHTS, rand),
        share,
        status: weighted(MAPPING_STATUSES, STATUS_WEIGHTS, rand),
        partialSource: rand() < 0.1,
        partialTarget: rand() < 0.1,
        comment: rand() < 0.02 ? 'לבדוק מול הגדרות הלמ"ס, 2011' : null,
      });
    }
  }
  return { source, target, mappings };
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const SCHEME_HEADERS = ['code', 'parent_code', 'level', 'title_he', 'title_en'] as const;

export const CROSSWALK_HEADERS = [
  'source_code',
  'source_title',
  'target_code',
  'target_title',
  'relation',
  'share',
  'status',
  'partial_source',
  'partial_target',
  'comment',
  'reviewer',
] as const;

/**
 * The steward profiles whose approvals the approved rows carry (an import restores an approval
 * only from a steward of this workspace, and 'approved' needs one of each agency).
 */
export const BENCH_APPROVERS = [
  { id: 'bench-es', name: 'Bench Steward ES', agency: 'ES' },
  { id: 'bench-cbs', name: 'Bench Steward CBS', agency: 'CBS' },
] as const;
const APPROVED_BY = BENCH_APPROVERS.map((s) => s.id).join('|');

/** UTF-8 with BOM, CRLF line ends — what Excel writes for "CSV UTF-8". */
function csvBytes(header: readonly string[], lines: string[]): Buffer {
  return Buffer.from(`\uFEFF${header.join(',')}\r\n${lines.join('\r\n')}\r\n`, 'utf8');
}

export function schemeCsv(items: GeneratedItem[]): Buffer {
  return csvBytes(
    SCHEME_HEADERS,
    items.map((i) =>
      [i.code, i.parentCode ?? '', String(i.level), csvCell(i.titleHe), csvCell(i.titleEn)].join(
        ',',
      ),
    ),
  );
}

export function crosswalkCsv(cw: GeneratedCrosswalk): Buffer {
  const title = new Map<string, string>();
  const targetTitle = new Map<string, string>();
  for (const i of cw.source) title.set(i.code, csvCell(i.titleEn));
  for (const i of cw.target) targetTitle.set(i.code, csvCell(i.titleEn));
  const lines = new Array<string>(cw.mappings.length);
  for (let k = 0; k < cw.mappings.length; k++) {
    const m = cw.mappings[k]!;
    lines[k] = [
      m.sourceCode,
      title.get(m.sourceCode),
      m.targetCode,
      targetTitle.get(m.targetCode),
      m.relation,
      m.share === null ? '' : String(m.share),
      m.status,
      m.partialSource ? '1' : '0',
      m.partialTarget ? '1' : '0',
      m.comment === null ? '' : csvCell(m.comment),
      m.status === 'approved' ? APPROVED_BY : '',
    ].join(',');
  }
  return csvBytes(CROSSWALK_HEADERS, lines);
}
