import type { CrosswalkField, SchemeField } from '../../contract/imports';

/**
 * Every header alias the importer recognises, in one place. Headers are compared after
 * `headerKey` (lower case, letters and digits only), so "Parent Code", "parent_code" and
 * "parentCode" are the same. Earlier aliases win.
 */
export const headerKey = (header: string): string =>
  header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

export const SCHEME_ALIASES: Record<SchemeField, readonly string[]> = {
  code: [
    'code',
    'itemcode',
    'id',
    'notation',
    'nace2code',
    'isco08',
    'isco88',
    'isco08code',
    'isco88code',
    'isco08code4',
    'isco88code4',
    'isic4',
    'isic31',
    'soc2010',
    'soc2018',
    'naics2017',
    'naics',
    'sml',
    'סמל',
    'קוד',
  ],
  parentCode: [
    'parentcode',
    'parent',
    'parentid',
    'broader',
    'סמלאב',
    'קודאב',
    'קודהורה',
    'סמלהורה',
    'הורה',
    'אב',
  ],
  level: ['level', 'depth', 'רמה'],
  titleHe: ['titlehe', 'namehe', 'labelhe', 'שם', 'כותרת', 'תיאור', 'שםבעברית'],
  titleEn: [
    'titleen',
    'nameen',
    'labelen',
    'title',
    'preferredlabel',
    'label',
    'name',
    'titleenisic4kit',
  ],
  descriptionHe: ['descriptionhe', 'הגדרה', 'תיאורמורחב'],
  descriptionEn: ['descriptionen', 'description', 'definition'],
  validFrom: ['validfrom', 'from', 'start', 'startdate'],
  validTo: ['validto', 'to', 'end', 'enddate'],
  status: ['status', 'סטטוס'],
  notes: ['notes', 'note', 'remarks', 'הערות'],
};

/** Code columns of a crosswalk: the first one found is the source, the second the target. */
export const CODE_COLUMN_ALIASES: readonly string[] = [
  'isco08',
  'isco88',
  'isco08code',
  'isco88code',
  'isco08code4',
  'isco88code4',
  'isic4',
  'isic31',
  'isic4code',
  'isic31code',
  'isic40',
  'soc2010',
  'soc2018',
  'soc2010code',
  'soc2018code',
  '2018soccode',
  'onetsoc2010code',
  'naics2017',
  '2017naicsus',
  'naics',
  'nace2',
  'nace2code',
  'cbs2011',
  'cbs1994',
  'escode',
];

export const CROSSWALK_ALIASES: Partial<Record<CrosswalkField, readonly string[]>> = {
  sourceCode: ['sourcecode', 'source', 'subjectid', 'fromcode', 'from', 'oldcode', 'סמלמקור'],
  targetCode: ['targetcode', 'target', 'objectid', 'tocode', 'to', 'newcode', 'סמליעד'],
  sourceTitle: ['sourcetitle', 'sourcelabel', 'subjectlabel'],
  targetTitle: ['targettitle', 'targetlabel', 'objectlabel'],
  relation: ['relation', 'predicateid', 'predicate', 'match', 'קשר'],
  share: ['share', 'weight', 'proportion', 'חלק'],
  status: ['status', 'סטטוס'],
  justification: ['justification', 'mappingjustification'],
  confidence: ['confidence'],
  comment: ['comment', 'comments', 'note', 'notes', 'detail', 'הערה'],
  partialSource: ['partialsource', 'sourcepartial'],
  partialTarget: ['partialtarget', 'targetpartial'],
  author: ['author', 'authorid', 'creatorid'],
  reviewer: ['reviewer', 'reviewerid'],
};

/** Prefixes and suffixes that turn a code column's name into its partial flag or title column. */
export const PARTIAL_PREFIXES: readonly string[] = ['partial', 'partof', 'part'];
export const TITLE_SUFFIXES: readonly string[] = ['title', 'label', 'name', 'titleen', 'ustitle'];
