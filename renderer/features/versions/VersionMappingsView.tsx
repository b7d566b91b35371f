import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrosswalkVersion, VersionMapping } from '../../../shared/contract';
import { mappingRelationshipType } from '../../../shared/domain/crosswalk/versions';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { pagedDatasource } from '../../ui/grid/paged-datasource';
import { PagedGrid } from '../../ui/grid/PagedGrid';
import { RelationshipType } from './MappingMetaCells';

type Cell = ICellRendererParams<VersionMapping>;

function CodeCell({ value }: ICellRendererParams<VersionMapping, string>) {
  return value ? <Ltr className="code">{value}</Ltr> : null;
}

function RelationCell({ data }: Cell) {
  const { t } = useTranslation('versions');
  return data ? <>{t(`crosswalks:relation.${data.relation}`)}</> : null;
}

function StatusCell({ data }: Cell) {
  const { t } = useTranslation('versions');
  return data ? <>{t(`crosswalks:status.${data.status}`)}</> : null;
}

function JustificationCell({ data }: Cell) {
  const { t } = useTranslation('versions');
  return data ? <>{t(`crosswalks:justification.${data.justification}`)}</> : null;
}

function ShareCell({ data }: Cell) {
  return data && data.share !== null ? <Ltr>{data.share}</Ltr> : null;
}

function RelationshipTypeCell({ data }: Cell) {
  if (!data) return null;
  return (
    <span data-testid="version-mapping-relationship">
      <RelationshipType value={mappingRelationshipType(data)} />
    </span>
  );
}

/** A date of the mapping's validity; open ends show as "…", a rejected mapping holds at no time. */
function DateCell({ data, field }: Cell & { field: 'validFrom' | 'validTo' }) {
  if (!data) return null;
  if (data.status === 'rejected') return <>—</>;
  return (
    <span data-testid={`version-mapping-${field}`}>
      <Ltr>{data[field] ?? '…'}</Ltr>
    </span>
  );
}

/** Every mapping of one frozen version with its GSIM relationship type and when it holds. */
export function VersionMappingsView({
  crosswalkId,
  versions,
}: {
  crosswalkId: string;
  versions: CrosswalkVersion[];
}) {
  const { t, i18n } = useTranslation('versions');
  const lang = i18n.language;
  const latest = versions[0]?.number ?? null;
  const [number, setNumber] = useState<number | null>(latest);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (number === null && latest !== null) setNumber(latest);
  }, [number, latest]);

  const datasource = useMemo(
    () =>
      number === null
        ? null
        : pagedDatasource(
            (offset, limit) =>
              rpc.call('versions.mappings', { crosswalkId, number, offset, limit }),
            (page, e) => {
              setTotal(page?.total ?? null);
              setError(e === undefined ? null : errorText(e));
            },
          ),
    [crosswalkId, number],
  );

  const columnDefs = useMemo<ColDef<VersionMapping>[]>(
    () => [
      {
        colId: 'sourceCode',
        field: 'sourceCode',
        headerName: t('diff.col.source'),
        width: 110,
        cellRenderer: CodeCell,
      },
      {
        colId: 'targetCode',
        field: 'targetCode',
        headerName: t('diff.col.target'),
        width: 110,
        cellRenderer: CodeCell,
      },
      {
        colId: 'relation',
        headerName: t('field.relation'),
        width: 110,
        cellRenderer: RelationCell,
      },
      { colId: 'share', headerName: t('field.share'), width: 80, cellRenderer: ShareCell },
      { colId: 'status', headerName: t('field.status'), width: 110, cellRenderer: StatusCell },
      {
        colId: 'justification',
        headerName: t('field.justification'),
        flex: 1,
        minWidth: 120,
        cellRenderer: JustificationCell,
      },
      {
        colId: 'relationshipType',
        headerName: t('diff.col.relationship'),
        headerTooltip: t('diff.col.relationshipHint'),
        width: 110,
        cellRenderer: RelationshipTypeCell,
      },
      {
        colId: 'validFrom',
        headerName: t('freeze.validFrom'),
        headerTooltip: t('diff.col.validityHint'),
        width: 120,
        cellRenderer: DateCell,
        cellRendererParams: { field: 'validFrom' },
      },
      {
        colId: 'validTo',
        headerName: t('freeze.validTo'),
        headerTooltip: t('diff.col.validityHint'),
        width: 120,
        cellRenderer: DateCell,
        cellRendererParams: { field: 'validTo' },
      },
    ],
    [t],
  );

  if (number === null)
    return (
      <p className="muted" data-testid="version-mappings-none">
        {t('diff.noVersions')}
      </p>
    );

  const fmt = new Intl.NumberFormat(lang === 'he' ? 'he-IL' : 'en-US');
  return (
    <section
      className="version-diff"
      data-testid="version-mappings"
      aria-label={t('mappings.title')}
    >
      <div className="version-diff-head">
        <label className="field-inline">
          {t('mappings.version')}
          <select
            data-testid="version-mappings-number"
            value={String(number)}
            onChange={(e) => setNumber(Number(e.target.value))}
          >
            {versions.map((v) => (
              <option key={v.number} value={String(v.number)}>
                {t('diff.version', { number: v.number })}
              </option>
            ))}
          </select>
        </label>
        <span className="muted" data-testid="version-mappings-total" aria-live="polite">
          {total === null
            ? t('common:loading')
            : t('list.mappings', { count: total, formatted: fmt.format(total) })}
        </span>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="version-diff-grid" data-testid="version-mappings-grid">
        {datasource && (
          <PagedGrid<VersionMapping>
            key={`${lang}:${number}`}
            lang={lang}
            datasource={datasource}
            columnDefs={columnDefs}
          />
        )}
      </div>
    </section>
  );
}
