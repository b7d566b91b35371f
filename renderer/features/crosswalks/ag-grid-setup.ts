import {
  ModuleRegistry,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  TextFilterModule,
  ValidationModule,
} from 'ag-grid-community';
import { gridTheme } from '../../ui/grid/grid-setup';

// The shared setup registers the row models, locale, tooltips and styling; the review grid also
// needs column text filters, row selection, and the row/scroll APIs for keyboard navigation.
ModuleRegistry.registerModules([
  TextFilterModule,
  RowSelectionModule,
  RowApiModule,
  ScrollApiModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);

export const reviewGridTheme = gridTheme.withParams({
  selectedRowBackgroundColor: '#dbe7fb',
  spacing: 6,
  rowHeight: 44,
});
