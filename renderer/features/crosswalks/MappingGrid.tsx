import type {
  CellClickedEvent,
  CellFocusedEvent,
  GetRowIdParams,
  GridApi,
  GridReadyEvent,
  RowClassRules,
  RowSelectionOptions,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingRow } from '../../../shared/contract';
import { agGridLocale } from '../../ui/grid/grid-setup';
import { reviewGridTheme } from './ag-grid-setup';
import { rowKey, useCrosswalks } from './crosswalk-store';
import { gridHandle } from './grid-handle';
import { mappingColumns } from './grid-columns';
import { mappingDatasource } from './grid-datasource';
import { uiLanguage } from './titles';

const rowSelection: RowSelectionOptions<MappingRow> = {
  mode: 'multiRow',
  checkboxes: true,
  headerCheckbox: false,
  enableClickSelection: false,
  isRowSelectable: (node) => node.data?.mappingId !== null && node.data?.mappingId !== undefined,
};

const rowClassRules: RowClassRules<MappingRow> = {
  'row-unmapped': (p) => p.data?.mappingId === null,
  'row-approved': (p) => p.data?.status === 'approved',
  'row-rejected': (p) => p.data?.status === 'rejected',
};

/** Follows the grid's focused cell into the store, so the detail panel and decisions see the right row. */
function syncFocused(api: GridApi<MappingRow>) {
  const cell = api.getFocusedCell();
  const row = cell ? (api.getDisplayedRowAtIndex(cell.rowIndex)?.data ?? null) : null;
  const current = useCrosswalks.getState().focused;
  if (row !== current) useCrosswalks.getState().setFocused(row);
}

export function MappingGrid({ crosswalkId }: { crosswalkId: string }) {
  const { t, i18n } = useTranslation('crosswalks');
  const lang = uiLanguage(i18n.language);
  const filter = useCrosswalks((s) => s.filter);
  const filterKey = JSON.stringify(filter);

  const columnDefs = useMemo(() => mappingColumns(t, lang), [t, lang]);
  const localeText = useMemo(
    () => ({
      ...agGridLocale(lang),
      ...(t('grid', { returnObjects: true }) as Record<string, string>),
    }),
    [t, lang],
  );

  // A new datasource resets the grid to the top: used when the outside-grid filters change.
  const datasource = useMemo(
    () =>
      mappingDatasource({
        crosswalkId,
        outerFilter: () => useCrosswalks.getState().filter,
        onRows: (total, sort) => {
          const state = useCrosswalks.getState();
          state.setTotalRows(total);
          state.setSort(sort);
          const api = gridHandle.get();
          if (!api) return;
          // Synchronously, so a key pressed right after the rows arrive already sees the right focus.
          gridHandle.keepFocusedRow();
          syncFocused(api);
          setTimeout(() => {
            if (api.isDestroyed()) return;
            gridHandle.rowsArrived(total);
            syncFocused(api);
          }, 0);
        },
        onError: (text) => useCrosswalks.getState().setSave({ kind: 'error', text }),
      }),
    // filterKey stands for the filter's content; the datasource reads the live value itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [crosswalkId, filterKey],
  );

  // Rows selected under other filters would be hidden; never act on them.
  useEffect(() => gridHandle.clearSelection(), [filterKey]);

  const onGridReady = useCallback((e: GridReadyEvent<MappingRow>) => {
    gridHandle.set(e.api);
    // Keys work right away: focus the grid as soon as it has rows (also after a language switch remounts it).
    gridHandle.focusWhenIdle();
  }, []);
  const onCellFocused = useCallback((e: CellFocusedEvent<MappingRow>) => {
    gridHandle.noteFocus();
    syncFocused(e.api);
  }, []);
  const onSelectionChanged = useCallback(() => {
    const api = gridHandle.get();
    if (api)
      useCrosswalks
        .getState()
        .setSelected(api.getSelectedRows().filter((r) => r.mappingId !== null));
  }, []);

  const anchor = useRef<number | null>(null);
  const onCellClicked = useCallback((e: CellClickedEvent<MappingRow>) => {
    const mouse = e.event as MouseEvent | undefined;
    const index = e.rowIndex;
    if (index === null || !mouse || e.column.getColId() === 'ag-Grid-SelectionColumn') {
      anchor.current = index;
      return;
    }
    if ((mouse.shiftKey || mouse.ctrlKey || mouse.metaKey) && e.data?.mappingId === null) return;
    if (mouse.shiftKey && anchor.current !== null) {
      const [from, to] = anchor.current < index ? [anchor.current, index] : [index, anchor.current];
      for (let i = from; i <= to; i++) {
        const node = e.api.getDisplayedRowAtIndex(i);
        if (node?.data?.mappingId !== null && node?.data?.mappingId !== undefined)
          node.setSelected(true);
      }
    } else if (mouse.ctrlKey || mouse.metaKey) {
      e.node.setSelected(!e.node.isSelected());
      anchor.current = index;
    } else {
      anchor.current = index;
      if (e.api.getSelectedNodes().length > 0 && !e.node.isSelected()) e.api.deselectAll();
    }
  }, []);

  return (
    <div className="mapping-grid" data-testid="mapping-grid">
      <AgGridReact<MappingRow>
        key={lang}
        theme={reviewGridTheme}
        enableRtl={lang === 'he'}
        localeText={localeText}
        rowModelType="infinite"
        datasource={datasource}
        cacheBlockSize={100}
        maxBlocksInCache={50}
        infiniteInitialRowCount={1}
        maxConcurrentDatasourceRequests={2}
        getRowId={(p: GetRowIdParams<MappingRow>) => rowKey(p.data)}
        columnDefs={columnDefs}
        defaultColDef={{
          sortable: true,
          resizable: true,
          suppressHeaderMenuButton: true,
          suppressHeaderFilterButton: true,
        }}
        rowSelection={rowSelection}
        selectionColumnDef={{ width: 40 }}
        rowClassRules={rowClassRules}
        onGridReady={onGridReady}
        onGridPreDestroyed={() => gridHandle.set(null)}
        onCellFocused={onCellFocused}
        onCellClicked={onCellClicked}
        onSelectionChanged={onSelectionChanged}
        onFilterChanged={() => gridHandle.clearSelection()}
        onModelUpdated={(e) => syncFocused(e.api)}
        tooltipShowDelay={400}
      />
    </div>
  );
}
