import { describe, expect, it } from 'vitest';
import { looksLikeSssom, parseSssom } from './sssom';
import { parseYamlLite } from './yaml-lite';

const SSSOM = [
  '# curie_map:',
  '#   isco88: http://www.ilo.org/isco88/',
  '#   isco08: "http://www.ilo.org/isco08/"',
  '#   skos: http://www.w3.org/2004/02/skos/core#',
  '# mapping_set_id: https://gesher.example/mappings/isco88-isco08',
  '# license: https://creativecommons.org/licenses/by/4.0/',
  '# creator_id:',
  '#   - orcid:0000-0001',
  '#   - "Dana Levi"',
  '# mapping_date: 2026-12-03',
  'subject_id\tsubject_label\tpredicate_id\tobject_id\tobject_label\tmapping_justification\tconfidence',
  'isco88:0110\tArmed forces\tskos:exactMatch\tisco08:0110\tCommissioned armed forces officers\tsemapv:ManualMappingCuration\t1',
  '',
].join('\n');

describe('SSSOM TSV', () => {
  it('reads the metadata block and the mappings', () => {
    const { metadata, table } = parseSssom(SSSOM);
    expect(metadata).toEqual({
      curie_map: {
        isco88: 'http://www.ilo.org/isco88/',
        isco08: 'http://www.ilo.org/isco08/',
        skos: 'http://www.w3.org/2004/02/skos/core#',
      },
      mapping_set_id: 'https://gesher.example/mappings/isco88-isco08',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      creator_id: ['orcid:0000-0001', 'Dana Levi'],
      mapping_date: '2026-12-03',
    });
    expect(table.headers[0]).toBe('subject_id');
    expect(table.rows).toEqual([
      [
        'isco88:0110',
        'Armed forces',
        'skos:exactMatch',
        'isco08:0110',
        'Commissioned armed forces officers',
        'semapv:ManualMappingCuration',
        '1',
      ],
    ]);
    expect(table.firstRow).toBe(12);
  });

  it('recognises SSSOM files', () => {
    expect(looksLikeSssom('x.tsv', SSSOM)).toBe(true);
    expect(looksLikeSssom('x.sssom.tsv', '')).toBe(true);
    expect(looksLikeSssom('x.tsv', 'subject_id\tpredicate_id\tobject_id\n')).toBe(true);
    expect(looksLikeSssom('x.csv', 'code,title\n')).toBe(false);
  });

  it('reads inline lists, comments and lists at the key indentation', () => {
    expect(parseYamlLite('a: [x, "y"]  # note\nb:\n- 1\n- 2\nc: http://e.org/a#b')).toEqual({
      a: ['x', 'y'],
      b: ['1', '2'],
      c: 'http://e.org/a#b',
    });
    expect(() => parseYamlLite('just text')).toThrow(/key: value/);
  });

  it('reads a list of maps (extension_definitions) and keeps quoted items with ": " as text', () => {
    const yaml = [
      ' extension_definitions:',
      '   - slot_name: share',
      '     property: gesher:share',
      '     type_hint: xsd:double',
      '   - slot_name: status',
      '     property: gesher:mappingStatus',
      ' creator_label:',
      '   - "Dana: ES"',
      '   - gesher:steward/abc',
      ' sssom_version: "1.1"',
    ].join('\n');
    expect(parseYamlLite(yaml)).toEqual({
      extension_definitions: [
        { slot_name: 'share', property: 'gesher:share', type_hint: 'xsd:double' },
        { slot_name: 'status', property: 'gesher:mappingStatus' },
      ],
      creator_label: ['Dana: ES', 'gesher:steward/abc'],
      sssom_version: '1.1',
    });
  });
});
