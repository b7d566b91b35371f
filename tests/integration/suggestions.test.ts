import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCrosswalk } from '../../electron/host/import/run-import';
import { as } from './agencies';
import { allRows } from './all-rows';
import { approveByBothAgencies } from './approve-both';
import { openTestBackend, openWithSteward, type TestBackend } from './harness';

const CW = 'isco88-isco08';

describe('suggestions on the demo ISCO-88 → ISCO-08 crosswalk', () => {
  let t: TestBackend;

  beforeAll(async () => {
    t = await openTestBackend({ seedDemo: true });
    await t.call('profile.create', { name: 'Dana Levi', agency: 'ES', role: 'steward' });
  });
  afterAll(async () => {
    await t.close();
  });

  const leafOf08 = (code: string) =>
    t.backend.deps.db.get<{ is_leaf: number }>(
      "SELECT is_leaf FROM items WHERE scheme_id = 'isco08' AND code = ?",
      [code],
    )?.is_leaf === 1;

  it('the unmapped ISCO-88 code 3139 is the one left, and gets ranked ISCO-08 leaves with reasons', async () => {
    const checks = await t.call('crosswalks.checks', { crosswalkId: CW });
    const { next, unmapped } = await t.call('suggestions.nextUnmapped', { crosswalkId: CW });
    expect(unmapped).toBe(checks.unmapped_sources);
    expect(next?.sourceCode).toBe('3139');

    const got = await t.call('suggestions.forSource', {
      crosswalkId: CW,
      sourceCode: '3139',
      k: 5,
    });
    expect(got.sourceTitleEn).toBeTruthy();
    expect(got.suggestions).toHaveLength(5);
    const scores = got.suggestions.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const s of got.suggestions) {
      expect(leafOf08(s.targetCode)).toBe(true);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
      expect(s.targetTitleEn).toBeTruthy();
      const sum = s.reasons.reduce((a, r) => a + r.contribution, 0);
      expect(sum).toBeCloseTo(s.score, 5);
      expect(s.reasons.map((r) => r.kind)).toContain('title');
    }
    // Its siblings under 313 are mapped: their targets are suggested with the sibling codes as evidence.
    const siblings = got.suggestions.flatMap((s) =>
      s.reasons.filter((r) => r.kind === 'siblings' && r.similarity > 0),
    );
    expect(siblings.length).toBeGreaterThan(0);
    expect(siblings.some((r) => r.codes.some((c) => c.startsWith('313')))).toBe(true);
  });

  it('a viewer may read suggestions but not accept one', async () => {
    const viewer = await openTestBackend({ seedDemo: true });
    try {
      await viewer.call('profile.create', { name: 'Noa Viewer', agency: 'CBS', role: 'viewer' });
      const got = await viewer.call('suggestions.forSource', {
        crosswalkId: CW,
        sourceCode: '3139',
        k: 1,
      });
      const reply = await viewer.reply('suggestions.accept', {
        crosswalkId: CW,
        sourceCode: '3139',
        targetCode: got.suggestions[0]!.targetCode,
        score: got.suggestions[0]!.score,
      });
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('forbidden');
      const n = viewer.backend.deps.db.get<{ n: number }>(
        "SELECT COUNT(*) AS n FROM mappings WHERE crosswalk_id = ? AND justification = 'lexical_suggestion'",
        [CW],
      )?.n;
      expect(n).toBe(0);
    } finally {
      await viewer.close();
    }
  });

  it('accepting creates a proposed lexical-suggestion mapping with its score, audited and undoable', async () => {
    const before = await t.call('crosswalks.checks', { crosswalkId: CW });
    const { suggestions } = await t.call('suggestions.forSource', {
      crosswalkId: CW,
      sourceCode: '3139',
      k: 5,
    });
    const top = suggestions[0]!;
    const { mappingId, undo } = await t.call('suggestions.accept', {
      crosswalkId: CW,
      sourceCode: '3139',
      targetCode: top.targetCode,
      score: top.score,
    });
    expect(undo.canUndo).toBe(true);

    const detail = await t.call('crosswalks.detail', {
      crosswalkId: CW,
      mappingId,
      sourceCode: '3139',
    });
    expect(detail.row).toMatchObject({
      sourceCode: '3139',
      targetCode: top.targetCode,
      status: 'proposed',
      justification: 'lexical_suggestion',
      updatedBy: 'Dana Levi',
    });
    expect(detail.row.confidence).toBeCloseTo(top.score, 6);

    // Asked again, the accepted target says it is mapped already, and a second accept is refused.
    const again = await t.call('suggestions.forSource', {
      crosswalkId: CW,
      sourceCode: '3139',
      k: 5,
    });
    const shown = again.suggestions.find((s) => s.targetCode === top.targetCode);
    expect(shown?.existing).toEqual({ mappingId, status: 'proposed' });
    expect(again.suggestions.filter((s) => s.existing)).toHaveLength(1);
    const twice = await t.reply('suggestions.accept', {
      crosswalkId: CW,
      sourceCode: '3139',
      targetCode: top.targetCode,
      score: top.score,
    });
    expect(twice).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { reason: 'duplicate_pair', mappingId } },
    });

    const after = await t.call('crosswalks.checks', { crosswalkId: CW });
    expect(after.unmapped_sources).toBe(before.unmapped_sources - 1);
    const next = await t.call('suggestions.nextUnmapped', { crosswalkId: CW });
    expect(next.unmapped).toBe(before.unmapped_sources - 1);
    expect(next.next?.sourceCode ?? null).not.toBe('3139');

    const audit = t.backend.deps.db.get<{
      action: string;
      after_json: string;
      steward_name: string;
    }>(
      "SELECT action, after_json, steward_name FROM audit WHERE entity_type = 'mapping' AND entity_id = ?",
      [String(mappingId)],
    );
    expect(audit?.action).toBe('mapping.add');
    expect(audit?.steward_name).toBe('Dana Levi');
    expect(JSON.parse(audit!.after_json)).toMatchObject({
      sourceCode: '3139',
      targetCode: top.targetCode,
      status: 'proposed',
    });

    await t.call('crosswalks.undo', { crosswalkId: CW });
    const gone = t.backend.deps.db.get<{ n: number }>(
      'SELECT COUNT(*) AS n FROM mappings WHERE id = ?',
      [mappingId],
    )?.n;
    expect(gone).toBe(0);
    const undone = await t.call('crosswalks.checks', { crosswalkId: CW });
    expect(undone.unmapped_sources).toBe(before.unmapped_sources);
  });
});

