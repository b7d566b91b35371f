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

/** The top bar's "switch user", then a new profile (a second steward, another agency or role). */
export async function switchUser(
  page: Page,
  name: string,
  agency: 'ES' | 'CBS',
  role: 'steward' | 'lead' | 'viewer' = 'steward',
) {
  await page.getByRole('button', { name: /^(Switch user|החלפת משתמש)$/ }).click();
  await createProfile(page, name, agency, role);
}
