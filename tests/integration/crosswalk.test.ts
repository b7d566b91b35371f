import fs from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { MappingFilter, MappingRow, Params, SortSpec } from '../../shared/contract';
import { runChecks } from '../../shared/domain/crosswalk/checks';
import { parseSssom } from '../../shared/domain/import/sssom';
import { hebrewSortKey } from '../../shared/domain/text/hebrew-collation';
import { approveAsCbs, CBS_STEWARD } from './agencies';
import { allRows } from './all-rows';
import { appendPair } from './append-pair';
import { approveByBothAgencies } from './approve-both';
import { loadEsMajorGroups, loadIscoCrosswalk } from './crosswalk-fixture';
import { openWithSteward } from './harness';

async function setup(steward?: Params<'profile.create'>) {
  const t = await openWithSteward(steward);
  const isco = await loadIscoCrosswalk(t);
  return { t, ...isco };
}

describe('crosswalk grid data source', () => {
  it('pages the ILO correspondence from the database with totals, codes as text', async () => {
    const { t, crosswalkId } = await setup();
    const first = await t.call('crosswalks.rows', {
      crosswalkId,
      offset: 0,
      limit: 100,
      sort: [{ colId: 'sourceCode', dir: 'asc' }],
      filter: {},
    });
    expect(first.total).toBe(678);
    expect(first.rows).toHaveLength(100);
    const all = await allRows(t, crosswalkId, [{ colId: 'sourceCode', dir: 'asc' }]);
    expect(all).toHaveLength(678);
    expect(all.slice(0, 100)).toEqual(first.rows);
    const codes = all.map((r) => r.sourceCode);
    expect(codes).toEqual([...codes].sort());
    expect(codes[0]).toBe('0110');
    expect(all[0]).toMatchObject({
      targetCode: '0110',
      targetTitleEn: 'Commissioned armed forces officers',
      status: 'proposed',
      justification: 'imported',
    });
    const last = await t.call('crosswalks.rows', {
      crosswalkId,
      offset: 650,
      limit: 100,
      sort: [{ colId: 'sourceCode', dir: 'asc' }],
      filter: {},
    });
    expect(last.rows).toEqual(all.slice(650));
    const desc = await t.call('crosswalks.rows', {
      crosswalkId,
      offset: 0,
      limit: 5,
      sort: [{ colId: 'sourceCode', dir: 'desc' }],
      filter: {},
    });
    expect(desc.rows[0]!.sourceCode).toBe(codes[codes.length - 1]);
    // Titles sort through the items' index (the import keys an item without a Hebrew title by its English one); none is lost.
    const byHebrew = await allRows(t, crosswalkId, [{ colId: 'sourceTitleHe', dir: 'asc' }]);
    expect(byHebrew.map((r) => r.mappingId).sort((a, b) => a! - b!)).toEqual(
      all.map((r) => r.mappingId).sort((a, b) => a! - b!),
    );
    const keys = byHebrew.map((r) => hebrewSortKey(r.sourceTitleHe ?? r.sourceTitleEn));
    expect(keys).toEqual([...keys].sort());
    const byTitle = await allRows(t, crosswalkId, [{ colId: 'targetTitleEn', dir: 'desc' }]);
    expect(byTitle).toHaveLength(678);
    const en = byTitle.map((r) => r.targetTitleEn!.toLowerCase());
    expect(en).toEqual([...en].sort().reverse());
    const bad = await t.reply('crosswalks.rows', {
      crosswalkId,
      offset: 0,
      limit: 5,
      sort: [{ colId: 'nonsense', dir: 'asc' }],
      filter: {},
    });
    expect(bad.ok).toBe(false);
    await t.close();
  });

  it('sorts Hebrew titles in Hebrew order and searches them', async () => {
    const { t } = await setup();
    const es = await loadEsMajorGroups(t);
    expect(es.titles).toHaveLength(9);
    const sorted = await allRows(t, es.crosswalkId, [{ colId: 'sourceTitleHe', dir: 'asc' }]);
    const hebrew = new Intl.Collator('he');
    expect(sorted.map((r) => r.sourceTitleHe)).toEqual([...es.titles].sort(hebrew.compare));
    const desc = await allRows(t, es.crosswalkId, [{ colId: 'sourceTitleHe', dir: 'desc' }]);
    expect(desc.map((r) => r.sourceTitleHe)).toEqual([...es.titles].sort(hebrew.compare).reverse());

    const managers = await allRows(t, es.crosswalkId, [], { search: 'מנהלים' });
    expect(managers.map((r) => r.sourceTitleHe)).toEqual(['מנהלים']);
    expect(managers[0]!.targetTitleEn).toBe('Managers');
    // Niqqud in the query does not stop a match.
    const pointed = await allRows(t, es.crosswalkId, [], { sourceTitle: 'מְנַהֲלִים' });
    expect(pointed).toHaveLength(1);
    const english = await allRows(t, es.crosswalkId, [], { search: 'clerical' });
    expect(english.map((r) => r.sourceCode)).toEqual(['4']);
    await t.close();
  });

  it('filters by search, column filters, status and relation sets and source prefix', async () => {
    const { t, crosswalkId } = await setup();
    const all = await allRows(t, crosswalkId);
    const teachers = await allRows(t, crosswalkId, [], { search: 'Teach' });
    expect(teachers.length).toBeGreaterThan(0);
    expect(teachers).toEqual(
      all.filter(
        (r) =>
          [r.sourceTitleEn, r.targetTitleEn].some((s) => s?.toLowerCase().includes('teach')) ||
          r.sourceCode.startsWith('Teach'),
      ),
    );
    const byCode = await allRows(t, crosswalkId, [], { search: '011' });
    expect(byCode.map((r) => r.mappingId)).toEqual(
      all
        .filter((r) => r.sourceCode.startsWith('011') || r.targetCode!.startsWith('011'))
        .map((r) => r.mappingId),
    );
    const related = await allRows(t, crosswalkId, [], { relation: ['related', 'broader'] });
    expect(related).toHaveLength(
      all.filter((r) => r.relation === 'related' || r.relation === 'broader').length,
    );
    const prefix = await allRows(t, crosswalkId, [], { sourcePrefix: '23' });
    expect(prefix.length).toBe(all.filter((r) => r.sourceCode.startsWith('23')).length);
    const both = await allRows(t, crosswalkId, [{ colId: 'targetTitleEn', dir: 'asc' }], {
      sourceCode: '2',
      targetTitle: 'teacher',
      relation: ['related'],
    });
    expect(both.length).toBeGreaterThan(0);
    for (const r of both) {
      expect(r.sourceCode.startsWith('2')).toBe(true);
      expect(r.targetTitleEn!.toLowerCase()).toContain('teacher');
      expect(r.relation).toBe('related');
    }
    const titles = both.map((r) => r.targetTitleEn!.toLowerCase());
    expect(titles).toEqual([...titles].sort());
    expect((await allRows(t, crosswalkId, [], { status: ['approved'] })).length).toBe(0);
    expect((await allRows(t, crosswalkId, [], { search: '100%_' })).length).toBe(0);
    await t.close();
  });
});

