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
  await expect(problems.nth(1)).toContainText('0110');
  await page.getByRole('button', { name: 'Audit log' }).click();
  // only the profile was recorded: the failed import left no trace in the workspace
  await expect(page.getByTestId('audit-count')).toHaveText('1 entry');
  await expect(page.getByTestId('audit-grid').locator('.ag-row').first()).toContainText(
    'Profile created',
  );
});
