import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/contract';
import type { RpcErrorBody } from '../../../shared/rpc/errors';
import { Ltr } from '../../ui/Bidi';
import { importProblemTotal, importProblems } from '../../../shared/domain/import/import-problems';

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
        {t('result.rows')} · <Ltr>{fmt.format(result.ms / 1000)}</Ltr> {t('result.seconds')}
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
        <p>
          <bdi>{fileName}</bdi>: <span dir="auto">{error.message}</span>
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
              <li key={i} data-testid="import-problem">
                {p.file && (
                  <span className="problem-part">
                    {t('error.file')} <bdi>{p.file}</bdi>
                  </span>
                )}
                {p.row !== undefined && (
                  <span className="problem-part">
                    {t('error.row')} <Ltr>{p.row}</Ltr>
                  </span>
                )}
                {p.column && (
                  <span className="problem-part">
                    {t('error.column')} <bdi>{p.column}</bdi>
                  </span>
                )}
                {p.value !== undefined && (
                  <span className="problem-part">
                    {t('error.value')} <Ltr className="code">{p.value}</Ltr>
                  </span>
                )}
                {p.expected && (
                  <span className="problem-part">
                    {t('error.expected')} <span dir="auto">{p.expected}</span>
                  </span>
                )}
                {p.message && (
                  <span className="problem-part message" dir="auto">
                    {p.message}
                  </span>
                )}
              </li>
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
