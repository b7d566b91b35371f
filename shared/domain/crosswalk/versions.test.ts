import { describe, expect, it } from 'vitest';
import {
  approvalBlockers,
  completeness,
  diffMappings,
  mappingRelationshipType,
  mappingValidity,
  nextApproval,
  relationshipType,
  type Validity,
  type Approval,
  type VersionMapping,
} from './versions';

const m = (sourceCode: string, targetCode: string, over: Partial<VersionMapping> = {}) =>
  ({
    sourceCode,
    targetCode,
    relation: 'exact',
    share: null,
    status: 'approved',
    justification: 'manual',
    confidence: null,
    comment: null,
    partialSource: false,
    partialTarget: false,
    authorId: null,
    reviewerId: null,
    updatedBy: 'Dana',
    updatedByAgency: 'ES',
    updatedAt: '2026-01-01T00:00:00.000Z',
    esDecision: null,
    esBy: null,
    esAt: null,
    cbsDecision: null,
    cbsBy: null,
    cbsAt: null,
    cardinality: null,
    validFrom: null,
    validTo: null,
    ...over,
  }) satisfies VersionMapping;

const leaf = (code: string, over: { isLeaf?: boolean; status?: 'active' | 'deprecated' } = {}) => ({
  code,
  isLeaf: true,
  status: 'active' as const,
  ...over,
});

describe('diffMappings', () => {
  it('finds added, removed and changed mappings with the changed fields, codes kept as text', () => {
    const before = [m('0110', '011'), m('0120', '012'), m('0130', '013', { share: 0.5 })];
    const after = [
      m('0110', '011'),
      m('0130', '013', { share: 1, status: 'proposed', updatedAt: 'later' }),
      m('0140', '014'),
    ];
    const { rows, totals } = diffMappings(before, after);
    expect(totals).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(rows.map((r) => [r.kind, r.sourceCode, r.targetCode, r.changedFields])).toEqual([
      ['removed', '0120', '012', []],
      ['changed', '0130', '013', ['share', 'status']],
      ['added', '0140', '014', []],
    ]);
    expect(rows[1]!.before!.share).toBe(0.5);
    expect(rows[1]!.after!.share).toBe(1);
  });

  it("shows one agency's approval as a change", () => {
    const { rows } = diffMappings(
      [m('1', 'a', { status: 'proposed' })],
      [m('1', 'a', { status: 'proposed', esDecision: 'approve', esBy: 'Dana', esAt: 't' })],
    );
    expect(rows.map((r) => r.changedFields)).toEqual([['esDecision']]);
  });

  it('ignores who touched a mapping last when nothing else changed', () => {
    const { rows } = diffMappings(
      [m('1', 'a')],
      [m('1', 'a', { updatedBy: 'Yossi', updatedAt: 'x' })],
    );
    expect(rows).toEqual([]);
  });

  it('matches a duplicated pair occurrence by occurrence', () => {
    const { totals } = diffMappings([m('1', 'a'), m('1', 'a')], [m('1', 'a')]);
    expect(totals).toEqual({ added: 0, removed: 1, changed: 0 });
  });
});

describe('relationshipType', () => {
  it('reads the cardinality of the links', () => {
    expect(relationshipType([m('1', 'a'), m('2', 'b')])).toBe('1:1');
    expect(relationshipType([m('1', 'a'), m('1', 'b')])).toBe('1:N');
    expect(relationshipType([m('1', 'a'), m('2', 'a')])).toBe('N:1');
    expect(relationshipType([m('1', 'a'), m('1', 'b'), m('2', 'b')])).toBe('M:N');
    expect(relationshipType([])).toBeNull();
  });

  it('does not count rejected links', () => {
    expect(relationshipType([m('1', 'a'), m('1', 'b', { status: 'rejected' })])).toBe('1:1');
  });

  it('is derived when every link was taken from another correspondence', () => {
    const inherited = { justification: 'inherited' } as const;
    expect(relationshipType([m('1', 'a', inherited), m('1', 'b', inherited)])).toBe('derived');
    // A rejected link judged here does not make the table its own.
    expect(relationshipType([m('1', 'a', inherited), m('2', 'b', { status: 'rejected' })])).toBe(
      'derived',
    );
    expect(relationshipType([m('1', 'a', inherited), m('1', 'b')])).toBe('1:N');
    expect(relationshipType([m('1', 'a', { ...inherited, status: 'rejected' })])).toBeNull();
  });
});

