import type { IDatasource } from 'ag-grid-community';
import type { AuditEntry, AuditFilter } from '../../../shared/contract';
import { rpc } from '../../app/rpc';

/** Pages of the audit log straight from the host, newest first; the renderer never holds the whole log. */
export function auditDatasource(
  filter: AuditFilter,
  onTotal: (total: number | null, hidden: number) => void,
): IDatasource {
  return {
    getRows({ startRow, endRow, successCallback, failCallback }) {
      rpc
        .call('audit.list', { offset: startRow, limit: Math.min(1000, endRow - startRow), filter })
        .then(
          ({ rows, total, hidden }: { rows: AuditEntry[]; total: number; hidden: number }) => {
            onTotal(total, hidden);
            successCallback(rows, total);
          },
          () => {
            onTotal(null, 0);
            failCallback();
          },
        );
    },
  };
}
