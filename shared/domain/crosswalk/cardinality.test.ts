import { describe, expect, it } from 'vitest';
import { mappingCardinalities } from './cardinality';

describe('mappingCardinalities', () => {
  it('gives each ISCO-08 → ISCO-88 record its SSSOM cardinality (subjects:objects)', () => {
    // Rows of the ILO correspondence: 1111 and 1112 map one to one; 1114 is split over
    // 1141/1142/1143; 1311 and 1312 merge into 1221; 1211 and 1212 share 1317 and 1211 also goes to 1231.
    const pairs = [
      ['1111', '1110'],
      ['1112', '1120'],
      ['1114', '1141'],
      ['1114', '1142'],
      ['1114', '1143'],
      ['1311', '1221'],
      ['1312', '1221'],
      ['1211', '1231'],
      ['1211', '1317'],
      ['1212', '1317'],
    ];
    expect(
      mappingCardinalities(
        pairs.map((p) => p[0]!),
        pairs.map((p) => p[1]!),
      ),
    ).toEqual(['1:1', '1:1', '1:n', '1:n', '1:n', 'n:1', 'n:1', '1:n', 'n:n', 'n:1']);
  });

  it('keeps codes as text (0110 and 110 are different codes) and counts a repeated pair once', () => {
    expect(mappingCardinalities(['0110', '110', '0110'], ['0110', '0210', '0110'])).toEqual([
      '1:1',
      '1:1',
      '1:1',
    ]);
  });

  it('returns nothing for an empty set', () => {
    expect(mappingCardinalities([], [])).toEqual([]);
  });
});
