import { expect, type Locator, type Page } from '@playwright/test';

/** The crosswalk review screen, as a steward sees it. */
export class ReviewPage {
  readonly grid: Locator;
  readonly search: Locator;
  readonly saveStatus: Locator;
  readonly rowCount: Locator;

  constructor(readonly page: Page) {
    this.grid = page.getByTestId('mapping-grid');
    this.search = page.getByTestId('search-box');
    this.saveStatus = page.getByTestId('save-status');
    this.rowCount = page.getByTestId('row-count');
  }

  async open(crosswalkName: RegExp) {
    await expect(this.grid).toBeVisible();
    const picker = this.page.getByTestId('crosswalk-picker');
    const value = await picker
      .locator('option', { hasText: crosswalkName })
      .first()
      .getAttribute('value');
    await picker.selectOption(value!);
    await expect(this.sourceCodes().first()).toBeVisible();
    // The picker keeps the focus after a choice, and review keys never fire in a form field:
    // a steward's next step is the grid, so the test starts there too.
    await this.sourceCodes().first().click();
  }

  sourceCodes(): Locator {
    return this.grid.locator('[data-testid="row-source-code"]');
  }

  targetCodes(): Locator {
    return this.grid.locator('[data-testid="row-target-code"]');
  }

  /**
   * The grid rows' (source → target) pairs in display order, read in one pass in the page so a
   * grid refresh in the middle cannot leave the reader waiting on a row that is gone.
   */
  async pairs(): Promise<string[]> {
    return this.grid.evaluate((grid) => {
      const text = (row: Element, id: string) =>
        row.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
      return [...grid.querySelectorAll('.ag-row')]
        .filter((row) => row.querySelector('[data-testid="row-source-code"]'))
        .map((row) => ({
          top: row.getBoundingClientRect().top,
          pair: `${text(row, 'row-source-code')}→${text(row, 'row-target-code')}`,
        }))
        .sort((x, y) => x.top - y.top)
        .map((r) => r.pair);
    });
  }

  async searchFor(text: string) {
    await this.page.keyboard.press('/');
    await expect(this.search).toBeFocused();
    await this.search.fill(text);
    await this.page.keyboard.press('Enter');
  }

  async expectSaved() {
    await expect(this.saveStatus).toHaveAttribute('data-state', 'saved');
  }
}
