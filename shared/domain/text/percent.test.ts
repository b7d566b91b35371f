import { describe, expect, it } from 'vitest';
import { percentText } from './percent';

describe('percentText', () => {
  it('says 100 and 0 only when exact', () => {
    expect(percentText(1)).toBe('100');
    expect(percentText(0)).toBe('0');
    expect(percentText(678 / 679)).toBe('99.9');
    expect(percentText(9999 / 10000)).toBe('99.9');
    expect(percentText(1 / 679)).toBe('0.1');
    expect(percentText(1 / 100000)).toBe('0.1');
  });
  it('shows a decimal only when needed', () => {
    expect(percentText(0.5)).toBe('50');
    expect(percentText(2 / 3)).toBe('66.7');
    expect(percentText(0.25)).toBe('25');
    expect(percentText(0.50001)).toBe('50');
  });
});
