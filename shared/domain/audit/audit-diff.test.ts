import { describe, expect, it } from 'vitest';
import { auditDiff, diffText, replayOf } from './audit-diff';

describe('auditDiff', () => {
  it('shows only the keys that changed', () => {
    const lines = auditDiff(
      { status: 'proposed', relation: 'exact', targetCode: '0110' },
      { status: 'approved', relation: 'exact', targetCode: '0110' },
    );
    expect(diffText(lines)).toBe('status: proposed → approved');
  });

  it('keeps codes as the text they were', () => {
    expect(diffText(auditDiff({ targetCode: '0110' }, { targetCode: '01100' }))).toBe(
      'targetCode: 0110 → 01100',
    );
  });

  it('marks created and removed records', () => {
    expect(diffText(auditDiff(null, { status: 'proposed' }))).toBe('status: ∅ → proposed');
    expect(diffText(auditDiff({ status: 'approved' }, null))).toBe('status: approved → ∅');
  });

  it('counts one change shared by a bulk decision instead of repeating it', () => {
    const before = { count: 3, mappings: [1, 2, 3].map((id) => ({ id, status: 'proposed' })) };
    const after = { count: 3, mappings: [1, 2, 3].map((id) => ({ id, status: 'approved' })) };
    expect(diffText(auditDiff(before, after))).toBe('status: proposed → approved (×3)');
  });

  it('is empty when nothing was recorded', () => {
    expect(auditDiff(null, null)).toEqual([]);
  });
});

describe('replayOf', () => {
  it('reads the host’s undo and redo comments, and nothing else', () => {
    expect(replayOf('undo of mapping.decide')).toEqual({ which: 'undo', action: 'mapping.decide' });
    expect(replayOf('redo of mapping.add')).toEqual({ which: 'redo', action: 'mapping.add' });
    expect(replayOf('undo of the last thing I said')).toBeNull();
    expect(replayOf(null)).toBeNull();
  });
});