describe('mappingRelationshipType', () => {
  it('is derived for an inherited mapping, else its cardinality; none for a rejected one', () => {
    const of = (over: Partial<VersionMapping>) =>
      mappingRelationshipType(m('1', 'a', { cardinality: 'n:1', ...over }));
    expect(of({})).toBe('n:1');
    expect(of({ justification: 'lexical_suggestion' })).toBe('n:1');
    expect(of({ justification: 'inherited' })).toBe('derived');
    expect(of({ justification: 'inherited', status: 'rejected', cardinality: null })).toBeNull();
    expect(of({ cardinality: null })).toBeNull();
  });
});

describe('mappingValidity', () => {
  const v2: Validity = { validFrom: '2026-01-01', validTo: '2027-12-31' };
  const none = new Map<string, Validity>();

  it("keeps the previous version's valid_from of a mapping that has not changed", () => {
    const previous = [
      m('0110', '011', { validFrom: '2025-01-01' }),
      m('0120', '012', { validFrom: '2025-01-01' }),
      m('0130', '013', { validFrom: '2025-01-01', status: 'rejected' }),
      m('0140', '014', { validFrom: null }),
    ];
    const now = [
      m('0110', '011', { status: 'proposed' }),
      m('0120', '012', { share: 0.5 }),
      m('0130', '013'),
      m('0140', '014'),
      m('0150', '015'),
    ];
    expect(mappingValidity(now, v2, previous, none, none)).toEqual([
      { validFrom: '2025-01-01', validTo: '2027-12-31' },
      // Its share changed: a new statement, valid from this version.
      { validFrom: '2026-01-01', validTo: '2027-12-31' },
      // Rejected before: it did not hold then.
      { validFrom: '2026-01-01', validTo: '2027-12-31' },
      { validFrom: '2026-01-01', validTo: '2027-12-31' },
      { validFrom: '2026-01-01', validTo: '2027-12-31' },
    ]);
  });

  it('never starts before nor ends after the codes it links', () => {
    const sources = new Map<string, Validity>([['1', { validFrom: '2026-06-01', validTo: null }]]);
    const targets = new Map<string, Validity>([
      ['a', { validFrom: '2020-01-01', validTo: '2026-09-30' }],
      ['b', { validFrom: null, validTo: '2030-01-01' }],
    ]);
    expect(mappingValidity([m('1', 'a'), m('2', 'b')], v2, [], sources, targets)).toEqual([
      { validFrom: '2026-06-01', validTo: '2026-09-30' },
      { validFrom: '2026-01-01', validTo: '2027-12-31' },
    ]);
  });

  it('leaves open what neither the version nor the codes bound; a rejected mapping is dated too', () => {
    const targets = new Map<string, Validity>([['a', { validFrom: null, validTo: '2026-09-30' }]]);
    const open: Validity = { validFrom: null, validTo: null };
    expect(
      mappingValidity(
        [m('1', 'a'), m('2', 'b'), m('3', 'c', { status: 'rejected' })],
        open,
        [m('2', 'b', { validFrom: '2025-01-01' })],
        none,
        targets,
      ),
    ).toEqual([
      { validFrom: null, validTo: '2026-09-30' },
      { validFrom: '2025-01-01', validTo: null },
      { validFrom: null, validTo: null },
    ]);
    expect(mappingValidity([m('3', 'c', { status: 'rejected' })], v2, [], none, none)).toEqual([
      v2,
    ]);
  });
});

