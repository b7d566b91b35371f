import type { CrosswalkField, SchemeField } from '../../contract/imports';
import {
  CODE_COLUMN_ALIASES,
  CROSSWALK_ALIASES,
  PARTIAL_PREFIXES,
  SCHEME_ALIASES,
  TITLE_SUFFIXES,
  headerKey,
} from './column-aliases';

type Suggestion<F extends string> = Partial<Record<F, string>>;

function pick(
  headers: readonly string[],
  aliases: readonly string[],
  taken: Set<string>,
): string | undefined {
  const keys = headers.map(headerKey);
  for (const alias of aliases) {
    const i = keys.indexOf(alias);
    if (i >= 0 && !taken.has(headers[i]!)) return headers[i];
  }
  return undefined;
}

export function suggestSchemeColumns(headers: readonly string[]): Suggestion<SchemeField> {
  const out: Suggestion<SchemeField> = {};
  const taken = new Set<string>();
  for (const field of Object.keys(SCHEME_ALIASES) as SchemeField[]) {
    const header = pick(headers, SCHEME_ALIASES[field], taken);
    if (header) {
      out[field] = header;
      taken.add(header);
    }
  }
  // In files with no title column (UNSD structure files: "Code","Description") the description is the title.
  if (!out.titleEn && !out.titleHe && out.descriptionEn) {
    out.titleEn = out.descriptionEn;
    delete out.descriptionEn;
  }
  return out;
}

/**
 * The partial-flag or title column that belongs to a code column: "partial_isic4" or "isic4_title"
 * for "isic4", also when the name is shortened ("part_of_naics" for "naics2017").
 */
function related(
  headers: readonly string[],
  code: string,
  affixes: readonly string[],
  where: 'prefix' | 'suffix',
  taken: Set<string>,
): string | undefined {
  const base = headerKey(code);
  for (const h of headers) {
    if (taken.has(h)) continue;
    const key = headerKey(h);
    for (const a of affixes) {
      const rest =
        where === 'prefix'
          ? key.startsWith(a)
            ? key.slice(a.length)
            : null
          : key.endsWith(a)
            ? key.slice(0, -a.length)
            : null;
      if (rest && (rest === base || (rest.length >= 3 && base.includes(rest)))) return h;
    }
  }
  return undefined;
}

export function suggestCrosswalkColumns(headers: readonly string[]): Suggestion<CrosswalkField> {
  const out: Suggestion<CrosswalkField> = {};
  const taken = new Set<string>();
  const take = (field: CrosswalkField, header: string | undefined) => {
    if (header && !out[field]) {
      out[field] = header;
      taken.add(header);
    }
  };
  take('sourceCode', pick(headers, CROSSWALK_ALIASES.sourceCode!, taken));
  take('targetCode', pick(headers, CROSSWALK_ALIASES.targetCode!, taken));
  const codeColumns = headers.filter(
    (h) => CODE_COLUMN_ALIASES.includes(headerKey(h)) && !taken.has(h),
  );
  if (!out.sourceCode) take('sourceCode', codeColumns.shift());
  if (!out.targetCode) take('targetCode', codeColumns.shift());
  for (const [field, side] of [
    ['partialSource', 'sourceCode'],
    ['partialTarget', 'targetCode'],
  ] as const) {
    const code = out[side];
    if (code) take(field, related(headers, code, PARTIAL_PREFIXES, 'prefix', taken));
  }
  for (const [field, side] of [
    ['sourceTitle', 'sourceCode'],
    ['targetTitle', 'targetCode'],
  ] as const) {
    const code = out[side];
    if (code) take(field, related(headers, code, TITLE_SUFFIXES, 'suffix', taken));
  }
  for (const field of Object.keys(CROSSWALK_ALIASES) as CrosswalkField[]) {
    take(field, pick(headers, CROSSWALK_ALIASES[field]!, taken));
  }
  return out;
}
