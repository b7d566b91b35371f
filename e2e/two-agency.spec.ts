import { expect, test } from './fixtures/test';
import { createProfile, switchUser as switchProfile } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';

const SHOTS = process.env.GESHER_SHOTS;

/** Decides the first rows in grid order, one key each (focus moves on to the next row). */
async function decideFirstRows(review: ReviewPage, keys: string[]) {
  await review.sourceCodes().first().click();
  for (const key of keys) {
    await review.page.keyboard.press(key);
    await review.expectSaved();
  }
}

async function switchUser(
  review: ReviewPage,
  name: string,
  agency: 'ES' | 'CBS',
  role: 'steward' | 'lead' = 'steward',
) {
  await switchProfile(review.page, name, agency, role);
  await review.open(/ISCO-88/);
}

test('ES approves, CBS approves: the grid shows approved with both agencies; blind mode shows the kappa figure', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'דנה לוי', 'ES');
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);
  const row = (i: number) => review.grid.locator(`.ag-row[row-index="${i}"]`);

  // ES: approve the first row, reject the next two.
  await decideFirstRows(review, ['a', 'r', 'r']);
  await expect(row(0).locator('.status-chip')).toHaveAttribute('data-status', 'half_approved');
  await expect(row(0).getByTestId('approvals-chip')).toContainText('דנה לוי');
  await expect(row(0).locator('[data-agency="ES"]')).toHaveAttribute('data-decision', 'approve');
  await expect(row(0).locator('[data-agency="CBS"]')).toHaveAttribute('data-decision', 'none');
  await expect(page.getByTestId('count-approved')).toContainText('0');
  await page.getByTestId('filter-status-half_approved').click();
  await expect(review.rowCount).toHaveText(/שורה אחת|^1 row/);
  await page.getByTestId('filter-status-half_approved').click();

  // A CBS steward (a second profile through "switch user"): approve, reject, approve.
  await switchUser(review, 'רונית כהן', 'CBS');
  await decideFirstRows(review, ['a', 'r', 'a']);
  await expect(row(0).locator('.status-chip')).toHaveAttribute('data-status', 'approved');
  await expect(row(0).locator('[data-agency="ES"]')).toHaveAttribute('data-decision', 'approve');
  await expect(row(0).locator('[data-agency="CBS"]')).toHaveAttribute('data-decision', 'approve');
  await expect(row(0).getByTestId('approvals-chip')).toContainText('רונית כהן');
  await expect(page.getByTestId('count-approved')).toContainText('1');
  // Row 3: ES rejected, CBS approved → ES's rejection stands, and the two disagree.
  await expect(row(2).locator('.status-chip')).toHaveAttribute('data-status', 'rejected');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/two-agency-he.png`, fullPage: true });
  await page.locator('.lang-toggle').click();
  await expect(row(0).getByTestId('approvals-chip')).toContainText('ES');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/two-agency-en.png`, fullPage: true });
  await page.locator('.lang-toggle').click();

  // A lead turns blind mode on: agreement over the 3 mappings both decided,
  // (A,A) (R,R) (R,A): pₒ = 2/3, pₑ = 4/9, κ = 0.40; one disagreement to adjudicate.
  await switchUser(review, 'אורית שטרן', 'ES', 'lead');
  await expect(page.getByTestId('kappa')).toHaveCount(0);
  await page.getByTestId('blind-mode-toggle').click();
  await expect(page.getByTestId('blind-mode-toggle')).toBeChecked();
  await expect(page.getByTestId('kappa')).toContainText('κ = 0.40');
  await expect(page.getByTestId('agreement-n')).toContainText('3');
  await page.getByTestId('filter-disagreements').click();
  await expect(review.rowCount).toHaveText(/שורה אחת|^1 row/);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/blind-kappa-he.png`, fullPage: true });
  if (SHOTS)
    await page.getByTestId('agreement-bar').screenshot({ path: `${SHOTS}/agreement-bar-he.png` });
  await page.getByTestId('filter-disagreements').click();

  // Blind: ES rejects the fourth row, which CBS has not decided. CBS's "rejected" filter shows
  // the two rows it decided (both rejected; ES's rejection standing over its approval), not the
  // one ES rejected alone; the lead sees all three.
  await switchUser(review, 'דנה לוי', 'ES');
  await review.sourceCodes().nth(3).click();
  await page.keyboard.press('r');
  await review.expectSaved();
  await expect(row(3).locator('.status-chip')).toHaveAttribute('data-status', 'rejected');
  await switchUser(review, 'רונית כהן', 'CBS');
  await expect(row(3).locator('.status-chip')).toHaveAttribute('data-status', 'proposed');
  await page.getByTestId('filter-status-rejected').click();
  await expect(review.rowCount).toHaveText(/2 שורות|^2 rows/);
  await page.getByTestId('filter-status-rejected').click();
  await switchUser(review, 'אורית שטרן', 'ES', 'lead');
  await page.getByTestId('filter-status-rejected').click();
  await expect(review.rowCount).toHaveText(/3 שורות|^3 rows/);
});