describe('crosswalk checks', () => {
  it('counts in SQL what the pure rules find on the real data, and each count filters the grid', async () => {
    const { t, crosswalkId, sourceSchemeId, targetSchemeId } = await setup();
    const items = async (schemeId: string) =>
      (await t.call('schemes.items', { schemeId, offset: 0, limit: 1000 })).rows;
    const pure = () =>
      Promise.all([items(sourceSchemeId), items(targetSchemeId), allRows(t, crosswalkId)]).then(
        ([s, tg, rows]) =>
          runChecks(
            s.map((i) => ({ code: i.code, isLeaf: i.isLeaf, status: i.status })),
            tg.map((i) => ({ code: i.code, isLeaf: i.isLeaf, status: i.status })),
            rows.map((r) => ({
              id: r.mappingId!,
              sourceCode: r.sourceCode,
              targetCode: r.targetCode!,
              share: r.share,
              status: r.status!,
            })),
          ),
      );
    const compare = async () => {
      const expected = await pure();
      const counts = await t.call('crosswalks.checks', { crosswalkId });
      expect(counts).toEqual({
        unmapped_sources: expected.unmapped_sources.length,
        shares_not_one: expected.shares_not_one.length,
        invalid_targets: expected.invalid_targets.length,
        duplicate_pairs: expected.duplicate_pairs.length,
      });
      const unmapped = await allRows(t, crosswalkId, [], { check: 'unmapped_sources' });
      expect(unmapped.map((r) => r.sourceCode).sort()).toEqual(
        [...expected.unmapped_sources].sort(),
      );
      expect(unmapped.every((r) => r.mappingId === null && r.targetCode === null)).toBe(true);
      for (const check of ['shares_not_one', 'invalid_targets', 'duplicate_pairs'] as const) {
        const rows = await allRows(t, crosswalkId, [], { check });
        expect(rows.map((r) => r.mappingId).sort((a, b) => a! - b!)).toEqual(expected[check]);
      }
      return counts;
    };
    const before = await compare();
    // The ILO table is many-to-many without any shares: unweighted splits, none of them flagged.
    expect(before.shares_not_one).toBe(0);
    expect(before.invalid_targets).toBe(0);
    expect(before.duplicate_pairs).toBe(0);

    const [first] = await allRows(t, crosswalkId, [{ colId: 'sourceCode', dir: 'asc' }]);
    // Adding a pair that is there already is refused, naming the mapping there…
    const again = await t.reply('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: first!.sourceCode,
      targetCode: first!.targetCode!,
      relation: 'exact',
    });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        details: { reason: 'duplicate_pair', mappingId: first!.mappingId, status: 'proposed' },
      },
    });
    // …but a file appended to the crosswalk can bring one, and the check shows it.
    await appendPair(t, crosswalkId, {
      sourceCode: first!.sourceCode,
      targetCode: first!.targetCode!,
    });
    await t.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: first!.sourceCode,
      targetCode: '011',
      relation: 'broader',
    });
    const unmappedCode = (await allRows(t, crosswalkId, [], { check: 'unmapped_sources' }))[0]!
      .sourceCode;
    await t.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: unmappedCode,
      targetCode: '2310',
      relation: 'close',
      share: 0.5,
    });
    const after = await compare();
    expect(after.duplicate_pairs).toBe(2);
    expect(after.invalid_targets).toBe(1);
    expect(after.unmapped_sources).toBe(before.unmapped_sources - 1);
    // The lone mapping with share 0.5 is flagged; the first source, still without shares, is not.
    expect(after.shares_not_one).toBe(1);

    // One share set on a source flags all its live mappings until they all add up to 1.
    const ofFirst = await allRows(t, crosswalkId, [], { sourceCode: first!.sourceCode });
    const live = ofFirst.filter((r) => r.targetCode !== '011' && r.mappingId !== first!.mappingId);
    await t.call('crosswalks.removeMappings', { crosswalkId, mappingIds: [first!.mappingId!] });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: ofFirst.filter((r) => r.targetCode === '011').map((r) => r.mappingId!),
      status: 'rejected',
    });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [live[0]!.mappingId!],
      share: 0.5,
    });
    const partly = await compare();
    const flaggedFirst = (await allRows(t, crosswalkId, [], { check: 'shares_not_one' })).filter(
      (r) => r.sourceCode === first!.sourceCode,
    );
    expect(flaggedFirst.map((r) => r.mappingId).sort()).toEqual(
      live.map((r) => r.mappingId).sort(),
    );
    expect(partly.shares_not_one).toBe(1 + live.length);
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: live.map((r) => r.mappingId!),
      share: 1 / live.length,
    });
    const flagged = await allRows(t, crosswalkId, [], { check: 'shares_not_one' });
    expect(flagged.some((r) => r.sourceCode === first!.sourceCode)).toBe(false);
    expect((await compare()).shares_not_one).toBe(1);
    await t.close();
  });
});

