import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { MappingRow } from '../../../shared/contract';
import type { Language } from '../../i18n/i18n';
import { reviewState } from '../../../shared/domain/crosswalk/approval';
import { Ltr } from '../../ui/Bidi';
import { ApprovalsChip } from '../approval/ApprovalsChip';
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
  // The wrapper is the cell's flex item: a line-clamped box directly in a flex container is
  // blockified and loses its ellipsis.
  return (
    <div className="cell-title-wrap" title={title.text}>
      <div className="cell-title" lang={title.lang} dir={title.lang === 'he' ? 'rtl' : 'ltr'}>
        {title.text}
      </div>
    </div>
  );
}

function formatWhen(iso: string, lang: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const locale = lang === 'he' ? 'he-IL' : 'en-GB';
  return d.toLocaleString(locale, {
    day: '2-digit',
    month: '2-digit',
    year: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

function LastChanged({
  row,
  t,
  lang,
}: {
  row: MappingRow;
  t: TFunction<'crosswalks'>;
  lang: Language;
}) {
  return (
    <span className="last-changed">
      {row.updatedBy && (
        <span className="who">
          <bdi>{row.updatedBy}</bdi>
          {row.updatedByAgency && (
            <span className="muted"> · {t(`agencyShort.${row.updatedByAgency}`)}</span>
          )}
        </span>
      )}
      {row.updatedAt && <Ltr className="when muted">{formatWhen(row.updatedAt, lang)}</Ltr>}
    </span>
  );
}

export function mappingColumns(t: TFunction<'crosswalks'>, lang: Language): ColDef<MappingRow>[] {
  const titleSuffix = lang === 'he' ? 'He' : 'En';
  const tApproval = (key: string) => t(`approval:${key}`);
  return [
    {
      colId: 'sourceCode',
      field: 'sourceCode',
      headerName: t('col.sourceCodeShort'),
      headerTooltip: t('col.sourceCode'),
      width: 104,
      ...codeFilter,
      cellRenderer: (p: Cell) => <CodeCell value={p.data?.sourceCode} testId="row-source-code" />,
    },
    {
      colId: `sourceTitle${titleSuffix}`,
      field: `sourceTitle${titleSuffix}`,
      headerName: t('col.sourceTitle'),
      flex: 2,
      minWidth: 140,
      ...textFilter,
      cellRenderer: (p: Cell) => (
        <TitleCell lang={lang} he={p.data?.sourceTitleHe} en={p.data?.sourceTitleEn} />
      ),
    },
    {
      colId: 'relation',
      field: 'relation',
      headerName: t('col.relation'),
      width: 92,
      cellRenderer: (p: Cell) =>
        p.data?.relation ? (
          <span className={`relation ${p.data.relation}`}>{t(`relation.${p.data.relation}`)}</span>
        ) : null,
    },
    {
      colId: 'targetCode',
      field: 'targetCode',
      headerName: t('col.targetCodeShort'),
      headerTooltip: t('col.targetCode'),
      width: 100,
      ...codeFilter,
      cellRenderer: (p: Cell) => <CodeCell value={p.data?.targetCode} testId="row-target-code" />,
    },
    {
      colId: `targetTitle${titleSuffix}`,
      field: `targetTitle${titleSuffix}`,
      headerName: t('col.targetTitle'),
      flex: 2,
      minWidth: 140,
      ...textFilter,
      cellRenderer: (p: Cell) => (
        <TitleCell lang={lang} he={p.data?.targetTitleHe} en={p.data?.targetTitleEn} />
      ),
    },
    {
      colId: 'share',
      field: 'share',
      headerName: t('col.share'),
      width: 70,
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
      width: 156,
      cellRenderer: (p: Cell) =>
        p.data ? (
          <StatusChip
            status={p.data.status && reviewState(p.data.status, p.data.agencyDecisions)}
          />
        ) : null,
    },
    {
      // Not sortable: which agency decided is not a column of the host's sort.
      colId: 'approvals',
      headerName: tApproval('col'),
      width: 170,
      sortable: false,
      cellRenderer: (p: Cell) => (p.data ? <ApprovalsChip row={p.data} /> : null),
    },
    {
      // Sorted by when; its text filter matches who (the steward's name).
      colId: 'updatedAt',
      field: 'updatedAt',
      headerName: t('col.lastChanged'),
      width: 136,
      ...textFilter,
      tooltipValueGetter: (p) => p.data?.updatedAt ?? null,
      cellRenderer: (p: Cell) => (p.data ? <LastChanged row={p.data} t={t} lang={lang} /> : null),
    },
  ];
}
