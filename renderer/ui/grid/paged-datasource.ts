import type { IDatasource } from 'ag-grid-community';

/** The most rows one contract call returns (the contract's Page limit). */
const PAGE_LIMIT = 1000;

/**
 * An infinite-row-model datasource over a paged contract call: the grid asks for a block, the host
 * sends that block and the total. `onPage` hears every page (for totals shown beside the grid),
 * or null and the error when a page fails.
 */
export function pagedDatasource<P extends { rows: R[]; total: number }, R = P['rows'][number]>(
  fetchPage: (offset: number, limit: number) => Promise<P>,
  onPage: (page: P | null, error?: unknown) => void,
): IDatasource {
  return {
    getRows({ startRow, endRow, successCallback, failCallback }) {
      fetchPage(startRow, Math.min(PAGE_LIMIT, endRow - startRow)).then(
        (page) => {
          onPage(page);
          successCallback(page.rows, page.total);
        },
        (error: unknown) => {
          onPage(null, error);
          failCallback();
        },
      );
    },
  };
}
