import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/contract';
import type { RpcErrorBody } from '../../../shared/rpc/errors';
import { Ltr } from '../../ui/Bidi';
import {
  importProblemTotal,
  importProblems,
  type ImportProblem,
} from '../../../shared/domain/import/import-problems';
import { errorText, isCellProblem, problemWhat } from '../../app/errors';

export function ImportSuccess({
  result,
  fileName,
  onOpenCrosswalk,
  onAnother,
}: {
  result: ImportResult;
  fileName: string;
  onOpenCrosswalk(id: string): void;
  onAnother(): void;
}) {
  const { t, i18n } = useTranslation('import');
  const fmt = new Intl.NumberFormat(i18n.language === 'he' ? 'he-IL' : 'en-US', {
    maximumFractionDigits: 1,
  });
  return (
    <section className="import-result card ok" data-testid="import-result" role="status">
      <h3>{t(result.kind === 'scheme' ? 'result.schemeDone' : 'result.crosswalkDone')}</h3>
      <p>
        {t('result.summary', { file: fileName })}{' '}
        <span data-testid="import-result-rows">
          <Ltr>{fmt.format(result.rows)}</Ltr>
        </span>{' '}
        {t('result.rows', { count: result.rows })} · <Ltr>{fmt.format(result.ms / 1000)}</Ltr>{' '}
        {t('result.seconds')}
      </p>
      <div className="import-actions">
        {result.kind === 'crosswalk' && (
          <button
            className="primary"
            data-testid="import-open-crosswalk"
            onClick={() => onOpenCrosswalk(result.id)}
          >
            {t('result.openCrosswalk')}
          </button>
        )}
        <button data-testid="import-another" onClick={onAnother}>
          {t('result.another')}
        </button>
      </div>
    </section>
  );
}

function ProblemItem({ problem: p }: { problem: ImportProblem }) {
  const { t } = useTranslation('import');
  const where: { key: string; label: string; value: ReactNode }[] = [];
  if (p.file) where.push({ key: 'file', label: t('error.file'), value: <Ltr>{p.file}</Ltr> });
  if (p.row !== undefined)
    where.push({ key: 'row', label: t('error.row'), value: <Ltr>{p.row}</Ltr> });
  if (p.column !== undefined)
    where.push({ key: 'column', label: t('error.column'), value: <bdi>{p.column}</bdi> });
  if (p.value !== undefined)
    where.push({
      key: 'value',
      label: t('error.value'),
      value:
        p.value === '' ? (
          <span className="problem-empty">{t('error.emptyCell')}</span>
        ) : (
          <Ltr className="code">{p.value}</Ltr>
        ),
    });
  const what = problemWhat(p);
  const translated = !!p.code && what !== (p.expected ?? p.message);
  return (
    <li data-testid="import-problem">
      {where.length > 0 && (
        <span className="problem-where">
          {where.map((w, i) => (
            <span key={w.key}>
              {i > 0 && (
                <span className="problem-sep" aria-hidden="true">
                  {' · '}
                </span>
              )}
              <span className="problem-part" data-testid={`import-problem-${w.key}`}>
                <span className="problem-label">{w.label}</span> {w.value}
              </span>
            </span>
          ))}
        </span>
      )}
      {what && (
        <span className="problem-what" data-testid="import-problem-what">
          {isCellProblem(p) && (
            <span className="problem-label">
              {t('error.fieldLabel', { label: t('error.expected') })}{' '}
            </span>
          )}
          {translated ? what : <bdi dir="auto">{what}</bdi>}
        </span>
      )}
    </li>
  );
}

export function ImportFailure({
  error,
  fileName,
  onBack,
}: {
  error: RpcErrorBody;
  fileName: string;
  onBack(): void;
}) {
  const { t } = useTranslation('import');
  const problems = importProblems(error.details);
  const total = importProblemTotal(error.details, problems.length);
  const cancelled = error.code === 'cancelled';
  return (
    <section className="import-error card" data-testid="import-error" role="alert">
      <h3>{cancelled ? t('error.cancelledTitle') : t('error.title')}</h3>
      <p className="import-nothing-changed" data-testid="import-nothing-changed">
        <strong>{t('error.nothingChanged')}</strong>
      </p>
      {!cancelled && problems.length === 0 && (
        <p data-testid="import-error-text">
          <Ltr>{fileName}</Ltr>
          {t('error.fieldSeparator')}
          {errorText(error)}
        </p>
      )}
      {problems.length > 0 && (
        <>
          <p data-testid="import-problem-count">
            {total > problems.length
              ? t('error.problemsFirst', { count: total, shown: problems.length })
              : t('error.problems', { count: problems.length })}
          </p>
          <ol className="import-problems" data-testid="import-problems">
            {problems.map((p, i) => (
              <ProblemItem key={i} problem={p} />
            ))}
          </ol>
        </>
      )}
      <div className="import-actions">
        <button className="primary" data-testid="import-back" onClick={onBack}>
          {t('error.back')}
        </button>
      </div>
    </section>
  );
}
