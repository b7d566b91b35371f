/**
 * SSSOM TSV (https://mapping-commons.github.io/sssom/): a commented YAML metadata block, then a
 * tab-separated table. Subject = the crosswalk's source item, object = its target item, so our
 * relation reads "the target is <relation> than/to the source": relation 'broader' (the target is
 * broader) is skos:broadMatch, as in SKOS where `A skos:broadMatch B` says B is broader than A.
 */
import type { Justification, MappingStatus, Relation } from '../../contract/common';
import { mappingCardinalities } from '../crosswalk/cardinality';

export const RELATION_TO_PREDICATE: Record<Relation, string> = {
  exact: 'skos:exactMatch',
  close: 'skos:closeMatch',
  broader: 'skos:broadMatch',
  narrower: 'skos:narrowMatch',
  related: 'skos:relatedMatch',
};

/** Our justification values as SEMAPV terms; one term each, so an export reads back unchanged. */
export const JUSTIFICATION_TO_SEMAPV: Record<Justification, string> = {
  manual: 'semapv:ManualMappingCuration',
  lexical_suggestion: 'semapv:LexicalMatching',
  inherited: 'semapv:MappingChaining',
  imported: 'semapv:UnspecifiedMatching',
};

/**
 * Our fields SSSOM has no slot for, as SSSOM 1.1 extension slots, declared in the metadata block's
 * extension_definitions so SSSOM tools keep them. The status is written as it is, not left to be
 * derived from reviewer_id + review_date on import: in Gesher a mapping is approved by the
 * stewards' decision, and a reviewer in an SSSOM file from elsewhere is not that decision.
 */
export const SSSOM_EXTENSIONS = [
  { slotName: 'share', property: 'gesher:share', typeHint: 'xsd:double' },
  { slotName: 'status', property: 'gesher:mappingStatus', typeHint: 'xsd:string' },
  { slotName: 'partial_source', property: 'gesher:partialSource', typeHint: 'xsd:boolean' },
  { slotName: 'partial_target', property: 'gesher:partialTarget', typeHint: 'xsd:boolean' },
] as const;

/**
 * A frozen version's mappings also carry their GSIM relationship type ("derived" or the
 * cardinality) and when each holds, as extension slots after SSSOM_COLUMNS.
 */
export const SSSOM_VERSION_EXTENSIONS = [
  { slotName: 'relationship_type', property: 'gesher:relationshipType', typeHint: 'xsd:string' },
  { slotName: 'valid_from', property: 'gesher:validFrom', typeHint: 'xsd:date' },
  { slotName: 'valid_to', property: 'gesher:validTo', typeHint: 'xsd:date' },
] as const;

export const SSSOM_COLUMNS = [
  'subject_id',
  'subject_label',
  'predicate_id',
  'object_id',
  'object_label',
  'mapping_justification',
  'author_id',
  'reviewer_id',
  'review_date',
  'confidence',
  'mapping_cardinality',
  'comment',
  'share',
  'status',
  'partial_source',
  'partial_target',
] as const;

export const SSSOM_STANDARD_PREFIXES: Record<string, string> = {
  skos: 'http://www.w3.org/2004/02/skos/core#',
  semapv: 'https://w3id.org/semapv/vocab/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  gesher: 'urn:gesher:',
};

export const STEWARD_CURIE_PREFIX = 'gesher:steward/';

/** A steward as an SSSOM entity reference (creator_id, author_id, reviewer_id). */
export function stewardCurie(stewardId: string): string {
  return `${STEWARD_CURIE_PREFIX}${stewardId}`;
}

/**
 * author_id/reviewer_id cell from stored ids ("|" between several): a steward id becomes its
 * reference; an id that already is a CURIE or IRI (orcid:…, from an imported SSSOM file) stays.
 */
export function agentCuries(ids: string | readonly string[]): string {
  return (typeof ids === 'string' ? ids.split('|') : ids)
    .map((id) => (id.includes(':') ? id : stewardCurie(id)))
    .join('|');
}

