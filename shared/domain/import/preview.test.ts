import { describe, expect, it } from 'vitest';
import { buildPreview } from './preview';

const BASE = {
  stagedId: 's',
  fileName: 'export.csv',
  format: 'csv' as const,
  detected: { encoding: null, delimiter: null, sheets: [], sheet: null, hadBom: false },
  metadata: null,
};

describe('the import preview', () => {
  it('does not call the dates of a date or time column Excel damage, but does in a code column', () => {
    const preview = buildPreview(
      {
        headers: ['source_code', 'target_code', 'updated_at', 'review_date', 'valid_from'],
        rows: [
          ['0110', '2011-01-01', '2026-12-03T13:35:00.722Z', '2026-12-03', '2026-01-01'],
          ['0210', '0210', '2026-12-03T13:36:00.000Z', '2026-12-04', '2026-01-01'],
        ],
        firstRow: 2,
      },
      BASE,
    );
    const dated = preview.warnings.filter((w) => w.kind === 'date_like').map((w) => w.column);
    expect(dated).toEqual(['target_code']);
  });
});
