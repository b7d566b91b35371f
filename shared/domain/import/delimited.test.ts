import { describe, expect, it } from 'vitest';
import { parseDelimited, parseDelimitedInPieces, sniffDelimiter } from './delimited';

describe('sniffDelimiter', () => {
  it('finds comma, semicolon, tab and pipe', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('"Order";"Code";"Description"\n1;"01";"Crops, animals"\n')).toBe(';');
    expect(sniffDelimiter('code\ttitle\n0110\tx, y\n')).toBe('\t');
    expect(sniffDelimiter('code|title\n0110|x\n')).toBe('|');
  });
});

describe('parseDelimited', () => {
  it('keeps codes as text with their leading zeros', () => {
    const t = parseDelimited('code,level\n0110,4\n01,2\n');
    expect(t.headers).toEqual(['code', 'level']);
    expect(t.rows).toEqual([
      ['0110', '4'],
      ['01', '2'],
    ]);
    expect(t.firstRow).toBe(2);
  });

  it('reads semicolon files with quoted newlines', () => {
    const t = parseDelimited(
      '"Code";"Includes"\n"01";"growing of crops;\nraising of animals"\n"011";""\n',
    );
    expect(t.delimiter).toBe(';');
    expect(t.rows).toEqual([
      ['01', 'growing of crops;\nraising of animals'],
      ['011', ''],
    ]);
  });

  it('skips banner lines before the header and counts them in row numbers', () => {
    const t = parseDelimited('Report of codes\nprinted 2020\ncode,title\n0110,a\n', {
      skipRows: 2,
    });
    expect(t.headers).toEqual(['code', 'title']);
    expect(t.rows).toEqual([['0110', 'a']]);
    expect(t.firstRow).toBe(4);
  });

  it('reads escaped quotes and CRLF line ends', () => {
    const t = parseDelimited('district\r\n"מחוז ש""ת דן"\r\n');
    expect(t.rows).toEqual([['מחוז ש"ת דן']]);
  });

  it('folds line breaks in headers and names blank ones', () => {
    const t = parseDelimited('"2017\nNAICS\nUS  ",,x,x\n1,2,3,4\n');
    expect(t.headers).toEqual(['2017 NAICS US', 'Column 2', 'x', 'x (2)']);
  });

  it('honours an explicit delimiter', () => {
    expect(parseDelimited('a;b,c\n1;2,3\n', { delimiter: ',' }).headers).toEqual(['a;b', 'c']);
  });
});

describe('parseDelimitedInPieces', () => {
  it('gives the same cells as parseDelimited, also when pieces end next to quoted newlines and blank lines', async () => {
    const text =
      'banner\ncode;text\n' +
      Array.from(
        { length: 200 },
        (_, i) =>
          `${String(i).padStart(4, '0')};"line one\nline ""two"";x"\n${i % 7 === 0 ? '\n' : ''}`,
      ).join('');
    const whole = parseDelimited(text, { skipRows: 1 });
    const progress: number[] = [];
    const pieces = await parseDelimitedInPieces(
      text,
      { skipRows: 1 },
      async (done) => void progress.push(done),
      37,
    );
    expect(pieces).toEqual(whole);
    expect(pieces.rows).toHaveLength(200 + 29);
    expect(progress.length).toBeGreaterThan(10);
  });
});
