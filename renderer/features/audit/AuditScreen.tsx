import type { ColDef, ICellRendererParams, ValueFormatterParams } from 'ag-grid-community';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, ExportedFile } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { pagedDatasource } from '../../ui/grid/paged-datasource';
import { PagedGrid } from '../../ui/grid/PagedGrid';
import { auditDiff, diffText, replayOf } from '../../../shared/domain/audit/audit-diff';
import {
  AuditFilters,
  EMPTY_FILTER,
  actionLabel,
  toAuditFilter,
  type AuditFilterDraft,
} from './AuditFilters';
import { downloadExport } from '../../ui/download-export';
import { clipText } from '../crosswalks/LongText';
import './audit.css';

/** Fields whose values are enums the crosswalks namespace already names. */
const ENUM_FIELDS: Record<string, string> = {
  relation: 'crosswalks:relation',
  justification: 'crosswalks:justification',
  agency: 'common:agency',
  role: 'common:role',
  decisionES: 'approval:chip',
  decisionCBS: 'approval:chip',
  blindMode: 'audit:boolean',
  appended: 'audit:boolean',
};

type Translate = (key: string, opts?: Record<string, unknown>) => string;

function fieldLabel(t: Translate, key: string): string {
  return t(`field.${key}`, { defaultValue: key });
}

/** A version's approvals, `[{agency, name, at}]`, as "name (agency)" in the UI language. */
function approvalsLabel(t: Translate, value: string): string | null {
  try {
    const list = JSON.parse(value) as unknown;
    if (!Array.isArray(list)) return null;
    if (list.length === 0) return '—';
    return list
      .map((a: { agency?: string; name?: string }) =>
        a.agency ? `${a.name ?? ''} (${t(`common:agency.${a.agency}`)})` : (a.name ?? ''),
      )
      .join(', ');
  } catch {
    return null;
  }
}

function valueLabel(t: Translate, key: string, value: string): string {
  if (value === 'null') return '—';
  if (key === 'approvals') return approvalsLabel(t, value) ?? clipText(value);
  // A status is a mapping's, or a version's (frozen, superseded).
  if (key === 'status')
    return t(`crosswalks:status.${value}`, {
      defaultValue: t(`versions:status.${value}`, { defaultValue: value }),
    });
  const ns = ENUM_FIELDS[key];
  // A 200,000-character imported comment must not flood the log: the start of it is enough here.
  return ns ? t(`${ns}.${value}`, { defaultValue: value }) : clipText(value);
}

/** A comment in the UI language: the host's "undo of mapping.decide" reads as the action's label. */
function commentLabel(t: Translate, comment: string | null): string {
  const replay = replayOf(comment);
  return replay
    ? t(`replay.${replay.which}`, { action: actionLabel(t, replay.action) })
    : (comment ?? '');
}

