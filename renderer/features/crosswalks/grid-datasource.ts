import type { IDatasource, IGetRowsParams, SortModelItem } from 'ag-grid-community';
import type { MappingFilter, MappingRow, SortSpec } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';

/** Grid column ids that carry a text filter, and the MappingFilter field each one feeds. */
const TEXT_FILTER_FIELDS: Record<
  string,
  'sourceCode' | 'targetCode' | 'sourceTitle' | 'targetTitle' | 'updatedBy'
> = {
  sourceCode: 'sourceCode',
  targetCode: 'targetCode',
  sourceTitleHe: 'sourceTitle',
  sourceTitleEn: 'sourceTitle',
  targetTitleHe: 'targetTitle',
  targetTitleEn: 'targetTitle',
  updatedBy: 'updatedBy',
  updatedAt: 'updatedBy',
};

interface TextFilterModel {
  filterType?: string;
  filter?: string | null;
}

export function columnFilters(filterModel: unknown): MappingFilter {
  const out: MappingFilter = {};
  if (!filterModel || typeof filterModel !== 'object') return out;
  for (const [colId, model] of Object.entries(filterModel as Record<string, TextFilterModel>)) {
    const field = TEXT_FILTER_FIELDS[colId];
    const text = model?.filter?.trim();
    if (field && text) out[field] = text;
  }
  return out;
}

export function sortSpec(sortModel: SortModelItem[]): SortSpec {
  return sortModel.slice(0, 4).map((s) => ({ colId: s.colId, dir: s.sort }));
}

export interface DatasourceHooks {
  crosswalkId: string;
  /** Read at fetch time so a block request always uses the current outside-grid filters. */
  outerFilter(): MappingFilter;
  onRows(total: number, sort: SortSpec): void;
  onError(text: string): void;
}

/** Pages rows from the database through the contract; the renderer never holds the whole table. */
export function mappingDatasource(hooks: DatasourceHooks): IDatasource {
  return {
    getRows(params: IGetRowsParams<MappingRow>) {
      const sort = sortSpec(params.sortModel);
      const filter = { ...hooks.outerFilter(), ...columnFilters(params.filterModel) };
      rpc
        .call('crosswalks.rows', {
          crosswalkId: hooks.crosswalkId,
          offset: params.startRow,
          limit: Math.min(1000, params.endRow - params.startRow),
          sort,
          filter,
        })
        .then(
          ({ rows, total }) => {
            params.successCallback(rows, total);
            hooks.onRows(total, sort);
          },
          (error: unknown) => {
            params.failCallback();
            hooks.onError(errorText(error));
          },
        );
    },
  };
}
