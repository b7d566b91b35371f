import { describe, expect, it } from 'vitest';
import { codeHint } from './scheme-codes';

// ISCO-08 codes around the armed forces and the managers.
const ISCO08 = new Set(['0', '01', '011', '0110', '02', '0210', '1', '11', '111', '1112', '012']);

describe('codeHint', () => {
  it('suggests the code with its lost leading zeros put back', () => {
    expect(codeHint('110', ISCO08)).toEqual({ hint: 'leading_zero', suggestion: '0110' });
    expect(codeHint('210', ISCO08)).toEqual({ hint: 'leading_zero', suggestion: '0210' });
    expect(codeHint('12', ISCO08)).toEqual({ hint: 'leading_zero', suggestion: '012' });
  });

  it('suggests the code with zeros too many taken off (a 3-digit group padded to 4 digits)', () => {
    expect(codeHint('0012', ISCO08)).toEqual({ hint: 'leading_zero', suggestion: '012' });
  });

  it('names what Excel did when no code of the scheme is near', () => {
    expect(codeHint('1.12E+03', ISCO08)).toEqual({ hint: 'scientific_notation' });
    expect(codeHint('1112.0', ISCO08)).toEqual({ hint: 'numeric_loss' });
    expect(codeHint('3-Jan', ISCO08)).toEqual({ hint: 'date_like' });
  });

  it('gives no hint for a code that is simply not in the scheme', () => {
    expect(codeHint('9999', ISCO08)).toBeNull();
    expect(codeHint('0', new Set(['00']))).toEqual({ hint: 'leading_zero', suggestion: '00' });
    expect(codeHint('A01', ISCO08)).toBeNull();
  });
});