describe('inherited suggestions', () => {
  /** The demo table, completed (3139 → 3521) and approved by both agencies as version 1. */
  async function approveDemoVersion(t: TestBackend) {
    await t.call('crosswalks.addMapping', {
      crosswalkId: CW,
      sourceCode: '3139',
      targetCode: '3521',
      relation: 'close',
    });
    const rows = await allRows(t, CW);
    await approveByBothAgencies(
      t,
      CW,
      rows.map((r) => r.mappingId!),
    );
    await t.call('versions.freeze', { crosswalkId: CW });
    await t.call('versions.approve', { crosswalkId: CW, number: 1 });
    await as(t, { name: 'רונית כהן', agency: 'CBS', role: 'lead' }, () =>
      t.call('versions.approve', { crosswalkId: CW, number: 1 }),
    );
  }

  /** A new table between the same two schemes, with one unrelated mapping. */
  const newTable = (t: TestBackend) =>
    importCrosswalk(t.backend.deps, {
      fileName: 'new.csv',
      bytes: Buffer.from('isco88,isco08\n1110,1111\n'),
      options: { encoding: 'utf-8', delimiter: ',' },
      columns: { sourceCode: 'isco88', targetCode: 'isco08' },
      crosswalk: {
        id: 'isco88-isco08-new',
        nameHe: 'טבלה חדשה',
        nameEn: 'New table',
        sourceSchemeId: 'isco88',
        targetSchemeId: 'isco08',
      },
      defaults: { status: 'proposed', justification: 'imported' },
    });

  it('what an approved version between the same schemes maps a code to is suggested first, with the version', async () => {
    const t = await openWithSteward(
      { name: 'Dana Levi', agency: 'ES', role: 'lead' },
      { seedDemo: true },
    );
    try {
      await newTable(t);
      const ask = () =>
        t.call('suggestions.forSource', {
          crosswalkId: 'isco88-isco08-new',
          sourceCode: '3139',
          k: 5,
        });
      const kinds = async () =>
        (await ask()).suggestions.flatMap((s) => s.reasons).map((r) => r.kind);
      // Approved mappings alone are not an approved table: nothing is inherited yet.
      await t.call('crosswalks.addMapping', {
        crosswalkId: CW,
        sourceCode: '3139',
        targetCode: '3521',
        relation: 'close',
      });
      const added = await t.call('crosswalks.rows', {
        crosswalkId: CW,
        offset: 0,
        limit: 1,
        sort: [],
        filter: { sourceCode: '3139' },
      });
      await approveByBothAgencies(t, CW, [added.rows[0]!.mappingId!]);
      expect(await kinds()).not.toContain('inherited');
      await t.call('crosswalks.removeMappings', {
        crosswalkId: CW,
        mappingIds: [added.rows[0]!.mappingId!],
      });

      await approveDemoVersion(t);
      const got = await ask();
      const top = got.suggestions[0]!;
      expect(top.targetCode).toBe('3521');
      const inherited = top.reasons.find((r) => r.kind === 'inherited');
      expect(inherited).toMatchObject({
        similarity: 1,
        codes: ['3139'],
        versions: [{ crosswalkId: CW, version: 1 }],
      });
      expect(inherited!.contribution).toBeGreaterThan(0.5 * top.score);

      // Accepting it records an inherited mapping; another candidate stays a lexical suggestion.
      const accepted = await t.call('suggestions.accept', {
        crosswalkId: 'isco88-isco08-new',
        sourceCode: '3139',
        targetCode: '3521',
        score: top.score,
      });
      const other = got.suggestions.find((s) => s.targetCode !== '3521')!;
      await t.call('suggestions.accept', {
        crosswalkId: 'isco88-isco08-new',
        sourceCode: '3139',
        targetCode: other.targetCode,
        score: other.score,
      });
      const { rows } = await t.call('crosswalks.rows', {
        crosswalkId: 'isco88-isco08-new',
        offset: 0,
        limit: 10,
        sort: [],
        filter: { sourceCode: '3139' },
      });
      const byTarget = new Map(rows.map((r) => [r.targetCode, r]));
      expect(byTarget.get('3521')).toMatchObject({
        mappingId: accepted.mappingId,
        justification: 'inherited',
      });
      expect(byTarget.get(other.targetCode)?.justification).toBe('lexical_suggestion');
    } finally {
      await t.close();
    }
  });
});
