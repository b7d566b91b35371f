import { describe, expect, it } from 'vitest';
import { sssomTarget, type KnownScheme } from './sssom-schemes';

const SCHEMES: KnownScheme[] = [
  { id: 'isco88', prefix: 'ISCO88', uriBase: null, version: '1988' },
  { id: 'isco08', prefix: 'ISCO08', uriBase: 'http://data.europa.eu/esco/isco/C', version: '2008' },
  {
    id: 'isco08-es',
    prefix: 'ISCO08ES',
    uriBase: 'http://data.europa.eu/esco/isco/C',
    version: '2008-ES',
  },
];

describe('the schemes an SSSOM file names', () => {
  it('matches the Gesher URN of a scheme without a published IRI and a published IRI of the given version', () => {
    expect(
      sssomTarget(
        {
          mapping_set_title: 'Occupations: ISCO-88 to ISCO-08',
          subject_source: 'urn:gesher:scheme:ISCO88:',
          subject_source_version: '1988',
          object_source: 'http://data.europa.eu/esco/isco/C',
          object_source_version: '2008',
        },
        SCHEMES,
      ),
    ).toEqual({
      sourceSchemeId: 'isco88',
      targetSchemeId: 'isco08',
      title: 'Occupations: ISCO-88 to ISCO-08',
    });
  });

  it('leaves a side unset when the source is unknown, of another version, or ambiguous', () => {
    expect(
      sssomTarget(
        {
          subject_source: 'urn:gesher:scheme:ISCO88:',
          subject_source_version: '1968',
          object_source: 'http://data.europa.eu/esco/isco/C',
        },
        SCHEMES,
      ),
    ).toEqual({});
    expect(sssomTarget({ subject_source: 'http://example.org/other/' }, SCHEMES)).toEqual({});
    expect(sssomTarget(null, SCHEMES)).toEqual({});
  });
});
