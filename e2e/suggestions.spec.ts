import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';

test('accept a suggestion with one key: S shows the unmapped source codes, 1 proposes the top target', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'דנה לוי', 'ES');
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);

  // S first shows the unmapped-sources check; the ISCO-88 code 3139 is unmapped in the demo.
  const unmappedCount = page.getByTestId('check-count-unmapped_sources');
  await expect(unmappedCount).not.toHaveText('…');
  const before = Number((await unmappedCount.textContent())?.replace(/\D/g, ''));
  expect(before).toBeGreaterThan(0);
  await review.sourceCodes().first().click();
  await page.keyboard.press('s');
  await expect(page.getByTestId('check-unmapped_sources')).toHaveAttribute('aria-pressed', 'true');
  await expect(review.targetCodes()).toHaveCount(0);
  await review
    .sourceCodes()
    .filter({ hasText: /^3139$/ })
    .click();

  const panel = page.getByTestId('detail-panel');
  const suggestions = panel.getByTestId('suggestion');
  await expect(suggestions).toHaveCount(5);
  await expect(panel.getByTestId('suggestions')).toContainText('3139');
  await expect(suggestions.first().locator('.reason-chip').first()).toBeVisible();
  await expect(panel.getByTestId('suggestions')).toContainText('שם');
  const top = (await suggestions.first().locator('.code').first().textContent())!.trim();
  expect(top).toMatch(/^\d{4}$/);
  await page.screenshot({ path: test.info().outputPath('suggestions-he.png'), fullPage: true });

  // Typing a digit in the search box does not accept anything.
  await review.search.focus();
  await page.keyboard.press('1');
  await expect(review.search).toHaveValue('1');
  await review.search.fill('');
  await page.keyboard.press('Enter');
  await review
    .sourceCodes()
    .filter({ hasText: /^3139$/ })
    .click();
  await expect(suggestions).toHaveCount(5);
  await expect(unmappedCount).toHaveText(String(before));

  // 1 accepts the top suggestion: saved, and 3139 leaves the unmapped list.
  await page.keyboard.press('1');
  await review.expectSaved();
  await expect(unmappedCount).toHaveText(String(before - 1));
  await expect(review.sourceCodes().filter({ hasText: /^3139$/ })).toHaveCount(0);

  // The grid shows the new proposed mapping; the detail panel says it is a lexical suggestion.
  await page.getByTestId('check-unmapped_sources').click();
  await expect(review.targetCodes().first()).toBeVisible();
  await review.search.fill('3139');
  await review.search.press('Enter');
  await expect.poll(() => review.pairs()).toContain(`3139→${top}`);
  await review
    .sourceCodes()
    .filter({ hasText: /^3139$/ })
    .first()
    .click();
  await expect(panel).toContainText('הצעה לפי שם');
  await expect(panel).toContainText('מוצע');

  await page.getByRole('button', { name: 'English' }).click();
  await review
    .sourceCodes()
    .filter({ hasText: /^3139$/ })
    .first()
    .click();
  await expect(panel).toContainText('Lexical suggestion');
  await expect(panel.getByTestId('suggestions')).toContainText('Suggestions for');
  await expect(page.getByTestId('key-legend')).toContainText('accept suggestion');
  await page.screenshot({ path: test.info().outputPath('suggestions-en.png'), fullPage: true });
});
