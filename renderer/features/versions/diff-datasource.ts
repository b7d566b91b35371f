import type { IDatasource } from 'ag-grid-community';
import type { DiffRow, Result, VersionRef } from '../../../shared/contract';
import { rpc } from '../../app/rpc';

export type DiffTotals = Result<'versions.diff'>['totals'];

/** Pages of a diff from the host; the totals come with every page. */
export function diffDatasource(
  crosswalkId: string,
  from: VersionRef,
  to: VersionRef,
  onTotals: (totals: DiffTotals | null, error?: unknown) => void,
): IDatasource {
  return {
    getRows({ startRow, endRow, successCallback, failCallback }) {
      rpc
        .call('versions.diff', {
          crosswalkId,
          from,
          to,
          offset: startRow,
          limit: Math.min(1000, endRow - startRow),
        })
        .then(
          ({ rows, total, totals }: { rows: DiffRow[]; total: number; totals: DiffTotals }) => {
            onTotals(totals);
            successCallback(rows, total);
          },
          (error: unknown) => {
            onTotals(null, error);
            failCallback();
          },
        );
    },
  };
}
