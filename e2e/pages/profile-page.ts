import type { Page } from '@playwright/test';

export async function createProfile(
  page: Page,
  name: string,
  agency: 'ES' | 'CBS',
  role: 'steward' | 'lead' | 'viewer' = 'steward',
) {
  await page.locator('input[name="name"]').fill(name);
  await page.locator(`input[name="agency"][value="${agency}"]`).check();
  await page.locator('select[name="role"]').selectOption(role);
  await page.locator('button[type="submit"]').click();
}
