import { expect, test } from './fixtures/test';
import { createProfile, switchUser } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';

test('the audit log names a decision in Hebrew: translated status, the mapping codes, ISO date filters', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'נועה כהן', 'CBS');
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);
  const [first] = await review.pairs();
  const [source, target] = first!.split('→');
  await review.sourceCodes().first().click();
  await page.keyboard.press('a');
  await review.expectSaved();

  // CBS alone: its own decision is what changed (the mapping is half approved).
  await page.getByRole('button', { name: 'יומן ביקורת' }).click();
  const row = page.getByTestId('audit-grid').locator('.ag-row').first();
  await expect(row.getByTestId('audit-diff')).toHaveText('החלטת למ"ס: אישר');

  // ES approves too: the status changes, named in Hebrew.
  await switchUser(page, 'דנה לוי', 'ES');
  await page.getByRole('button', { name: 'טבלאות מעבר' }).click();
  await review.open(/ISCO-88/);
  await review.sourceCodes().first().click();
  await page.keyboard.press('a');
  await review.expectSaved();
  await page.getByRole('button', { name: 'יומן ביקורת' }).click();
  await expect(row.getByTestId('audit-diff')).toContainText('מצב: מוצע ← מאושר');
  await expect(row.getByTestId('audit-diff')).toContainText('החלטת שה"ת: אישר');
  await expect(row.getByTestId('audit-mapping-codes')).toContainText(source!);
  await expect(row.getByTestId('audit-mapping-codes')).toContainText(target!);

  // Dates are typed as YYYY-MM-DD whatever the OS locale; a day in the future finds nothing.
  const from = page.getByTestId('audit-filter-from');
  await expect(from).toHaveAttribute('placeholder', 'YYYY-MM-DD');
  await from.fill('2999-01-01');
  await expect(page.getByTestId('audit-grid').locator('.ag-row')).toHaveCount(0);
  await from.fill('');
  await expect(page.getByTestId('audit-grid').locator('.ag-row').first()).toBeVisible();
});
