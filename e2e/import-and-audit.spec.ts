import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { createProfile } from './pages/profile-page';

/** Windows-1255 bytes for ASCII and Hebrew letters (א–ת are 0xE0–0xFA), as Excel saves a Hebrew CSV. */
function windows1255(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x05d0 && c <= 0x05ea) return c - 0x05d0 + 0xe0;
      throw new Error(`no Windows-1255 byte for ${ch}`);
    }),
  );
}

const HEBREW_CSV = [
  'קוד,כותרת,הורה',
  '01,חקלאות ייעור ודיג,',
  '0110,גידולים חקלאיים,01',
  '0111,"גידול דגנים, קטניות וזרעי שמן",0110',
  '0112,גידול אורז,0110',
].join('\r\n');

/**
 * As a CBS lead, in Hebrew: stages a CSV as a crosswalk within the demo's ISCO-08 (codes 0110,
 * 0210, 0310; a crosswalk's codes must be in its schemes), commits it, and waits for the refusal.
 */
async function refusedCrosswalkImport(
  page: Page,
  file: { name: string; csv: string },
  before?: () => Promise<void>,
) {
  await createProfile(page, 'רונית אברהם', 'CBS', 'lead');
  await page.getByRole('button', { name: 'ייבוא' }).click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: file.name,
    mimeType: 'text/csv',
    buffer: Buffer.from(file.csv),
  });
  await expect(page.getByTestId('import-preview-table')).toBeVisible();
  await page.getByTestId('import-kind-crosswalk').check();
  await before?.();
  await page.getByTestId('import-source-scheme').selectOption('isco08');
  await page.getByTestId('import-target-scheme').selectOption('isco08');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-error')).toBeVisible();
}

test('a Windows-1255 Hebrew CSV with leading-zero codes imports as it reads, and the audit log shows it', async ({
  app,
}) => {
  const { page } = app;
  await createProfile(page, 'רונית אברהם', 'CBS', 'lead');
  await page.getByRole('button', { name: 'ייבוא' }).click();

  await page.getByTestId('import-file-input').setInputFiles({
    name: 'ענפים.csv',
    mimeType: 'text/csv',
    buffer: windows1255(HEBREW_CSV),
  });
  const table = page.getByTestId('import-preview-table');
  await expect(table).toBeVisible();
  await expect(page.getByTestId('import-encoding')).toHaveValue('windows-1255');
  await expect(page.getByTestId('import-delimiter')).toHaveValue(',');
  await expect(table.locator('tbody tr').nth(1)).toContainText('0110');
  await expect(table.locator('tbody tr').nth(2)).toContainText('גידול דגנים, קטניות וזרעי שמן');
  await expect(page.getByTestId('import-field-code')).toHaveValue('קוד');
  // the code column reads left to right and exactly as decoded
  const codeCell = table.locator('tbody tr').first().locator('td.code').first();
  await expect(codeCell).toHaveText('01');
  await expect(codeCell).toHaveAttribute('dir', 'ltr');

  await page.getByTestId('import-scheme-version').fill('2026');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  await expect(page.getByTestId('import-result-rows')).toHaveText('4');

  await page.getByRole('button', { name: 'יומן ביקורת' }).click();
  const grid = page.getByTestId('audit-grid');
  await expect(grid.locator('.ag-row').first()).toContainText('ייבוא רשימת קודים');
  await expect(grid.locator('.ag-row').first()).toContainText('רונית אברהם');
  await page.getByTestId('audit-filter-action').selectOption('import.scheme');
  await expect(page.getByTestId('audit-count')).toHaveText('רשומה אחת');

  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export-csv').click();
  const file = await download;
  const text = await (await file.createReadStream()).toArray();
  const csv = Buffer.concat(text).toString('utf8');
  expect(csv).toContain('import.scheme');
  expect(csv).toContain('ענפים.csv');
  expect(csv).not.toContain('profile.create');
  await expect(page.getByTestId('audit-export-path')).toContainText('.csv');
});

