import fs from 'node:fs';
import { expect, test } from './fixtures/test';
import { createProfile, switchUser } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';

test('review the demo crosswalk: filter, approve by keyboard, restart, export SSSOM', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'דנה לוי', 'ES');
  const review = new ReviewPage(page);
  await review.open(/ISCO-88/);

  // The demo workspace: the ILO correspondence, all proposed.
  await expect(page.getByTestId('status-counts')).toContainText('678');

  // Filter by searching a title in English; the grid narrows to those rows.
  await review.searchFor('Legislators');
  await expect(review.rowCount).not.toContainText('678');
  const pairs = await review.pairs();
  expect(pairs.length).toBeGreaterThan(0);
  expect(pairs.length).toBeLessThan(20);
  const first = pairs[0]!;

  // Approve the focused (first) row with one key: ES alone makes it half approved.
  await review.sourceCodes().first().click();
  await page.keyboard.press('a');
  await review.expectSaved();
  await expect(page.getByTestId('count-approved')).toContainText('0');
  await expect(review.grid.locator('.ag-row[row-index="0"] .status-chip')).toHaveAttribute(
    'data-status',
    'half_approved',
  );

  // A CBS steward ("switch user") approves it too: now it is approved, by both agencies.
  await switchUser(page, 'נועה כהן', 'CBS');
  await review.open(/ISCO-88/);
  await review.searchFor('Legislators');
  await expect.poll(async () => (await review.pairs())[0]).toBe(first);
  await review.sourceCodes().first().click();
  await page.keyboard.press('a');
  await review.expectSaved();
  await expect(page.getByTestId('count-approved')).toContainText('1');
  const approvals = review.grid.locator('.ag-row[row-index="0"]').getByTestId('approvals-chip');
  await expect(approvals).toContainText('דנה לוי');
  await expect(approvals).toContainText('נועה כהן');

  // The decision survives a restart of the host (a new process, port and token).
  await app.restart();
  await review.open(/ISCO-88/);
  await page.getByTestId('filter-status-approved').click();
  await expect.poll(() => review.pairs()).toEqual([first]);

  // Export approved mappings as SSSOM and read the file the app wrote.
  await page.getByTestId('export-sssom').click();
  const pathText = page.getByTestId('export-path');
  await expect(pathText).toBeVisible();
  const file = (await pathText.getAttribute('title'))!;
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toMatch(/^# mapping_set_id: /m);
  expect(text).toMatch(/^# license: /m);
  const lines = text.split('\n').filter((l) => l && !l.startsWith('#'));
  const header = lines[0]!.split('\t');
  const rows = lines
    .slice(1)
    .map((l) => Object.fromEntries(l.split('\t').map((v, i) => [header[i], v])));
  expect(rows).toHaveLength(1);
  const [source, target] = first.split('→');
  expect(rows[0]!.subject_id).toBe(`ISCO88:${source}`);
  expect(rows[0]!.object_id).toBe(`ISCO08:${target}`);
  expect(rows[0]!.predicate_id).toMatch(/^skos:/);
  expect(rows[0]!.reviewer_id ?? rows[0]!.author_id).toBeTruthy();
});
