import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';
import { ReviewPage } from './pages/review-page';

const SHOTS = process.env.GESHER_SHOTS;

test('discussion: mark two mappings with D, comment, walk the session by keyboard, approve one', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'נועה ברק', 'CBS');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const review = new ReviewPage(page);
  await review.open(/ISIC/);

  // The first two rows go to discussion with D (focus moves down after each).
  const [first, second] = await review.pairs();
  await review.sourceCodes().first().click();
  await page.keyboard.press('d');
  await page.keyboard.press('d');
  await review.expectSaved();
  await expect(page.getByTestId('count-needs_discussion')).toContainText('2');

  // A plain comment on the first from the detail panel's thread (Ctrl+Enter sends)…
  await review.sourceCodes().first().click();
  const thread = page.getByTestId('detail-panel').getByTestId('mapping-thread');
  await expect(thread.getByTestId('thread-entry')).toHaveCount(1); // the mark itself
  await thread.getByTestId('thread-input').fill('צריך לבדוק את ההערה בסיווג הישן');
  await page.keyboard.press('Control+Enter');
  await expect(thread.getByTestId('thread-entry')).toHaveCount(2);
  await expect(thread.getByTestId('thread-entry').last()).toContainText(
    'צריך לבדוק את ההערה בסיווג הישן',
  );
  await expect(thread.getByTestId('thread-input')).toHaveValue('');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/thread-he.png`, fullPage: true });

  // …and a decision comment on the second through the C dialog.
  await page.keyboard.press('Escape');
  await review.sourceCodes().nth(1).click();
  await page.keyboard.press('c');
  await page.getByTestId('dialog-comment').fill('Ask CBS about the 2008 split');
  await page.getByTestId('comment-save').click();
  await review.expectSaved();
  await expect(thread.getByTestId('thread-entry').last()).toContainText(
    'Ask CBS about the 2008 split',
  );

  // The session walks the queue in the order the mappings were marked.
  await page.getByTestId('discussion-open').click();
  const session = page.getByTestId('discussion-session');
  const counter = page.getByTestId('discussion-counter');
  const item = page.getByTestId('discussion-item');
  const sessionThread = session.getByTestId('mapping-thread');
  await expect(counter).toHaveText('1 מתוך 2');
  await expect(item).toContainText(first!.split('→')[0]!);
  await expect(sessionThread).toContainText('צריך לבדוק את ההערה בסיווג הישן');
  await expect(session.getByTestId('discussion-keys')).toContainText('Ctrl+Enter');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/discussion-he.png`, fullPage: true });

  await page.keyboard.press('j');
  await expect(counter).toHaveText('2 מתוך 2');
  await expect(item).toContainText(second!.split('→')[0]!);
  await expect(sessionThread).toContainText('Ask CBS about the 2008 split');
  await page.keyboard.press('ArrowUp');
  await expect(counter).toHaveText('1 מתוך 2');
  await page.keyboard.press('ArrowDown');
  await expect(counter).toHaveText('2 מתוך 2');

  // C writes a comment in the session; Ctrl+Enter sends it, Esc leaves the box.
  await page.keyboard.press('c');
  await expect(sessionThread.getByTestId('thread-input')).toBeFocused();
  await page.keyboard.type('הוחלט: מאשרים');
  await page.keyboard.press('Control+Enter');
  await expect(sessionThread.getByTestId('thread-entry').last()).toContainText('הוחלט: מאשרים');
  await page.keyboard.press('Escape');
  await expect(session).toBeVisible();

  // A approves the second: it leaves the queue and the first is shown.
  await page.keyboard.press('a');
  await expect(counter).toHaveText('1 מתוך 1');
  await expect(item).toContainText(first!.split('→')[0]!);
  await expect(session.getByText('נשמר')).toBeVisible();

  // In English the same session reads left to right.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(counter).toHaveText('1 of 1');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/discussion-en.png`, fullPage: true });

  // Esc leaves; the review screen counts one left for discussion and one more approved.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('crosswalk-screen')).toBeVisible();
  await expect(page.getByTestId('count-needs_discussion')).toContainText('1');
  await review.sourceCodes().nth(1).click();
  await expect(thread.getByTestId('thread-entry')).toHaveCount(3);
  await expect(thread).toContainText('הוחלט: מאשרים');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/thread-en.png`, fullPage: true });
});
