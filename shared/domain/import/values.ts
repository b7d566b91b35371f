import type { Justification, MappingStatus, Relation } from '../../contract/common';
import { STEWARD_CURIE_PREFIX } from '../export/sssom';

/**
 * Cell readers for the typed columns of an import. Each returns the value, or `undefined` when
 * the text is not acceptable (the validator then reports what was expected). Blank cells are
 * handled by the caller.
 */

const RELATION_WORDS: Record<string, Relation> = {
  exact: 'exact',
  close: 'close',
  broader: 'broader',
  narrower: 'narrower',
  related: 'related',
  'skos:exactmatch': 'exact',
  'skos:closematch': 'close',
  'skos:broadmatch': 'broader',
  'skos:narrowmatch': 'narrower',
  'skos:relatedmatch': 'related',
};
export const RELATION_EXPECTED =
  'exact, close, broader, narrower, related or skos:exactMatch/closeMatch/broadMatch/narrowMatch/relatedMatch';

export const readRelation = (text: string): Relation | undefined =>
  RELATION_WORDS[text.trim().toLowerCase()];

const STATUS_WORDS: Record<string, MappingStatus> = {
  proposed: 'proposed',
  approved: 'approved',
  rejected: 'rejected',
  needs_discussion: 'needs_discussion',
  'needs discussion': 'needs_discussion',
};
export const STATUS_EXPECTED = 'proposed, approved, rejected or needs_discussion';
export const readMappingStatus = (text: string): MappingStatus | undefined =>
  STATUS_WORDS[text.trim().toLowerCase()];

export const ITEM_STATUS_EXPECTED = 'active or deprecated';
export const readItemStatus = (text: string): 'active' | 'deprecated' | undefined => {
  const t = text.trim().toLowerCase();
  return t === 'active' || t === 'deprecated' ? t : undefined;
};

const JUSTIFICATION_WORDS: Record<string, Justification> = {
  manual: 'manual',
  lexical_suggestion: 'lexical_suggestion',
  inherited: 'inherited',
  imported: 'imported',
  'semapv:manualmappingcuration': 'manual',
  'semapv:lexicalmatching': 'lexical_suggestion',
  // What our SSSOM writer uses for a mapping inherited from an approved crosswalk between earlier versions.
  'semapv:mappingchaining': 'inherited',
};
export const JUSTIFICATION_EXPECTED =
  'manual, lexical_suggestion, inherited, imported or a semapv: term';
/** Any other semapv: justification (a mapping made elsewhere, by whatever method) counts as imported. */
export const readJustification = (text: string): Justification | undefined => {
  const t = text.trim().toLowerCase();
  return JUSTIFICATION_WORDS[t] ?? (t.startsWith('semapv:') ? 'imported' : undefined);
};

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A number between 0 and 1 (share, confidence); a decimal comma is accepted. */
export const readFraction = (text: string): number | undefined => {
  const t = text.trim().replace(',', '.');
  if (!DECIMAL.test(t)) return undefined;
  const n = Number(t);
  return n >= 0 && n <= 1 ? n : undefined;
};
export const FRACTION_EXPECTED = 'a number between 0 and 1';

const TRUE_FLAGS = new Set(['1', '*', 'true', 'yes', 'y', 'x', 'partial', 'כן']);
const FALSE_FLAGS = new Set(['', '0', 'false', 'no', 'n', 'לא']);
/** Partial-link flags: 0/1, "*" (US Census), true/false, yes/no. A blank cell is "not partial". */
export const readFlag = (text: string): boolean | undefined => {
  const t = text.trim().toLowerCase();
  return TRUE_FLAGS.has(t) ? true : FALSE_FLAGS.has(t) ? false : undefined;
};
export const FLAG_EXPECTED = '0 or 1 (also *, true/false, yes/no)';

export const readPositiveInt = (text: string): number | undefined => {
  const t = text.trim();
  return /^\d{1,3}$/.test(t) && Number(t) >= 1 ? Number(t) : undefined;
};

/** SSSOM review_date (and any ISO date): YYYY-MM-DD that is a real day. */
export const readIsoDate = (text: string): string | undefined => {
  const t = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === t ? t : undefined;
};
export const ISO_DATE_EXPECTED = 'a date YYYY-MM-DD';

const SSSOM_CARDINALITIES = new Set(['1:1', '1:n', 'n:1', 'n:n', '1:0', '0:1', '0:0']);
export const readSssomCardinality = (text: string): string | undefined => {
  const t = text.trim();
  return SSSOM_CARDINALITIES.has(t) ? t : undefined;
};
export const CARDINALITY_EXPECTED = '1:1, 1:n, n:1, n:n, 1:0, 0:1 or 0:0';

/**
 * SSSOM author_id/reviewer_id ("|" between several): our own steward references
 * (gesher:steward/<id>) become the steward ids again; anyone else's (orcid:…) stays as written.
 */
export const readAgentIds = (text: string): string =>
  text
    .split('|')
    .map((id) => id.trim())
    .map((id) => (id.startsWith(STEWARD_CURIE_PREFIX) ? id.slice(STEWARD_CURIE_PREFIX.length) : id))
    .join('|');

/** A CURIE such as "isco08:0110" → "0110"; a plain code is returned as it is. */
export const stripCuriePrefix = (text: string): string => {
  const m = /^[A-Za-z_][\w.-]*:(?!\/\/)(.+)$/.exec(text);
  return m ? m[1]! : text;
};