export interface SssomScheme {
  prefix: string;
  /** The IRI a code is appended to (the scheme's uri_base, or a gesher URN). */
  uriBase: string;
  /** The scheme's version as the steward knows it, e.g. "2008". */
  version: string;
}

export interface SssomMetadata {
  mappingSetId: string;
  mappingSetTitle: string;
  mappingSetDescription?: string;
  /** The version of the mapping set: a frozen version's label, or when a live crosswalk was exported. */
  mappingSetVersion?: string;
  license: string;
  creatorId: string;
  creatorLabel: string;
  /** ISO date, YYYY-MM-DD. */
  mappingDate: string;
  /** ISO date, YYYY-MM-DD: when the set was approved for publication (an approved version). */
  publicationDate?: string;
  subject: SssomScheme;
  object: SssomScheme;
  /** Set-level extension slots (a version's status and approvers), declared beside the mapping ones. */
  setSlots?: readonly SssomSetSlot[];
  /** A frozen version's set: each mapping carries SSSOM_VERSION_EXTENSIONS. */
  versionMappingSlots?: boolean;
}

export interface SssomSetSlot {
  slotName: string;
  property: string;
  typeHint: string;
  value: string;
}

export interface SssomMapping {
  subjectCode: string;
  subjectLabel: string | null;
  relation: Relation;
  objectCode: string;
  objectLabel: string | null;
  justification: Justification;
  authorId: string | null;
  /** One reviewer, or several joined by "|" (SSSOM's multivalued form), e.g. both agencies' approvers. */
  reviewerId: string | null;
  /** When the mapping was reviewed (approved), ISO date or time; written as YYYY-MM-DD, SSSOM's date. */
  reviewDate: string | null;
  confidence: number | null;
  comment: string | null;
  share: number | null;
  status: MappingStatus;
  partialSource: boolean;
  partialTarget: boolean;
  /** With versionMappingSlots: the frozen mapping's relationship type and validity (ISO dates). */
  relationshipType?: string | null;
  validFrom?: string | null;
  validTo?: string | null;
}

export const DEFAULT_LICENSE = 'https://creativecommons.org/licenses/by/4.0/';

/** A CURIE prefix from a scheme's name and version: "ISCO-08" → "ISCO08", "ISIC Rev.4" → "ISICRev4". */
export function derivePrefix(nameEn: string, version = ''): string {
  const compact = (s: string) => s.replace(/[^A-Za-z0-9]/g, '');
  const name = compact(nameEn);
  const ver = compact(version);
  // A name that already carries its version ("ISCO-08", "ISIC Rev.4") is not extended with it.
  let prefix =
    /\d$/.test(name) || name.toLowerCase().includes(ver.toLowerCase()) ? name : name + ver;
  if (!prefix) prefix = 'scheme';
  if (!/^[A-Za-z_]/.test(prefix)) prefix = `S${prefix}`;
  return prefix;
}

/** The URN used as a scheme's IRI base when it has no published one. */
export function gesherUriBase(prefix: string): string {
  return `urn:gesher:scheme:${prefix}:`;
}

