import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';
import { CHECK_KINDS } from '../shared/contract';

test('the checks bar shows its counts after Audit → Crosswalks and a language switch, never a bare tick', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'נועה כהן', 'CBS');
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);
  const expectCounts = async () => {
    for (const kind of CHECK_KINDS)
      await expect(page.getByTestId(`check-count-${kind}`)).toHaveText(/^[\d,]+$/);
  };
  await expectCounts();
  for (let round = 0; round < 3; round++) {
    await page.getByRole('button', { name: /יומן ביקורת|Audit/ }).click();
    await expect(page.getByTestId('audit-grid')).toBeVisible();
    await page.getByRole('button', { name: /טבלאות מעבר|Crosswalks/ }).click();
    await expectCounts();
  }
  await page.locator('.lang-toggle').click();
  await expectCounts();
  await page.locator('.lang-toggle').click();
  await expectCounts();
});
