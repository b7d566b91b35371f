import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { MappingRow } from '../../../shared/contract';
import type { Language } from '../../i18n/i18n';
import { Ltr } from '../../ui/Bidi';
import { StatusChip } from './StatusChip';
import { formatShare, pickTitle } from './titles';

type Cell = ICellRendererParams<MappingRow>;

const textFilter = {
  filter: 'agTextColumnFilter',
  floatingFilter: true,
  suppressFloatingFilterButton: true,
  filterParams: { filterOptions: ['contains'], maxNumConditions: 1, debounceMs: 300 },
} satisfies ColDef<MappingRow>;

// The host matches code filters as prefixes (01 finds 011 and 0110), so the filter says so.
const codeFilter = {
  ...textFilter,
  filterParams: { filterOptions: ['startsWith'], maxNumConditions: 1, debounceMs: 300 },
} satisfies ColDef<MappingRow>;

function CodeCell({ value, testId }: { value: string | null | undefined; testId: string }) {
  if (!value) return <span className="muted">—</span>;
  return (
    <Ltr className="code">
      <span data-testid={testId}>{value}</span>
    </Ltr>
  );
}

function TitleCell({
  lang,
  he,
  en,
}: {
  lang: Language;
  he: string | null | undefined;
  en: string | null | undefined;
}) {
  const title = pickTitle(lang, he, en);
  if (!title) return null;
  return (
    <bdi
      className="cell-title"
      lang={title.lang}
      dir={title.lang === 'he' ? 'rtl' : 'ltr'}
      title={title.text}
    >
      {title.text}
    </bdi>
  );
}

function formatWhen(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'he' ? 'he-IL' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

export function mappingColumns(t: TFunction<'crosswalks'>, lang: Language): ColDef<MappingRow>[] {
  const titleSuffix = lang === 'he' ? 'He' : 'En';
  return [
    {
      colId: 'sourceCode',
      field: 'sourceCode',
      headerName: t('col.sourceCode'),
      width: 92,
      ...codeFilter,
      cellRenderer: (p: Cell) => <CodeCell value={p.data?.sourceCode} testId="row-source-code" />,
    },
    {
      colId: `sourceTitle${titleSuffix}`,
      field: `sourceTitle${titleSuffix}`,
      headerName: t('col.sourceTitle'),
      flex: 2,
      minWidth: 150,
      ...textFilter,
      cellRenderer: (p: Cell) => (
        <TitleCell lang={lang} he={p.data?.sourceTitleHe} en={p.data?.sourceTitleEn} />
      ),
    },
    {
      colId: 'relation',
      field: 'relation',
      headerName: t('col.relation'),
      width: 84,
      cellRenderer: (p: Cell) =>
        p.data?.relation ? (
          <span className={`relation ${p.data.relation}`}>{t(`relation.${p.data.relation}`)}</span>
        ) : null,
    },
    {
      colId: 'targetCode',
      field: 'targetCode',
      headerName: t('col.targetCode'),
      width: 92,
      ...codeFilter,
      cellRenderer: (p: Cell) => <CodeCell value={p.data?.targetCode} testId="row-target-code" />,
    },
    {
      colId: `targetTitle${titleSuffix}`,
      field: `targetTitle${titleSuffix}`,
      headerName: t('col.targetTitle'),
      flex: 2,
      minWidth: 150,
      ...textFilter,
      cellRenderer: (p: Cell) => (
        <TitleCell lang={lang} he={p.data?.targetTitleHe} en={p.data?.targetTitleEn} />
      ),
    },
    {
      colId: 'share',
      field: 'share',
      headerName: t('col.share'),
      width: 62,
      cellClass: 'num-cell',
      cellRenderer: (p: Cell) =>
        p.data?.share !== null && p.data?.share !== undefined ? (
          <Ltr>{formatShare(p.data.share)}</Ltr>
        ) : null,
    },
    {
      colId: 'status',
      field: 'status',
      headerName: t('col.status'),
      width: 118,
      cellRenderer: (p: Cell) => (p.data ? <StatusChip status={p.data.status} /> : null),
    },
    {
      colId: 'updatedBy',
      field: 'updatedBy',
      headerName: t('col.updatedBy'),
      width: 112,
      ...textFilter,
      cellRenderer: (p: Cell) =>
        p.data?.updatedBy ? (
          <span>
            <bdi>{p.data.updatedBy}</bdi>
            {p.data.updatedByAgency && (
              <span className="muted"> · {t(`agencyShort.${p.data.updatedByAgency}`)}</span>
            )}
          </span>
        ) : null,
    },
    {
      colId: 'updatedAt',
      field: 'updatedAt',
      headerName: t('col.updatedAt'),
      width: 104,
      cellRenderer: (p: Cell) =>
        p.data?.updatedAt ? (
          <Ltr className="muted">{formatWhen(p.data.updatedAt, lang)}</Ltr>
        ) : null,
    },
  ];
}
