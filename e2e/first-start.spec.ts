import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';

test('first start asks who the steward is, in Hebrew and right to left, and remembers it', async ({
  app,
}) => {
  const { page } = app;
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'ברוכים הבאים לגשר' })).toBeVisible();
  await createProfile(page, 'דנה לוי', 'ES');
  await expect(page.getByTestId('steward-badge')).toContainText('דנה לוי');
  await expect(page.getByTestId('steward-badge')).toContainText('שירות התעסוקה');

  await app.restart();
  await expect(page.getByTestId('steward-badge')).toContainText('דנה לוי');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByTestId('steward-badge')).toContainText('Employment Service');
});
