import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';

/** The status of each grid row in display order, read from its status cell. */
async function statuses(review: ReviewPage): Promise<string[]> {
  const rows = review.grid.locator('.ag-row:has([data-testid="row-source-code"])');
  const n = await rows.count();
  const out: { top: number; status: string }[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows.nth(i);
    const status =
      (await row.locator('[col-id="status"] [data-status]').getAttribute('data-status')) ?? '';
    const top = await row.evaluate((el) => el.getBoundingClientRect().top);
    out.push({ top, status });
  }
  return out.sort((a, b) => a.top - b.top).map((r) => r.status);
}

test('rapid keyboard review: a and r pressed with no pause land on ten consecutive rows, in order', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'Avi Mizrahi', 'ES');
  await page.getByRole('button', { name: 'English' }).click();
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);
  await review.searchFor('operator');
  await expect(review.rowCount).not.toContainText('678');
  await expect.poll(async () => (await review.pairs()).length).toBeGreaterThan(12);
  const before = (await review.pairs()).slice(0, 10);

  // One keystroke per mapping: each decision moves focus on to the next row.
  await review.sourceCodes().first().click();
  for (let i = 0; i < 10; i++) await page.keyboard.press(i % 2 === 0 ? 'a' : 'r');
  await review.expectSaved();
  // One agency's approval is half approved (ES alone); a rejection is a rejection.
  await expect(page.getByTestId('count-approved')).toContainText('0');
  await expect(page.getByTestId('count-rejected')).toContainText('5');

  // The rows kept their order; rows 1..10 read half approved, rejected, … and row 11 is untouched.
  expect((await review.pairs()).slice(0, 10)).toEqual(before);
  const expected = Array.from({ length: 10 }, (_, i) =>
    i % 2 === 0 ? 'half_approved' : 'rejected',
  );
  await expect
    .poll(async () => (await statuses(review)).slice(0, 11))
    .toEqual([...expected, 'proposed']);

  // The half approved filter shows exactly rows 1, 3, 5, 7, 9.
  await page.getByTestId('filter-status-half_approved').click();
  await expect.poll(() => review.pairs()).toEqual(before.filter((_, i) => i % 2 === 0));
});

test('rapid keyboard review under a status filter: decided rows leave the view and none is skipped', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'Avi Mizrahi', 'ES');
  await page.getByRole('button', { name: 'English' }).click();
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);
  await review.searchFor('operator');
  await page.getByTestId('filter-status-proposed').click();
  await expect.poll(async () => (await review.pairs()).length).toBeGreaterThan(12);
  const before = (await review.pairs()).slice(0, 10);

  await review.sourceCodes().first().click();
  for (let i = 0; i < 10; i++) await page.keyboard.press(i % 2 === 0 ? 'a' : 'r');
  await review.expectSaved();
  // One agency's approval is half approved (ES alone); a rejection is a rejection.
  await expect(page.getByTestId('count-approved')).toContainText('0');
  await expect(page.getByTestId('count-rejected')).toContainText('5');

  await page.getByTestId('filter-status-proposed').click();
  await page.getByTestId('filter-status-rejected').click();
  await expect.poll(() => review.pairs()).toEqual(before.filter((_, i) => i % 2 === 1));
});
