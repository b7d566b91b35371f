import { describe, expect, it } from 'vitest';
import {
  agenciesDisagree,
  blindRow,
  blindVersionMappings,
  applyAgencyDecision,
  type BlindableVersionMapping,
  othersVisible,
  reviewState,
  type MappingReviewState,
} from './approval';

const fresh: MappingReviewState = { status: 'proposed', relation: 'exact', share: null, votes: [] };

describe('two-agency approval', () => {
  it('one agency approving is half approved; the second makes it approved', () => {
    const es = applyAgencyDecision(fresh, { agency: 'ES', status: 'approved' });
    expect(es.status).toBe('proposed');
    expect(reviewState(es.status, es.votes)).toBe('half_approved');
    const both = applyAgencyDecision(
      { ...fresh, status: es.status, votes: es.votes },
      { agency: 'CBS', status: 'approved' },
    );
    expect(both.status).toBe('approved');
    expect(both.votes).toEqual([
      { agency: 'ES', decision: 'approve' },
      { agency: 'CBS', decision: 'approve' },
    ]);
    expect(reviewState(both.status, both.votes)).toBe('approved');
  });

  it('the same agency approving twice changes nothing', () => {
    const es = applyAgencyDecision(fresh, { agency: 'ES', status: 'approved' });
    const again = applyAgencyDecision(
      { ...fresh, status: es.status, votes: es.votes },
      { agency: 'ES', status: 'approved' },
    );
    expect(again.unchanged).toBe(true);
    expect(again.status).toBe('proposed');
  });

  it('a rejection by either side reopens an approved mapping; the disagreement stays visible', () => {
    const approved: MappingReviewState = {
      ...fresh,
      status: 'approved',
      votes: [
        { agency: 'ES', decision: 'approve' },
        { agency: 'CBS', decision: 'approve' },
      ],
    };
    const rejected = applyAgencyDecision(approved, { agency: 'CBS', status: 'rejected' });
    expect(rejected.status).toBe('rejected');
    expect(agenciesDisagree(rejected.votes)).toBe(true);
    expect(reviewState(rejected.status, rejected.votes)).toBe('rejected');
  });

  it('a changed relation or share clears every vote and sends an approved mapping back to proposed', () => {
    const approved: MappingReviewState = {
      ...fresh,
      status: 'approved',
      votes: [
        { agency: 'ES', decision: 'approve' },
        { agency: 'CBS', decision: 'approve' },
      ],
    };
    const changed = applyAgencyDecision(approved, { agency: 'ES', relation: 'broader' });
    expect(changed).toMatchObject({ status: 'proposed', votes: [], reopened: true });
    const shared = applyAgencyDecision(approved, { agency: 'ES', share: 0.5 });
    expect(shared.status).toBe('proposed');
    // Changing and approving at once: the new content has this agency's approval only.
    const both = applyAgencyDecision(approved, {
      agency: 'ES',
      relation: 'close',
      status: 'approved',
    });
    expect(both).toMatchObject({
      status: 'proposed',
      votes: [{ agency: 'ES', decision: 'approve' }],
    });
  });

  it("approving over the other agency's rejection or call for discussion leaves it standing", () => {
    const esRejected = applyAgencyDecision(fresh, { agency: 'ES', status: 'rejected' });
    const cbsApproves = applyAgencyDecision(
      { ...fresh, status: esRejected.status, votes: esRejected.votes },
      { agency: 'CBS', status: 'approved' },
    );
    expect(cbsApproves.status).toBe('rejected');
    expect(reviewState(cbsApproves.status, cbsApproves.votes)).toBe('rejected');
    expect(agenciesDisagree(cbsApproves.votes)).toBe(true);
    const esDiscusses = applyAgencyDecision(fresh, { agency: 'ES', status: 'needs_discussion' });
    expect(
      applyAgencyDecision(
        { ...fresh, status: esDiscusses.status, votes: esDiscusses.votes },
        { agency: 'CBS', status: 'approved' },
      ).status,
    ).toBe('needs_discussion');
    // ES withdrawing its rejection leaves CBS's approval: half approved.
    const withdrawn = applyAgencyDecision(
      { ...fresh, status: cbsApproves.status, votes: cbsApproves.votes },
      { agency: 'ES', status: 'proposed' },
    );
    expect(withdrawn.status).toBe('proposed');
    expect(reviewState(withdrawn.status, withdrawn.votes)).toBe('half_approved');
  });

  it("'proposed' withdraws the agency's own vote", () => {
    const es = applyAgencyDecision(fresh, { agency: 'ES', status: 'approved' });
    const back = applyAgencyDecision(
      { ...fresh, votes: es.votes },
      { agency: 'ES', status: 'proposed' },
    );
    expect(back.votes).toEqual([]);
  });

  it('blind mode: the other side is visible only once the viewer has decided too', () => {
    expect(othersVisible('CBS', [{ agency: 'ES', decision: 'approve' }])).toBe(false);
    expect(
      othersVisible('CBS', [
        { agency: 'ES', decision: 'approve' },
        { agency: 'CBS', decision: 'reject' },
      ]),
    ).toBe(true);
    expect(othersVisible('ES', [{ agency: 'ES', decision: 'approve' }])).toBe(true);
  });
});

