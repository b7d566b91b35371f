import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';
import { VersionsPage } from './pages/versions-page';

test('freeze a version, change a mapping, the diff shows it', async ({ app }, testInfo) => {
  const { page } = app;
  await createProfile(page, 'רונית כהן', 'ES', 'lead');
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);
  const versions = new VersionsPage(page);

  // Freeze the demo crosswalk as version 1: 678 proposed mappings of a many-to-many table.
  await versions.open();
  await expect(versions.dialog.getByTestId('versions-empty')).toBeVisible();
  await versions.freeze('טבלת ILO כפי שפורסמה', { from: '2026-01-01', to: '2027-12-31' });
  const v1 = versions.card(1);
  await expect(v1).toContainText('2026-01-01 – 2027-12-31');
  await expect(v1.getByTestId('version-status')).toHaveText('מוקפאת');
  await expect(v1).toContainText('678 מיפויים');
  await expect(v1.getByTestId('version-relationship')).toHaveText('M:N');

  // Approval is refused while mappings are proposed, and says why.
  // A version's blockers are known as soon as it shows: Approve is disabled, its title says why,
  // and "what blocks it?" lists them.
  await expect(v1.getByTestId('version-approve')).toBeDisabled();
  await expect(v1.getByTestId('version-approve')).toHaveAttribute('title', /678/);
  await v1.getByTestId('version-check').click();
  await expect(v1.getByTestId('blocker-unapproved_mappings')).toContainText('678');
  await page.screenshot({ path: testInfo.outputPath('versions-he.png') });

  // The dialog owns the keyboard: focus sent to the grid behind it comes back, the review keys
  // do nothing behind it, and Escape closes it.
  await review
    .sourceCodes()
    .first()
    .evaluate((el) => (el.closest('.ag-cell') as HTMLElement).focus());
  await expect(versions.dialog.locator(':focus')).toHaveCount(1);
  await page.keyboard.press('a');
  await page.keyboard.press('/');
  await expect(review.search).not.toBeFocused();
  await expect(review.saveStatus).toHaveAttribute('data-state', 'idle');
  await page.keyboard.press('Escape');
  await expect(versions.dialog).toBeHidden();
  await expect(review.saveStatus).toHaveAttribute('data-state', 'idle');
  await expect(page.getByTestId('count-half_approved')).toContainText('0');

  // Approve the first mapping in the draft with one key.
  const [first] = await review.pairs();
  await review.sourceCodes().first().click();
  await page.keyboard.press('a');
  await review.expectSaved();
  // Half approved (the Employment Service's alone), counted apart from proposed.
  await expect(page.getByTestId('count-half_approved')).toContainText('1');
  await expect(page.getByTestId('count-proposed')).toContainText('677');

  // The diff of version 1 against the draft shows that one mapping, changed.
  await versions.open();
  await versions.compare('1', 'draft');
  await expect(versions.dialog.getByTestId('diff-total-changed')).toContainText('1');
  await expect(versions.dialog.getByTestId('diff-total-added')).toContainText('0');
  await expect(versions.diffRows()).toHaveCount(1);
  const row = versions.diffRows().first();
  const [source, target] = first!.split('→');
  await expect(row.locator('[col-id="sourceCode"]')).toHaveText(source!);
  await expect(row.locator('[col-id="targetCode"]')).toHaveText(target!);
  // With two-agency approval the status waits for the other agency and the change is the
  // Employment Service's own decision, by whom; without it, the status itself.
  await expect(row.getByTestId('diff-change')).toContainText(/אישר \(רונית כהן\)|מוצע ← מאושר/);
  // Each mapping's GSIM relationship type and validity: v1's dates, the draft's set when frozen.
  await expect(row.getByTestId('diff-relationship')).toHaveText(/^(1:1|1:n|n:1|n:n)$/);
  const validity = row.getByTestId('diff-validity');
  await expect(validity.locator('.before')).toHaveText('2026-01-01 – 2027-12-31');
  await expect(validity.locator('.after')).toHaveText('ייקבע בהקפאה');

  // Exported as CSV.
  await versions.dialog.getByTestId('diff-export-csv').click();
  await expect(versions.dialog.getByTestId('diff-export-path')).toBeVisible();

  // Frozen as version 2, valid 2027–2028: an approval does not change what the mapping says, so
  // it has held since v1's start; it ends with v2.
  await versions.freeze('אחרי אישור', { from: '2027-01-01', to: '2028-12-31' });
  await versions.compare('1', '2');
  await expect(versions.diffRows()).toHaveCount(1);
  const v2Validity = versions.diffRows().first().getByTestId('diff-validity');
  await expect(v2Validity.locator('.before')).toHaveText('2026-01-01 – 2027-12-31');
  await expect(v2Validity.locator('.after')).toHaveText('2026-01-01 – 2028-12-31');
  await page.screenshot({ path: testInfo.outputPath('versions-diff-he.png') });

  // Every mapping of version 2 with its relationship type and when it holds.
  await versions.showMappings(2);
  await expect(versions.dialog.getByTestId('version-mappings-total')).toContainText('678');
  const mapped = versions.mappingRow(source!, target!);
  await expect(mapped.getByTestId('version-mapping-relationship')).toHaveText(
    /^(1:1|1:n|n:1|n:n)$/,
  );
  await expect(mapped.getByTestId('version-mapping-validFrom')).toHaveText('2026-01-01');
  await expect(mapped.getByTestId('version-mapping-validTo')).toHaveText('2028-12-31');
  await page.screenshot({ path: testInfo.outputPath('versions-mappings-he.png') });

  // The same in English.
  await versions.close();
  await page.locator('.lang-toggle').click();
  await versions.open();
  await expect(versions.card(1).getByTestId('version-status')).toHaveText('Frozen');
  await page.screenshot({ path: testInfo.outputPath('versions-en.png') });
  await versions.compare('1', 'draft');
  await expect(versions.diffRows().first().getByTestId('diff-change')).toContainText(
    /approved \(רונית כהן\)|Proposed → Approved/,
  );
  await page.screenshot({ path: testInfo.outputPath('versions-diff-en.png') });
});

