import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportResult, type Preview, type ReadOptions } from '../../../shared/contract';
import { RpcError, type RpcErrorBody } from '../../../shared/rpc/errors';
import { useApp } from '../../app/app-store';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { useCrosswalks } from '../crosswalks/crosswalk-store';
import {
  ColumnMapping,
  CODE_FIELDS,
  REQUIRED_FIELDS,
  fieldsOf,
  type ColumnChoice,
  type ImportKind,
} from './ColumnMapping';
import { ColumnWarnings } from './ColumnWarnings';
import { fileToBase64 } from '../../ui/base64';
import { ImportFailure, ImportSuccess } from './ImportOutcome';
import { JobProgress } from './JobProgress';
import { PreviewTable } from './PreviewTable';
import { ReadOptionsBar } from './ReadOptionsBar';
import {
  CrosswalkTargetForm,
  SchemeTargetForm,
  crosswalkTargetReady,
  schemeTargetReady,
  type CrosswalkTargetDraft,
  type SchemeTargetDraft,
} from './TargetForm';
import { useJob } from './use-job';
import './import.css';

const ACCEPT =
  '.csv,.tsv,.txt,.xlsx,.sssom.tsv,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Staged {
  stagedId: string;
  fileName: string;
  bytes: number;
}

const stem = (fileName: string) => fileName.replace(/\.(sssom\.)?[^.]+$/i, '');

/** Suggested mapping, keeping the steward's earlier choices where the column still exists. */
function prefill(kind: ImportKind, preview: Preview, previous: ColumnChoice): ColumnChoice {
  const suggested: Record<string, string | undefined> =
    kind === 'scheme' ? preview.suggestedScheme : preview.suggestedCrosswalk;
  const next: ColumnChoice = {};
  for (const field of fieldsOf(kind)) {
    const keep = previous[field];
    const value = keep && preview.headers.includes(keep) ? keep : suggested[field];
    if (value && preview.headers.includes(value)) next[field] = value;
  }
  return next;
}

const guessKind = (p: Preview): ImportKind =>
  p.format === 'sssom' || (p.suggestedCrosswalk.sourceCode && p.suggestedCrosswalk.targetCode)
    ? 'crosswalk'
    : 'scheme';