describe('crosswalk decisions', () => {
  it('decides in bulk with audit before/after, undoes and redoes as new audited writes, and survives a restart', async () => {
    const { t, crosswalkId } = await setup({ name: 'דנה לוי', agency: 'ES', role: 'steward' });
    const block = await t.call('crosswalks.rows', {
      crosswalkId,
      offset: 0,
      limit: 3,
      sort: [{ colId: 'sourceCode', dir: 'asc' }],
      filter: {},
    });
    const ids = block.rows.map((r) => r.mappingId!);
    // CBS approves first; ES's approval completes them (two agencies approve a mapping).
    await approveAsCbs(t, crosswalkId, ids);
    expect((await allRows(t, crosswalkId, [], { status: ['half_approved'] })).length).toBe(3);
    const decided = await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: ids,
      status: 'approved',
      comment: 'נבדק',
    });
    expect(decided).toEqual({ updated: 3, undo: { canUndo: true, canRedo: false } });
    expect(t.events.some((e) => e.name === 'workspace.changed')).toBe(true);
    const approved = await allRows(t, crosswalkId, [], { status: ['approved'] });
    expect(approved.map((r) => r.mappingId)).toEqual(ids);
    expect(approved[0]).toMatchObject({
      updatedBy: 'דנה לוי',
      updatedByAgency: 'ES',
      comment: 'נבדק',
      approvals: [
        { agency: 'ES', stewardName: 'דנה לוי' },
        { agency: 'CBS', stewardName: CBS_STEWARD.name },
      ],
    });
    expect((await t.call('crosswalks.get', { id: crosswalkId })).counts).toMatchObject({
      total: 678,
      approved: 3,
      proposed: 675,
    });

    const audit = await t.call('audit.list', { offset: 0, limit: 50 });
    const decisions = audit.rows.filter((r) => r.action === 'mapping.decide' && r.agency === 'ES');
    expect(decisions).toHaveLength(3);
    expect(decisions[0]).toMatchObject({
      entityType: 'mapping',
      stewardName: 'דנה לוי',
      agency: 'ES',
      comment: 'נבדק',
    });
    expect(decisions[0]!.before).toMatchObject({ status: 'proposed' });
    expect(decisions[0]!.after).toMatchObject({ status: 'approved', comment: 'נבדק' });

    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [ids[0]!],
      relation: 'exact',
      share: 1,
      comment: ' ',
    });
    const kept = await t.call('crosswalks.detail', {
      crosswalkId,
      mappingId: ids[0]!,
      sourceCode: block.rows[0]!.sourceCode,
    });
    expect(kept.row).toMatchObject({ relation: 'exact', share: 1, comment: 'נבדק' });
    expect(await t.call('crosswalks.undo', { crosswalkId })).toEqual({
      canUndo: true,
      canRedo: true,
    });
    const row = (
      await t.call('crosswalks.detail', {
        crosswalkId,
        mappingId: ids[0]!,
        sourceCode: block.rows[0]!.sourceCode,
      })
    ).row;
    expect(row).toMatchObject({
      relation: block.rows[0]!.relation,
      share: null,
      status: 'approved',
    });
    await t.call('crosswalks.undo', { crosswalkId });
    // Undo takes ES's approval back: CBS's alone remains (half approved).
    expect((await allRows(t, crosswalkId, [], { status: ['approved'] })).length).toBe(0);
    expect((await allRows(t, crosswalkId, [], { status: ['half_approved'] })).length).toBe(3);
    expect(await t.call('crosswalks.redo', { crosswalkId })).toEqual({
      canUndo: true,
      canRedo: true,
    });
    expect((await allRows(t, crosswalkId, [], { status: ['approved'] })).length).toBe(3);
    const actions = (await t.call('audit.list', { offset: 0, limit: 100 })).rows.map(
      (r) => r.action,
    );
    expect(actions.filter((a) => a === 'mapping.undo')).toHaveLength(4);
    expect(actions.filter((a) => a === 'mapping.redo')).toHaveLength(3);

    const added = await t.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: '0110',
      targetCode: '1111',
      relation: 'related',
      comment: 'ידני',
    });
    const removed = await t.call('crosswalks.removeMappings', {
      crosswalkId,
      mappingIds: [ids[1]!],
    });
    expect(removed.removed).toBe(1);
    const [removal, addition] = (await t.call('audit.list', { offset: 0, limit: 2 })).rows;
    expect(removal).toMatchObject({
      action: 'mapping.remove',
      entityId: String(ids[1]),
      before: { sourceCode: block.rows[1]!.sourceCode, targetCode: block.rows[1]!.targetCode },
      after: null,
    });
    expect(addition).toMatchObject({
      action: 'mapping.add',
      entityId: String(added.mappingId),
      before: null,
      after: { sourceCode: '0110', targetCode: '1111', relation: 'related' },
    });
    await t.call('crosswalks.undo', { crosswalkId });
    expect(
      (await t.call('crosswalks.detail', { crosswalkId, mappingId: ids[1]!, sourceCode: '0110' }))
        .row.status,
    ).toBe('approved');
    const bad = await t.reply('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: '0110',
      targetCode: '999',
      relation: 'exact',
    });
    expect(bad.ok ? null : bad.error).toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('"999"'),
    });
    await t.close();

    const again = await openWithSteward(undefined, { workspaceDir: t.dir });
    const rows = await allRows(again, crosswalkId, [], { status: ['approved'] });
    expect(rows.map((r) => r.mappingId).sort()).toEqual([...ids].sort());
    const manual = (
      await again.call('crosswalks.detail', {
        crosswalkId,
        mappingId: added.mappingId,
        sourceCode: '0110',
      })
    ).row;
    expect(manual).toMatchObject({
      justification: 'manual',
      status: 'proposed',
      relation: 'related',
      comment: 'ידני',
      updatedBy: 'דנה לוי',
    });
    await again.close();
  });

  it('reopens an approved mapping whose relation or share changes, and undo approves it again', async () => {
    const { t, crosswalkId } = await setup({ name: 'דנה לוי', agency: 'ES', role: 'steward' });
    const block = await t.call('crosswalks.rows', {
      crosswalkId,
      offset: 0,
      limit: 4,
      sort: [{ colId: 'sourceCode', dir: 'asc' }],
      filter: {},
    });
    const [a, b, c, d] = block.rows;
    const id = (r: MappingRow | undefined) => r!.mappingId!;
    await approveAsCbs(t, crosswalkId, [id(a), id(b), id(c)]);
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [id(a), id(b), id(c)],
      status: 'approved',
      comment: 'נבדק',
    });
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [id(d)], status: 'rejected' });
    const state = async (r: MappingRow | undefined) =>
      (
        await t.call('crosswalks.detail', {
          crosswalkId,
          mappingId: id(r),
          sourceCode: r!.sourceCode,
        })
      ).row;
    const newRelation = a!.relation === 'narrower' ? 'broader' : 'narrower';

    // A new relation on approved a, the same relation on approved b, and rejected d keeps its status.
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [id(a), id(d)],
      relation: newRelation,
    });
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: [id(b)], relation: b!.relation! });
    expect(await state(a)).toMatchObject({
      relation: newRelation,
      status: 'proposed',
      comment: 'נבדק',
    });
    expect(await state(b)).toMatchObject({ status: 'approved' });
    expect(await state(d)).toMatchObject({ relation: newRelation, status: 'rejected' });

    // A share change reopens too; an explicit status in the same decision wins.
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [id(b)],
      share: 0.5,
      comment: 'חלק חדש',
    });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [id(c)],
      share: 1,
      status: 'approved',
    });
    expect(await state(b)).toMatchObject({ share: 0.5, status: 'proposed', comment: 'חלק חדש' });
    // The new share has ES's approval only (the earlier approvals were of the old share).
    expect(await state(c)).toMatchObject({
      share: 1,
      status: 'proposed',
      approvals: [{ agency: 'ES' }],
    });
    await approveAsCbs(t, crosswalkId, [id(c)]);
    expect(await state(c)).toMatchObject({ share: 1, status: 'approved' });
    expect((await t.call('crosswalks.get', { id: crosswalkId })).counts.approved).toBe(1);

    const audit = (await t.call('audit.list', { offset: 0, limit: 50 })).rows;
    const ofA = audit.find((r) => r.action === 'mapping.decide' && r.entityId === String(id(a)));
    expect(ofA!.before).toEqual({
      sourceCode: a!.sourceCode,
      targetCode: a!.targetCode,
      relation: a!.relation,
      share: null,
      status: 'approved',
      comment: 'נבדק',
      decisionES: 'approve',
      decisionCBS: 'approve',
    });
    expect(ofA!.after).toEqual({
      sourceCode: a!.sourceCode,
      targetCode: a!.targetCode,
      relation: newRelation,
      share: null,
      status: 'proposed',
      comment: 'נבדק',
    });
    const ofB = audit.find((r) => r.action === 'mapping.decide' && r.entityId === String(id(b)));
    expect(ofB).toMatchObject({
      comment: 'חלק חדש',
      before: { share: null, status: 'approved', comment: 'נבדק' },
      after: { share: 0.5, status: 'proposed', comment: 'חלק חדש' },
    });

    await t.call('crosswalks.undo', { crosswalkId }); // c's share
    await t.call('crosswalks.undo', { crosswalkId }); // b's share
    expect(await state(b)).toMatchObject({ share: null, status: 'approved', comment: 'נבדק' });
    await t.call('crosswalks.undo', { crosswalkId }); // b's same relation
    await t.call('crosswalks.undo', { crosswalkId }); // a's and d's relation
    expect(await state(a)).toMatchObject({
      relation: a!.relation,
      status: 'approved',
      approvals: [{ agency: 'ES' }, { agency: 'CBS' }],
    });
    expect(await state(d)).toMatchObject({ relation: d!.relation, status: 'rejected' });
    expect((await t.call('crosswalks.get', { id: crosswalkId })).counts.approved).toBe(3);
    const undone = (await t.call('audit.list', { offset: 0, limit: 50 })).rows.find(
      (r) => r.action === 'mapping.undo' && r.entityId === String(id(a)),
    );
    expect(undone).toMatchObject({
      before: { sourceCode: a!.sourceCode, targetCode: a!.targetCode, status: 'proposed' },
      after: { sourceCode: a!.sourceCode, targetCode: a!.targetCode, status: 'approved' },
    });
    await t.close();
  });

  it('keeps open views right after decisions: rows leave a filtered view, others keep their order', async () => {
    const { t, crosswalkId } = await setup();
    const proposed: MappingFilter = { status: ['proposed'] };
    // The same view under another key (an empty filter field), so the service computes it afresh.
    const fresh = (f: MappingFilter): MappingFilter => ({ ...f, updatedBy: ' ' });
    const byTitle: SortSpec = [{ colId: 'targetTitleEn', dir: 'asc' }];
    const views: [SortSpec, MappingFilter][] = [
      [byTitle, proposed],
      [[], {}],
      [[{ colId: 'status', dir: 'asc' }], {}],
      [[], { check: 'unmapped_sources' }],
      [[], { check: 'shares_not_one' }],
      [byTitle, { status: ['approved', 'rejected'] }],
      [byTitle, { status: ['half_approved'] }],
      [[], { disagreements: true }],
    ];
    for (const [sort, filter] of views) await allRows(t, crosswalkId, sort, filter);
    const inView = await allRows(t, crosswalkId, byTitle, proposed);
    const pick = [inView[3]!, inView[100]!, inView[400]!].map((r) => r.mappingId!);
    await t.call('crosswalks.decide', { crosswalkId, mappingIds: pick, status: 'approved' });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [inView[5]!.mappingId!],
      comment: 'רק הערה',
    });
    await t.call('crosswalks.decide', {
      crosswalkId,
      mappingIds: [inView[7]!.mappingId!],
      status: 'rejected',
    });
    for (const [sort, filter] of views) {
      const kept = await allRows(t, crosswalkId, sort, filter);
      expect(kept).toEqual(await allRows(t, crosswalkId, sort, fresh(filter)));
    }
    expect((await allRows(t, crosswalkId, byTitle, proposed)).length).toBe(inView.length - 4);
    await t.call('crosswalks.undo', { crosswalkId });
    await t.call('crosswalks.removeMappings', { crosswalkId, mappingIds: [inView[9]!.mappingId!] });
    for (const [sort, filter] of views) {
      expect(await allRows(t, crosswalkId, sort, filter)).toEqual(
        await allRows(t, crosswalkId, sort, fresh(filter)),
      );
    }
    await t.close();
  });

  it('refuses decisions from a viewer', async () => {
    const { t, crosswalkId } = await setup({ name: 'Viewer', agency: 'CBS', role: 'viewer' });
    const r = await t.reply('crosswalks.decide', {
      crosswalkId,
      mappingIds: [1],
      status: 'approved',
    });
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'forbidden',
      details: { role: 'viewer', required: ['steward', 'lead'] },
    });
    const a = await t.reply('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: '0110',
      targetCode: '0110',
      relation: 'exact',
    });
    expect(a.ok ? null : a.error.code).toBe('forbidden');
    const d = await t.reply('crosswalks.removeMappings', { crosswalkId, mappingIds: [1] });
    expect(d.ok ? null : d.error.code).toBe('forbidden');
    expect((await t.call('crosswalks.get', { id: crosswalkId })).counts.proposed).toBe(678);
    await t.close();
  });

  it('shows the detail: both items with hierarchy path and description, and the other mappings of each', async () => {
    const { t, crosswalkId } = await setup();
    const rows = await allRows(t, crosswalkId, [], { targetCode: '2310' });
    const row = rows[0]!;
    const detail = await t.call('crosswalks.detail', {
      crosswalkId,
      mappingId: row.mappingId,
      sourceCode: row.sourceCode,
    });
    expect(detail.target?.code).toBe('2310');
    expect(detail.target?.path.map((p) => p.code)).toEqual(['2', '23', '231']);
    expect(detail.target?.descriptionEn).toContain('teach');
    expect(detail.source?.code).toBe(row.sourceCode);
    expect(detail.sameTarget.map((r) => r.mappingId)).toEqual(
      rows
        .slice(1)
        .map((r) => r.mappingId)
        .sort((a, b) => a! - b!),
    );
    expect(
      detail.sameSource.every(
        (r) => r.sourceCode === row.sourceCode && r.mappingId !== row.mappingId,
      ),
    ).toBe(true);
    await t.close();
  });
});

