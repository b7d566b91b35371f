import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';

test('keyboard review in English: select several rows, discuss them, undo, redo, and the checks filter the grid', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'Avi Mizrahi', 'ES');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  const review = new ReviewPage(page);
  await review.open(/ISIC/);

  // Select three rows with Space while moving with ↓ and J, then mark them for discussion with D.
  await review.sourceCodes().first().click();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.keyboard.press('j');
  await page.keyboard.press('Space');
  await page.keyboard.press('d');
  await review.expectSaved();
  await expect(page.getByTestId('count-needs_discussion')).toContainText('3');

  // Undo takes the three back to proposed, redo applies it again; both are saved decisions.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('count-needs_discussion')).toContainText('0');
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('count-needs_discussion')).toContainText('3');

  // The status filter shows exactly those rows.
  await page.getByTestId('filter-status-needs_discussion').click();
  await expect.poll(async () => (await review.pairs()).length).toBe(3);
  await page.getByTestId('filter-status-needs_discussion').click();

  // A check with a count filters the grid to what it counts.
  const unmapped = page.getByTestId('check-count-unmapped_sources');
  const count = Number((await unmapped.textContent())?.replace(/\D/g, ''));
  await page.getByTestId('check-unmapped_sources').click();
  await expect(page.getByTestId('check-unmapped_sources')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => await review.sourceCodes().count()).toBe(Math.min(count, 20));
  await expect(review.targetCodes()).toHaveCount(0);
});

test('a viewer can look but the workspace refuses their decisions', async ({ app }) => {
  const { page } = app;
  await createProfile(page, 'צופה בלבד', 'CBS', 'viewer');
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);
  await review.sourceCodes().first().click();
  await page.keyboard.press('a');
  await expect(page.getByTestId('count-approved')).toContainText('0');
  await expect(page.getByTestId('decide-approve')).toBeDisabled();
});
