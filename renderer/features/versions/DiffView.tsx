import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CrosswalkVersion,
  DiffRow,
  ExportedFile,
  Result,
  VersionMapping,
  VersionRef,
} from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { downloadExport } from '../../ui/download-export';
import { pagedDatasource } from '../../ui/grid/paged-datasource';
import { PagedGrid } from '../../ui/grid/PagedGrid';
import { RelationshipCell, ValidityCell, type ValidityCellParams } from './MappingMetaCells';

/** The fields shown for an added or removed mapping. */
const SUMMARY_FIELDS = ['relation', 'share', 'status'] as const;

type Translate = (key: string, opts?: Record<string, unknown>) => string;

function fieldValue(t: Translate, m: VersionMapping, field: string): string {
  const v = m[field as keyof VersionMapping];
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return t(v ? 'diff.yes' : 'diff.no');
  if (field === 'relation') return t(`crosswalks:relation.${v}`);
  if (field === 'status') return t(`crosswalks:status.${v}`);
  if (field === 'justification') return t(`crosswalks:justification.${v}`);
  if (field === 'esDecision' || field === 'cbsDecision') {
    const by = field === 'esDecision' ? m.esBy : m.cbsBy;
    const decision = t(`decision.${v}`, { defaultValue: String(v) });
    return by ? t('decisionBy', { decision, name: by }) : decision;
  }
  return String(v);
}

function ChangeCell({ data }: ICellRendererParams<DiffRow>) {
  const { t, i18n } = useTranslation('versions');
  if (!data) return null;
  const arrow = i18n.dir() === 'rtl' ? '←' : '→';
  const fields = data.kind === 'changed' ? data.changedFields : SUMMARY_FIELDS;
  const last = data.after ?? data.before;
  return (
    <span className="version-change" data-testid="diff-change">
      {fields.map((f) => (
        <span key={f} className="version-change-line">
          <span className="muted">{t(`field.${f}`, { defaultValue: f })}: </span>
          {data.before && (
            <bdi className={data.after ? 'before' : 'before removed'}>
              {fieldValue(t, data.before, f)}
            </bdi>
          )}
          {data.before && data.after && <span aria-hidden> {arrow} </span>}
          {data.after && <bdi className="after">{fieldValue(t, data.after, f)}</bdi>}
        </span>
      ))}
      {last?.updatedBy && (
        <span className="muted version-change-by">{t('diff.by', { name: last.updatedBy })}</span>
      )}
    </span>
  );
}

function KindCell({ value }: ICellRendererParams<DiffRow, DiffRow['kind']>) {
  const { t } = useTranslation('versions');
  if (!value) return null;
  return (
    <span className={`diff-kind diff-kind-${value}`} data-testid="diff-kind" data-kind={value}>
      {t(`diff.kind.${value}`)}
    </span>
  );
}

function CodeCell({ value }: ICellRendererParams<DiffRow, string>) {
  return value ? <Ltr className="code">{value}</Ltr> : null;
}

const refLabel = (t: Translate, ref: VersionRef) =>
  ref === 'draft' ? t('diff.draft') : t('diff.version', { number: ref });

const parseRef = (value: string): VersionRef => (value === 'draft' ? 'draft' : Number(value));