test('export version 1 as Parquet from the versions panel and read it back with DuckDB', async ({
  app,
}) => {
  const { page } = app;
  // CBS approves the first Legislators mapping, then the ES lead does: it is approved.
  await createProfile(page, 'נועה כהן', 'CBS');
  const review = new ReviewPage(page);
  const approveFirstLegislators = async () => {
    await review.open(/ISCO-88/);
    await review.searchFor('Legislators');
    await expect(review.rowCount).not.toContainText('678');
    await expect.poll(async () => (await review.pairs()).length).toBeGreaterThan(0);
    const [pair] = await review.pairs();
    await review.sourceCodes().first().click();
    await page.keyboard.press('a');
    await review.expectSaved();
    return pair!;
  };
  const first = await approveFirstLegislators();
  await page.locator('.topbar-end button.link').click();
  await createProfile(page, 'רונית כהן', 'ES', 'lead');
  expect(await approveFirstLegislators()).toBe(first);
  await expect(page.getByTestId('count-approved')).toContainText('1');

  const versions = new VersionsPage(page);
  await versions.open();
  await versions.freeze('גרסה עם מיפוי מאושר');
  const file = await versions.exportVersion(1, 'parquet');
  expect(file).toMatch(/-v1-.*\.parquet$/);
  await expect(versions.card(1).getByTestId('version-export-path')).toContainText('1');

  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
  const path = `'${file.replace(/'/g, "''")}'`;
  const rows = (
    await conn.runAndReadAll(
      `SELECT source_code, target_code, status, typeof(source_code) AS code_type FROM read_parquet(${path})`,
    )
  ).getRowObjectsJS();
  const kv = (
    await conn.runAndReadAll(
      `SELECT decode(value) AS v FROM parquet_kv_metadata(${path}) WHERE decode(key) = 'gesher.version'`,
    )
  ).getRowObjectsJS();
  conn.closeSync();
  duck.closeSync();
  const [source, target] = first.split('→');
  expect(rows).toEqual([
    { source_code: source, target_code: target, status: 'approved', code_type: 'VARCHAR' },
  ]);
  expect(kv).toEqual([{ v: '1' }]);
});
