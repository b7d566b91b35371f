import {
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnAutoSizeModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  RowStyleModule,
  TooltipModule,
  themeQuartz,
} from 'ag-grid-community';
import i18n from '../../i18n/i18n';

// Registered once for every grid in the app. A feature needing more (filters, selection) registers those itself;
// registerModules is additive.
ModuleRegistry.registerModules([
  ClientSideRowModelModule,
  InfiniteRowModelModule,
  LocaleModule,
  TooltipModule,
  CellStyleModule,
  RowStyleModule,
  ColumnAutoSizeModule,
]);

/** The app's grid theme (Theming API); colours follow renderer/ui/styles.css. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  fontSize: 13,
  accentColor: '#1f5fbf',
  headerBackgroundColor: '#eef1f6',
  headerFontWeight: 600,
  borderColor: '#d9dde5',
  rowHeight: 32,
  headerHeight: 36,
});

/** ag-grid's own strings (overlays, filters, paging) in the UI language, from locales/<lang>/grid.json. */
export function agGridLocale(lang: string): Record<string, string> {
  const bundle = i18n.getResourceBundle(lang, 'grid') as Record<string, string> | undefined;
  return bundle ?? {};
}

/** Hebrew grids run right to left. */
export const isRtl = (lang: string): boolean => lang === 'he';