test('an import with bad rows lists every problem and changes nothing', async ({ app }) => {
  const { page } = app;
  await createProfile(page, 'Dana Levi', 'ES', 'lead');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('code,title\n0110,A\n,missing\n0110,again\n'),
  });
  await expect(page.getByTestId('import-preview-table')).toBeVisible();
  await page.getByTestId('import-scheme-version').fill('1');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-error')).toBeVisible();
  await expect(page.getByTestId('import-nothing-changed')).toHaveText(
    'Nothing was changed in the workspace.',
  );
  const problems = page.getByTestId('import-problem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('row 3');
  await expect(problems.nth(0).getByTestId('import-problem-what')).toHaveText('expected: a code');
  await expect(problems.nth(1).getByTestId('import-problem-value')).toHaveText('value 0110');
  // labelled fields, not run together: "file broken.csv · row 4 · column code · value 0110"
  await expect(problems.nth(1)).toContainText('file broken.csv · row 4 · column code · value 0110');
  await expect(problems.nth(1).getByTestId('import-problem-what')).toHaveText(
    // the row number is isolated (U+2066 … U+2069) so it keeps its place in either direction
    'expected: a code not used before (it is already in row \u20662\u2069)',
  );
  await page.screenshot({ path: test.info().outputPath('import-errors-en.png'), fullPage: true });
  await page.getByRole('button', { name: 'Audit log' }).click();
  // only the profile was recorded: the failed import left no trace in the workspace
  await expect(page.getByTestId('audit-count')).toHaveText('1 entry');
  await expect(page.getByTestId('audit-grid').locator('.ag-row').first()).toContainText(
    'Profile created',
  );
});

test('in Hebrew, the bad-import problems are worded in Hebrew with the codes left to right', async ({
  app,
}) => {
  const { page } = app;
  await refusedCrosswalkImport(
    page,
    { name: 'shares.csv', csv: 'source,target,share\n0110,0110,1.5\n0210,0110,0.5\n0310,,abc\n' },
    () =>
      page
        .getByTestId('import-field-share')
        .selectOption('share')
        .then(() => undefined),
  );
  await expect(page.getByTestId('import-nothing-changed')).toHaveText(
    'דבר לא השתנה בסביבת העבודה.',
  );
  const problems = page.getByTestId('import-problem');
  await expect(problems).toHaveCount(3);
  await expect(problems.nth(0)).toContainText('קובץ shares.csv · שורה 2 · עמודה share · ערך 1.5');
  await expect(problems.nth(0).getByTestId('import-problem-what')).toHaveText(
    'צפוי: חלק: מספר בין 0 ל־1',
  );
  await expect(problems.nth(1).getByTestId('import-problem-value')).toHaveText('ערך (תא ריק)');
  await expect(problems.nth(1).getByTestId('import-problem-what')).toHaveText('צפוי: קוד');
  // the file name and the cell's code are isolated left to right inside the Hebrew line
  await expect(problems.nth(0).getByTestId('import-problem-file').locator('bdi')).toHaveAttribute(
    'dir',
    'ltr',
  );
  await expect(problems.nth(0).getByTestId('import-problem-value').locator('bdi')).toHaveAttribute(
    'dir',
    'ltr',
  );
  await expect(page.getByTestId('import-error')).not.toContainText('expected');
  await page.screenshot({ path: test.info().outputPath('import-errors-he.png'), fullPage: true });
});

test('a preview in the wrong encoding explains itself in Hebrew', async ({ app }) => {
  const { page } = app;
  await createProfile(page, 'רונית אברהם', 'CBS', 'lead');
  await page.getByRole('button', { name: 'ייבוא' }).click();
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'ענפים.csv',
    mimeType: 'text/csv',
    buffer: windows1255(HEBREW_CSV),
  });
  await expect(page.getByTestId('import-encoding')).toHaveValue('windows-1255');
  await page.getByTestId('import-encoding').selectOption('utf-8');
  const error = page.getByTestId('import-preview-error');
  await expect(error).toContainText('הקובץ אינו בקידוד UTF-8 תקין; יש לבחור קידוד אחר');
  await expect(error).toContainText('ענפים.csv');
  await expect(error).not.toContainText('not valid');
});

test('a crosswalk code its scheme lacks is refused in Hebrew, with the code that was probably meant', async ({
  app,
}) => {
  const { page } = app;
  await refusedCrosswalkImport(page, {
    name: 'excel.csv',
    csv: 'source,target\n0110,0110\n110,0110\n',
  });
  const problems = page.getByTestId('import-problem');
  await expect(problems).toHaveCount(1);
  await expect(problems.nth(0)).toContainText('קובץ excel.csv · שורה 3 · עמודה source · ערך 110');
  const what = problems.nth(0).getByTestId('import-problem-what');
  await expect(what).toContainText('צפוי: קוד מרשימת הקודים של המקור');
  await expect(what).toContainText(
    '(גרסה \u2068ISCO-08\u2069), האם התכוונת ל־\u2066\u20680110\u2069\u2069?',
  );
  await expect(page.getByTestId('import-error')).not.toContainText('expected');
});
