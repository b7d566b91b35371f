import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/test';
import { createProfile, switchUser } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';
import { VersionsPage } from './pages/versions-page';

test('a version exported as SSSOM imports back as a crosswalk with the same mappings and decisions', async ({
  app,
}) => {
  const { page } = app;
  // Both agencies approve the first two mappings (only approved mappings make the published table).
  await createProfile(page, 'רונית כהן', 'ES', 'lead');
  const review = new ReviewPage(page);
  const approveFirstTwo = async () => {
    await review.open(/ISCO-88/);
    for (let i = 0; i < 2; i++) {
      await page.keyboard.press('a');
      await review.expectSaved();
    }
  };
  await approveFirstTwo();
  await switchUser(page, 'נועה לוי', 'CBS', 'lead');
  await approveFirstTwo();
  await expect(page.getByTestId('count-approved')).toContainText('2');
  const approved = (await review.pairs()).slice(0, 2);

  const versions = new VersionsPage(page);
  await versions.open();
  await versions.freeze('לייצוא SSSOM');
  const file = await versions.exportVersion(1, 'sssom');
  expect(file).toMatch(/-v1-.*\.sssom\.tsv$/);
  await versions.close();

  // Import the file as a new crosswalk: the schemes it names are chosen already.
  await page.getByRole('button', { name: 'ייבוא' }).click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: path.basename(file),
    mimeType: 'text/tab-separated-values',
    buffer: fs.readFileSync(file),
  });
  await expect(page.getByTestId('import-crosswalk-target')).toBeVisible();
  await expect(page.getByTestId('import-source-scheme')).toHaveValue('isco88');
  await expect(page.getByTestId('import-target-scheme')).toHaveValue('isco08');
  await page.getByTestId('import-crosswalk-name-he').fill('ISCO-88 חזרה מ-SSSOM');
  await page.getByTestId('import-crosswalk-name-en').fill('ISCO-88 back from SSSOM');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  await expect(page.getByTestId('import-result-rows')).toHaveText('2');

  // The same two mappings, approved by the same two agencies.
  await page.getByTestId('import-open-crosswalk').click();
  await expect(review.rowCount).toHaveText(/^2\b|2 /);
  await expect.poll(() => review.pairs()).toEqual(approved);
  for (const i of [0, 1]) {
    const row = review.grid.locator(`.ag-row[row-index="${i}"]`);
    await expect(row.locator('.status-chip')).toHaveAttribute('data-status', 'approved');
    await expect(row.getByTestId('approvals-chip')).toContainText('רונית כהן');
    await expect(row.getByTestId('approvals-chip')).toContainText('נועה לוי');
  }
});
