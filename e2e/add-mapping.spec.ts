import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';

test('N adds a mapping with a relation and a share; a bad share is refused before saving', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'Yael Peretz', 'CBS');
  await page.getByRole('button', { name: 'English' }).click();
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);
  const proposed = page.getByTestId('count-proposed');
  const before = Number((await proposed.textContent())?.replace(/\D/g, ''));

  await page.keyboard.press('n');
  await page.getByTestId('add-source').fill('0110');
  await page.getByTestId('add-target').fill('1111');
  await page.getByTestId('add-relation').selectOption('broader');
  await page.getByTestId('add-share').fill('1.5');
  await expect(page.getByText('A share is a number from 0 to 1')).toBeVisible();
  await expect(page.getByTestId('add-save')).toBeDisabled();
  await page.getByTestId('add-share').fill('0,5');
  await page.getByTestId('dialog-comment').fill('Armed forces split');
  await page.getByTestId('add-save').click();
  await review.expectSaved();

  await expect(proposed).toContainText(String(before + 1));
  await review.searchFor('1111');
  await expect.poll(() => review.pairs()).toContain('0110→1111');

  // The same pair again is refused: the crosswalk has it already.
  await review.sourceCodes().first().click();
  await page.keyboard.press('n');
  await page.getByTestId('add-source').fill('0110');
  await page.getByTestId('add-target').fill('1111');
  await page.getByTestId('add-save').click();
  await expect(page.getByTestId('add-dialog').getByRole('alert')).toHaveText(
    /0110→1111.*is already in this crosswalk \(Proposed\)/,
  );
  await expect(proposed).toContainText(String(before + 1));
});
