import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';

test('hierarchy trees: a letter section filters the grid, drag a source leaf onto a target leaf, coverage and progress charts', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'דנה לוי', 'ES');
  const review = new ReviewPage(page);
  await review.open(/ISIC Rev\.3\.1/);
  // The demo ISIC crosswalk: the UN correspondence, 737 rows.
  const allRows = /737/;

  await page.getByTestId('toggle-hierarchy').click();
  const source = (code: string) => page.getByTestId(`tree-source-node-${code}`);
  const target = (code: string) => page.getByTestId(`tree-target-node-${code}`);
  await expect(source('A')).toBeVisible();
  await expect(target('A')).toBeVisible();
  // Section A holds the leaves of divisions 01 and 02 (no code prefix in common with "A").
  await expect(source('A').locator('.count-bar')).toHaveAttribute('aria-label', /\d+ ממופים/);

  // Click the major group: the grid shows only codes under it; click again to clear.
  await source('A').locator('.tree-text').click();
  await expect(page.getByTestId('tree-filter')).toContainText('A');
  await expect(review.rowCount).toHaveText(/\d/);
  await expect(review.rowCount).not.toHaveText(allRows);
  await expect.poll(async () => (await review.pairs()).every((p) => /^0[12]/.test(p))).toBe(true);
  expect((await review.pairs()).length).toBeGreaterThan(0);
  await source('A').locator('.tree-text').click();
  await expect(page.getByTestId('tree-filter')).toHaveCount(0);
  await expect(review.rowCount).toHaveText(allRows);

  // The expand arrow only opens and closes a group: the grid stays unfiltered.
  await source('A').locator('.twisty').click();
  await expect(source('01')).toBeVisible();
  await expect(page.getByTestId('tree-filter')).toHaveCount(0);
  await expect(review.rowCount).toHaveText(allRows);
  await source('A').locator('.twisty').click();
  await expect(source('01')).toHaveCount(0);
  await expect(page.getByTestId('tree-filter')).toHaveCount(0);

  // Keyboard: in Hebrew ← opens a node, ↓ moves, Enter filters.
  await source('A').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(source('01')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(source('01')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tree-filter')).toContainText('01');
  await expect.poll(async () => (await review.pairs()).every((p) => p.startsWith('01'))).toBe(true);
  await expect(source('01')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(source('011')).toBeVisible();
  await expect(source('01')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(source('011')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(source('0112')).toBeVisible();

  // Open the target tree down to 0111 and drag source 0112 onto it: a new proposed mapping.
  await target('A').locator('.twisty').click();
  await target('01').locator('.twisty').click();
  await target('011').locator('.twisty').click();
  await expect(target('0111')).toBeVisible();
  await source('0112').dragTo(target('0111'));
  await expect(page.getByTestId('drop-status')).toContainText('0112');
  await expect(page.getByTestId('drop-status')).toContainText('נשמר');
  await review.expectSaved();
  await source('0112').locator('.tree-text').click();
  await expect.poll(() => review.pairs()).toContain('0112→0111');
  const newRow = review.grid.locator('.ag-row', { hasText: '0112' }).filter({ hasText: '0111' });
  await expect(newRow.first()).toContainText('מוצע');

  // Mark the new row for discussion by keyboard (a status that needs no second agency), then the
  // progress panel shows coverage per major group and today's decision.
  await newRow.first().getByTestId('row-source-code').click();
  await page.keyboard.press('d');
  await review.expectSaved();
  await expect(newRow.first()).toContainText('לדיון');
  await page.getByTestId('toggle-progress').click();
  const coverage = page.getByTestId('coverage-chart');
  await expect(coverage).toBeVisible();
  await expect(coverage.locator('svg title').first()).toHaveText(/כיסוי/);
  await expect(coverage.locator('rect').first()).toBeVisible();
  await expect(coverage).toContainText('A');
  const today = new Date().toISOString().slice(0, 10);
  const todayRow = page.getByTestId('progress-chart').locator('tbody tr', { hasText: today });
  await expect(todayRow).toBeVisible();
  // Columns: day, approved, rejected, needs discussion.
  await expect(todayRow.locator('td').nth(2)).toHaveText(/^[1-9]/);
  await page.screenshot({ path: test.info().outputPath('hierarchy-he.png') });

  // English: left-to-right, bars from the left.
  await page.locator('.lang-toggle').click();
  await expect(page.getByTestId('toggle-hierarchy')).toHaveText('Hierarchy');
  await expect(coverage.locator('figcaption')).toHaveText(/Coverage per major group/);
  await expect(source('A')).toContainText('Agriculture');
  await expect(review.grid).toContainText('Growing of vegetables');
  await page.screenshot({ path: test.info().outputPath('hierarchy-en.png') });

  // Without a mouse: Space picks a source leaf, Enter on a target leaf proposes the mapping.
  await source('0113').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('drop-status')).toContainText('0113');
  await target('0112').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drop-status')).toContainText('Saved');
  await expect(page.getByTestId('drop-status')).toContainText('0112');
  await source('0113').locator('.tree-text').click();
  await expect.poll(() => review.pairs()).toContain('0113→0112');
});