/** YAML scalar, quoted when plain YAML could misread it. */
function yamlScalar(value: string): string {
  const plain =
    /^[A-Za-z0-9_./:@+-][A-Za-z0-9 _./:@+()#-]*$/.test(value) &&
    !/[: ]$/.test(value) &&
    !/: | #/.test(value) &&
    !/^(true|false|null|yes|no|~)$/i.test(value);
  if (plain) {
    return value;
  }
  return JSON.stringify(value);
}

/**
 * TSV cell. A value with a tab, line break or double quote is quoted as in RFC 4180 (what pandas,
 * and so sssom-py, write and read), so no text is lost; every other value is written as it is.
 */
function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[\t\r\n"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function sssomMetadataLines(meta: SssomMetadata): string[] {
  const lines = [
    `curie_map:`,
    ...Object.entries({
      ...SSSOM_STANDARD_PREFIXES,
      [meta.subject.prefix]: meta.subject.uriBase,
      [meta.object.prefix]: meta.object.uriBase,
    }).map(([k, v]) => `  ${k}: ${yamlScalar(v)}`),
    `mapping_set_id: ${yamlScalar(meta.mappingSetId)}`,
    `mapping_set_title: ${yamlScalar(meta.mappingSetTitle)}`,
  ];
  if (meta.mappingSetVersion)
    lines.push(`mapping_set_version: ${JSON.stringify(meta.mappingSetVersion)}`);
  if (meta.mappingSetDescription)
    lines.push(`mapping_set_description: ${yamlScalar(meta.mappingSetDescription)}`);
  lines.push(
    `license: ${yamlScalar(meta.license)}`,
    `creator_id:`,
    `  - ${yamlScalar(meta.creatorId)}`,
    `creator_label:`,
    `  - ${yamlScalar(meta.creatorLabel)}`,
    `mapping_date: ${yamlScalar(meta.mappingDate)}`,
  );
  if (meta.publicationDate) lines.push(`publication_date: ${yamlScalar(meta.publicationDate)}`);
  lines.push(
    `subject_source: ${yamlScalar(meta.subject.uriBase)}`,
    `subject_source_version: ${yamlScalar(meta.subject.version)}`,
    `object_source: ${yamlScalar(meta.object.uriBase)}`,
    `object_source_version: ${yamlScalar(meta.object.version)}`,
    ...(meta.setSlots ?? []).map((e) => `${e.slotName}: ${yamlScalar(e.value)}`),
    // review_date and extension_definitions are SSSOM 1.1.
    `sssom_version: "1.1"`,
    `extension_definitions:`,
    ...[
      ...SSSOM_EXTENSIONS,
      ...(meta.versionMappingSlots ? SSSOM_VERSION_EXTENSIONS : []),
      ...(meta.setSlots ?? []),
    ].flatMap((e) => [
      `  - slot_name: ${e.slotName}`,
      `    property: ${e.property}`,
      `    type_hint: ${e.typeHint}`,
    ]),
  );
  return lines.map((l) => `# ${l}`);
}

/** The whole SSSOM TSV file (LF line ends, UTF-8 without BOM as SSSOM tools expect). */
export function toSssomTsv(meta: SssomMetadata, mappings: readonly SssomMapping[]): string {
  const out = sssomMetadataLines(meta);
  const versionSlots = meta.versionMappingSlots ? SSSOM_VERSION_EXTENSIONS : [];
  out.push([...SSSOM_COLUMNS, ...versionSlots.map((e) => e.slotName)].join('\t'));
  const cardinality = mappingCardinalities(
    mappings.map((m) => m.subjectCode),
    mappings.map((m) => m.objectCode),
  );
  for (const [i, m] of mappings.entries()) {
    out.push(
      [
        `${meta.subject.prefix}:${m.subjectCode}`,
        m.subjectLabel,
        RELATION_TO_PREDICATE[m.relation],
        `${meta.object.prefix}:${m.objectCode}`,
        m.objectLabel,
        JUSTIFICATION_TO_SEMAPV[m.justification],
        m.authorId,
        m.reviewerId,
        // SSSOM: a review_date needs a reviewer.
        m.reviewerId && m.reviewDate ? m.reviewDate.slice(0, 10) : null,
        m.confidence,
        cardinality[i]!,
        m.comment,
        m.share,
        m.status,
        String(m.partialSource),
        String(m.partialTarget),
        ...(meta.versionMappingSlots
          ? [m.relationshipType ?? null, m.validFrom ?? null, m.validTo ?? null]
          : []),
      ]
        .map(cell)
        .join('\t'),
    );
  }
  return out.join('\n') + '\n';
}
