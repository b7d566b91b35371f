import type { ColDef, IDatasource } from 'ag-grid-community';
import { AgGridReact, type AgGridReactProps } from 'ag-grid-react';
import { agGridLocale, gridTheme, isRtl } from './grid-setup';

interface PagedGridProps<T> extends Omit<AgGridReactProps<T>, 'theme' | 'rowModelType'> {
  lang: string;
  datasource: IDatasource;
  columnDefs: ColDef<T>[];
  blockSize?: number;
  rowHeight?: number;
}

/**
 * A read-only grid paged from the host (audit log, version diffs and mappings): the app's theme,
 * right to left in Hebrew, ag-grid's own strings in the UI language, columns fixed in place.
 */
export function PagedGrid<T>({ lang, blockSize = 200, rowHeight, ...rest }: PagedGridProps<T>) {
  return (
    <AgGridReact<T>
      theme={rowHeight ? gridTheme.withParams({ rowHeight }) : gridTheme}
      enableRtl={isRtl(lang)}
      localeText={agGridLocale(lang)}
      rowModelType="infinite"
      cacheBlockSize={blockSize}
      maxBlocksInCache={50}
      defaultColDef={{ sortable: false, resizable: true, suppressMovable: true }}
      {...rest}
    />
  );
}