describe('blindRow', () => {
  const row = {
    status: 'rejected' as const,
    comment: 'לא תואם',
    updatedBy: 'דנה',
    updatedByAgency: 'ES' as const,
    updatedAt: '2026-01-01T00:00:00.000Z',
    approvals: [],
    agencyDecisions: [{ agency: 'ES' as const, decision: 'reject' as const }],
  };
  it("hides the other agency's decision, the status it set and its comment until the viewer decided", () => {
    expect(blindRow(row, 'CBS')).toMatchObject({
      status: 'proposed',
      comment: null,
      updatedBy: null,
      agencyDecisions: [],
    });
    expect(blindRow(row, 'ES')).toBe(row);
    const both = {
      ...row,
      agencyDecisions: [
        ...row.agencyDecisions,
        { agency: 'CBS' as const, decision: 'approve' as const },
      ],
    };
    expect(blindRow(both, 'CBS')).toBe(both);
  });
});

describe('blindVersionMappings', () => {
  type Frozen = BlindableVersionMapping & {
    sourceCode: string;
    targetCode: string;
    cardinality: string | null;
  };
  const frozen = (sourceCode: string, over: Partial<Frozen>): Frozen => ({
    sourceCode,
    targetCode: '1111',
    status: 'proposed',
    comment: null,
    reviewerId: null,
    updatedBy: null,
    updatedByAgency: null,
    updatedAt: null,
    esDecision: null,
    esBy: null,
    esAt: null,
    cbsDecision: null,
    cbsBy: null,
    cbsAt: null,
    cardinality: 'n:1',
    ...over,
  });
  const esRejected = frozen('2111', {
    status: 'rejected',
    comment: 'לא תואם',
    reviewerId: 'st-es',
    updatedBy: 'דנה',
    updatedByAgency: 'ES',
    updatedAt: '2026-01-01T00:00:00.000Z',
    esDecision: 'reject',
    esBy: 'דנה',
    esAt: '2026-01-01T00:00:00.000Z',
    cardinality: null,
  });
  const other = frozen('2112', {});

  it("hides a frozen mapping's other-agency decision, status and reviewer until the viewer's agency decided", () => {
    const [seen, rest] = blindVersionMappings([esRejected, other], 'CBS');
    expect(seen).toMatchObject({
      status: 'proposed',
      esDecision: null,
      esBy: null,
      esAt: null,
      reviewerId: null,
      comment: null,
      updatedBy: null,
      updatedAt: null,
    });
    // The table's cardinality is that of what CBS sees: two sources into one target.
    expect([seen!.cardinality, rest!.cardinality]).toEqual(['n:1', 'n:1']);
    expect(blindVersionMappings([esRejected, other], 'ES')).toEqual([esRejected, other]);
    expect(blindVersionMappings([esRejected], undefined)).toEqual([esRejected]);
    const both = { ...esRejected, cbsDecision: 'reject', cbsBy: 'רונית', cbsAt: esRejected.esAt };
    expect(blindVersionMappings([both], 'CBS')).toEqual([both]);
  });
});