describe('approvalBlockers', () => {
  const sources = [leaf('01'), leaf('02'), leaf('0', { isLeaf: false })];
  const targets = [leaf('A'), leaf('B'), leaf('C', { status: 'deprecated' })];

  it('has none when every mapping is approved and the checks pass', () => {
    expect(approvalBlockers(sources, targets, [m('01', 'A'), m('02', 'B')])).toEqual([]);
  });

  it('lists unapproved mappings, unmapped sources, wrong shares and invalid targets', () => {
    const blockers = approvalBlockers(sources, targets, [
      m('01', 'A', { share: 0.5 }),
      m('01', 'B', { share: 0.2, status: 'proposed' }),
      m('01', 'C', { status: 'needs_discussion' }),
      m('02', 'B', { status: 'rejected', esDecision: 'reject', cbsDecision: 'reject' }),
    ]);
    expect(blockers).toEqual([
      { kind: 'unapproved_mappings', count: 2, examples: ['01→B', '01→C'] },
      { kind: 'unmapped_sources', count: 1, examples: ['02'] },
      { kind: 'shares_not_one', count: 3, examples: ['01→A', '01→B', '01→C'] },
      { kind: 'invalid_targets', count: 1, examples: ['01→C'] },
    ]);
  });

  it('leaves out a mapping both agencies rejected, but not one only one agency rejected', () => {
    const rejected = (es: string | null, cbs: string | null) =>
      m('02', 'C', { status: 'rejected', esDecision: es, cbsDecision: cbs });
    const table = [m('01', 'A'), m('02', 'B')];
    expect(approvalBlockers(sources, targets, [...table, rejected('reject', 'reject')])).toEqual(
      [],
    );
    for (const [es, cbs] of [
      ['reject', null],
      [null, 'reject'],
      ['approve', 'reject'],
      ['reject', 'discuss'],
      [null, null],
    ] as const) {
      expect(approvalBlockers(sources, targets, [...table, rejected(es, cbs)])).toEqual([
        { kind: 'one_sided_rejections', count: 1, examples: ['02→C'] },
      ]);
    }
  });

  it('refuses an empty version', () => {
    expect(approvalBlockers([], [], []).map((b) => b.kind)).toEqual(['empty_version']);
  });
});

describe('completeness', () => {
  it('is partial while an active leaf source has no link', () => {
    const sources = [leaf('01'), leaf('02'), leaf('03', { status: 'deprecated' })];
    expect(completeness(sources, [m('01', 'A')])).toBe('partial');
    expect(completeness(sources, [m('01', 'A'), m('02', 'A')])).toBe('complete');
  });
});

describe('nextApproval', () => {
  const es: Approval = { agency: 'ES', stewardId: 's1', name: 'Dana', at: 't1' };
  const cbs: Approval = { agency: 'CBS', stewardId: 's2', name: 'Avi', at: 't2' };
  const frozen = { status: 'frozen' as const, number: 2, approvals: [] as Approval[] };

  it('needs a steward of each agency', () => {
    const first = nextApproval(frozen, null, es);
    expect(first).toEqual({ ok: true, approvals: [es], complete: false });
    const second = nextApproval({ ...frozen, approvals: [es] }, null, cbs);
    expect(second).toEqual({ ok: true, approvals: [es, cbs], complete: true });
  });

  it('refuses the same agency twice, approved, superseded and older versions', () => {
    const again = { ...es, stewardId: 's3' };
    expect(nextApproval({ ...frozen, approvals: [es] }, null, again)).toMatchObject({
      ok: false,
      reason: 'same_agency',
    });
    expect(nextApproval({ ...frozen, status: 'approved' }, 2, es)).toMatchObject({
      reason: 'already_approved',
    });
    expect(nextApproval({ ...frozen, status: 'superseded' }, 3, es)).toMatchObject({
      reason: 'superseded',
    });
    expect(nextApproval(frozen, 3, es)).toMatchObject({ reason: 'older_than_approved' });
  });
});
