import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';

test('export approved mappings as Parquet and read the file back with DuckDB', async ({ app }) => {
  const { page } = app;
  await createProfile(page, 'נועה כהן', 'CBS');
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);
  await expect(page.getByTestId('status-counts')).toContainText('678');

  // Approve the first row of a search by keyboard, as CBS and then as ES (both agencies approve).
  const approveFirstLegislators = async () => {
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
  await createProfile(page, 'דנה לוי', 'ES');
  await review.open(/ISCO-88/);
  expect(await approveFirstLegislators()).toBe(first);
  await expect(page.getByTestId('count-approved')).toContainText('1');

  await page.getByTestId('export-parquet').click();
  const pathText = page.getByTestId('export-path');
  await expect(pathText).toBeVisible();
  const file = (await pathText.getAttribute('title'))!;
  expect(file).toMatch(/\.parquet$/);

  const duck = await DuckDBInstance.create(':memory:');
  const conn = await duck.connect();
  const reader = await conn.runAndReadAll(
    `SELECT source_code, target_code, status, typeof(source_code) AS code_type
     FROM read_parquet('${file.replace(/'/g, "''")}')`,
  );
  const rows = reader.getRowObjectsJS();
  conn.closeSync();
  duck.closeSync();
  const [source, target] = first.split('→');
  expect(rows).toEqual([
    { source_code: source, target_code: target, status: 'approved', code_type: 'VARCHAR' },
  ]);
});