function DiffCell({ data }: ICellRendererParams<AuditEntry>) {
  const { t, i18n } = useTranslation('audit');
  if (!data) return null;
  const arrow = i18n.dir() === 'rtl' ? '←' : '→';
  const lines = auditDiff(data.before, data.after);
  return (
    <div className="audit-diff" data-testid="audit-diff">
      {lines.map((l, i) => (
        <span key={i} className="audit-diff-line">
          {l.key && <span className="audit-diff-key">{fieldLabel(t, l.key)}: </span>}
          {l.before !== undefined && (
            <bdi className={l.after === undefined ? 'before removed' : 'before'}>
              {valueLabel(t, l.key, l.before)}
            </bdi>
          )}
          {l.before !== undefined && l.after !== undefined && (
            <span className="arrow" aria-hidden>
              {' '}
              {arrow}{' '}
            </span>
          )}
          {l.after !== undefined && <bdi className="after">{valueLabel(t, l.key, l.after)}</bdi>}
          {l.times > 1 && <span className="muted"> ×{l.times}</span>}
        </span>
      ))}
    </div>
  );
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** A mapping's codes as its audit entry recorded them (the host writes sourceCode/targetCode on both sides). */
function mappingCodes(entry: AuditEntry): { source: string; target: string } | null {
  for (const side of [entry.after, entry.before]) {
    if (isRecord(side) && typeof side.sourceCode === 'string')
      return {
        source: side.sourceCode,
        target: typeof side.targetCode === 'string' ? side.targetCode : '—',
      };
  }
  return null;
}

function EntityCell({
  data,
  context,
}: ICellRendererParams<AuditEntry, unknown, { entityLabel(type: string): string }>) {
  const { i18n } = useTranslation('audit');
  if (!data) return null;
  const codes = data.entityType === 'mapping' ? mappingCodes(data) : null;
  const arrow = i18n.dir() === 'rtl' ? '←' : '→';
  return (
    <span>
      {context.entityLabel(data.entityType)}{' '}
      {codes ? (
        <span data-testid="audit-mapping-codes" title={`#${data.entityId}`}>
          <Ltr className="code">{codes.source}</Ltr> {arrow}{' '}
          <Ltr className="code">{codes.target}</Ltr>
        </span>
      ) : (
        <Ltr className="code">
          {data.entityType === 'mapping' ? `#${data.entityId}` : data.entityId}
        </Ltr>
      )}
    </span>
  );
}

/** Who changed what, when, for which agency: the whole log, paged from the host, filterable and exportable. */
export function AuditScreen() {
  const { t, i18n } = useTranslation('audit');
  const lang = i18n.language;
  const [draft, setDraft] = useState<AuditFilterDraft>(EMPTY_FILTER);
  const [revision, setRevision] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [blind, setBlind] = useState(false);
  const [exporting, setExporting] = useState<'csv' | 'json' | null>(null);
  const [exported, setExported] = useState<ExportedFile | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  const filter = useMemo(() => toAuditFilter(draft), [draft]);
  // A new datasource (new filter or new entries in the log) makes the grid start again from the first block.
  const datasource = useMemo(
    () =>
      // Pages of the log straight from the host, newest first; the renderer never holds the whole log.
      pagedDatasource(
        (offset, limit) => rpc.call('audit.list', { offset, limit, filter }),
        (page) => {
          setTotal(page?.total ?? null);
          setBlind(page?.blind ?? false);
        },
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [filter, revision],
  );

  useEffect(
    () =>
      rpc.on('workspace.changed', () => {
        setRevision((r) => r + 1);
      }),
    [],
  );

  const dateFmt = useMemo(
    () =>
      new Intl.DateTimeFormat(lang === 'he' ? 'he-IL' : 'en-GB', {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
    [lang],
  );

  const columnDefs = useMemo<ColDef<AuditEntry>[]>(
    () => [
      {
        colId: 'at',
        field: 'at',
        headerName: t('col.at'),
        width: 200,
        valueFormatter: (p: ValueFormatterParams<AuditEntry, string>) =>
          p.value ? dateFmt.format(new Date(p.value)) : '',
        tooltipValueGetter: (p) => p.data?.at,
        cellClass: 'ltr-cell',
      },
      { colId: 'steward', field: 'stewardName', headerName: t('col.steward'), width: 150 },
      {
        colId: 'agency',
        field: 'agency',
        headerName: t('col.agency'),
        width: 160,
        valueFormatter: (p: ValueFormatterParams<AuditEntry, string>) =>
          p.value ? t(`common:agency.${p.value}`) : '',
      },
      {
        colId: 'action',
        field: 'action',
        headerName: t('col.action'),
        width: 170,
        valueFormatter: (p: ValueFormatterParams<AuditEntry, string>) =>
          p.value ? actionLabel(t, p.value) : '',
        tooltipField: 'action',
      },
      {
        colId: 'entity',
        headerName: t('col.entity'),
        width: 190,
        cellRenderer: EntityCell,
        tooltipValueGetter: (p) => (p.data ? `${p.data.entityType} ${p.data.entityId}` : undefined),
      },
      {
        colId: 'change',
        headerName: t('col.change'),
        flex: 2,
        minWidth: 260,
        cellRenderer: DiffCell,
        cellClass: 'audit-change-cell',
        tooltipValueGetter: (p) =>
          p.data ? clipText(diffText(auditDiff(p.data.before, p.data.after)), 1000) : undefined,
      },
      {
        colId: 'comment',
        field: 'comment',
        headerName: t('col.comment'),
        flex: 1,
        minWidth: 160,
        valueFormatter: (p: ValueFormatterParams<AuditEntry, string | null>) =>
          clipText(commentLabel(t, p.value ?? null)),
        tooltipValueGetter: (p) =>
          p.data ? clipText(commentLabel(t, p.data.comment), 1000) : undefined,
        cellClass: 'auto-dir',
      },
    ],
    [t, dateFmt],
  );

  const context = useMemo(
    () => ({ entityLabel: (type: string) => t(`entity.${type}`, { defaultValue: type }) }),
    [t],
  );
  const getRowId = useCallback((p: { data: AuditEntry }) => String(p.data.id), []);

  const runExport = async (format: 'csv' | 'json') => {
    setExporting(format);
    setExportError(null);
    setExported(null);
    try {
      const file = await rpc.call('audit.export', { filter, format });
      await downloadExport(file);
      setExported(file);
    } catch (e) {
      setExportError(errorText(e));
    } finally {
      setExporting(null);
    }
  };

  const fmt = new Intl.NumberFormat(lang === 'he' ? 'he-IL' : 'en-US');
  return (
    <main className="audit-screen" data-testid="audit-screen">
      <header className="audit-head">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <div className="audit-export">
          <button
            data-testid="audit-export-csv"
            disabled={!!exporting}
            onClick={() => void runExport('csv')}
          >
            {exporting === 'csv' ? t('export.working') : t('export.csv')}
          </button>
          <button
            data-testid="audit-export-json"
            disabled={!!exporting}
            onClick={() => void runExport('json')}
          >
            {exporting === 'json' ? t('export.working') : t('export.json')}
          </button>
        </div>
      </header>
      {exported && (
        <p className="audit-export-done" role="status" data-testid="audit-export-path">
          {t('export.saved', { count: exported.rows })} <Ltr className="code">{exported.path}</Ltr>
        </p>
      )}
      {exportError && (
        <p className="error" role="alert" data-testid="audit-export-error">
          {exportError}
        </p>
      )}
      <AuditFilters draft={draft} onChange={setDraft} revision={revision} />
      <p className="muted audit-count" data-testid="audit-count" aria-live="polite">
        {total === null
          ? t('count.loading')
          : t('count.entries', { count: total, formatted: fmt.format(total) })}
      </p>
      {blind && (
        <p className="muted" data-testid="audit-blind-hidden">
          {t('count.blind')}
        </p>
      )}
      <div className="audit-grid" data-testid="audit-grid">
        <PagedGrid<AuditEntry>
          key={lang}
          lang={lang}
          datasource={datasource}
          blockSize={100}
          columnDefs={columnDefs}
          getRowId={getRowId}
          context={context}
          tooltipShowDelay={400}
        />
      </div>
    </main>
  );
}