/** One side of the comparison: the draft or a version. */
function RefSelect(props: {
  label: string;
  testId: string;
  value: VersionRef;
  options: VersionRef[];
  onChange: (ref: VersionRef) => void;
}) {
  const { t } = useTranslation('versions');
  return (
    <label className="field-inline">
      {props.label}
      <select
        data-testid={props.testId}
        value={String(props.value)}
        onChange={(e) => props.onChange(parseRef(e.target.value))}
      >
        {props.options.map((o) => (
          <option key={String(o)} value={String(o)}>
            {refLabel(t, o)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Two versions (or the draft) side by side: added, removed and changed mappings, exportable. */
export function DiffView({
  crosswalkId,
  versions,
  revision,
}: {
  crosswalkId: string;
  versions: CrosswalkVersion[];
  revision: number;
}) {
  const { t, i18n } = useTranslation('versions');
  const lang = i18n.language;
  const latest = versions[0]?.number;
  const [from, setFrom] = useState<VersionRef | null>(latest ?? null);
  const [to, setTo] = useState<VersionRef>('draft');
  const [totals, setTotals] = useState<Result<'versions.diff'>['totals'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportedFile | null>(null);

  useEffect(() => {
    if (from === null && latest !== undefined) setFrom(latest);
  }, [from, latest]);

  const datasource = useMemo(
    () =>
      from === null
        ? null
        : pagedDatasource(
            (offset, limit) => rpc.call('versions.diff', { crosswalkId, from, to, offset, limit }),
            (page, e) => {
              setTotals(page?.totals ?? null);
              setError(e === undefined ? null : errorText(e));
            },
          ),
    // A revision (a decision, a new version) starts the grid again from the first block.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [crosswalkId, from, to, revision],
  );

  const columnDefs = useMemo<ColDef<DiffRow>[]>(
    () => [
      {
        colId: 'kind',
        field: 'kind',
        headerName: t('diff.col.kind'),
        width: 110,
        cellRenderer: KindCell,
      },
      {
        colId: 'sourceCode',
        field: 'sourceCode',
        headerName: t('diff.col.source'),
        width: 120,
        cellRenderer: CodeCell,
      },
      {
        colId: 'targetCode',
        field: 'targetCode',
        headerName: t('diff.col.target'),
        width: 120,
        cellRenderer: CodeCell,
      },
      {
        colId: 'relationship',
        headerName: t('diff.col.relationship'),
        headerTooltip: t('diff.col.relationshipHint'),
        width: 110,
        cellRenderer: RelationshipCell,
      },
      {
        colId: 'validity',
        headerName: t('diff.col.validity'),
        headerTooltip: t('diff.col.validityHint'),
        width: 210,
        cellRenderer: ValidityCell,
        cellRendererParams: {
          fromDraft: from === 'draft',
          toDraft: to === 'draft',
        } satisfies ValidityCellParams,
      },
      {
        colId: 'change',
        headerName: t('diff.col.change'),
        flex: 1,
        minWidth: 300,
        cellRenderer: ChangeCell,
      },
    ],
    [t, from, to],
  );

  const options: VersionRef[] = ['draft', ...versions.map((v) => v.number)];

  const runExport = async () => {
    if (from === null) return;
    setExporting(true);
    setExported(null);
    try {
      const file = await rpc.call('versions.exportDiff', { crosswalkId, from, to, format: 'csv' });
      setExported(file);
      await downloadExport(file);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  if (from === null)
    return (
      <p className="muted" data-testid="diff-no-versions">
        {t('diff.noVersions')}
      </p>
    );

  const fmt = new Intl.NumberFormat(lang === 'he' ? 'he-IL' : 'en-US');
  return (
    <section className="version-diff" data-testid="version-diff" aria-label={t('diff.title')}>
      <div className="version-diff-head">
        <RefSelect
          label={t('diff.from')}
          testId="diff-from"
          value={from}
          options={options}
          onChange={setFrom}
        />
        <RefSelect
          label={t('diff.to')}
          testId="diff-to"
          value={to}
          options={options}
          onChange={setTo}
        />
        <span className="version-diff-totals" data-testid="diff-totals" aria-live="polite">
          {totals
            ? (['added', 'removed', 'changed'] as const).map((k) => (
                <span
                  key={k}
                  className={`diff-kind diff-kind-${k}`}
                  data-testid={`diff-total-${k}`}
                >
                  {t(`diff.total.${k}`, { formatted: fmt.format(totals[k]), count: totals[k] })}
                </span>
              ))
            : t('diff.loading')}
        </span>
        <button data-testid="diff-export-csv" disabled={exporting} onClick={() => void runExport()}>
          {exporting ? t('diff.exporting') : t('diff.exportCsv')}
        </button>
      </div>
      {exported && (
        <p className="muted" role="status" data-testid="diff-export-path">
          {t('diff.exported', { count: exported.rows })} <Ltr className="code">{exported.path}</Ltr>
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {totals && totals.added + totals.removed + totals.changed === 0 && (
        <p className="muted" data-testid="diff-no-changes">
          {t('diff.noChanges')}
        </p>
      )}
      <div className="version-diff-grid" data-testid="diff-grid">
        {datasource && (
          <PagedGrid<DiffRow>
            key={`${lang}:${String(from)}:${String(to)}:${revision}`}
            lang={lang}
            rowHeight={40}
            datasource={datasource}
            columnDefs={columnDefs}
          />
        )}
      </div>
    </section>
  );
}
