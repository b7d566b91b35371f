import { expect, type Locator, type Page } from '@playwright/test';

/** The Versions dialog of the crosswalk screen. */
export class VersionsPage {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('versions-dialog');
  }

  async open() {
    await this.page.getByTestId('open-versions').click();
    await expect(this.dialog).toBeVisible();
  }

  async close() {
    await this.dialog.getByTestId('versions-close').click();
    await expect(this.dialog).toBeHidden();
  }

  card(number: number): Locator {
    return this.dialog.locator(`[data-testid="version-card"][data-number="${number}"]`);
  }

  async freeze(note: string, valid: { from?: string; to?: string } = {}) {
    await this.dialog.getByTestId('versions-tab-list').click();
    await this.dialog.locator('input[name="note"]').fill(note);
    await this.dialog.locator('input[name="validFrom"]').fill(valid.from ?? '');
    await this.dialog.locator('input[name="validTo"]').fill(valid.to ?? '');
    const before = await this.dialog.getByTestId('version-card').count();
    await this.dialog.getByTestId('version-freeze').click();
    await expect(this.dialog.getByTestId('version-card')).toHaveCount(before + 1);
  }

  async compare(from: string, to: string) {
    await this.dialog.getByTestId('versions-tab-diff').click();
    await this.dialog.getByTestId('diff-from').selectOption(from);
    await this.dialog.getByTestId('diff-to').selectOption(to);
  }

  /** Exports a version from its card's Export menu; returns the path the card shows. */
  async exportVersion(number: number, format: 'csv' | 'xlsx' | 'json' | 'sssom' | 'parquet') {
    const card = this.card(number);
    await card.getByTestId('version-export').click();
    await card.getByTestId(`version-export-${format}`).click();
    const saved = card.getByTestId('version-export-path');
    await expect(saved).toBeVisible();
    return (await saved.getAttribute('title'))!;
  }

  /** The Mappings tab on one frozen version. */
  async showMappings(number: number) {
    await this.dialog.getByTestId('versions-tab-mappings').click();
    await this.dialog.getByTestId('version-mappings-number').selectOption(String(number));
  }

  /** The mappings grid's row of one source → target pair. */
  mappingRow(sourceCode: string, targetCode: string): Locator {
    return this.dialog
      .locator('[data-testid="version-mappings-grid"] .ag-row')
      .filter({ has: this.page.locator(`[col-id="sourceCode"]`, { hasText: sourceCode }) })
      .filter({ has: this.page.locator(`[col-id="targetCode"]`, { hasText: targetCode }) });
  }

  diffRows(): Locator {
    return this.dialog.locator('[data-testid="diff-grid"] .ag-row:has([data-testid="diff-kind"])');
  }
}