describe('crosswalk export', () => {
  async function approvedSetup() {
    const s = await setup({ name: 'דנה לוי', agency: 'ES', role: 'steward' });
    const zeros = await allRows(s.t, s.crosswalkId, [], { sourceCode: '0' });
    const teachers = await allRows(s.t, s.crosswalkId, [], { sourcePrefix: '23' });
    const approve = [...zeros, ...teachers];
    await approveAsCbs(
      s.t,
      s.crosswalkId,
      approve.map((r) => r.mappingId!),
    );
    await s.t.call('crosswalks.decide', {
      crosswalkId: s.crosswalkId,
      mappingIds: approve.map((r) => r.mappingId!),
      status: 'approved',
    });
    await s.t.call('crosswalks.decide', {
      crosswalkId: s.crosswalkId,
      mappingIds: [teachers[0]!.mappingId!],
      comment: 'שונה, "מורים"\tבדיקה',
    });
    return { ...s, approved: approve };
  }

  it('writes approved mappings to CSV with a BOM and codes with their leading zeros', async () => {
    const { t, crosswalkId, approved } = await approvedSetup();
    const file = await t.call('crosswalks.export', { crosswalkId, format: 'csv' });
    expect(file.rows).toBe(approved.length);
    const text = fs.readFileSync(file.path, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(parsed).toHaveLength(approved.length);
    expect(parsed[0]).toMatchObject({ source_code: '0110', status: 'approved' });
    expect(parsed.every((r) => r.status === 'approved')).toBe(true);
    expect(parsed.some((r) => r.comment === 'שונה, "מורים"\tבדיקה')).toBe(true);
    const audit = await t.call('audit.list', { offset: 0, limit: 5 });
    expect(audit.rows[0]).toMatchObject({ action: 'crosswalk.export', entityId: crosswalkId });
    await t.close();
  });

  it('writes XLSX with code cells as text and a right-to-left sheet', async () => {
    const { t, crosswalkId, approved } = await approvedSetup();
    const file = await t.call('crosswalks.export', { crosswalkId, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file.path);
    const sheet = wb.worksheets[0]!;
    expect(sheet.views[0]?.rightToLeft).toBe(true);
    expect(sheet.rowCount).toBe(approved.length + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('source_code');
    const cell = sheet.getRow(2).getCell(1);
    expect(cell.value).toBe('0110');
    expect(cell.numFmt).toBe('@');
    expect(sheet.getRow(2).getCell(5).value).toBe('0110');
    await t.close();
  });

  it('writes JSON with metadata and SSSOM TSV with its metadata block and rows', async () => {
    const { t, crosswalkId, approved } = await approvedSetup();
    const json = JSON.parse(
      fs.readFileSync(
        (await t.call('crosswalks.export', { crosswalkId, format: 'json' })).path,
        'utf8',
      ),
    );
    expect(json.crosswalk.id).toBe(crosswalkId);
    expect(json.exportedBy.name).toBe('דנה לוי');
    expect(json.mappings).toHaveLength(approved.length);
    expect(json.mappings[0]).toMatchObject({ sourceCode: '0110', targetCode: '0110' });

    const file = await t.call('crosswalks.export', { crosswalkId, format: 'sssom' });
    expect(file.fileName).toMatch(/\.sssom\.tsv$/);
    const lines = fs
      .readFileSync(file.path, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const meta = lines.filter((l) => l.startsWith('#'));
    expect(meta).toContain('# mapping_set_id: urn:gesher:crosswalk:isco88-isco08');
    expect(meta).toContain('#   ISCO08: http://data.europa.eu/esco/isco/C');
    expect(meta).toContain('#   ISCO88: "urn:gesher:scheme:ISCO88:"');
    expect(meta).toContain('# license: https://creativecommons.org/licenses/by/4.0/');
    expect(meta.some((l) => /^# mapping_date: \d{4}-\d\d-\d\d$/.test(l))).toBe(true);
    const table = lines.filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
    expect(table[0]!.slice(0, 6)).toEqual([
      'subject_id',
      'subject_label',
      'predicate_id',
      'object_id',
      'object_label',
      'mapping_justification',
    ]);
    expect(table).toHaveLength(approved.length + 1);
    expect(table[1]!.slice(0, 6)).toEqual([
      'ISCO88:0110',
      'Armed forces',
      expect.stringMatching(/^skos:/),
      'ISCO08:0110',
      'Commissioned armed forces officers',
      'semapv:UnspecifiedMatching',
    ]);
    expect(table[1]![7]).toMatch(/^gesher:steward\//);
    await t.close();
  });
});

describe('export round trip', () => {
  // SSSOM has no share, status or partial slot: our export carries them as declared extension columns.
  it.each([
    ['sssom', true],
    ['csv', true],
    ['xlsx', true],
  ] as const)(
    'reads a %s export back through the importer into a new crosswalk with the same mappings and both agencies’ approvals',
    async (format, withShare) => {
      const { t, crosswalkId, sourceSchemeId, targetSchemeId } = await setup({
        name: 'דנה לוי',
        agency: 'ES',
        role: 'steward',
      });
      const some = await allRows(t, crosswalkId, [], { sourcePrefix: '2' });
      await approveByBothAgencies(
        t,
        crosswalkId,
        some.map((r) => r.mappingId!),
      );
      await t.call('crosswalks.decide', {
        crosswalkId,
        mappingIds: [some[0]!.mappingId!],
        comment: 'שונה, "מורים"\tבדיקה\nשורה שנייה',
      });
      const added = await t.call('crosswalks.addMapping', {
        crosswalkId,
        sourceCode: '0110',
        targetCode: '1111',
        relation: 'broader',
        share: 0.25,
        comment: 'ידני',
      });
      await approveByBothAgencies(t, crosswalkId, [added.mappingId]);

      const file = await t.call('crosswalks.export', { crosswalkId, format });
      const staged = await t.call('import.stage', {
        fileName: file.fileName,
        base64: fs.readFileSync(file.path).toString('base64'),
      });
      const preview = await t.call('import.preview', { stagedId: staged.stagedId, options: {} });
      expect(preview.format).toBe(format === 'sssom' ? 'sssom' : format);
      expect(preview.totalRows).toBe(some.length + 1);
      const job = await t.call('import.commitCrosswalk', {
        stagedId: staged.stagedId,
        options: {},
        columns: preview.suggestedCrosswalk as Params<'import.commitCrosswalk'>['columns'],
        crosswalk: {
          nameHe: `חזרה מ-${format}`,
          nameEn: `Back from ${format}`,
          sourceSchemeId,
          targetSchemeId,
        },
      });
      const done = await t.call('jobs.wait', { jobId: job.jobId });
      expect(done.status).toBe('succeeded');
      const back = (await t.call('crosswalks.list', {})).find(
        (c) => c.nameEn === `Back from ${format}`,
      )!;
      const fields = (r: MappingRow) => [
        r.sourceCode,
        r.targetCode,
        r.relation,
        r.justification,
        r.confidence,
        r.comment,
        r.status,
        r.partialSource,
        r.partialTarget,
        ...(withShare ? [r.share] : []),
      ];
      const key = (r: MappingRow) => `${r.sourceCode}\u0000${r.targetCode}`;
      const original = (await allRows(t, crosswalkId, [], { status: ['approved'] })).sort((a, b) =>
        key(a).localeCompare(key(b)),
      );
      const readBack = (await allRows(t, back.id)).sort((a, b) => key(a).localeCompare(key(b)));
      expect(readBack.map(fields)).toEqual(original.map(fields));
      expect(readBack.find((r) => r.sourceCode === '0110')).toMatchObject({
        justification: 'manual',
        relation: 'broader',
        comment: 'ידני',
        share: 0.25,
        status: 'approved',
      });
      // Author and reviewer as the format writes them: a re-export of the copy shows the same people.
      // (Every format names both agencies' approvers of an approved mapping; the copy has them
      // as its approvals again.)
      const people = async (id: string) => {
        if (format === 'sssom') {
          const f = await t.call('crosswalks.export', { crosswalkId: id, format: 'sssom' });
          const { table } = parseSssom(fs.readFileSync(f.path, 'utf8'));
          const c = (n: string) => table.headers.indexOf(n);
          return table.rows.map((r) =>
            ['subject_id', 'object_id', 'author_id', 'reviewer_id'].map((n) => r[c(n)]),
          );
        }
        const json = await t.call('crosswalks.export', { crosswalkId: id, format: 'json' });
        const doc = JSON.parse(fs.readFileSync(json.path, 'utf8')) as {
          mappings: {
            sourceCode: string;
            targetCode: string;
            authorId: string;
            reviewerId: string;
          }[];
        };
        return doc.mappings.map((m) => [m.sourceCode, m.targetCode, m.authorId, m.reviewerId]);
      };
      const me = (await t.call('profile.list', {})).find((p) => p.name === 'דנה לוי')!.id;
      const originalPeople = await people(crosswalkId);
      const author = format === 'sssom' ? `gesher:steward/${me}` : me;
      expect(originalPeople.filter((p) => p[2] === author)).toHaveLength(1);
      expect(originalPeople.every((p) => !!p[3])).toBe(true);
      expect(await people(back.id)).toEqual(originalPeople);
      await t.close();
    },
  );
});