/** Import wizard: pick a file, check how it was read, say what it is and which column is which, commit as a job. */
export function ImportScreen() {
  const { t, i18n } = useTranslation('import');
  const setView = useApp((s) => s.setView);
  const [staged, setStaged] = useState<Staged | null>(null);
  const [busy, setBusy] = useState<'reading' | 'preview' | null>(null);
  const [options, setOptions] = useState<ReadOptions>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [kind, setKind] = useState<ImportKind>('scheme');
  const [columns, setColumns] = useState<ColumnChoice>({});
  const [schemeDraft, setSchemeDraft] = useState<SchemeTargetDraft>({
    nameHe: '',
    nameEn: '',
    version: '',
    agency: null,
  });
  const [crosswalkDraft, setCrosswalkDraft] = useState<CrosswalkTargetDraft>({
    mode: 'new',
    nameHe: '',
    nameEn: '',
    sourceSchemeId: '',
    targetSchemeId: '',
    existingCrosswalkId: '',
  });
  const [jobId, setJobId] = useState<string | null>(null);
  const [commitError, setCommitError] = useState<RpcErrorBody | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const job = useJob(jobId);
  const previewSeq = useRef(0);
  const stagedRef = useRef<Staged | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Staged bytes are dropped when the steward leaves the screen without committing.
  useEffect(
    () => () => {
      if (stagedRef.current)
        void rpc.callReply('import.discard', { stagedId: stagedRef.current.stagedId });
    },
    [],
  );

  const runPreview = async (target: Staged, opts: ReadOptions, first: boolean) => {
    const seq = ++previewSeq.current;
    setBusy('preview');
    setPreviewError(null);
    try {
      const p = await rpc.call('import.preview', { stagedId: target.stagedId, options: opts });
      if (seq !== previewSeq.current) return;
      setPreview(p);
      // An SSSOM file names its schemes and title: start from those, the steward may change them.
      const named = first ? p.suggestedTarget : undefined;
      if (named)
        setCrosswalkDraft((d) => ({
          ...d,
          sourceSchemeId: named.sourceSchemeId ?? d.sourceSchemeId,
          targetSchemeId: named.targetSchemeId ?? d.targetSchemeId,
          ...(named.title ? { nameHe: named.title, nameEn: named.title } : {}),
        }));
      const k = first ? guessKind(p) : null;
      if (k) setKind(k);
      setColumns((prev) => prefill(k ?? kind, p, first ? {} : prev));
    } catch (e) {
      if (seq === previewSeq.current) setPreviewError(errorText(e));
    } finally {
      if (seq === previewSeq.current) setBusy(null);
    }
  };

  const pickFile = async (file: File) => {
    if (stagedRef.current)
      void rpc.callReply('import.discard', { stagedId: stagedRef.current.stagedId });
    stagedRef.current = null;
    setStaged(null);
    setPreview(null);
    setPreviewError(null);
    setJobId(null);
    setCommitError(null);
    setOptions({});
    setBusy('reading');
    try {
      const base64 = await fileToBase64(file);
      const { stagedId, bytes } = await rpc.call('import.stage', { fileName: file.name, base64 });
      const next = { stagedId, fileName: file.name, bytes };
      stagedRef.current = next;
      setStaged(next);
      const name = stem(file.name);
      // Each file starts with its own names; the schemes chosen for a crosswalk carry over.
      setSchemeDraft((d) => ({ ...d, nameHe: name, nameEn: name, version: '' }));
      setCrosswalkDraft((d) => ({ ...d, nameHe: name, nameEn: name }));
      await runPreview(next, {}, true);
    } catch (e) {
      setPreviewError(errorText(e));
      setBusy(null);
    }
  };

  const changeOptions = (next: ReadOptions) => {
    setOptions(next);
    if (staged) void runPreview(staged, next, false);
  };

  const changeKind = (next: ImportKind) => {
    setKind(next);
    if (preview) setColumns(prefill(next, preview, {}));
  };

  const mappedTo = useMemo(() => {
    const m = new Map<string, string>();
    for (const [field, header] of Object.entries(columns)) if (!m.has(header)) m.set(header, field);
    return m;
  }, [columns]);
  const codeColumns = useMemo(
    () => new Set(CODE_FIELDS.map((f) => columns[f]).filter((h): h is string => !!h)),
    [columns],
  );

  const missing = REQUIRED_FIELDS[kind].filter((f) => !columns[f]);
  const targetReady =
    kind === 'scheme' ? schemeTargetReady(schemeDraft) : crosswalkTargetReady(crosswalkDraft);
  const canCommit = !!preview && !busy && missing.length === 0 && targetReady && !jobId;

  const commit = async () => {
    if (!staged || !canCommit) return;
    setCommitError(null);
    setCancelling(false);
    try {
      const started =
        kind === 'scheme'
          ? await rpc.call('import.commitScheme', {
              stagedId: staged.stagedId,
              options,
              columns: { ...columns, code: columns.code! },
              scheme: {
                nameHe: schemeDraft.nameHe.trim(),
                nameEn: schemeDraft.nameEn.trim(),
                version: schemeDraft.version.trim(),
                agency: schemeDraft.agency,
              },
            })
          : await rpc.call('import.commitCrosswalk', {
              stagedId: staged.stagedId,
              options,
              columns: {
                ...columns,
                sourceCode: columns.sourceCode!,
                targetCode: columns.targetCode!,
              },
              crosswalk:
                crosswalkDraft.mode === 'append'
                  ? { existingCrosswalkId: crosswalkDraft.existingCrosswalkId }
                  : {
                      nameHe: crosswalkDraft.nameHe.trim(),
                      nameEn: crosswalkDraft.nameEn.trim(),
                      sourceSchemeId: crosswalkDraft.sourceSchemeId,
                      targetSchemeId: crosswalkDraft.targetSchemeId,
                    },
            });
      setJobId(started.jobId);
    } catch (e) {
      setCommitError(
        e instanceof RpcError
          ? e.toBody()
          : { code: 'internal', message: e instanceof Error ? e.message : String(e) },
      );
    }
  };

  const cancel = async () => {
    if (!jobId) return;
    setCancelling(true);
    await rpc.callReply('jobs.cancel', { jobId });
  };

  const finished = job && job.status !== 'running' ? job : null;
  const parsedResult =
    finished?.status === 'succeeded' ? ImportResult.safeParse(finished.result) : null;
  const failure: RpcErrorBody | null =
    commitError ??
    (finished && finished.status !== 'succeeded'
      ? (finished.error ?? {
          code: finished.status === 'cancelled' ? 'cancelled' : 'internal',
          message: '',
        })
      : null);
  useEffect(() => {
    // A committed file is consumed by the host; nothing left to discard.
    if (parsedResult?.success) stagedRef.current = null;
  }, [parsedResult?.success]);

  const reset = () => {
    if (stagedRef.current)
      void rpc.callReply('import.discard', { stagedId: stagedRef.current.stagedId });
    stagedRef.current = null;
    setStaged(null);
    setPreview(null);
    setJobId(null);
    setCommitError(null);
    setOptions({});
    setColumns({});
    if (inputRef.current) inputRef.current.value = '';
  };

  const backToPreview = () => {
    setJobId(null);
    setCommitError(null);
  };

  const running = !!jobId && !finished;

  return (
    <main className="import-screen" data-testid="import-screen">
      <header className="import-head">
        <h1>{t('title')}</h1>
        <p className="muted">{t('intro')}</p>
      </header>

      <section className="card import-file">
        <label
          className={running ? 'import-file-label button disabled' : 'import-file-label button'}
        >
          <span>{staged ? t('file.chooseAnother') : t('file.choose')}</span>
          <input
            className="visually-hidden"
            ref={inputRef}
            type="file"
            accept={ACCEPT}
            data-testid="import-file-input"
            disabled={running}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void pickFile(file);
            }}
          />
        </label>
        <bdi dir="ltr" className="muted">
          {t('file.formats')}
        </bdi>
        {staged && (
          <span className="import-file-name" data-testid="import-file-name">
            <bdi>{staged.fileName}</bdi> ·{' '}
            <bdi dir="ltr">{new Intl.NumberFormat().format(staged.bytes)}</bdi> {t('file.bytes')}
          </span>
        )}
        {busy && (
          <span className="muted" data-testid="import-busy">
            {t(busy === 'reading' ? 'file.reading' : 'file.previewing')}
          </span>
        )}
      </section>

      {previewError && (
        <p className="error card" role="alert" data-testid="import-preview-error">
          {previewError}
        </p>
      )}

      {preview && !finished && !commitError && !running && (
        <>
          <section className="card">
            <h2>{t('preview.title')}</h2>
            <ReadOptionsBar preview={preview} options={options} onChange={changeOptions} />
            <ColumnWarnings warnings={preview.warnings} />
            {preview.metadata && (
              <details className="import-metadata" data-testid="import-metadata">
                <summary>{t('preview.metadata')}</summary>
                <dl>
                  {Object.entries(preview.metadata).map(([k, v]) => (
                    <div key={k}>
                      <dt dir="ltr">{k}</dt>
                      <dd dir="auto">{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            )}
            <PreviewTable preview={preview} mappedTo={mappedTo} codeColumns={codeColumns} />
          </section>

          <section className="card import-setup">
            <fieldset className="import-kind" role="radiogroup" disabled={running}>
              <legend>{t('kind.title')}</legend>
              {(['scheme', 'crosswalk'] as const).map((k) => (
                <label key={k} className="radio">
                  <input
                    type="radio"
                    name="import-kind"
                    data-testid={`import-kind-${k}`}
                    checked={kind === k}
                    onChange={() => changeKind(k)}
                  />
                  <span>
                    <strong>{t(`kind.${k}`)}</strong>{' '}
                    <span className="muted">{t(`kind.${k}Hint`)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <ColumnMapping
              kind={kind}
              headers={preview.headers}
              columns={columns}
              onChange={setColumns}
            />
            {kind === 'scheme' ? (
              <SchemeTargetForm draft={schemeDraft} onChange={setSchemeDraft} />
            ) : (
              <CrosswalkTargetForm draft={crosswalkDraft} onChange={setCrosswalkDraft} />
            )}
            <div className="import-actions">
              <button
                className="primary"
                data-testid="import-commit"
                disabled={!canCommit}
                onClick={() => void commit()}
              >
                {t(kind === 'scheme' ? 'commit.scheme' : 'commit.crosswalk', {
                  count: preview.totalRows,
                  formatted: new Intl.NumberFormat(
                    i18n.language === 'he' ? 'he-IL' : 'en-US',
                  ).format(preview.totalRows),
                })}
              </button>
              {missing.length > 0 && (
                <span className="muted" data-testid="import-missing">
                  {t('commit.missing', { fields: missing.map((f) => t(`field.${f}`)).join(', ') })}
                </span>
              )}
              {missing.length === 0 && !targetReady && (
                <span className="muted">{t('commit.targetIncomplete')}</span>
              )}
              <span className="muted">{t('commit.allOrNothing')}</span>
            </div>
          </section>
        </>
      )}

      {running && <JobProgress job={job} onCancel={() => void cancel()} cancelling={cancelling} />}

      {parsedResult?.success && staged && (
        <ImportSuccess
          result={parsedResult.data}
          fileName={staged.fileName}
          onOpenCrosswalk={(id) => void openCrosswalk(id, setView)}
          onAnother={reset}
        />
      )}
      {parsedResult && !parsedResult.success && (
        <p className="error card" role="alert" data-testid="import-error">
          {t('error.badResult')}
        </p>
      )}
      {failure && (
        <ImportFailure error={failure} fileName={staged?.fileName ?? ''} onBack={backToPreview} />
      )}
    </main>
  );
}

/** Opens the crosswalk screen on the crosswalk just imported (its list refreshed first, so the new one is in it). */
async function openCrosswalk(id: string, setView: (v: 'crosswalks') => void) {
  const store = useCrosswalks.getState();
  try {
    store.setCrosswalks(await rpc.call('crosswalks.list', {}));
  } catch {
    // the crosswalk screen loads its list itself; selecting still works once it has
  }
  store.selectCrosswalk(id);
  setView('crosswalks');
}
