import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { derivePrefix, toSssomTsv, type SssomMetadata, type SssomMapping } from './sssom';

const meta: SssomMetadata = {
  mappingSetId: 'urn:gesher:crosswalk:isco88-isco08',
  mappingSetTitle: 'ISCO-88 → ISCO-08: "official" table',
  license: 'https://creativecommons.org/licenses/by/4.0/',
  creatorId: 'gesher:steward/abc',
  creatorLabel: 'דנה לוי',
  mappingDate: '2026-12-03',
  mappingSetVersion: '2026-12-03T10:00:00.000Z',
  subject: { prefix: 'ISCO88', uriBase: 'urn:gesher:scheme:ISCO88:', version: '1988' },
  object: { prefix: 'ISCO08', uriBase: 'http://data.europa.eu/esco/isco/C', version: '2008' },
};

const rows: SssomMapping[] = [
  {
    subjectCode: '0110',
    subjectLabel: 'Armed forces',
    relation: 'broader',
    objectCode: '0110',
    objectLabel: 'Commissioned armed forces officers',
    justification: 'manual',
    authorId: 'gesher:steward/abc',
    reviewerId: 'gesher:steward/def|gesher:steward/ghi',
    reviewDate: '2026-12-02T09:15:00.000Z',
    confidence: 0.9,
    comment: 'one "two"\tthree',
    share: 0.25,
    status: 'approved',
    partialSource: true,
    partialTarget: false,
  },
  {
    subjectCode: '1110',
    subjectLabel: null,
    relation: 'exact',
    objectCode: '1111',
    objectLabel: 'Legislators',
    justification: 'imported',
    authorId: null,
    reviewerId: null,
    reviewDate: '2026-12-02T09:15:00.000Z',
    confidence: null,
    comment: null,
    share: null,
    status: 'proposed',
    partialSource: false,
    partialTarget: false,
  },
];

/** Reads the file back: `#` lines are the YAML block, the rest a TSV with RFC 4180 quotes. */
function parse(tsv: string) {
  const lines = tsv.split('\n');
  expect(lines[lines.length - 1]).toBe('');
  const metaCount = lines.findIndex((l) => !l.startsWith('#'));
  const meta = lines.slice(0, metaCount).map((l) => l.slice(2));
  const table = Papa.parse<string[]>(lines.slice(metaCount).join('\n'), {
    delimiter: '\t',
    skipEmptyLines: true,
  }).data;
  const header = table[0]!;
  const body = table.slice(1).map((r) => Object.fromEntries(r.map((v, i) => [header[i]!, v])));
  return { meta, header, body };
}

describe('SSSOM TSV writer', () => {
  it('writes the metadata block with curie_map, set id, licence, creator and date', () => {
    const { meta: yaml } = parse(toSssomTsv(meta, rows));
    expect(yaml[0]).toBe('curie_map:');
    expect(yaml).toContain('  skos: http://www.w3.org/2004/02/skos/core#');
    expect(yaml).toContain('  semapv: https://w3id.org/semapv/vocab/');
    expect(yaml).toContain('  ISCO88: "urn:gesher:scheme:ISCO88:"');
    expect(yaml).toContain('  ISCO08: http://data.europa.eu/esco/isco/C');
    expect(yaml).toContain('mapping_set_id: urn:gesher:crosswalk:isco88-isco08');
    expect(yaml).toContain('mapping_set_title: "ISCO-88 → ISCO-08: \\"official\\" table"');
    expect(yaml).toContain('license: https://creativecommons.org/licenses/by/4.0/');
    expect(yaml).toContain('mapping_date: 2026-12-03');
    const creator = yaml.indexOf('creator_label:');
    expect(yaml[creator + 1]).toBe('  - "דנה לוי"');
  });

  it('writes one row per mapping with CURIEs, skos predicates and semapv justifications', () => {
    const { header, body } = parse(toSssomTsv(meta, rows));
    expect(header).toEqual([
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
    ]);
    expect(body).toHaveLength(2);
    expect(body[0]).toEqual({
      subject_id: 'ISCO88:0110',
      subject_label: 'Armed forces',
      predicate_id: 'skos:broadMatch',
      object_id: 'ISCO08:0110',
      object_label: 'Commissioned armed forces officers',
      mapping_justification: 'semapv:ManualMappingCuration',
      author_id: 'gesher:steward/abc',
      reviewer_id: 'gesher:steward/def|gesher:steward/ghi',
      review_date: '2026-12-02',
      confidence: '0.9',
      mapping_cardinality: '1:1',
      comment: 'one "two"\tthree',
      share: '0.25',
      status: 'approved',
      partial_source: 'true',
      partial_target: 'false',
    });
    expect(body[1]).toMatchObject({
      subject_id: 'ISCO88:1110',
      subject_label: '',
      predicate_id: 'skos:exactMatch',
      mapping_justification: 'semapv:UnspecifiedMatching',
      // SSSOM: no review_date without a reviewer.
      review_date: '',
      confidence: '',
      share: '',
      status: 'proposed',
    });
  });

  it('writes the SSSOM 1.1 version, the set version and the extension slots in the metadata block', () => {
    const { meta: yaml } = parse(toSssomTsv(meta, rows));
    expect(yaml).toContain('mapping_set_version: "2026-12-03T10:00:00.000Z"');
    expect(yaml).toContain('subject_source_version: 1988');
    expect(yaml).toContain('object_source_version: 2008');
    expect(yaml).toContain('sssom_version: "1.1"');
    expect(yaml).toContain('  xsd: http://www.w3.org/2001/XMLSchema#');
    const ext = yaml.indexOf('extension_definitions:');
    expect(yaml.slice(ext + 1, ext + 4)).toEqual([
      '  - slot_name: share',
      '    property: gesher:share',
      '    type_hint: xsd:double',
    ]);
    expect(yaml).toContain('  - slot_name: status');
  });

  it('gives each row its mapping_cardinality within the set', () => {
    const split = [
      { ...rows[1]!, subjectCode: '1114', objectCode: '1141' },
      { ...rows[1]!, subjectCode: '1114', objectCode: '1142' },
      { ...rows[1]!, subjectCode: '1311', objectCode: '1221' },
      { ...rows[1]!, subjectCode: '1312', objectCode: '1221' },
      { ...rows[1]!, subjectCode: '1111', objectCode: '1110' },
    ];
    expect(parse(toSssomTsv(meta, split)).body.map((r) => r.mapping_cardinality)).toEqual([
      '1:n',
      '1:n',
      'n:1',
      'n:1',
      '1:1',
    ]);
  });

  it('quotes a value with a tab, line break or quote, and leaves others as they are', () => {
    const tsv = toSssomTsv(meta, [{ ...rows[1]!, comment: 'a\tb\nc "d"' }]);
    expect(tsv).toContain('\t"a\tb\nc ""d"""\t');
    expect(parse(tsv).body[0]!.comment).toBe('a\tb\nc "d"');
  });

  it('derives CURIE prefixes from scheme names and versions', () => {
    expect(derivePrefix('ISCO-08', '2008')).toBe('ISCO08');
    expect(derivePrefix('ISIC Rev.4', '4')).toBe('ISICRev4');
    expect(derivePrefix('ISCO-08', '08')).toBe('ISCO08');
    expect(derivePrefix('ISCO-08')).toBe('ISCO08');
    expect(derivePrefix('ISIC', 'Rev.4')).toBe('ISICRev4');
    expect(derivePrefix('1994 CBS', '')).toBe('S1994CBS');
  });
});
